import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CURATED_ENTRIES, DATA_FILES } from '../../../glossary/data';
import { Matcher } from '../../../glossary/matcher';
import { formatIssue, parseEntry } from '../../../glossary/schema';
import { findUnknownTerms } from '../../../glossary/unknown';
import { checkGlossary } from '../../../glossary/validate';
import { readSeed, seedFiles } from '../../fixtures/seeds';

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

      it('is formatted with 2-space indent and one entry per object', () => {
        const text = readFileSync(`glossary/data/${category}.json`, 'utf8');
        expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
      });
    });
  }

  it('has unique ids, existing related ids and no form claimed twice', () => {
    expect(checkGlossary(CURATED_ENTRIES).map(formatIssue)).toEqual([]);
  });

  it('cites for every entry a seed in which the matcher finds it', () => {
    // A matcher per entry, so that a longer form of another entry cannot hide this one.
    const seeds = new Map(seedFiles().map((name) => [name, readSeed(name)]));
    const unsupported: string[] = [];
    for (const entry of CURATED_ENTRIES) {
      const cited = entry.sources.filter((s) => s.seed);
      if (cited.length === 0) unsupported.push(`${entry.id}: cites no seed`);
      const matcher = new Matcher([entry]);
      for (const source of cited) {
        const text = seeds.get(source.seed as string);
        if (text === undefined) unsupported.push(`${entry.id}: unknown seed ${source.seed}`);
        else if (matcher.match(text).length === 0)
          unsupported.push(`${entry.id}: not found in ${source.seed}`);
      }
    }
    expect(unsupported).toEqual([]);
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
