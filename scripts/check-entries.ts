/**
 * Curators' check for a file of new or edited entries (a JSON array, as in glossary/data/):
 * the schema, clashes with the curated glossary, and for every entry that its cited seed or
 * corpus documents really contain it (the matcher finds it there). Prints every problem, exit 1
 * when there is one.  Usage: node --import tsx scripts/check-entries.ts FILE.json [FILE.json…]
 */
import { readFileSync } from 'node:fs';
import { citationProblems, datedDefinitionProblems } from '../glossary/curation/checks';
import { CURATED_ENTRIES } from '../glossary/data';
import { formatIssue } from '../glossary/schema';
import { validateEntries } from '../glossary/validate';
import { citableTexts } from '../tests/fixtures/sources';

const files = process.argv.slice(2);
const raws = files.flatMap((file) => JSON.parse(readFileSync(file, 'utf8')) as unknown[]);
const ids = new Set(raws.map((raw) => (raw as { id?: string }).id));
const others = CURATED_ENTRIES.filter((entry) => !ids.has(entry.id));
const result = validateEntries([...others, ...raws], (i, raw) => `entry ${(raw as { id?: string }).id ?? i}`);
const problems = result.ok ? [] : result.issues.map(formatIssue);
if (result.ok) {
  const checked = result.entries.filter((entry) => ids.has(entry.id));
  problems.push(...citationProblems(checked, citableTexts()), ...datedDefinitionProblems(checked));
  console.log(`${checked.length} entries checked`);
}
for (const problem of problems) console.log(problem);
console.log(problems.length ? `${problems.length} problem(s)` : 'no problems');
process.exit(problems.length ? 1 : 0);
