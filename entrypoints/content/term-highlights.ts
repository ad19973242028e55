/**
 * A web page's terms, shown as a CSS Custom Highlight: ranges over the page's own text nodes,
 * painted by the browser. Begrip adds, splits, moves or leaves behind no node of the page, so
 * frameworks that hold their nodes, editors that serialise them, flex and grid layouts and
 * `:first-child` rules see the page as it was (audit F5–F9); and there is no id in the DOM for a
 * page to read (F4). Measured against wrappers in BENCHMARKS.md ("Highlights on every page").
 *
 * The gloss anchors to a term's range (utils/dom/term.ts): hover is found by hit-testing the
 * pointer against the ranges of the text node under it, keyboard steps go through the terms in
 * document order, and the term the gloss explains is a second highlight, `begrip-current`.
 */

import { runAnchor, runNodes, type TextRun } from '../../utils/dom/highlighter';
import type { Term, TermSource } from '../../utils/dom/term';
import type { FoundTerm } from '../../utils/messages';

export const HIGHLIGHT_NAME = 'begrip';
export const CURRENT_HIGHLIGHT_NAME = 'begrip-current';

export interface HighlightItem {
  run: TextRun;
  annotations: FoundTerm[];
}

/** A term shown on the page. */
export interface ShownTerm<T extends HighlightItem = HighlightItem> extends Term {
  readonly range: Range;
  readonly item: T;
  readonly annotation: FoundTerm;
}

/**
 * (node, offset) of character `at` of a run's text; `end` picks the node a range ends in. A binary
 * search over the run's sorted offsets: one block of a million text nodes costs twenty steps per
 * term, not a million (audit F1).
 */
export function pointOf(run: TextRun, at: number, end: boolean): [Text, number] | null {
  const { nodes, offsets } = runNodes(run);
  const found = nodeIndexAt(nodes, offsets, at, end);
  if (found < 0) return null;
  const node = nodes[found] as Text;
  const offset = at - (offsets[found] as number);
  const inside = end ? offset > 0 && offset <= node.length : offset >= 0 && offset < node.length;
  return inside ? [node, offset] : null;
}

/**
 * The index in `nodes` of the node that holds character `at` (see pointOf), or -1. The search
 * starts at `from` when that node starts at or before the character (terms come in order, so
 * the next term's node is at or after the last one's): it gallops from there, so a run's terms
 * cost steps in proportion to the nodes between them, not twenty each over the whole run.
 */
function nodeIndexAt(
  nodes: readonly Text[],
  offsets: readonly number[],
  at: number,
  end: boolean,
  from = 0,
): number {
  // The character a range ends after is at - 1; it lies in the last node starting at or before it.
  const char = end ? at - 1 : at;
  let low = from > 0 && (offsets[from] as number) <= char ? from : 0;
  // Gallop: double the step while the node there still starts at or before the character.
  let step = 1;
  while (low + step < nodes.length && (offsets[low + step] as number) <= char) {
    low += step;
    step *= 2;
  }
  let high = Math.min(low + step, nodes.length) - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((offsets[middle] as number) <= char) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  // Skip empty nodes that share the offset of the next one.
  while (found >= 0 && (nodes[found] as Text).length === 0) found--;
  return found;
}

/**
 * The run with only the nodes its terms start and end in: all that pointOf needs later. A block
 * of a million text nodes would otherwise keep a million node wrappers alive until the reader
 * scrolls there, and every garbage collection would trace them.
 */
export function compactRun(run: TextRun, terms: readonly { start: number; end: number }[]): TextRun {
  const { nodes, offsets } = run;
  // A block read whole has no nodes looked up yet (a storm brings 10,000 <p>text</p> a frame),
  // and a run of one node needs it.
  if (!nodes || !offsets || nodes.length === 1) return run;
  // Terms come in order and do not overlap, so their nodes' indexes never go down: one pass, no
  // set and no sort (a transcript has 14,000 terms in one run).
  const indexes: number[] = [];
  let inOrder = true;
  const keep = (index: number) => {
    const last = indexes.at(-1);
    if (index < 0 || index === last) return;
    if (last !== undefined && index < last) inOrder = false;
    indexes.push(index);
  };
  for (const { start, end } of terms) {
    keep(nodeIndexAt(nodes, offsets, start, false, indexes.at(-1)));
    keep(nodeIndexAt(nodes, offsets, end, true, indexes.at(-1)));
  }
  const kept = inOrder ? indexes : [...new Set(indexes)].sort((a, b) => a - b);
  if (kept.length === nodes.length) return run;
  return {
    block: run.block,
    text: run.text,
    nodes: kept.map((i) => nodes[i] as Text),
    offsets: kept.map((i) => offsets[i] as number),
  };
}

const contains = (range: Range, x: number, y: number) =>
  [...range.getClientRects()].some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom);

/**
 * Whether the text at `node` is rendered: text hidden with CSS (display: none, visibility,
 * opacity 0) is never shown as a term, so a page cannot learn from it which words the reader's
 * own glossary holds (audit F4).
 */
