/**
 * How an entry is named in one language: in full where there is room (the gloss, the entry view,
 * a document's glossary annex), and in short for the lists, notes and speech that have room for
 * one name only. Pure and DOM-free.
 */
import type { Entry } from './schema';
import { formKey } from './text';

/**
 * What an acronym stands for and its term, once. The term alone where it holds the expansion
 * ("Iraqi Chief of Defence" ⊇ "Chief of Defence"); both where they differ ("Commandant der
 * Strijdkrachten — Chief of Defence").
 */
export function entryName(entry: Entry, lang: 'nl' | 'en'): string {
  const { term, expansion } = entry[lang];
  if (!expansion) return term;
  // A page's own acronym has no other term than itself.
  if (term === entry.acronym) return expansion;
  const termWords = new Set(formKey(term).split(' '));
  if (
    formKey(expansion)
      .split(' ')
      .every((word) => termWords.has(word))
  )
    return term;
  return `${expansion} — ${term}`;
}

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
