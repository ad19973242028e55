import { describe, expect, it } from 'vitest';
import { formatIssue, parseEntry } from '../../../glossary/schema';

describe('parseEntry', () => {
  it('reports every problem of an entry at once, the rules between fields included', () => {
    const result = parseEntry(
      {
        id: 'Bad Id',
        kind: 'acronym',
        category: 'weather',
        nl: { term: 'Term', definition: '' },
        en: { term: '', definition: 'A definition.' },
      },
      'row 2',
    );
    expect(!result.ok && result.issues.map(formatIssue)).toEqual([
      expect.stringMatching(/^row 2, field "id": must be lowercase letters/),
      expect.stringMatching(/^row 2, field "category": must be one of/),
      'row 2, field "nl.definition": must not be empty',
      'row 2, field "en.term": must not be empty',
      'row 2, field "acronym": is required when kind is "acronym"',
      'row 2, field "nl.expansion": is required for acronyms',
      'row 2, field "en.expansion": is required for acronyms',
    ]);
  });

  it('leaves the rules between fields out when a field they read is itself wrong', () => {
    const result = parseEntry(
      { id: 'x', kind: 'bogus', category: 'concept', nl: 'no section', en: { term: 'T', definition: 'D' } },
      'entry 1',
    );
    expect(!result.ok && result.issues.map((issue) => issue.field)).toEqual(['kind', 'nl']);
  });
});
