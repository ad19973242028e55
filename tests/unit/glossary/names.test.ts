import { describe, expect, it } from 'vitest';
import { nameIn } from '../../../glossary/names';
import { curatedEntry as entry } from '../../fixtures/curated';

describe("an entry's short name", () => {
  it('names a Dutch acronym by its English term for an English reader, by its expansion for a Dutch one', () => {
    expect(nameIn(entry('cds'), 'en')).toBe('Chief of Defence');
    expect(nameIn(entry('cds'), 'nl')).toBe('Commandant der Strijdkrachten');
    expect(nameIn(entry('mivd'), 'en')).toBe('Defence Intelligence and Security Service');
    expect(nameIn(entry('kar'), 'en')).toBe('Kurdistan Region of Iraq');
  });

  it('leaves out the acronym where the English term repeats it', () => {
    expect(entry('dd').en.term).toBe('dated (d.d.)');
    expect(nameIn(entry('dd'), 'en')).toBe('dated');
    expect(nameIn(entry('cs'), 'en')).toBe('et al.');
  });

  it('keeps an English expansion, and a term without one', () => {
    expect(nameIn(entry('euam'), 'en')).toBe('European Union Advisory Mission');
    expect(nameIn(entry('nmi'), 'en')).toBe('NATO Mission Iraq');
    expect(nameIn(entry('artikel-100-brief'), 'en')).toBe(entry('artikel-100-brief').en.term);
  });
});
