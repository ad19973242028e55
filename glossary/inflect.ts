/**
 * Dutch (and English) plural and possessive endings, generated at compile time so the matcher
 * needs one map look-up per word at run time. Over-generation is harmless: a made-up plural such
 * as "kadderen" never occurs in text, while a missing one ("Kamerstukken") would lose a match.
 */

const VOWELS = 'aeiouy';
const isVowel = (ch: string | undefined) => ch !== undefined && VOWELS.includes(ch);
const isConsonant = (ch: string | undefined) => ch !== undefined && /[a-z]/.test(ch) && !isVowel(ch);

/** Inflected forms of one folded word (without the word itself). */
export function inflections(word: string): string[] {
  if (word.length < 3 || !/^[a-z]+$/.test(word)) return [];
  const out = new Set<string>([`${word}s`, `${word}en`]);
  const last = word.at(-1);
  const beforeLast = word.at(-2);
  const third = word.at(-3);
  if (last === 'e') out.add(`${word}n`);
  // brief → brieven, reis → reizen
  if (last === 'f') out.add(`${word.slice(0, -1)}ven`);
  if (last === 's') out.add(`${word.slice(0, -1)}zen`);
  // stuk → stukken, compagnie excluded: short vowel between consonants doubles the consonant
  if (isConsonant(last) && isVowel(beforeLast) && isConsonant(third) && last !== 'w' && last !== 'x') {
    out.add(`${word}${last}en`);
  }
  // staat → staten, mandaat → mandaten: a doubled vowel is written single in an open syllable
  if (isConsonant(last) && isVowel(beforeLast) && beforeLast === third) {
    out.add(`${word.slice(0, -2)}${last}en`);
  }
  // English: authority → authorities, process → processes
  if (last === 'y' && isConsonant(beforeLast)) out.add(`${word.slice(0, -1)}ies`);
  if (last === 's' || last === 'x' || word.endsWith('ch') || word.endsWith('sh')) out.add(`${word}es`);
  out.delete(word);
  return [...out];
}
