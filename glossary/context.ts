/**
 * Context rules: which entry a matched form means, decided from the text around it (rules and
 * their order: docs/glossary-format.md, "Context rules"). A form can name several things: a
 * national institution ("Ministry of Defence", "Chief of Defence") or a homonymous acronym. The
 * matcher finds the form; these rules pick the entry, or drop the match when the text says it is
 * another country's institution the glossary does not have, so nothing wrong is shown.
 *
 * Cost: only matches of scoped or shared forms are looked at; the text around them is scanned
 * once, left to right, however many of them there are (linear in the text).
 */
import COUNTRIES from './countries.json';
import type { Entry } from './schema';
import { fold, TOKEN_SOURCE } from './text';

export type SenseReason = 'qualifier' | 'paragraph' | 'definition' | 'cue';

/** Why the match was given its entry: the rule and the words of the text that decided. */
export interface Sense {
  reason: SenseReason;
  evidence: string;
}

/** A match as the matcher gives it and the rules read and rewrite it (Matcher's Match). */
export interface Resolvable {
  start: number;
  end: number;
  /** The matched text as it stands in the input (may contain line breaks). */
  text: string;
  id: string;
  /** Other entries that claim the same form (other senses the gloss names). */
  alternatives?: string[];
  /** Why the context rules chose this entry (absent when the form has one meaning). */
  sense?: Sense;
}

interface Candidate {
  id: string;
  country?: string;
  /** An institution: "their …" / "hun …" rules out the Dutch one (not "hun fracties"). */
  institution: boolean;
  cues: ReadonlySet<string>;
}

type CountryWords = {
  words: Record<string, string[]>;
  caps: Record<string, string[]>;
  qualifierOnly: Record<string, string[]>;
};
const LEXICON = COUNTRIES as unknown as CountryWords;

function invert(lists: Record<string, string[]>): Map<string, string> {
  const map = new Map<string, string>();
  for (const [code, words] of Object.entries(lists)) for (const word of words) map.set(word, code);
  return map;
}
/** Folded word → country code, for words that name a country anywhere in a paragraph. */
const PLACE_WORDS = invert(LEXICON.words);
/** Words as written (capitals) → code: "US", "UK". */
const CAPS_WORDS = invert(LEXICON.caps);
/** Words that count only right before a term: possessives. */
const QUALIFIER_WORDS = invert(LEXICON.qualifierOnly);

const DUTCH_WORDS = new Set([
  'de',
  'het',
  'een',
  'van',
  'en',
  'voor',
  'met',
  'zijn',
  'niet',
  'ook',
  'wordt',
  'dat',
]);
const ENGLISH_WORDS = new Set([
  'the',
  'of',
  'and',
  'to',
  'for',
  'with',
  'is',
  'are',
  'not',
  'also',
  'that',
  'has',
]);
/** Words passed over between a qualifier and the term: "the Iraqi Minister of Foreign Affairs". */
const PASSED_OVER = new Set([
  'the',
  'a',
  'an',
  'de',
  'het',
  'een',
  'der',
  'des',
  'of',
  'van',
  'for',
  'voor',
  'and',
  'en',
]);
const HEAD_WORDS = new Set([
  'ministry',
  'ministries',
  'ministerie',
  'ministeries',
  'minister',
  'ministers',
  'department',
  'departement',
  'state',
  'secretary',
  'staatssecretaris',
]);

