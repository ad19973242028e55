/**
 * Text normalisation shared by the matcher, the search and the checks, so that every part of
 * Begrip agrees on when two spellings are "the same form".
 */

/**
 * A word token: letters, digits and combining marks. Soft hyphens and zero-width (non-)joiners
 * are kept inside tokens because they occur inside words on real pages (and are dropped by
 * `fold`), so "veilig\u00ADheid" stays one word.
 */
export const TOKEN_SOURCE = '[\\p{L}\\p{N}\\p{M}\\u00AD\\u200C\\u200D]+';

/** Characters that may join the words of a multi-word form: any whitespace and hyphen-likes. */
export const JOINER = /^[\s\u00A0\u2000-\u200B\u202F\u205F\u3000\-\u2010\u2011\u2012\u2013]+$/u;

const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
const MARKS = /\p{M}/gu;
const NON_ASCII = /[\u0080-\uFFFF]/;

/** Remove diacritics: "geïntegreerd" → "geintegreerd", "beëindigen" → "beeindigen". */
export function stripDiacritics(value: string): string {
  return NON_ASCII.test(value) ? value.normalize('NFD').replace(MARKS, '') : value;
}

/** Case- and diacritic-insensitive key for a word or phrase; invisible characters removed. */
export function fold(value: string): string {
  const lower = value.toLowerCase();
  if (!NON_ASCII.test(lower)) return lower;
  return stripDiacritics(lower.replace(INVISIBLE, '')).normalize('NFC');
}

/** Split a form into its word tokens (as written). "artikel 100-brief" → artikel, 100, brief. */
const WORDS = new RegExp(TOKEN_SOURCE, 'gu');
export function wordsOf(value: string): string[] {
  return value.match(WORDS) ?? [];
}

/** A form's canonical key: folded words joined by single spaces. */
export function formKey(value: string): string {
  return wordsOf(value).map(fold).join(' ');
}

/** True for tokens that read as acronyms: two or more capitals, e.g. "NMI", "MoPA", "CJ9". */
export function looksLikeAcronym(word: string): boolean {
  let capitals = 0;
  for (const ch of word) {
    if (ch !== ch.toLowerCase() && ch === ch.toUpperCase()) capitals++;
    if (capitals >= 2) return true;
  }
  return false;
}
