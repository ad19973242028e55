import { describe, expect, it } from 'vitest';
import { coverageReport, withoutHeader } from '../../../glossary/coverage';
import EXCLUSIONS from '../../../glossary/curation/coverage-exclusions.json';
import { CURATED_ENTRIES } from '../../../glossary/data';
import { coverageMatcher, findUnknownTerms } from '../../../glossary/unknown';
import { readSeed, seedFiles } from '../../fixtures/seeds';
import { corpusFiles, readCorpus } from '../../fixtures/sources';

const matcher = coverageMatcher(CURATED_ENTRIES);
const exclusions = EXCLUSIONS as Record<string, string>;

describe('the curator’s coverage report', () => {
  it('merges documents: counts, the documents a term is in, the expansion a text gives', () => {
    const rows = coverageReport(matcher, [
      { name: 'a.txt', text: 'De Zwaluw Quux Base (ZQB) en de ZQB.' },
      { name: 'b.txt', text: 'Opnieuw de ZQB, en NMI.' },
    ]);
    expect(rows).toEqual([
      {
        form: 'ZQB',
        kind: 'acronym',
        count: 3,
        documents: ['a.txt', 'b.txt'],
        expansion: 'Zwaluw Quux Base',
      },
      { form: 'Zwaluw Quux Base', kind: 'name', count: 1, documents: ['a.txt'] },
    ]);
  });

  it('counts search-only forms as glossed (the glossary has them)', () => {
    expect(findUnknownTerms(matcher, 'Het Toetsingskader en de Global Coalition.')).toEqual([]);
  });

  it('leaves a corpus file’s header out of its text', () => {
    expect(withoutHeader('source: https://x\ntitle: T\ndate: 2020\nlang: nl\n\nDe tekst.')).toBe('De tekst.');
    expect(withoutHeader('Gewone tekst: zonder kop.\n\nTweede alinea.')).toBe(
      'Gewone tekst: zonder kop.\n\nTweede alinea.',
    );
  });

  describe('on the seeds and the reference corpus', () => {
    const documents = [
      ...seedFiles().map((name) => ({ name, text: readSeed(name) })),
      ...corpusFiles().map((name) => ({ name, text: readCorpus(name).text })),
    ];
    const rows = coverageReport(matcher, documents, exclusions);

    it('every acronym or name in two or more documents is glossed, or excluded with a reason', () => {
      const unexplained = rows.filter((row) => row.documents.length >= 2 && !row.excluded);
      expect(unexplained.map((row) => `${row.form} (${row.documents.length} documents)`)).toEqual([]);
    });

    it('every exclusion is still needed and says why', () => {
      const reported = new Set(rows.map((row) => row.form));
      for (const [form, reason] of Object.entries(exclusions)) {
        expect(reported.has(form), `${form} no longer occurs unglossed: drop it from the list`).toBe(true);
        expect(reason.length, form).toBeGreaterThan(20);
      }
    });
  });
});
