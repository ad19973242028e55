/**
 * Bilingual fuzzy search over the glossary (fuse.js), shared by the popup, the options page and
 * the CLI's `lookup`. Fuse's extended search makes every query word a fuzzy term, so word order
 * does not matter ("peshmerga ministry"); an exact hit on an acronym or name always ranks first.
 */
import Fuse, { type FuseIndex, type FuseResultMatch, type IFuseOptions } from 'fuse.js';
import { countryOfWord, sameCountry } from './context';
import { formsOf, shortTerm } from './forms';
import type { Entry } from './schema';
import { GramIndex } from './search-prefilter';
import { fold } from './text';

export interface SearchHit {
  entry: Entry;
  /** 0 = perfect, 1 = no match (fuse's convention). */
  score: number;
  /** Which fields matched and where, for highlighting the matched part. */
  matches: readonly FuseResultMatch[];
}

interface SearchDoc {
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
const MAX_SCORE_GAP = 0.6;
/** After an exact hit on a name or acronym: "nmi" shows NMI, not eight chance hits. */
const EXACT_SCORE_GAP = 0.25;
const DEFINITION_WEIGHT = 1;

/** Letters and digits only, folded: "JOCAT-N" → "jocatn", "artikel 100-brief" → "artikel100brief". */
const compact = (value: string) => fold(value).replace(/[^\p{L}\p{N}]+/gu, '');

/** Characters with a meaning in fuse's extended search syntax are dropped from user queries. */
const EXTENDED_SYNTAX = /[!'^=$|"]/g;
const POSSESSIVE = /(\p{L})['’]s(?!\p{L})/gu;

export class GlossarySearch {
  private readonly fuse: Fuse<SearchDoc>;
  private readonly exact = new Map<string, number[]>();
  private readonly docs: SearchDoc[];
  private readonly grams: GramIndex | null;
  private readonly records: ReturnType<FuseIndex<SearchDoc>['toJSON']> | null;

  constructor(entries: readonly Entry[]) {
    this.docs = entries.map((entry, index) => {
      for (const form of formsOf(entry)) {
        const key = compact(form.text);
        const list = this.exact.get(key) ?? [];
        if (!list.includes(index)) list.push(index);
        this.exact.set(key, list);
      }
      return {
        entry,
        acronym: entry.acronym ?? '',
        names: [entry.nl.term, entry.en.term],
        expansions: [entry.nl.expansion, entry.en.expansion].filter((x): x is string => !!x),
        variants: entry.forms.map((form) => form.text),
        definitions: [entry.nl.definition, entry.en.definition],
      };
    });
    this.fuse = new Fuse(this.docs, OPTIONS);
    this.grams = this.docs.length > PREFILTER_ABOVE ? this.indexGrams() : null;
    this.records = this.grams ? this.fuse.getIndex().toJSON() : null;
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
    if (!this.grams || !this.records) return this.fuse;
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
    const query = rawQuery.replace(POSSESSIVE, '$1');
    const words = query.replace(EXTENDED_SYNTAX, ' ').trim().split(/\s+/).filter(Boolean);
    if (words.length === 0) return [];
    // "ministry of defence iraq", "senate netherlands": a country word qualifies the rest.
    const qualifier = this.exact.has(compact(words.join(' '))) ? undefined : qualifierOf(words);
    const searched = qualifier ? qualifier.rest : words;
    const results = this.fuseFor(searched.join(' ')).search(searched.join(' '), { limit: limit + 5 });
    const hits: SearchHit[] = results.map((r) => ({
      entry: r.item.entry,
      score: r.score ?? 1,
      matches: r.matches ?? [],
    }));
    for (const index of (this.exact.get(compact(searched.join(' '))) ?? []).slice().reverse()) {
      const entry = (this.docs[index] as SearchDoc).entry;
      const existing = hits.findIndex((h) => h.entry === entry);
      const hit =
        existing >= 0 ? (hits.splice(existing, 1)[0] as SearchHit) : { entry, score: 0, matches: [] };
      hits.unshift({ ...hit, score: 0 });
    }
    const ranked = qualifier ? byCountry(hits, qualifier.country) : hits;
    // Hits far behind the best one match only by chance (a letter run inside some definition);
    // after an exact name, only close relatives stay.
    const best = ranked[0]?.score ?? 0;
    const gap = best === 0 ? EXACT_SCORE_GAP : MAX_SCORE_GAP;
    return ranked.filter((hit) => hit.score <= best + gap).slice(0, limit);
  }
}

/** A query's country words (when other words remain), and the words left to search for. */
function qualifierOf(words: readonly string[]): { country: string; rest: string[] } | undefined {
  if (words.length < 2) return undefined;
  const countries = words.map((word) => countryOfWord(word));
  const country = countries.find(Boolean);
  const rest = words.filter((_, i) => !countries[i]);
  return country && rest.length ? { country, rest } : undefined;
}

/** The qualifier's country first, general entries next, other countries' entries last. */
function byCountry(hits: SearchHit[], country: string): SearchHit[] {
  const rank = (hit: SearchHit) => {
    const scoped = hit.entry.scope?.country;
    if (scoped === undefined) return 1;
    return sameCountry(scoped, country) ? 0 : 2;
  };
  return hits
    .map((hit, order) => ({ hit, order }))
    .sort((a, b) => rank(a.hit) - rank(b.hit) || a.order - b.order)
    .map(({ hit }, i) => ({ ...hit, score: i === 0 ? Math.min(hit.score, 0) : hit.score }));
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
