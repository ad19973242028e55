import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { citationProblems, datedDefinitionProblems } from '../../../glossary/curation/checks';
import DATED_ALLOWED from '../../../glossary/curation/dated-definitions-allowed.json';
import { CURATED_ENTRIES, DATA_FILES } from '../../../glossary/data';
import { Matcher } from '../../../glossary/matcher';
import { formatIssue, parseEntry } from '../../../glossary/schema';
import { findUnknownTerms } from '../../../glossary/unknown';
import { checkGlossary } from '../../../glossary/validate';
import { readSeed, seedFiles } from '../../fixtures/seeds';
import { citableTexts } from '../../fixtures/sources';

describe('curated glossary data files', () => {
  it('has at least 100 entries', () => {
    expect(CURATED_ENTRIES.length).toBeGreaterThanOrEqual(100);
  });

  for (const [category, entries] of Object.entries(DATA_FILES)) {
    describe(`${category}.json`, () => {
      it('passes the schema, entry by entry', () => {
        const problems = entries.flatMap((raw, i) => {
          const result = parseEntry(raw, `${category}.json #${i + 1}`);
          return result.ok ? [] : result.issues.map(formatIssue);
        });
        expect(problems).toEqual([]);
      });

      it('holds only its own category, sorted by id', () => {
        expect(entries.map((e) => e.category).filter((c) => c !== category)).toEqual([]);
        const ids = entries.map((e) => e.id);
        expect(ids).toEqual([...ids].sort());
      });

      it('lists each entry’s forms Dutch first, then English (the order TBX keeps)', () => {
        const misordered = entries
          .filter((e) => {
            const langs = (e.forms ?? []).map((f) => f.lang ?? 'nl');
            return langs.join() !== [...langs].sort((a, b) => (a === b ? 0 : a === 'nl' ? -1 : 1)).join();
          })
          .map((e) => e.id);
        expect(misordered).toEqual([]);
      });

      it('is formatted with 2-space indent and one entry per object', () => {
        const text = readFileSync(`glossary/data/${category}.json`, 'utf8');
        expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
      });
    });
  }

  it('has unique ids, existing related ids and no form claimed twice', () => {
    expect(checkGlossary(CURATED_ENTRIES).map(formatIssue)).toEqual([]);
  });

  it('cites for every entry a document in which the matcher finds it', () => {
    expect(citationProblems(CURATED_ENTRIES, citableTexts())).toEqual([]);
  });

  it('tells no dated episode in a general definition (allowed years have a reason)', () => {
    const allowed = new Map(Object.entries(DATED_ALLOWED as Record<string, string>));
    for (const [id, reason] of allowed) {
      expect(
        CURATED_ENTRIES.some((e) => e.id === id),
        `${id} is not an entry`,
      ).toBe(true);
      expect(reason.length, `${id} needs a reason`).toBeGreaterThan(10);
    }
    expect(datedDefinitionProblems(CURATED_ENTRIES, allowed)).toEqual([]);
  });

  it('covers every acronym in the seeds (capitals in headings aside)', () => {
    // findUnknownTerms skips words inside ALL-CAPS runs (headings such as "BRIEF VAN DE MINISTERS").
    const matcher = new Matcher(CURATED_ENTRIES);
    const missing = seedFiles().flatMap((name) =>
      findUnknownTerms(matcher, readSeed(name))
        .filter((term) => term.kind === 'acronym')
        .map((term) => `${name}: ${term.form}`),
    );
    expect(missing).toEqual([]);
  });
});
