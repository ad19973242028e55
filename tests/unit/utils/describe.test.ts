import { describe, expect, it } from 'vitest';
import { CURATED_ENTRIES } from '../../../glossary/data';
import { describeMark, entryInfo } from '../../../utils/dom/describe';

const byId = new Map(CURATED_ENTRIES.map((e) => [e.id, e]));
const lookup = (id: string) => entryInfo(byId, id);
const mark = (id: string) => {
  const element = document.createElement('begrip-mark');
  element.dataset.begripId = id;
  return element;
};

describe('describeMark', () => {
  it('describes a glossary entry with its category and related labels', async () => {
    const content = await describeMark(mark('nmi'), lookup, [], (c) => `cat:${c}`);
    expect(content).toMatchObject({ kind: 'entry', categoryLabel: 'cat:mission' });
    expect(content?.kind === 'entry' && content.relatedLabels).toContain('OIR');
  });

  it('describes an acronym the page defines, and nothing for unknown ids', async () => {
    const definitions = [{ acronym: 'WB', expansion: 'Wereldbank', start: 0, end: 10 }];
    expect(await describeMark(mark('page:WB'), lookup, definitions, String)).toEqual({
      kind: 'page',
      acronym: 'WB',
      expansion: 'Wereldbank',
    });
    expect(await describeMark(mark('page:XX'), lookup, definitions, String)).toBeNull();
    expect(await describeMark(mark('no-such-entry'), lookup, definitions, String)).toBeNull();
  });

  it('waits for a lookup that answers later (the background)', async () => {
    const later = (id: string) => Promise.resolve(entryInfo(byId, id));
    expect((await describeMark(mark('oir'), later, [], String))?.kind).toBe('entry');
  });
});
