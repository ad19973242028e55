/**
 * The page's terms in order of first appearance, for the document's glossary annex (issue 17):
 * the first shown term of each entry and the sentence around it, cut from its block's text (the
 * run the matcher read), so only first occurrences cost anything. Terms of a large page not yet
 * shown (scheduler.ts, lazy runs) are not in the list until the reader scrolls near them.
 */
import { sentenceAround } from '../../glossary/annex';
import type { ShownTerm } from './scheduler';

export function firstShown(terms: readonly ShownTerm[]): { id: string; sentence: string }[] {
  const seen = new Set<string>();
  const order: { id: string; sentence: string }[] = [];
  for (const { annotation, item } of terms) {
    if (seen.has(annotation.id)) continue;
    seen.add(annotation.id);
    order.push({
      id: annotation.id,
      sentence: sentenceAround(item.run.text, annotation.start, annotation.end),
    });
  }
  return order;
}
