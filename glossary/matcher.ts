/**
 * The matcher: compiled once from the glossary, then `text → matches` in one left-to-right pass.
 *
 * Design: a trie over folded *words* (not characters). The text is tokenized once with the same
 * word pattern as the forms; each word costs one Map look-up at the root, so the cost is close to
 * tokenizing and nearly flat in glossary size. Case rules, the punctuation between words and
 * Dutch endings are checked only on the rare words that start a form.
 * Offsets are UTF-16 indices into the text exactly as given.
 */
import { ContextRules, type Resolvable } from './context';
import { highlightedFormsOf, type SurfaceForm } from './forms';
import { inflections } from './inflect';
import type { Entry } from './schema';
import { fold, JOINER, looksLikeAcronym, TOKEN_SOURCE, WordScanner, wordsOf } from './text';

/** A form found in a text: [start, end) as UTF-16 offsets, its entry, other senses and why (context.ts). */
export type Match = Resolvable;

interface CompiledForm {
  entryIndex: number;
  /** The form's words as written, for case-sensitive comparison. */
  words: string[];
  /** Literal punctuation between words ("." in "d.d."); null where any space/hyphen will do. */
  gaps: (string | null)[];
  /** Trailing punctuation of the form ("." in "jl.", "+" in "LHBTIQ+"): taken into the match if present. */
  suffix: string;
  caseSensitive: boolean;
  /** For case-sensitive forms: which words must keep their case ("NAVO" in "NAVO Missie Irak", not "Missie"). */
  exact: boolean[];
  standalone: boolean;
  /** A name of two or more words with a capital after the first ("ministerie van Defensie"): found in ALL-CAPS headings too. */
  properName: boolean;
  /** One of its words is an acronym ("NMI", "CJTF-OIR"). */
  acronymic: boolean;
  /**
   * For a phrase of a case-sensitive entry ("Resolute Support", "Strategisch Kompas"): the words
   * that must start with a capital in the text, so the ordinary phrase in lower case is no match.
   */
  initialCaps: boolean[] | null;
  /** Reached through a generated plural of the last word. */
  inflected: boolean;
}

interface TrieNode {
  next: Map<string, TrieNode> | null;
  /** Lower-cased first characters of the keys in `next`: a quick "no" before tokenizing further. */
  nextFirst: string;
  forms: CompiledForm[] | null;
}

