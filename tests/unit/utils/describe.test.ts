import { describe, expect, it } from 'vitest';
import { CURATED_ENTRIES } from '../../../glossary/data';
import { describeMark } from '../../../utils/dom/describe';

const byId = new Map(CURATED_ENTRIES.map((e) => [e.id, e]));
const mark = (id: string) => {
  const element = document.createElement('begrip-mark');
  element.dataset.begripId = id;
  return element;
};

describe('describeMark', () => {
  it('describes a glossary entry with its category and related labels', () => {
    const content = describeMark(mark('nmi'), byId, [], (c) => `cat:${c}`);
    expect(content).toMatchObject({ kind: 'entry', categoryLabel: 'cat:mission' });
    expect(content?.kind === 'entry' && content.relatedLabels).toContain('OIR');
  });

  it('describes an acronym the page defines, and nothing for unknown ids', () => {
    const definitions = [{ acronym: 'WB', expansion: 'Wereldbank', start: 0, end: 10 }];
    expect(describeMark(mark('page:WB'), byId, definitions, String)).toEqual({
      kind: 'page',
      acronym: 'WB',
      expansion: 'Wereldbank',
    });
    expect(describeMark(mark('page:XX'), byId, definitions, String)).toBeNull();
    expect(describeMark(mark('no-such-entry'), byId, definitions, String)).toBeNull();
  });
});
