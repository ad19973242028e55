/**
 * Text normalisation shared by the matcher, the search and the checks, so that every part of
 * Begrip agrees on when two spellings are "the same form".
 */

/**
 * A word token: letters, digits and combining marks. Soft hyphens and zero-width (non-)joiners
 * are kept inside tokens because they occur inside words on real pages (and are dropped by
 * `fold`), so "veilig\u00ADheid" stays one word.
 */
const WORD_CHARACTER_SOURCE = '[\\p{L}\\p{N}\\p{M}\\u00AD\\u200C\\u200D]';
export const TOKEN_SOURCE = `${WORD_CHARACTER_SOURCE}+`;

/** One word character (a code point) at `lastIndex`. */
const WORD_CHARACTER = new RegExp(WORD_CHARACTER_SOURCE, 'uy');

/** Code units of the word character at `at` (2 for a letter outside the BMP), 0 when it is none. */
function wordCharacterAt(text: string, at: number): number {
  const code = text.charCodeAt(at);
  if (code < 128) return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122) ? 1 : 0;
  if (at >= text.length) return 0;
  WORD_CHARACTER.lastIndex = at;
  return WORD_CHARACTER.test(text) ? WORD_CHARACTER.lastIndex - at : 0;
}

/**
 * The words of a text one after the other, as TOKEN_SOURCE finds them, without allocating: a
 * regex's exec makes an array and a string for every word, and most words of a page are looked
 * at only to be passed over (the matcher's hot loop).
 */
export class WordScanner {
  /** The last word found: [start, end) of the text. */
  start = 0;
  end = 0;
  /** Whether it has a character outside ASCII. */
  nonAscii = false;

  /** Find the next word at or after `from`; false when there is none. */
  next(text: string, from: number): boolean {
    let at = from;
    for (let size = wordCharacterAt(text, at); size === 0; size = wordCharacterAt(text, at)) {
      if (at >= text.length) return false;
      const code = text.charCodeAt(at);
      // A character outside the BMP that is no letter is passed over whole.
      at += code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(at + 1)) ? 2 : 1;
    }
    this.start = at;
    let nonAscii = false;
    for (let size = wordCharacterAt(text, at); size > 0; size = wordCharacterAt(text, at)) {
      if (text.charCodeAt(at) >= 128) nonAscii = true;
      at += size;
    }
    this.end = at;
    this.nonAscii = nonAscii;
    return true;
  }
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

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