const newNode = (): TrieNode => ({ next: null, nextFirst: '', forms: null });
const MAX_GAP = 12;
const PUNCTUATION_GAP = /^[\s\u00A0.,/&+'’:-]*$/u;
const LINE_END_HYPHEN = /^[-\u00AD]\s*\n\s*$/;
const APOSTROPHE_S = /^['’]s(?![\p{L}\p{N}])/u;
const ALL_CAPS_NEIGHBOUR_BEFORE = /\p{Lu}{2,}[^\S\n]+$/u;
const ALL_CAPS_NEIGHBOUR_AFTER = /^[^\S\n]+\p{Lu}{2,}(?![\p{Ll}])/u;
const ALL_CAPS_WORD = /^\p{Lu}{2,}$/u;
const DIGIT_TAIL = /^(\p{L}{2,})\d{1,2}$/u;
const CAPITALISED = /^\p{Lu}/u;
/** Words joined by hyphens only, one of them an ordinary lower-case word: "anti-ISIS-coalitie". */
const HYPHEN_COMPOUND = /^(?=.*(?:^|-)\p{Ll}{4,}(?:-|$))[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+$/u;

const FILTER_SIZE = 1 << 20;

/** Add the first character of a key (folded, so ASCII or a non-ASCII letter) to a node's set. */
const addFirst = (firsts: string, key: string) =>
  firsts.includes(key[0] ?? '') ? firsts : firsts + (key[0] ?? '');

/**
 * Hash of a word's length and first three letters, ASCII letters folded to lower case; -1 when one
 * of them is not ASCII (such words always go to the Map look-up).
 */
function filterHash(word: string, start = 0, end = word.length): number {
  const length = end - start;
  const a = word.charCodeAt(start);
  const b = length > 1 ? word.charCodeAt(start + 1) : 0;
  const c = length > 2 ? word.charCodeAt(start + 2) : 0;
  if ((a | b | c) > 127) return -1;
  const h = (((a | 32) * 31 + (b | 32)) * 31 + (c | 32)) * 31 + Math.min(length, 63);
  return h & (FILTER_SIZE - 1);
}

/**
 * Cheap pre-check before the fallbacks of `alternateToken`: a word can only be found another way
 * if it has non-ASCII letters, ends in a (footnote) digit, or is followed by a hyphen.
 */
function mayHaveAlternate(text: string, words: WordScanner): boolean {
  const { start, end } = words;
  if (endsWithDigit(text, start, end)) return true;
  const next = text.charCodeAt(end);
  if ((next === 45 || next === 0xad) && isSpace(text.charCodeAt(end + 1))) return true;
  return words.nonAscii;
}
/** A letter followed by a final digit ("Irak2"), not a number ("2024"): word [start, end) of text. */
function endsWithDigit(text: string, start = 0, end = text.length): boolean {
  const last = text.charCodeAt(end - 1);
  const first = text.charCodeAt(start);
  return last >= 48 && last <= 57 && !(first >= 48 && first <= 57);
}
const isSpace = (code: number) => code === 10 || code === 13 || code === 32 || code === 9;

/** Punctuation between words as compared: spaces ignored, every apostrophe the same. */
const literalGap = (gap: string) => gap.replace(/\s+/g, '').replace(/[’‘`´]/g, "'");

interface Token {
  start: number;
  end: number;
  word: string;
}

export class Matcher {
  readonly entries: readonly Entry[];
  private readonly root = new Map<string, TrieNode>();
  /** Bit set over (length, first three letters) of every root key: most words are rejected by it. */
  private readonly rootFilter = new Uint8Array(FILTER_SIZE >> 3);
  private readonly words = new WordScanner();
  private readonly lookahead = new RegExp(TOKEN_SOURCE, 'gu');
  private readonly context: ContextRules;

  constructor(entries: readonly Entry[]) {
    this.entries = entries;
    this.context = new ContextRules(entries);
    entries.forEach((entry, entryIndex) => {
      for (const form of highlightedFormsOf(entry)) this.addForm(entry, entryIndex, form);
    });
  }

  /**
   * All matches in `text`, sorted by start, non-overlapping, longest form winning, each with its
   * entry decided by the context rules (glossary/context.ts). `confirmed`: entries the document
   * confirms itself (see ContextRules.resolve); `context: false` skips the rules (every sense).
   */
  match(text: string, options: { confirmed?: ReadonlySet<string>; context?: boolean } = {}): Match[] {
    const matches: Match[] = [];
    const words = this.words;
    // Hot loop: a scan of the word's characters and a bit-set test per word, without allocating;
    // a string, a toLowerCase and a Map look-up only for words the bit set lets through, and the
    // slower fallbacks only for the few words that may start a form.
    for (let from = 0; words.next(text, from); ) {
      const { start, end } = words;
      from = end;
      const hash = filterHash(text, start, end);
      const passes = hash < 0 || (this.rootFilter[hash >> 3] as number) & (1 << (hash & 7));
      let word = passes ? text.slice(start, end) : undefined;
      let node = word === undefined ? undefined : this.root.get(word.toLowerCase());
      let token: Token;
      if (node === undefined) {
        if (!mayHaveAlternate(text, words)) continue;
        word ??= text.slice(start, end);
        const alternate = this.alternateToken(text, { start, end, word }, this.root);
        if (!alternate) continue;
        token = alternate.token;
        node = alternate.node;
      } else token = { start, end, word: word as string };
      const match = this.longestFrom(text, token, node);
      if (match) {
        matches.push(match);
        from = match.end;
      }
    }
    if (!this.context.active || options.context === false) return matches;
    return this.context.resolve(text, matches, options.confirmed);
  }

  private addForm(entry: Entry, entryIndex: number, form: SurfaceForm): void {
    const words = wordsOf(form.text);
    const keys = words.map(fold);
    const gaps = this.gapsOf(form.text, words);
    const short = words.length === 1 || form.text === entry.acronym;
    const rule = short ? entry.match : undefined;
    const compiled: CompiledForm = {
      entryIndex,
      words,
      gaps,
      suffix: form.text.slice(form.text.lastIndexOf(words.at(-1) ?? '') + (words.at(-1)?.length ?? 0)).trim(),
      caseSensitive: rule?.caseSensitive ?? form.caseSensitive,
      // In a hyphenated compound ("anti-ISIS-coalitie") the acronym is often lower-cased in PDF text.
      exact: words.map(
        (word) =>
          words.length === 1 ||
          rule?.caseSensitive === true ||
          (looksLikeAcronym(word) && !HYPHEN_COMPOUND.test(form.text)),
      ),
      standalone: rule?.standalone ?? false,
      properName: words.length >= 2 && words.slice(1).some((word) => CAPITALISED.test(word)),
      acronymic: words.some(looksLikeAcronym),
      initialCaps:
        words.length > 1 && entry.match?.caseSensitive === true
          ? words.map((word) => CAPITALISED.test(word))
          : null,
      inflected: false,
    };
    let node: TrieNode | undefined;
    let level = this.root;
    let parent: TrieNode | undefined;
    for (const key of keys.slice(0, -1)) {
      if (level === this.root) this.filterAdd(key);
      node = level.get(key) ?? newNode();
      level.set(key, node);
      if (parent) parent.nextFirst = addFirst(parent.nextFirst, key);
      node.next ??= new Map();
      level = node.next;
      parent = node;
    }
    const lastKey = keys.at(-1) ?? '';
    this.addTerminal(level, lastKey, compiled);
    if (parent) parent.nextFirst = addFirst(parent.nextFirst, lastKey);
    if (compiled.caseSensitive) return;
    const inflected = { ...compiled, inflected: true };
    for (const key of inflections(lastKey)) {
      this.addTerminal(level, key, inflected);
      if (parent) parent.nextFirst = addFirst(parent.nextFirst, key);
    }
  }

  private addTerminal(level: Map<string, TrieNode>, key: string, form: CompiledForm): void {
    if (level === this.root) this.filterAdd(key);
    const node = level.get(key) ?? newNode();
    level.set(key, node);
    node.forms ??= [];
    // A plural generated for one form never shadows another form spelled that way.
    if (form.inflected && node.forms.some((f) => !f.inflected)) return;
    if (!form.inflected) node.forms = node.forms.filter((f) => !f.inflected);
    node.forms.push(form);
  }

  private filterAdd(key: string): void {
    const hash = filterHash(key);
    if (hash >= 0) this.rootFilter[hash >> 3] = (this.rootFilter[hash >> 3] as number) | (1 << (hash & 7));
  }

  private gapsOf(text: string, words: string[]): (string | null)[] {
    const gaps: (string | null)[] = [];
    let cursor = text.indexOf(words[0] ?? '') + (words[0]?.length ?? 0);
    for (const word of words.slice(1)) {
      const at = text.indexOf(word, cursor);
      const gap = text.slice(cursor, at);
      gaps.push(JOINER.test(gap) ? null : literalGap(gap));
      cursor = at + word.length;
    }
    return gaps;
  }

  /** Second chance for a word: diacritics, a glued footnote digit, hyphenation at a line end. */
  private alternateToken(
    text: string,
    token: Token,
    level: Map<string, TrieNode>,
  ): { token: Token; node: TrieNode } | undefined {
    const folded = fold(token.word);
    const direct = level.get(folded);
    if (direct) return { token, node: direct };
    const glued = endsWithDigit(token.word) ? DIGIT_TAIL.exec(token.word) : null;
    if (glued?.[1]) {
      const node = level.get(fold(glued[1]));
      if (node) return { token: { ...token, end: token.start + glued[1].length, word: glued[1] }, node };
    }
    if (!isSpace(text.charCodeAt(token.end + 1))) return undefined;
    const next = this.nextToken(text, token.end);
    if (next && LINE_END_HYPHEN.test(text.slice(token.end, next.start)) && /^\p{Ll}/u.test(next.word)) {
      const node = level.get(folded + fold(next.word));
      if (node) return { token: { start: token.start, end: next.end, word: token.word + next.word }, node };
    }
    return undefined;
  }

  /** The first letter after the gap at `from` could start one of the next words (non-ASCII: maybe). */
  private nextMayFit(text: string, from: number, firsts: string): boolean {
    for (let i = from; i < from + MAX_GAP && i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code > 127) return true;
      if ((code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122)) {
        return firsts.includes(String.fromCharCode(code >= 65 && code <= 90 ? code | 32 : code));
      }
    }
    return false;
  }

  private nextToken(text: string, from: number): Token | undefined {
    const pattern = this.lookahead;
    pattern.lastIndex = from;
    const found = pattern.exec(text);
    if (!found || found.index - from > MAX_GAP) return undefined;
    return { start: found.index, end: found.index + found[0].length, word: found[0] };
  }

  /** Walk the trie from a word that starts a form; return the longest form that fits its rules. */
  private longestFrom(text: string, first: Token, firstNode: TrieNode): Match | undefined {
    const tokens: Token[] = [first];
    let node: TrieNode | undefined = firstNode;
    let best: Match | undefined;
    while (node) {
      if (node.forms) best = this.accept(text, tokens, node.forms) ?? best;
      if (!node.next) break;
      const previous = tokens.at(-1) as Token;
      if (!this.nextMayFit(text, previous.end, node.nextFirst)) break;
      const next = this.nextToken(text, previous.end);
      if (!next || !PUNCTUATION_GAP.test(text.slice(previous.end, next.start))) break;
      const key = next.word.toLowerCase();
      let child = node.next.get(key);
      if (child) tokens.push(next);
      else {
        const alternate = this.alternateToken(text, next, node.next);
        child = alternate?.node;
        if (alternate) tokens.push(alternate.token);
      }
      node = child;
    }
    return best;
  }

  private accept(text: string, tokens: Token[], forms: CompiledForm[]): Match | undefined {
    // The first form that fits is the match; the others only when there are (most forms stand
    // alone under their key, and an array and a set per match were garbage to collect).
    let chosen: CompiledForm | undefined;
    let fitting: CompiledForm[] | undefined;
    for (const form of forms) {
      if (!this.fits(text, tokens, form)) continue;
      if (!chosen) chosen = form;
      else {
        fitting ??= [chosen];
        fitting.push(form);
      }
    }
    if (!chosen) return undefined;
    const first = tokens[0] as Token;
    let end = (tokens.at(-1) as Token).end;
    if (chosen.suffix && text.startsWith(chosen.suffix, end)) end += chosen.suffix.length;
    else if (APOSTROPHE_S.test(text.slice(end, end + 3))) end += 2;
    const idOf = (form: CompiledForm) => (this.entries[form.entryIndex] as Entry).id;
    const match: Match = { start: first.start, end, text: text.slice(first.start, end), id: idOf(chosen) };
    if (fitting) {
      const ids = [...new Set(fitting.map(idOf))];
      if (ids.length > 1) match.alternatives = ids.slice(1);
    }
    return match;
  }

  private fits(text: string, tokens: Token[], form: CompiledForm): boolean {
    if (form.words.length !== tokens.length) return false;
    for (let i = 1; i < tokens.length; i++) {
      const gap = text.slice((tokens[i - 1] as Token).end, (tokens[i] as Token).start);
      const expected = form.gaps[i - 1];
      if (expected === null ? !JOINER.test(gap) : literalGap(gap) !== expected) return false;
    }
    // A heading in capitals is not a use of an ordinary phrase ("VERSLAG VAN EEN ALGEMEEN
    // OVERLEG"); names stay names there ("MINISTERS VAN BUITENLANDSE ZAKEN").
    if (!form.properName && !form.acronymic && tokens.every((t) => ALL_CAPS_WORD.test(t.word))) return false;
    if (form.initialCaps && !tokens.every((t, i) => !form.initialCaps?.[i] || CAPITALISED.test(t.word)))
      return false;
    if (form.caseSensitive) {
      const sameCase = tokens.every(
        (t, i) => !form.exact[i] || t.word.replace(/\u00AD/g, '') === form.words[i],
      );
      if (!sameCase) return false;
    }
    if (form.standalone) {
      const first = tokens[0] as Token;
      const last = tokens.at(-1) as Token;
      if (ALL_CAPS_NEIGHBOUR_BEFORE.test(text.slice(Math.max(0, first.start - 40), first.start)))
        return false;
      if (ALL_CAPS_NEIGHBOUR_AFTER.test(text.slice(last.end, last.end + 40))) return false;
    }
    return true;
  }
}
