import { describe, expect, it } from 'vitest';
import { CURATED_ENTRIES } from '../../../glossary/data';
import { describeId, describeTerm, entryInfo } from '../../../utils/dom/describe';
import { type MarkReading, setReading } from '../../../utils/dom/highlighter';
import { termOfMark } from '../../../utils/dom/term';

const byId = new Map(CURATED_ENTRIES.map((e) => [e.id, e]));
const lookup = (id: string, also: readonly string[]) => entryInfo(byId, id, also);
const names = (c: string) => ({ nl: `cat-nl:${c}`, en: `cat-en:${c}` });
const mark = (reading: MarkReading | string): MarkReading =>
  typeof reading === 'string' ? { id: reading } : reading;

describe('describeTerm', () => {
  it('describes a glossary entry with its category in both languages and its related entries', async () => {
    const content = await describeTerm(mark('nmi'), lookup, [], names);
    expect(content).toMatchObject({
      kind: 'entry',
      category: { nl: 'cat-nl:mission', en: 'cat-en:mission' },
    });
    const related = content?.kind === 'entry' ? content.related : [];
    expect(related.find((link) => link.id === 'oir')?.label).toEqual({ nl: 'OIR', en: 'OIR' });
  });

  it('passes on what the context rules said: the text, why, the other senses', async () => {
    const reading: MarkReading = {
      id: 'nmi',
      text: 'NAVO Missie Irak',
      sense: { reason: 'qualifier', evidence: 'Dutch' },
      alternatives: ['oir'],
    };
    const content = await describeTerm(mark(reading), lookup, [], names);
    expect(content).toMatchObject({ matched: 'NAVO Missie Irak', sense: reading.sense });
    expect(content?.kind === 'entry' && content.also?.map((l) => l.id)).toEqual(['oir']);
  });

  it('describes an acronym the page defines, and nothing for unknown ids', async () => {
    const definitions = [{ acronym: 'WB', expansion: 'Wereldbank', start: 0, end: 10 }];
    expect(await describeTerm(mark('page:WB'), lookup, definitions, names)).toEqual({
      kind: 'page',
      acronym: 'WB',
      expansion: 'Wereldbank',
    });
    expect(await describeTerm(mark('page:XX'), lookup, definitions, names)).toBeNull();
    expect(await describeTerm(mark('no-such-entry'), lookup, definitions, names)).toBeNull();
  });

  it('knows no term for a mark a page made itself, whatever its attributes say (audit F4)', () => {
    const forged = document.createElement('begrip-mark');
    forged.setAttribute('data-begrip-id', 'nmi');
    expect(termOfMark(forged)).toBeNull();
    const made = document.createElement('begrip-mark');
    setReading(made, { id: 'nmi' });
    expect(termOfMark(made)?.reading.id).toBe('nmi');
    expect(termOfMark(made)).toBe(termOfMark(made));
  });

  it('waits for a lookup that answers later (the background)', async () => {
    const later = (id: string) => Promise.resolve(entryInfo(byId, id));
    expect((await describeTerm(mark('oir'), later, [], names))?.kind).toBe('entry');
    expect((await describeId('oir', [], later, names))?.kind).toBe('entry');
  });
});
