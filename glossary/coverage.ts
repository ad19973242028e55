/**
 * The curator's coverage report over a folder of texts: the acronyms and capitalised names that
 * the glossary does not know, with how often and in which documents they occur, and the expansion
 * a text gives where it gives one. A reviewed exclusion list (glossary/curation/
 * coverage-exclusions.json) says why a term is deliberately not glossed; the report keeps it apart.
 */
import type { Matcher } from './matcher';
import { findUnknownTerms, type UnknownTerm } from './unknown';

export interface CoverageDocument {
  name: string;
  text: string;
}

export interface CoverageRow {
  form: string;
  kind: UnknownTerm['kind'];
  /** Occurrences over all documents. */
  count: number;
  /** The documents it occurs in, sorted. */
  documents: string[];
  /** The first expansion a document gives ("Shia Coordination Framework (SCF)"). */
  expansion?: string;
  /** Why it is not glossed, from the exclusion list. */
  excluded?: string;
}

/** Unknown terms of every document, merged per form; most widespread first. */
export function coverageReport(
  matcher: Matcher,
  documents: readonly CoverageDocument[],
  exclusions: Readonly<Record<string, string>> = {},
): CoverageRow[] {
  const rows = new Map<string, CoverageRow>();
  for (const { name, text } of documents) {
    for (const term of findUnknownTerms(matcher, text)) {
      const row = rows.get(term.form) ?? { form: term.form, kind: term.kind, count: 0, documents: [] };
      row.count += term.count;
      if (!row.documents.includes(name)) row.documents.push(name);
      if (!row.expansion && term.expansion) row.expansion = term.expansion;
      rows.set(term.form, row);
    }
  }
  for (const row of rows.values()) {
    row.documents.sort();
    const reason = exclusions[row.form];
    if (reason) row.excluded = reason;
  }
  return [...rows.values()].sort(
    (a, b) => b.documents.length - a.documents.length || b.count - a.count || a.form.localeCompare(b.form),
  );
}

/**
 * A document's text without a header of "key: value" lines before its first blank line (the
 * corpus files' source/title/date/lang): the header is about the document, not in it.
 */
export function withoutHeader(text: string): string {
  const blank = text.indexOf('\n\n');
  if (blank < 0) return text;
  const lines = text.slice(0, blank).split('\n');
  return lines.every((line) => /^[a-z]+: /.test(line)) ? text.slice(blank + 2) : text;
}
