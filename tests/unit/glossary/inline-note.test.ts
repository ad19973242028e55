import { describe, expect, it } from 'vitest';
import { CURATED_ENTRIES } from '../../../glossary/data';
import { inlineNote } from '../../../glossary/inline-note';
import { curatedEntry as entry } from '../../fixtures/curated';

describe('the inline note after a term', () => {
  it('gives an acronym its expansion in the reader’s language', () => {
    expect(inlineNote(entry('nmi'), 'en', 'NMI')).toEqual({ text: 'NATO Mission Iraq', lang: 'en' });
    expect(inlineNote(entry('nmi'), 'nl', 'NMI')?.lang).toBe('nl');
  });

  it('names a Dutch acronym in English for an English reader, not by its Dutch expansion', () => {
    expect(inlineNote(entry('cds'), 'en', 'CDS')).toEqual({ text: 'Chief of Defence', lang: 'en' });
    expect(inlineNote(entry('cds'), 'nl', 'CDS')).toEqual({
      text: 'Commandant der Strijdkrachten',
      lang: 'nl',
    });
  });

  it('gives a Dutch term its English equivalent', () => {
    const note = inlineNote(entry('artikel-100-brief'), 'en', 'artikel 100-brief');
    expect(note?.lang).toBe('en');
    expect(note?.text).toMatch(/Article 100/);
  });

  it('never repeats what the page already says; then offers the other language, or nothing', () => {
    const holder = entry('red-card-holder');
    const note = inlineNote(holder, 'en', 'Red Card Holder');
    expect(note === null || note.lang === 'nl').toBe(true);
    if (note) expect(note.text.toLowerCase()).not.toBe('red card holder');
    for (const e of CURATED_ENTRIES) {
      const shown = e.acronym ?? e.en.term;
      const found = inlineNote(e, 'en', shown);
      if (found) expect(found.text.toLowerCase()).not.toBe(shown.toLowerCase());
    }
  });
});