const PARAGRAPH_REACH = 300;
const QUALIFIER_REACH = 48;
const SENTENCE_STOPS = new Set([...'.,;:!?()[]\n"“”«»'].map((ch) => ch.charCodeAt(0)));
const WORDS = new RegExp(TOKEN_SOURCE, 'gu');
const POSSESSIVE_END = /['’]s\s*$/;
const OF_COUNTRY = /^[^\S\n]+(?:of|van)[^\S\n]+(?:(?:the|het|de)[^\S\n]+)?([\p{L}.]+)/u;

/** A country named by one word of the text, or undefined. */
function countryOf(word: string, qualifierPosition: boolean): string | undefined {
  const caps = CAPS_WORDS.get(word);
  if (caps) return caps;
  const folded = fold(word);
  return PLACE_WORDS.get(folded) ?? (qualifierPosition ? QUALIFIER_WORDS.get(folded) : undefined);
}

/** The country a word names ("iraqi", "Nederlandse", "US"), for the search's qualifiers. */
export function countryOfWord(word: string): string | undefined {
  const country = countryOf(word, false);
  return country && country !== 'OTHER' ? country : undefined;
}

/** "IQ" and "IQ-KR" are the same country for a qualifier ("Iraqi Kurdistan"). */
export const sameCountry = (a: string, b: string) =>
  a === b || a.startsWith(`${b}-`) || b.startsWith(`${a}-`);

/** The country a term is qualified with: "the Iraqi …", "Iraq's …", "… of Iraq", "their …". */
export function qualifierAt(
  text: string,
  start: number,
  end: number,
): (Sense & { country: string }) | undefined {
  // Hot: runs for every match of a scoped entry, so no regex is built here.
  let from = start;
  while (from > 0 && from > start - QUALIFIER_REACH && !SENTENCE_STOPS.has(text.charCodeAt(from - 1))) from--;
  const before = text.slice(from, start).replace(POSSESSIVE_END, ' ');
  const words = before.match(WORDS) ?? [];
  // Only the nearest word that is not an article, "of" or a head word like "Ministry" may qualify:
  // in "Somalië alsmede de tussentijdse evaluatie" Somalia qualifies nothing.
  let looked = 0;
  for (let i = words.length - 1; i >= 0 && looked < 1; i--) {
    const word = words[i] as string;
    const country = countryOf(word, true);
    if (country) return { reason: 'qualifier', evidence: word, country };
    const folded = fold(word);
    if (!PASSED_OVER.has(folded) && !HEAD_WORDS.has(folded)) looked++;
  }
  const after = OF_COUNTRY.exec(text.slice(end, end + QUALIFIER_REACH));
  const word = after?.[1]?.replace(/\.$/, '');
  const country = word ? countryOf(word, false) : undefined;
  return country && word ? { reason: 'qualifier', evidence: word, country } : undefined;
}

interface Mention {
  at: number;
  /** A country code, or "lang:nl" / "lang:en" for a function word. */
  code: string;
  word: string;
}

/**
 * Country words and function words of one text, scanned once from left to right as the matches
 * (sorted by start) ask for their paragraphs.
 */
class ParagraphScanner {
  private readonly mentions: Mention[] = [];
  private scannedTo = 0;
  private first = 0;
  private readonly tokens = new RegExp(TOKEN_SOURCE, 'gu');

  constructor(private readonly text: string) {}

  private dutchness: boolean | undefined;

  /**
   * The text reads as Dutch: more Dutch than English function words in its first 50,000
   * characters (a text is one block of a page, or a document in the reader and the CLI).
   */
  get dutch(): boolean {
    const sample = this.text.length > LANGUAGE_SAMPLE ? this.text.slice(0, LANGUAGE_SAMPLE) : this.text;
    this.dutchness ??= countWords(sample, DUTCH_PROBES) > countWords(sample, ENGLISH_PROBES);
    return this.dutchness;
  }

  /** The mentions within the paragraph around [start, end). */
  around(start: number, end: number): Mention[] {
    const [from, to] = this.bounds(start, end);
    // Windows only move forward: text between them is never needed, so it is never tokenized.
    if (from > this.scannedTo) this.scannedTo = from;
    this.scan(to);
    while (this.first < this.mentions.length && (this.mentions[this.first] as Mention).at < from)
      this.first++;
    const found: Mention[] = [];
    for (let i = this.first; i < this.mentions.length; i++) {
      const mention = this.mentions[i] as Mention;
      if (mention.at >= to) break;
      if (mention.at < start || mention.at >= end) found.push(mention);
    }
    return found;
  }

  /** ±300 characters, cut at blank lines (a paragraph break in extracted text). */
  private bounds(start: number, end: number): [number, number] {
    const low = Math.max(0, start - PARAGRAPH_REACH);
    const breakBefore = this.text.lastIndexOf('\n\n', start);
    const breakAfter = this.text.indexOf('\n\n', end);
    const high = Math.min(this.text.length, end + PARAGRAPH_REACH);
    return [Math.max(low, breakBefore + 1), breakAfter >= 0 ? Math.min(high, breakAfter) : high];
  }

  private scan(to: number): void {
    if (to <= this.scannedTo) return;
    const pattern = this.tokens;
    pattern.lastIndex = this.scannedTo;
    for (let found = pattern.exec(this.text); found && found.index < to; found = pattern.exec(this.text)) {
      const word = found[0];
      const lower = word.toLowerCase();
      const country = countryOf(word, false);
      if (country) this.mentions.push({ at: found.index, code: country, word });
      else if (DUTCH_WORDS.has(lower)) this.mentions.push({ at: found.index, code: 'lang:nl', word });
      else if (ENGLISH_WORDS.has(lower)) this.mentions.push({ at: found.index, code: 'lang:en', word });
      this.scannedTo = pattern.lastIndex;
    }
    this.scannedTo = Math.max(this.scannedTo, to);
  }
}

const LANGUAGE_SAMPLE = 50_000;
const DUTCH_PROBES = [' de ', ' het ', ' van ', ' een ', ' en '];
const ENGLISH_PROBES = [' the ', ' of ', ' and ', ' to ', ' a '];
function countWords(text: string, probes: readonly string[]): number {
  let count = 0;
  for (const probe of probes)
    for (let at = text.indexOf(probe); at >= 0; at = text.indexOf(probe, at + 1)) count++;
  return count;
}

function tally(mentions: readonly Mention[]): Map<string, { count: number; word: string }> {
  const counts = new Map<string, { count: number; word: string }>();
  for (const { code, word } of mentions) {
    const seen = counts.get(code);
    counts.set(code, { count: (seen?.count ?? 0) + 1, word: seen?.word ?? word });
  }
  return counts;
}

/** The context rules for one glossary (built once with the matcher). */
export class ContextRules {
  private readonly candidates = new Map<string, Candidate>();

  constructor(entries: readonly Entry[]) {
    for (const entry of entries) {
      if (!entry.scope?.country && !entry.match?.cues?.length) continue;
      this.candidates.set(entry.id, {
        id: entry.id,
        country: entry.scope?.country,
        institution: entry.category === 'organisation',
        cues: new Set((entry.match?.cues ?? []).map(fold)),
      });
    }
  }

  /** Whether any match of this glossary can need the rules. */
  get active(): boolean {
    return this.candidates.size > 0;
  }

  private needs(match: Resolvable): boolean {
    return match.alternatives !== undefined || this.candidates.has(match.id);
  }

  /**
   * The matches with their entries decided; matches that mean nothing in the glossary dropped.
   * `confirmed`: entries the document itself confirms (it defines their acronym as the glossary
   * does), kept wherever the paragraph does not name their country.
   */
  resolve<M extends Resolvable>(text: string, matches: M[], confirmed?: ReadonlySet<string>): M[] {
    if (!matches.some((m) => this.needs(m))) return matches;
    const scanner = new ParagraphScanner(text);
    const resolved: M[] = [];
    for (const match of matches) {
      if (!this.needs(match)) resolved.push(match);
      else {
        const decided = this.decide(text, match, scanner, confirmed);
        if (decided) resolved.push(decided);
      }
    }
    return resolved;
  }

  private candidate(id: string): Candidate {
    return this.candidates.get(id) ?? { id, institution: false, cues: new Set() };
  }

  private decide<M extends Resolvable>(
    text: string,
    match: M,
    scanner: ParagraphScanner,
    confirmed?: ReadonlySet<string>,
  ): M | undefined {
    const all = [match.id, ...(match.alternatives ?? [])].map((id) => this.candidate(id));
    const paragraph = () => tally(scanner.around(match.start, match.end));
    const qualifier = qualifierAt(text, match.start, match.end) ?? this.selfQualifier(match.text);
    let pool = all;
    let sense: Sense | undefined;
    if (qualifier) {
      pool = this.byQualifier(all, qualifier.country);
      if (pool.length) sense = { reason: 'qualifier', evidence: qualifier.evidence };
    } else {
      const chosen = this.byParagraph(all, paragraph, scanner.dutch, confirmed);
      pool = chosen.pool;
      sense = chosen.sense;
    }
    if (pool.length > 1) {
      const cued = this.byCues(pool, text, match);
      if (cued) {
        pool = cued.pool;
        sense = cued.sense;
      }
    }
    const chosen = pool[0];
    if (!chosen) return undefined;
    const others = all.filter((c) => c !== chosen).map((c) => c.id);
    const result: M = { ...match, id: chosen.id };
    if (others.length) result.alternatives = others;
    else delete result.alternatives;
    if (sense) result.sense = sense;
    return result;
  }

  /** A country word inside the matched form itself ("Iraqi Chief of Defence"). */
  private selfQualifier(matched: string): (Sense & { country: string }) | undefined {
    for (const word of matched.match(WORDS) ?? []) {
      const country = countryOf(word, false);
      if (country) return { reason: 'qualifier', evidence: word, country };
    }
    return undefined;
  }

  /** Entries of the qualifier's country first, else general ones; "their" rules out the Dutch. */
  private byQualifier(all: Candidate[], country: string): Candidate[] {
    if (country === 'OTHER') return all.filter((c) => c.country !== 'NL' || !c.institution);
    const own = all.filter((c) => c.country !== undefined && sameCountry(c.country, country));
    return own.length ? own : all.filter((c) => c.country === undefined);
  }

  /**
   * No qualifier: between entries of several countries, the one the paragraph names most (the
   * Dutch one when none is named). A Dutch institution alone is kept unless an English paragraph
   * speaks only of other countries ("In Iraq, the Ministry of Defence …"); another country's
   * institution alone is kept (its name is its own: "Ministry of Peshmerga Affairs").
   */
  private byParagraph(
    all: Candidate[],
    paragraphOf: () => Map<string, { count: number; word: string }>,
    dutchText: boolean,
    confirmed?: ReadonlySet<string>,
  ): { pool: Candidate[]; sense?: Sense } {
    const only = all[0] as Candidate;
    // The common case, a Dutch institution in a Dutch text, needs no look at the paragraph.
    if (all.length === 1 && (only.country !== 'NL' || dutchText || confirmed?.has(only.id)))
      return { pool: all };
    const paragraph = paragraphOf();
    const mentioned = (c: Candidate) => (c.country ? this.mentions(paragraph, c.country) : undefined);
    if (all.length > 1 && all.some((c) => c.country)) {
      // A Dutch text speaks of Dutch institutions unless it says otherwise: another country's
      // sense needs that country named twice in the paragraph, and the Netherlands not at all.
      const home = dutchText ? 3 : 1;
      const score = (c: Candidate) => (mentioned(c)?.count ?? 0) * 2 + (c.country === 'NL' ? home : 0);
      const ranked = [...all].sort((a, b) => score(b) - score(a));
      const top = ranked[0] as Candidate;
      const topMention = mentioned(top);
      return topMention
        ? { pool: ranked, sense: { reason: 'paragraph', evidence: topMention.word } }
        : { pool: ranked };
    }
    const english = (paragraph.get('lang:en')?.count ?? 0) > (paragraph.get('lang:nl')?.count ?? 0);
    const foreignNamed = [...paragraph.keys()].some((code) => !code.startsWith('lang:') && code !== 'NL');
    return { pool: english && foreignNamed && !paragraph.has('NL') ? [] : all };
  }

  private mentions(paragraph: Map<string, { count: number; word: string }>, country: string) {
    let best: { count: number; word: string } | undefined;
    for (const [code, seen] of paragraph) {
      if (!code.startsWith('lang:') && sameCountry(code, country) && seen.count > (best?.count ?? 0))
        best = seen;
    }
    return best;
  }

  /** Between entries that share a form: the one with the most cue words in the paragraph. */
  private byCues(
    pool: Candidate[],
    text: string,
    match: Resolvable,
  ): { pool: Candidate[]; sense: Sense } | undefined {
    if (!pool.some((c) => c.cues.size)) return undefined;
    const [from, to] = [
      Math.max(0, match.start - PARAGRAPH_REACH),
      Math.min(text.length, match.end + PARAGRAPH_REACH),
    ];
    const words = (text.slice(from, to).match(WORDS) ?? []).map(fold);
    const score = (c: Candidate) => words.filter((w) => c.cues.has(w)).length;
    const ranked = [...pool].sort((a, b) => score(b) - score(a));
    const top = ranked[0] as Candidate;
    if (score(top) === 0) return undefined;
    const evidence = words.find((w) => top.cues.has(w)) ?? '';
    return { pool: ranked, sense: { reason: 'cue', evidence } };
  }
}
