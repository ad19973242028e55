/**
 * Candidate selection for large glossaries: fuse.js compares the query with every string of
 * every entry (5,000 own entries: ~125 ms a keystroke), so above a few hundred entries an index
 * of character trigrams picks the entries that share most trigrams with the query, and fuse.js
 * ranks only those. Trigrams per word keep word order free ("peshmerga ministry") and survive a
 * typo ("artkel" shares "art" and "kel" with "artikel").
 */
import { fold } from './text';

const WORD = /[\p{L}\p{N}]+/gu;

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