export function isRendered(node: Node): boolean {
  const element = node.parentElement;
  if (!element) return false;
  if (typeof element.checkVisibility !== 'function') return element.getClientRects().length > 0;
  return element.checkVisibility({ opacityProperty: true, visibilityProperty: true });
}

function termsOf<T extends HighlightItem>(item: T, rendered: (node: Node) => boolean): ShownTerm<T>[] {
  const shown: ShownTerm<T>[] = [];
  for (const annotation of item.annotations) {
    const from = pointOf(item.run, annotation.start, false);
    const to = pointOf(item.run, annotation.end, true);
    if (!from || !to || !rendered(from[0])) continue;
    // Live ranges, so that page changes elsewhere in the text nodes move them along.
    const range = document.createRange();
    range.setStart(...from);
    range.setEnd(...to);
    const text = range.toString();
    // The page changed this text since it was read: the observer reads it again. (Checking the
    // term, not every node of the run: one run can hold a million nodes.)
    if (text !== item.run.text.slice(annotation.start, annotation.end)) continue;
    const { id, alternatives, sense } = annotation;
    const reading = { id, text, ...(alternatives && { alternatives }), ...(sense && { sense }) };
    const intact = () => range.startContainer.isConnected && range.toString() === text;
    shown.push({
      range,
      item,
      annotation,
      reading,
      box: () => (intact() ? (range.getClientRects()[0] ?? null) : null),
      bringIntoView() {
        const box = range.getBoundingClientRect();
        if (box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight) return;
        range.startContainer.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest' });
      },
    });
  }
  return shown;
}

/**
 * The text nodes the terms lie in: what the pointer can be over. Only these are indexed, not every
 * node of the run: keying a Map by a DOM node costs microseconds the first time, and one block can
 * hold a million nodes (audit F1).
 */
function nodesOf(terms: readonly ShownTerm[]): Set<Node> {
  const nodes = new Set<Node>();
  for (const { range } of terms) {
    const { startContainer, endContainer } = range;
    nodes.add(startContainer);
    if (endContainer === startContainer) continue;
    const walker = document.createTreeWalker(range.commonAncestorContainer, NodeFilter.SHOW_TEXT);
    walker.currentNode = startContainer;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      nodes.add(node);
      if (node === endContainer) break;
    }
  }
  return nodes;
}

/** Take `item` out of `key`'s list in `index`. */
function forget<K, T>(index: Map<K, T[]>, key: K, item: T): void {
  const rest = (index.get(key) ?? []).filter((other) => other !== item);
  if (rest.length) index.set(key, rest);
  else index.delete(key);
}

export class TermHighlights<T extends HighlightItem> implements TermSource {
  static supported(): boolean {
    return typeof Highlight === 'function' && typeof CSS !== 'undefined' && 'highlights' in CSS;
  }

  private readonly highlight = new Highlight();
  private readonly currentHighlight = new Highlight();
  private readonly shown = new Map<T, ShownTerm<T>[]>();
  private readonly byNode = new Map<Node, T[]>();
  /** The shown items of each block: a block read again takes them all away. */
  private readonly byBlock = new Map<Node, T[]>();
  /** The nodes each item's terms were indexed under (its ranges may have moved since). */
  private readonly nodesOfItem = new Map<T, Set<Node>>();
  /** Terms whose text was hidden with CSS when they came: shown if the page reveals them. */
  private hidden: T[] = [];
  private ordered: ShownTerm<T>[] | null = null;
  /** The length of the texts of the runs shown: how large the part of the page shown whole is. */
  private shownText = 0;
  /** Ranges made while showing a batch (holdRanges), not in the highlight yet. */
  private held: Set<Range> | null = null;

  /** `rendered`: whether text is on screen (unit tests, whose DOM has no layout, pass their own). */
  constructor(private readonly rendered: (node: Node) => boolean = isRendered) {
    // Above the page's own highlights, and the current term above the others.
    this.highlight.priority = 1;
    this.currentHighlight.priority = 2;
    CSS.highlights.set(HIGHLIGHT_NAME, this.highlight);
    CSS.highlights.set(CURRENT_HIGHLIGHT_NAME, this.currentHighlight);
  }

  get size(): number {
    return this.shown.size;
  }

  /** Characters in the runs that show terms. */
  get textShown(): number {
    return this.shownText;
  }

  get items(): T[] {
    return [...this.shown.keys()];
  }

  /** Show the item's terms whose text is rendered; the rest waits for `revealHidden`. */
  show(item: T): ShownTerm<T>[] {
    this.take(item);
    const visibility = new Map<Element | null, boolean>();
    const rendered = (node: Node) => {
      const known = visibility.get(node.parentElement);
      if (known !== undefined) return known;
      const answer = this.rendered(node);
      visibility.set(node.parentElement, answer);
      return answer;
    };
    const terms = termsOf(item, rendered);
    if (terms.length < item.annotations.length) this.hidden.push(item);
    if (terms.length === 0) return terms;
    for (const { range } of terms) (this.held ?? this.highlight).add(range);
    this.shown.set(item, terms);
    this.shownText += item.run.text.length;
    this.ordered = null;
    this.index(item, terms);
    const { block } = item.run;
    const ofBlock = this.byBlock.get(block);
    if (ofBlock) ofBlock.push(item);
    else this.byBlock.set(block, [item]);
    return terms;
  }

