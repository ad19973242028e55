/**
 * The curator's to-do list: acronyms and capitalised multi-word names in a text that the glossary
 * does not cover, with the expansion the text itself gives where it gives one.
 */
import { findDefinitions } from './abbreviations';
import { Matcher } from './matcher';
import type { Entry } from './schema';
import { looksLikeAcronym, TOKEN_SOURCE } from './text';

export interface UnknownTerm {
  form: string;
  kind: 'acronym' | 'name';
  count: number;
  /** Where the text defines it: "Shia Coordination Framework (SCF)". */
  expansion?: string;
  /** Offset of the first occurrence. */
  first: number;
}

const WORD = new RegExp(TOKEN_SOURCE, 'gu');
/** Footnote numbers glued to a word in PDF text: "Irak2". */
const FOOTNOTE = /(?<=\p{L}{2})\d{1,2}$/u;
/** A line shorter than this is read as a heading: a name does not continue past it. */
const HEADING_LINE = 60;
const ROMAN = /^[IVXLC]+$/;
const CONNECTORS = new Set(['of', 'for', 'to', 'the', 'on', 'in', 'van', 'de', 'der', 'het', 'voor']);
/** Sentence-initial function words that make "De Iraakse …" look like a name. */
const LEADING = new Set([
  'de',
  'het',
  'een',
  'dit',
  'deze',
  'die',
  'dat',
  'in',
  'op',
  'met',
  'ook',
  'zo',
  'bij',
  'naar',
  'the',
  'a',
  'an',
  'this',
  'these',
  'that',
]);
const isCapitalised = (word: string) => /^\p{Lu}\p{Ll}/u.test(word);
const isAllCaps = (word: string) => /^\p{Lu}{2,}$/u.test(word);

interface Word {
  text: string;
  start: number;
  end: number;
}

/**
 * A test for spans asked in order of start: one pass over the (sorted) matches, so a page of a
 * million words costs a million steps, not words × matches (audit F14).
 */
function coverageOf(covered: readonly { start: number; end: number }[]) {
  let next = 0;
  return (start: number, end: number) => {
    while (next < covered.length && (covered[next] as { end: number }).end <= start) next++;
    const match = covered[next];
    return match !== undefined && match.start < end;
  };
}

/**
 * Acronyms and names of `text` that no form of the glossary covers. The matcher should know every
 * form, the search-only ones too (see coverageMatcher), and is asked without context rules:
 * "covered" means the glossary has the term, whatever the text around it.
 */
export function findUnknownTerms(matcher: Matcher, text: string): UnknownTerm[] {
  const covered = matcher.match(text, { context: false });
  const words: Word[] = [...text.matchAll(WORD)].map((m) => {
    const word = m[0].replace(FOOTNOTE, '');
    return { text: word, start: m.index, end: m.index + word.length };
  });
  const found = new Map<string, UnknownTerm>();
  const add = (form: string, kind: UnknownTerm['kind'], first: number) => {
    const existing = found.get(form);
    if (existing) existing.count++;
    else found.set(form, { form, kind, count: 1, first });
  };
  const wordCovered = coverageOf(covered);
  words.forEach((word, i) => {
    const neighbours = [words[i - 1], words[i + 1]].filter((w): w is Word => !!w);
    const inCapsRun = isAllCaps(word.text) && neighbours.some((w) => isAllCaps(w.text));
    const covered = wordCovered(word.start, word.end);
    if (!looksLikeAcronym(word.text) || inCapsRun || ROMAN.test(word.text) || covered) return;
    add(word.text, 'acronym', word.start);
  });
  const nameCovered = coverageOf(covered);
  for (const name of capitalisedNames(words, text)) {
    if (!nameCovered(name.start, name.end)) add(name.text, 'name', name.start);
  }
  const definitions = new Map<string, string>();
  for (const d of findDefinitions(text))
    if (!definitions.has(d.acronym)) definitions.set(d.acronym, d.expansion);
  for (const term of found.values()) {
    const expansion = definitions.get(term.form);
    if (expansion) term.expansion = expansion;
  }
  return [...found.values()].sort((a, b) => b.count - a.count || a.first - b.first);
}

/** Runs of two or more capitalised words ("Norwegian People’s Aid"), connectors allowed inside. */
function capitalisedNames(words: Word[], text: string): Word[] {
  const names: Word[] = [];
  let run: Word[] = [];
  // The start of the line each word is on, kept as the words go by (a search back per word would
  // cost the line's length each time on one-line texts).
  let lineStart = 0;
  let nextBreak = text.indexOf('\n');
  const lineStartAt = (at: number) => {
    while (nextBreak >= 0 && nextBreak < at) {
      lineStart = nextBreak + 1;
      nextBreak = text.indexOf('\n', lineStart);
    }
    return lineStart;
  };
  const flush = () => {
    while (run.length && CONNECTORS.has((run.at(-1) as Word).text)) run.pop();
    while (run.length && LEADING.has((run[0] as Word).text.toLowerCase())) run.shift();
    if (run.filter((w) => isCapitalised(w.text)).length >= 2) {
      const first = run[0] as Word;
      const last = run.at(-1) as Word;
      names.push({
        text: text.slice(first.start, last.end).replace(/\s+/g, ' '),
        start: first.start,
        end: last.end,
      });
    }
    run = [];
  };
  for (const word of words) {
    const previous = run.at(-1);
    const gap = previous ? text.slice(previous.end, word.start) : '';
    const lineBegins = previous ? lineStartAt(previous.start) : 0;
    const joined =
      previous &&
      /^[^\S\n]*\n?[^\S\n]*$/.test(gap) &&
      !(gap.includes('\n') && previous.end - lineBegins < HEADING_LINE) &&
      !LEADING.has(word.text.toLowerCase());
    if (run.length && !joined) flush();
    if (isCapitalised(word.text) || (run.length && CONNECTORS.has(word.text))) run.push(word);
    else flush();
  }
  flush();
  return names;
}

/** A matcher that knows every form of the entries, search-only ones included: what "glossed" means. */
export function coverageMatcher(entries: readonly Entry[]): Matcher {
  return new Matcher(
    entries.map((entry) => ({
      ...entry,
      match: { ...entry.match, highlight: true },
      forms: entry.forms.map((form) => ({ ...form, highlight: true })),
    })),
  );
}
