/**
 * Look-ups that pick entries before or beside fuse.js:
 *   - a trigram index: fuse.js compares the query with every string of every entry (5,000 own
 *     entries: ~125 ms a keystroke), so above a few hundred entries the entries sharing most
 *     trigrams with the query are picked and fuse.js ranks only those. Trigrams per word keep word
 *     order free ("peshmerga ministry") and survive a typo ("artkel" shares "art" and "kel" with
 *     "artikel"). The same trigrams find the entries holding every word of a keyword query that
 *     no single form holds ("coalition against isis", "piracy somalia"; issue 16);
 *   - the exact names: a query that is a form, spelled together or apart, in any word order, with
 *     one word in the plural ("artikel100 brief", "nato iraq mission", "kamerbrieven").
 */
import { inflections } from './inflect';
import { fold } from './text';

const WORD = /[\p{L}\p{N}]+/gu;
/** A keyword's first letters that count: a crude stem ("deploy" for "deployment", "deployed"). */
const STEM = 6;
/** Keywords in more than this share of the documents are left out, like stop words. */
const COMMON_SHARE = 0.25;

/** Trigrams of each folded word; a word of one or two characters is its own gram. */
export function gramsOf(text: string): string[] {
  const grams: string[] = [];
  for (const word of fold(text).match(WORD) ?? []) {
    if (word.length < 3) grams.push(word);
    else for (let i = 0; i + 3 <= word.length; i++) grams.push(word.slice(i, i + 3));
  }
  return grams;
}

export class GramIndex {
  private readonly postings = new Map<string, Map<number, number>>();

  /** Index `text` of document `doc`; a form weighs more than a definition. */
  add(doc: number, text: string, weight: number): void {
    for (const gram of new Set(gramsOf(text))) {
      let posting = this.postings.get(gram);
      if (!posting) {
        posting = new Map();
        this.postings.set(gram, posting);
      }
      posting.set(doc, Math.max(posting.get(doc) ?? 0, weight));
    }
  }

  /**
   * Up to `limit` documents holding every query word that is neither short nor common (its first
   * six letters, "deploy" for "deployment", as all their trigrams), the rarer the words and the
   * more of them in forms, the better: keyword queries no single form holds.
   */
  holding(words: readonly string[], limit: number, size: number): number[] {
    let scores: Map<number, number> | undefined;
    for (const word of new Set(words)) {
      if (word.length < 3) continue;
      const holders = this.holders(word.slice(0, STEM));
      if (holders.size === 0) return [];
      if (holders.size > size * COMMON_SHARE) continue;
      const rarity = Math.log(size / holders.size);
      if (!scores) scores = new Map([...holders].map(([doc, weight]) => [doc, rarity * weight]));
      else
        for (const [doc, score] of scores) {
          const weight = holders.get(doc);
          if (weight === undefined) scores.delete(doc);
          else scores.set(doc, score + rarity * weight);
        }
    }
    return [...(scores ?? [])]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([doc]) => doc);
  }

  /** Documents with every trigram of `word`, and the least weight those have there. */
  private holders(word: string): Map<number, number> {
    const postings = [...new Set(gramsOf(word))]
      .map((gram) => this.postings.get(gram))
      .sort((a, b) => (a?.size ?? 0) - (b?.size ?? 0));
    const [first, ...others] = postings;
    const holders = new Map(first);
    for (const posting of others)
      for (const [doc, weight] of holders) {
        const other = posting?.get(doc);
        if (other === undefined) holders.delete(doc);
        else if (other < weight) holders.set(doc, other);
      }
    return holders;
  }

  /** Up to `limit` documents sharing the most (weighted) grams with the query, best first. */
  candidates(query: string, limit: number): number[] {
    const scores = new Map<number, number>();
    for (const gram of new Set(gramsOf(query))) {
      for (const [doc, weight] of this.postings.get(gram) ?? [])
        scores.set(doc, (scores.get(doc) ?? 0) + weight);
    }
    return [...scores]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([doc]) => doc);
  }
}

/** Folded words in alphabetical order: "NATO Mission Iraq" and "nato iraq mission" share it. */
const unordered = (words: readonly string[]) => [...words].sort().join(' ');

export class NameIndex {
  private readonly names = new Map<string, number[]>();
  /** Every word of every form: such a word is never read as a plural ("marines": Dutch Marines). */
  private readonly words = new Set<string>();

  /** Index a form of `doc` by its key (folded words joined by spaces, `SurfaceForm.key`). */
  add(doc: number, key: string): void {
    const words = key.split(' ');
    this.put(words.join(''), doc);
    if (words.length > 1) this.put(unordered(words), doc);
    for (const word of words) this.words.add(word);
  }

  private put(key: string, doc: number): void {
    const list = this.names.get(key) ?? [];
    if (!list.includes(doc)) list.push(doc);
    this.names.set(key, list);
  }

  /** Documents with a form of exactly these folded words, together or apart, in this order. */
  get(words: readonly string[]): readonly number[] {
    return this.names.get(words.join('')) ?? [];
  }

  /** Documents with a form of these folded words in any order, or with one of them in the plural. */
  lookup(words: readonly string[]): number[] {
    const found = new Set<number>();
    const look = (ws: readonly string[]) => {
      for (const key of [ws.join(''), unordered(ws)])
        for (const doc of this.names.get(key) ?? []) found.add(doc);
    };
    look(words);
    if (found.size === 0)
      words.forEach((word, i) => {
        if (this.words.has(word)) return;
        for (const stem of singulars(word)) look(words.map((w, j) => (j === i ? stem : w)));
      });
    return [...found];
  }
}

/** Singulars of a folded word under the matcher's plural rules: "brieven" → "brief". */
function singulars(word: string): string[] {
  if (word.length < 4 || !/^[a-z]+$/.test(word)) return [];
  const stems = new Set<string>();
  for (const cut of [1, 2, 3]) stems.add(word.slice(0, -cut)); // motie-s, kamer-s, fregat-ten
  const base = word.slice(0, -2);
  stems.add(`${base.slice(0, -1)}${base.at(-2)}${base.at(-1)}`); // mandaten → mandaat
  const stem = word.slice(0, -3);
  for (const end of ['f', 's', 'y']) stems.add(`${stem}${end}`); // brieven, reizen, authorities
  return [...stems].filter((s) => s.length >= 3 && inflections(s).includes(word));
}
