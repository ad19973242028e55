/**
 * Curation checks that need the cited documents' texts (given by the caller, so this stays pure):
 * every entry is found by the matcher in each seed or corpus document it cites, and no general
 * definition tells a dated episode.
 */
import { Matcher } from '../matcher';
import type { Entry, Source } from '../schema';

const documentOf = (source: Source) => source.seed ?? source.corpus;

/** Sources that a reader can look up without our documents: a Kamerstuk or a public URL. */
const isPublicDocument = (source: Source) => !!(source.kamerstuk || source.url);

/**
 * For every entry: it cites at least one seed, corpus document or public document, and the
 * matcher finds it in each seed or corpus document it cites (a matcher per entry, so that a
 * longer form of another entry cannot hide it). Search-only forms count as found.
 */
export function citationProblems(entries: readonly Entry[], texts: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  for (const entry of entries) {
    if (entry.own) continue;
    const documents = entry.sources.filter(documentOf);
    if (documents.length === 0 && !entry.sources.some(isPublicDocument))
      problems.push(`${entry.id}: cites no seed, corpus document, Kamerstuk or URL`);
    const matcher = new Matcher([
      { ...entry, match: { ...entry.match, highlight: true }, forms: allForms(entry) },
    ]);
    for (const source of [
      ...documents,
      ...entry.context.flatMap((note) => note.sources.filter(documentOf)),
    ]) {
      const name = documentOf(source) as string;
      const text = texts.get(name);
      if (text === undefined) problems.push(`${entry.id}: unknown document ${name}`);
      else if (!entry.sources.includes(source)) continue;
      else if (matcher.match(text).length === 0) problems.push(`${entry.id}: not found in ${name}`);
    }
  }
  return problems;
}

const allForms = (entry: Entry) => entry.forms.map((form) => ({ ...form, highlight: true }));

/**
 * Years and dates in general definitions, which must hold wherever the term appears: dated facts
 * belong in context notes. `allowed` lists entries whose year is part of the concept's name.
 */
const DATED =
  /\b(?:1[89]\d{2}|20\d{2})\b|\b\d{1,2} (?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|January|February|March|April|May|June|July|August|September|October|November|December)\b/;
export function datedDefinitionProblems(
  entries: readonly Entry[],
  allowed: ReadonlyMap<string, string> = new Map(),
): string[] {
  return entries.flatMap((entry) =>
    (['nl', 'en'] as const)
      .filter((lang) => !entry.own && !allowed.has(entry.id) && DATED.test(entry[lang].definition))
      .map(
        (lang) =>
          `${entry.id}: ${lang}.definition names a year or date ("${DATED.exec(entry[lang].definition)?.[0]}"): move it to a context note`,
      ),
  );
}
