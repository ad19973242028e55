/**
 * An entry's short name in one language, for the lists, notes and speech that have room for one
 * name only (the gloss shows both: components/Tooltip.tsx, entryName). Pure and DOM-free.
 */
import type { Entry } from './schema';

/**
 * An acronym's expansion in `language` where it is in that language, else the term. A Dutch
 * acronym's expansion says what its letters stand for, so it is Dutch in both sections
 * (docs/glossary-format.md): an English reader of CDS gets "Chief of Defence", not "Commandant
 * der Strijdkrachten". Where both sections give the same expansion (NMI, "NATO Mission Iraq"),
 * the English term is the same name or a plainer one ("long-term objective" for LTO), without
 * the acronym it may repeat in brackets.
 */
export function nameIn(entry: Entry, language: 'nl' | 'en'): string {
  const { term, expansion } = entry[language];
  if (!expansion) return term;
  return language === 'en' && expansion === entry.nl.expansion
    ? withoutAcronym(term, entry.acronym)
    : expansion;
}

/** "dated (d.d.)" → "dated": the acronym stands beside the name wherever it is shown. */
function withoutAcronym(term: string, acronym: string | undefined): string {
  const suffix = ` (${acronym})`;
  return acronym && term.endsWith(suffix) ? term.slice(0, -suffix.length) : term;
}
