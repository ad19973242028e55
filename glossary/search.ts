/**
 * Bilingual fuzzy search over the glossary (fuse.js), shared by the popup, the options page and
 * the CLI's `lookup`. Fuse's extended search makes every query word a fuzzy term, so word order
 * does not matter ("peshmerga ministry"); an exact hit on an acronym or name always ranks first,
 * also written together, in another word order or in the plural ("artikel100 brief", "nato iraq
 * mission", "kamerbrieven"). Country and organisation words qualify the rest of the query (issue
 * 16): "dutch ministry of defence", "un mission mali" rank the entry that fits them first.
 */
import Fuse, { type FuseIndex, type FuseResultMatch, type IFuseOptions } from 'fuse.js';
import { countryOfWord, sameCountry } from './context';
import { formsOf, shortTerm } from './forms';
import type { Entry } from './schema';
import { GramIndex, NameIndex } from './search-prefilter';
import { fold, wordsOf } from './text';

export interface SearchHit {
  entry: Entry;
  /** 0 = perfect, 1 = no match (fuse's convention). */
  score: number;
  /** Which fields matched and where, for highlighting the matched part. */
  matches: readonly FuseResultMatch[];
}

interface SearchDoc {
  index: number;
  entry: Entry;
  acronym: string;
  names: string[];
  expansions: string[];
  variants: string[];
  definitions: string[];
}

const OPTIONS: IFuseOptions<SearchDoc> = {
  keys: [
    { name: 'acronym', weight: 4 },
    { name: 'names', weight: 3 },
    { name: 'expansions', weight: 2 },
    { name: 'variants', weight: 2 },
    { name: 'definitions', weight: 0.3 },
  ],
  includeScore: true,
  includeMatches: true,
  ignoreDiacritics: true,
  ignoreLocation: true,
  useExtendedSearch: true,
  threshold: 0.34,
  minMatchCharLength: 2,
};

/** Above this many entries, fuse.js ranks only the candidates of the trigram index. */
const PREFILTER_ABOVE = 60;
const CANDIDATES = 80;
const FORM_WEIGHT = 3;
const DEFINITION_WEIGHT = 1;
/**
 * How far behind the best hit others may be: from EXACT_SCORE_GAP behind a perfect hit (an exact
 * name: "nmi" shows NMI, not eight chance hits) to MAX_SCORE_GAP behind a poor one.
 */
const EXACT_SCORE_GAP = 0.25;
const MAX_SCORE_GAP = 0.6;
const EXACT_RELATIVES = 3;
/** Worse scores come from a definition's running text only: chance hits. */
const CHANCE_SCORE = 0.8;
/** Hits fuse.js ranks for a qualified query, for the qualifiers to choose from. */
const QUALIFIED_POOL = 50;
/**
 * How far behind fuse's best hit a hit may be for the qualifiers to move it ahead, and how much
 * further for each point of agreement ("eu police mission afghanistan": EUPOL agrees twice).
 */
const QUALIFIED_NEAR = 0.35;
const QUALIFIED_STEP = 0.05;
/** Keyword hits, when no form matches well, rank as fair fuzzy hits; at most this many. */
const KEYWORD_SCORE = 0.5;
const KEYWORD_HITS = 3;

/** Organisations a query word qualifies with, as the entries' `scope.organisation` names them. */
const ORGANISATION_WORDS = new Map([
  ['nato', 'NATO'],
  ['navo', 'NATO'],
  ['eu', 'EU'],
  ['un', 'UN'],
  ['vn', 'UN'],
  ['osce', 'OSCE'],
  ['ovse', 'OSCE'],
]);

