import type { Entry } from './schema';
import { formKey, looksLikeAcronym, wordsOf } from './text';

/** A surface form of an entry as the matcher and the checks see it. */
export interface SurfaceForm {
  /** As written in the data, e.g. "NAVO-missie in Irak". */
  text: string;
  /** Folded words joined by spaces, e.g. "navo missie in irak". */
  key: string;
  caseSensitive: boolean;
}

/** Every distinct form of an entry: acronym, names, expansions and variants. */
export function formsOf(entry: Entry): SurfaceForm[] {
  const candidates = [
    entry.acronym,
    entry.nl.term,
    entry.en.term,
    entry.nl.expansion,
    entry.en.expansion,
    ...entry.variants,
  ];
  const seen = new Set<string>();
  const forms: SurfaceForm[] = [];
  for (const text of candidates) {
    if (!text) continue;
    const key = formKey(text);
    const caseSensitive = entry.match?.caseSensitive ?? wordsOf(text).some(looksLikeAcronym);
    const dedupe = caseSensitive ? `${key}\u0000${text}` : key;
    if (!key || seen.has(dedupe)) continue;
    seen.add(dedupe);
    forms.push({ text, key, caseSensitive });
  }
  return forms;
}

/** The entry's short label: its acronym if it has one, else its preferred Dutch form. */
export function shortTerm(entry: Entry): string {
  return entry.acronym ?? entry.nl.term;
}
