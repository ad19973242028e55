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
 * the English term is the same name or a plainer one ("long-term objective" for LTO).
 */
export function nameIn(entry: Entry, language: 'nl' | 'en'): string {
  const { term, expansion } = entry[language];
  if (!expansion) return term;
  return language === 'en' && expansion === entry.nl.expansion ? term : expansion;
}