  /** Index `item` under the text nodes its terms lie in (for hit-testing and changes). */
  private index(item: T, terms: readonly ShownTerm<T>[]): void {
    const nodes = nodesOf(terms);
    this.nodesOfItem.set(item, nodes);
    for (const node of nodes) {
      const list = this.byNode.get(node);
      if (list) list.push(item);
      else this.byNode.set(node, [item]);
    }
  }

  /**
   * Keep the ranges of the terms shown from now on out of the highlight until `paintHeld`: every
   * change to a highlight makes the browser prepare the paint of all its ranges again, so ranges
   * added over many frames cost a multiple of adding them at once (8,000 terms added over 25
   * frames: a second of the page's time).
   */
  holdRanges(): void {
    this.held ??= new Set();
  }

  /** Add the held ranges to the highlight at once; `holding` goes on holding new ones. */
  paintHeld(holding: boolean): void {
    const held = this.held;
    if (!held) return;
    for (const range of held) this.highlight.add(range);
    this.held = holding ? new Set() : null;
  }

  /** Show again the items that had text hidden with CSS (the page may have revealed it). */
  revealHidden(): void {
    const waiting = this.hidden;
    this.hidden = [];
    for (const item of waiting) if (runAnchor(item.run).isConnected) this.show(item);
  }

  /** The shown term under viewport point (x, y), or null. */
  termAt(x: number, y: number): ShownTerm<T> | null {
    // Chromium 128+ and Firefox; the caret's node narrows the search to a few runs.
    const caret = document.caretPositionFromPoint(x, y);
    if (!caret) return null;
    for (const item of this.byNode.get(caret.offsetNode) ?? []) {
      const term = this.shown.get(item)?.find(({ range }) => contains(range, x, y));
      if (term) return term;
    }
    return null;
  }

  at(event: Event): ShownTerm<T> | null {
    if (!(event instanceof MouseEvent) || this.shown.size === 0) return null;
    return this.termAt(event.clientX, event.clientY);
  }

  /** Every shown term in document order, sorted when asked for (keyboard steps), not on each change. */
  list(): readonly ShownTerm<T>[] {
    this.ordered ??= [...this.shown.values()]
      .flat()
      .sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
    return this.ordered;
  }

  setCurrent(term: Term | null): void {
    this.currentHighlight.clear();
    const range = (term as ShownTerm | null)?.range;
    if (range) this.currentHighlight.add(range);
  }

  /** Stop showing `item`. */
  take(item: T): void {
    const terms = this.shown.get(item);
    if (!terms) return;
    for (const { range } of terms) {
      this.highlight.delete(range);
      this.held?.delete(range);
      this.currentHighlight.delete(range);
    }
    this.shown.delete(item);
    this.shownText -= item.run.text.length;
    this.ordered = null;
    for (const node of this.nodesOfItem.get(item) ?? []) forget(this.byNode, node, item);
    this.nodesOfItem.delete(item);
    forget(this.byBlock, item.run.block, item);
  }

  /**
   * Index every shown term under the nodes its range lies in now: the inline reading mode splits
   * text nodes, and the live ranges after a split move to the new node.
   */
  reindex(): void {
    this.byNode.clear();
    this.nodesOfItem.clear();
    for (const [item, terms] of this.shown) this.index(item, terms);
  }

  /** The shown items of the blocks of `runs` (before those blocks are annotated anew). */
  itemsWith(runs: readonly Pick<TextRun, 'block'>[]): Set<T> {
    const found = new Set<T>();
    if (this.byBlock.size === 0) return found;
    for (const { block } of runs) {
      const items = this.byBlock.get(block);
      if (items) for (const item of items) found.add(item);
    }
    return found;
  }

  /** The shown items inside `element` (hidden, or made editable). */
  itemsWithin(element: Element): T[] {
    return [...this.shown.keys()].filter(
      ({ run }) => element.contains(run.block) || runNodes(run).nodes.some((node) => element.contains(node)),
    );
  }

  /** Items whose terms the page has changed since (the observer annotates them anew). */
  changed(): T[] {
    const stale: T[] = [];
    for (const [item, terms] of this.shown) {
      if (terms.some(({ range, reading }) => range.toString() !== reading.text)) stale.push(item);
    }
    return stale;
  }

  clear(): void {
    for (const [name, highlight] of [
      [HIGHLIGHT_NAME, this.highlight],
      [CURRENT_HIGHLIGHT_NAME, this.currentHighlight],
    ] as const) {
      if (CSS.highlights.get(name) === highlight) CSS.highlights.delete(name);
      highlight.clear();
    }
    this.shown.clear();
    this.held = null;
    this.shownText = 0;
    this.byNode.clear();
    this.byBlock.clear();
    this.nodesOfItem.clear();
    this.hidden = [];
    this.ordered = null;
  }
}