/** Characters with a meaning in fuse's extended search syntax are dropped from user queries. */
const EXTENDED_SYNTAX = /[!'^=$|"]/g;
const POSSESSIVE = /(\p{L})['’]s(?!\p{L})/gu;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const foldedWords = (text: string) => wordsOf(text).map(fold);

/** A country or organisation word of a query ("dutch", "iraq", "nato"). */
interface Qualifier {
  word: string;
  code: string;
  country: boolean;
}

/** How an entry fits a query's qualifiers. */
interface Fit {
  /** 2 for each qualifier among the entry's words, 1 for each its scope or a place it names fits. */
  agreement: number;
  /** How many qualifiers the entry fits. */
  fitted: number;
  /** Scoped to another country or organisation than the query's qualifiers name. */
  contradicts: boolean;
}

interface Ranked extends SearchHit, Fit {
  /** 0: the query names a form, 1: the query without its qualifiers does, 2: neither. */
  level: number;
  /** Too far behind the best hit for the qualifiers to move it ahead. */
  far: boolean;
}

export class GlossarySearch {
  private readonly fuse: Fuse<SearchDoc>;
  private readonly docs: SearchDoc[];
  private readonly names = new NameIndex();
  /** Per entry: the folded words of its forms and the countries they name (built when asked). */
  private readonly marks = new Map<number, { words: Set<string>; countries: string[] }>();
  private readonly grams: GramIndex;
  private readonly records: ReturnType<FuseIndex<SearchDoc>['toJSON']> | null;

  constructor(entries: readonly Entry[]) {
    this.docs = entries.map((entry, index) => {
      for (const form of formsOf(entry)) this.names.add(index, form.key);
      return {
        index,
        entry,
        acronym: entry.acronym ?? '',
        names: [entry.nl.term, entry.en.term],
        expansions: [entry.nl.expansion, entry.en.expansion].filter((x): x is string => !!x),
        variants: entry.forms.map((form) => form.text),
        definitions: [entry.nl.definition, entry.en.definition],
      };
    });
    this.fuse = new Fuse(this.docs, OPTIONS);
    this.grams = this.indexGrams();
    this.records = this.docs.length > PREFILTER_ABOVE ? this.fuse.getIndex().toJSON() : null;
  }

  private indexGrams(): GramIndex {
    const index = new GramIndex();
    this.docs.forEach((doc, i) => {
      for (const form of formsOf(doc.entry)) index.add(i, form.text, FORM_WEIGHT);
      for (const definition of doc.definitions) index.add(i, definition, DEFINITION_WEIGHT);
    });
    return index;
  }

  /** fuse.js over the whole glossary, or over the trigram candidates of a large one. */
  private fuseFor(query: string): Fuse<SearchDoc> {
    if (!this.records) return this.fuse;
    const picked = this.grams.candidates(query, CANDIDATES);
    const position = new Map(picked.map((doc, i) => [doc, i]));
    // Reuse the normalised strings of the full index: only the records of the candidates, renumbered.
    const records = this.records.records
      .filter((record) => position.has(record.i))
      .map((record) => ({ ...record, i: position.get(record.i) as number }));
    const docs = picked.map((doc) => this.docs[doc] as SearchDoc);
    return new Fuse(docs, OPTIONS, Fuse.parseIndex<SearchDoc>({ keys: this.records.keys, records }));
  }

  search(rawQuery: string, limit = 20): SearchHit[] {
    // "LTO’s" searches for LTO: a plural/possessive ending is not part of any term.
    const query = rawQuery.replace(POSSESSIVE, '$1').replace(EXTENDED_SYNTAX, ' ');
    const words = query.trim().split(/\s+/).filter(Boolean);
    if (words.length === 0) return [];
    // "ministry of defence iraq", "un mission mali": fuse.js searches the rest, and of its hits
    // those that fit the country and organisation words come first.
    const qualifiers = qualifiersOf(words);
    const rest = words.filter((w) => !qualifiers.some((q) => q.word === fold(w))).join(' ');
    const named = this.names.lookup(foldedWords(query));
    const restNamed = this.namedBy(rest, qualifiers);
    const pool = qualifiers.length ? Math.max(limit + 5, QUALIFIED_POOL) : limit + 5;
    const results = this.fuseFor(query).search(rest, { limit: pool });
    const best = results[0]?.score ?? 1;
    const hits = new Map<number, Ranked>();
    const add = (index: number, level: number, score: number, matches: readonly FuseResultMatch[]) => {
      const known = hits.get(index);
      if (known) known.matches = known.matches.length ? known.matches : matches;
      else {
        const entry = (this.docs[index] as SearchDoc).entry;
        hits.set(index, { entry, score, matches, level, far: false, ...this.fit(index, qualifiers) });
      }
    };
    for (const index of named) add(index, 0, 0, []);
    for (const index of restNamed) add(index, 1, 0, []);
    // No form matches well ("coalition against isis", "piracy somalia"): entries holding the words.
    if (!named.length && !restNamed.length && best > CHANCE_SCORE)
      for (const [i, index] of this.keywordHits(query, rest).entries())
        add(index, 2, KEYWORD_SCORE + i / 100, []);
    for (const r of results) add(r.item.index, 2, r.score ?? 1, r.matches ?? []);
    return cutOff(rank([...hits.values()], best), qualifiers.length).slice(0, limit);
  }

  /**
   * Entries the rest of a qualified query names, and the namesakes of another country's entry
   * among them: "dutch chod" brings in CDS, also "Chief of Defence".
   */
  private namedBy(rest: string, qualifiers: readonly Qualifier[]): number[] {
    if (qualifiers.length === 0) return [];
    const named = this.names.lookup(foldedWords(rest));
    for (const index of named.slice()) {
      if (!this.fit(index, qualifiers).contradicts) continue;
      for (const form of formsOf((this.docs[index] as SearchDoc).entry))
        for (const other of this.names.get(form.key.split(' ')))
          if (!named.includes(other)) named.push(other);
    }
    return named;
  }

  /** Entries holding every word of the query, or else of its rest, in their forms or definitions. */
  private keywordHits(query: string, rest: string): number[] {
    const size = this.docs.length;
    const found = this.grams.holding(foldedWords(query), KEYWORD_HITS, size);
    return found.length ? found : this.grams.holding(foldedWords(rest), KEYWORD_HITS, size);
  }

  /** How an entry fits the query's qualifiers: by its own words, its scope, the places it names. */
  private fit(index: number, qualifiers: readonly Qualifier[]): Fit {
    if (qualifiers.length === 0) return { agreement: 0, fitted: 0, contradicts: false };
    const entry = (this.docs[index] as SearchDoc).entry;
    let marks = this.marks.get(index);
    if (!marks) {
      const forms = formsOf(entry).flatMap((form) => wordsOf(form.text));
      const countries = forms.map(countryOfWord).filter((c): c is string => !!c);
      marks = { words: new Set(forms.map(fold)), countries };
      this.marks.set(index, marks);
    }
    const { country, organisation } = entry.scope ?? {};
    let agreement = 0;
    let fitted = 0;
    const fitting = { country: false, organisation: false };
    for (const q of qualifiers) {
      const named = marks.words.has(q.word);
      const scoped = q.country
        ? [country, ...marks.countries].some((c) => c !== undefined && sameCountry(c, q.code))
        : organisation === q.code;
      agreement += named ? 2 : scoped ? 1 : 0;
      if (named || scoped) {
        fitted++;
        fitting[q.country ? 'country' : 'organisation'] = true;
      }
    }
    const asks = (isCountry: boolean) => qualifiers.some((q) => q.country === isCountry);
    const contradicts =
      (country !== undefined && asks(true) && !fitting.country) ||
      (organisation !== undefined && asks(false) && !fitting.organisation);
    return { agreement, fitted, contradicts };
  }
}

/**
 * Named entries first, then the hits close to fuse's best one, where the qualifiers choose: no
 * other country's or organisation's entry first, the one fitting them best first.
 */
function rank(hits: Ranked[], best: number): Ranked[] {
  const near = Math.min(best + QUALIFIED_NEAR, CHANCE_SCORE);
  for (const hit of hits) hit.far = hit.level === 2 && hit.score > near + QUALIFIED_STEP * hit.agreement;
  return hits.sort(
    (a, b) =>
      a.level - b.level ||
      Number(a.far) - Number(b.far) ||
      Number(a.contradicts) - Number(b.contradicts) ||
      b.agreement - a.agreement,
  );
}

/** A query's country and organisation words, when other words remain to search for. */
function qualifiersOf(words: readonly string[]): Qualifier[] {
  if (words.length < 2) return [];
  const qualifiers: Qualifier[] = [];
  for (const word of words) {
    const folded = fold(word);
    const country = countryOfWord(word);
    const organisation = ORGANISATION_WORDS.get(folded);
    if (country) qualifiers.push({ word: folded, code: country, country: true });
    else if (organisation) qualifiers.push({ word: folded, code: organisation, country: false });
  }
  return qualifiers.length < words.length ? qualifiers : [];
}

/**
 * Hits far behind the best one match only by chance (a letter run inside some definition). After
 * an exact name, or a first hit that fits the query's qualifiers, only a few close relatives stay:
 * matched from the start of a word ("OIR": CJTF-OIR, not "suppletoire"), and for a qualified query
 * fitting every qualifier ("nato iraq mission": NMI, then NTM-I).
 */
function cutOff(ranked: readonly Ranked[], qualifiers: number): SearchHit[] {
  const first = ranked[0];
  if (!first) return [];
  const fits = qualifiers > 0 && !first.far && first.fitted > 0 && !first.contradicts;
  const best = first.level < 2 || fits ? 0 : Math.min(...ranked.map((hit) => hit.score));
  // The worse the best hit, the wider the gap: a near-perfect hit leaves no room for chance hits.
  const gap = EXACT_SCORE_GAP + (MAX_SCORE_GAP - EXACT_SCORE_GAP) * best;
  const limit = best < CHANCE_SCORE ? Math.min(best + gap, CHANCE_SCORE) : best + gap;
  let relatives = best === 0 ? EXACT_RELATIVES : Number.POSITIVE_INFINITY;
  const close = (hit: Ranked) =>
    hit.score <= limit &&
    (!fits || hit.fitted === qualifiers) &&
    (best > 0 || hit.matches.some(fromWordStart)) &&
    relatives-- > 0;
  return ranked
    .filter((hit, i) => i === 0 || hit.level < 2 || close(hit))
    .map(({ entry, score, matches }, i) => ({
      entry,
      score: i === 0 ? Math.min(score, best) : score,
      matches,
    }));
}

/** A match that begins a word of the matched text. */
function fromWordStart(match: FuseResultMatch): boolean {
  const value = match.value ?? '';
  return match.indices.some(([start]) => start === 0 || !WORD_CHAR.test(value[start - 1] as string));
}

/** The JSON shape of a hit in `begrip lookup --json`. */
export function hitSummary(hit: SearchHit) {
  return {
    id: hit.entry.id,
    term: shortTerm(hit.entry),
    nl: hit.entry.nl.term,
    en: hit.entry.en.term,
    score: Math.round(hit.score * 1000) / 1000,
  };
}
