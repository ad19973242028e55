/**
 * Very large pages show their terms as a CSS Custom Highlight instead of <begrip-mark> wrappers.
 * On a page of ~20,000 blocks any DOM change makes Chromium lay out, pre-paint and paint the whole
 * body again: a 30–55 ms task for one wrapped word, against 11 ms for one highlighted word
 * (BENCHMARKS.md). A highlighted term becomes a real mark only when the reader reaches for it
 * (pointer, tap, keyboard step, the popup's reveal): the gloss needs an element to anchor to, to
 * focus and to point `aria-describedby` from. Ordinary pages keep wrappers throughout.
 */
import type { TextRun } from '../../utils/dom/highlighter';
import type { FoundTerm } from '../../utils/messages';

export const HIGHLIGHT_NAME = 'begrip';

export interface HighlightItem {
  run: TextRun;
  annotations: FoundTerm[];
}

interface ShownTerm {
  range: Range;
  /** The term's text when it was shown: a page change that alters it retires the range. */
  text: string;
}

/**
 * (node, offset) of character `at` of a run's text; `end` picks the node a range ends in. A binary
 * search over the run's sorted offsets: one block of a million text nodes costs twenty steps per
 * term, not a million (audit F1).
 */
export function pointOf(run: TextRun, at: number, end: boolean): [Text, number] | null {
  // The character a range ends after is at - 1; it lies in the last node starting at or before it.
  const char = end ? at - 1 : at;
  let low = 0;
  let high = run.nodes.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((run.offsets[middle] as number) <= char) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  // Skip empty nodes that share the offset of the next one.
  while (found >= 0 && (run.nodes[found] as Text).length === 0) found--;
  if (found < 0) return null;
  const node = run.nodes[found] as Text;
  const offset = at - (run.offsets[found] as number);
  const inside = end ? offset > 0 && offset <= node.length : offset >= 0 && offset < node.length;
  return inside ? [node, offset] : null;
}

function rangesOf(item: HighlightItem): ShownTerm[] {
  const shown: ShownTerm[] = [];
  for (const term of item.annotations) {
    const from = pointOf(item.run, term.start, false);
    const to = pointOf(item.run, term.end, true);
    if (!from || !to) continue;
    // Live ranges, so that page changes elsewhere in the text nodes move them along.
    const range = document.createRange();
    range.setStart(...from);
    range.setEnd(...to);
    shown.push({ range, text: range.toString() });
  }
  return shown;
}

const contains = (range: Range, x: number, y: number) =>
  [...range.getClientRects()].some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom);

export class TermHighlights<T extends HighlightItem> {
  static supported(): boolean {
    return typeof Highlight === 'function' && typeof CSS !== 'undefined' && 'highlights' in CSS;
  }

  private readonly highlight = new Highlight();
  private readonly shown = new Map<T, ShownTerm[]>();
  private readonly byNode = new Map<Node, T[]>();

  constructor() {
    CSS.highlights.set(HIGHLIGHT_NAME, this.highlight);
  }

  get size(): number {
    return this.shown.size;
  }

  get items(): T[] {
    return [...this.shown.keys()];
  }

  show(item: T): void {
    const terms = rangesOf(item);
    for (const { range } of terms) this.highlight.add(range);
    this.shown.set(item, terms);
    for (const node of item.run.nodes) this.byNode.set(node, [...(this.byNode.get(node) ?? []), item]);
  }

  /** The shown item with a term under viewport point (x, y), or null. */
  itemAt(x: number, y: number): T | null {
    // Chromium 128+ and Firefox; the caret's node narrows the search to a few runs.
    const caret = document.caretPositionFromPoint(x, y);
    if (!caret) return null;
    for (const item of this.byNode.get(caret.offsetNode) ?? []) {
      if (this.shown.get(item)?.some(({ range }) => contains(range, x, y))) return item;
    }
    return null;
  }

  /** Stop showing `item` as highlights (it is about to be marked). */
  take(item: T): void {
    for (const { range } of this.shown.get(item) ?? []) this.highlight.delete(range);
    this.shown.delete(item);
    for (const node of item.run.nodes) {
      const rest = (this.byNode.get(node) ?? []).filter((other) => other !== item);
      if (rest.length) this.byNode.set(node, rest);
      else this.byNode.delete(node);
    }
  }

  /** Retire items whose terms the page has changed since (the observer annotates them anew). */
  prune(): void {
    for (const [item, terms] of this.shown) {
      if (terms.some(({ range, text }) => range.toString() !== text)) this.take(item);
    }
  }

  clear(): void {
    if (CSS.highlights.get(HIGHLIGHT_NAME) === this.highlight) CSS.highlights.delete(HIGHLIGHT_NAME);
    this.highlight.clear();
    this.shown.clear();
    this.byNode.clear();
  }
}
