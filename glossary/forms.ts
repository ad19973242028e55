import type { Entry, TermStatus } from './schema';
import { formKey, looksLikeAcronym, wordsOf } from './text';

/** A surface form of an entry as the matcher, the search and the checks see it. */
export interface SurfaceForm {
  /** As written in the data, e.g. "NAVO-missie in Irak". */
  text: string;
  /** Folded words joined by spaces, e.g. "navo missie in irak". */
  key: string;
  caseSensitive: boolean;
  status: TermStatus;
  /** false: found by search, never highlighted. */
  highlight: boolean;
}

/** Every distinct form of an entry: acronym, names, expansions and other forms. */
export function formsOf(entry: Entry): SurfaceForm[] {
  const entryHighlight = entry.match?.highlight ?? true;
  const candidates: { text: string | undefined; status: TermStatus; highlight?: boolean }[] = [
    { text: entry.acronym, status: 'preferred' },
    { text: entry.nl.term, status: 'preferred' },
    { text: entry.en.term, status: 'preferred' },
    { text: entry.nl.expansion, status: 'admitted' },
    { text: entry.en.expansion, status: 'admitted' },
    ...entry.forms,
  ];
  const seen = new Set<string>();
  const forms: SurfaceForm[] = [];
  for (const { text, status, highlight } of candidates) {
    if (!text) continue;
    const key = formKey(text);
    const caseSensitive = entry.match?.caseSensitive ?? wordsOf(text).some(looksLikeAcronym);
    const dedupe = caseSensitive ? `${key}\u0000${text}` : key;
    if (!key || seen.has(dedupe)) continue;
    seen.add(dedupe);
    forms.push({ text, key, caseSensitive, status, highlight: highlight ?? entryHighlight });
  }
  return forms;
}

/** The forms the matcher highlights. */
export function highlightedFormsOf(entry: Entry): SurfaceForm[] {
  return formsOf(entry).filter((form) => form.highlight);
}

/** The entry's short label: its acronym if it has one, else its preferred Dutch form. */
export function shortTerm(entry: Entry): string {
  return entry.acronym ?? entry.nl.term;
}
