/**
 * Reads a page's text as runs (walkRuns: what the content script sends to the matcher), and marks
 * terms with inline <begrip-mark> wrappers on Begrip's own pages (the reader's PDF text layer and
 * pasted text), where a wrapper can take focus and carry aria-describedby.
 *
 * Web pages never get wrappers: their terms are CSS Custom Highlights over the page's own text
 * nodes (entrypoints/content/term-highlights.ts), so no node of a page is moved, split or added
 * (issue 14; BENCHMARKS.md "Highlights on every page"). Wrappers only split text nodes, the text
 * (innerText/textContent) is unchanged, and `unmarkAll` restores the DOM. A custom element name
 * keeps page CSS such as `mark { … }` off them.
 */
import type { Annotation } from '../../glossary/annotate';

export const MARK_TAG = 'begrip-mark';
export const HOST_TAG = 'begrip-tooltip';
/** The inline reading mode's notes after terms (utils/dom/inline-notes.ts). */
export const INLINE_TAG = 'begrip-inline';

/** Elements whose text is never marked: code, form fields, non-rendered content and our own UI. */
const SKIP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'button',
  'code',
  'pre',
  'kbd',
  'samp',
  'svg',
  'math',
  'iframe',
  'object',
  'canvas',
  'head',
  'title',
  MARK_TAG,
  HOST_TAG,
  INLINE_TAG,
]);

/** Inline elements: text on both sides belongs to the same run ("<b>Red Card</b> Holder"). */
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'data',
  'dfn',
  'em',
  'font',
  'i',
  'mark',
  'q',
  's',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'wbr',
  'ins',
  'del',
  'label',
]);

/** The attributes that make any element skipped (see isSkipped). */
const SKIPPING_ATTRIBUTES = [
  '[hidden]',
  '[aria-hidden="true"]',
  '[contenteditable]:not([contenteditable="false"])',
];

/** A selector for the same rule, to check the ancestors of a root once. */
export const SKIP_SELECTOR = [...SKIP_TAGS, ...SKIPPING_ATTRIBUTES].join(',');

export function isSkipped(element: Element): boolean {
  if (SKIP_TAGS.has(element.localName)) return true;
  // Most elements have no attributes at all: one call instead of three.
  if (!element.hasAttributes()) return false;
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

export interface TextRun {
  /**
   * The block the run belongs to (its nearest ancestor that is not an inline element): a block is
   * always read again whole, so its runs are found, kept and taken away by it.
   */
  block: Node;
  /**
   * The run's text nodes, or null for a block read whole with textContent (wholeBlockRun): its
   * nodes are found when a term in it is shown (runNodes). A storm's 10,000 paragraphs a frame
   * then cost no node wrapper each, and neither does any paragraph without a term.
   */
  nodes: Text[] | null;
  /** Start offset of each node within `text` (null with `nodes`). */
  offsets: number[] | null;
  /** The nodes' text joined; a line break stands for a <br> between them. */
  text: string;
}

/** A run's text nodes and their offsets, found in its block now if it was read whole. */
export function runNodes(run: TextRun): { nodes: Text[]; offsets: number[] } {
  if (run.nodes && run.offsets) return { nodes: run.nodes, offsets: run.offsets };
  const nodes: Text[] = [];
  const offsets: number[] = [];
  let at = 0;
  // A block read whole holds text and inline elements only: its text is its text nodes joined,
  // in document order, as textContent joined them.
  const walker = document.createTreeWalker(run.block, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodes.push(node as Text);
    offsets.push(at);
    at += (node as Text).length;
  }
  run.nodes = nodes;
  run.offsets = offsets;
  return { nodes, offsets };
}

/** The run's first node, or its block when its nodes are not looked up yet: where it is in the page. */
export const runAnchor = (run: TextRun): Node => run.nodes?.[0] ?? run.block;

/** Whether `node` is text or an inline element: part of the run of the block around it. */
export function isInline(node: Node): boolean {
  return (
    node.nodeType === Node.TEXT_NODE ||
    (node.nodeType === Node.ELEMENT_NODE && INLINE.has((node as Element).localName))
  );
}

/** The nearest ancestor of `node` that is not an inline element: its runs belong to it. */
export function blockOf(node: Node): Node | null {
  let current = node.parentNode;
  while (current && current.nodeType === Node.ELEMENT_NODE && INLINE.has((current as Element).localName)) {
    current = current.parentNode;
  }
  return current;
}

/** The next node after `element`'s subtree within the walker's root, or null. */
function skipSubtree(walker: TreeWalker, element: Element): Node | null {
  walker.currentNode = element;
  for (;;) {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
    if (!walker.parentNode()) return null;
  }
}

const NOT_BLANK = /\S/;

/**
 * Text runs under `root` in document order, lazily: the walk can be spread over several tasks.
 * Skipped elements are passed over with their whole subtree; a skipped element or <br> inside a
 * block adds a line break, so words on both sides never glue together. Whitespace-only text
 * between inline elements ("<b>Red Card</b> <i>Holder</i>") belongs to the run.
 * The walker has no filter callback: calling into script for every node of a large page costs
 * more than the walk itself, so elements are checked here and their subtree skipped by hand.
 */
export function* walkRuns(root: Node): Generator<TextRun> {
  for (const step of walkRunsInSteps(root)) if (step) yield step;
}

/**
 * Inside a block read whole, anything that is not an inline element, or is skipped, or a <br>.
 * The skipped tags are none of them inline, and the inline ones come most common first: the
 * browser tries them in order on each element, and on a block of a million <span> this look took
 * 210 ms with the skipped tags listed too and the inline ones in alphabetical order, 31 ms so.
 */
const INLINE_MOST_USED_FIRST = [...new Set(['span', 'a', 'b', 'i', 'em', 'strong', ...INLINE])];
const NOT_PLAIN_INLINE = `:not(${INLINE_MOST_USED_FIRST.join(',')}),${SKIPPING_ATTRIBUTES.join(',')}`;
/** A look at a block that took longer than this (ms) is followed by a chance to pause. */
const LONG_LOOK_MS = 4;

/**
 * A block read whole with more text than this, in more than one node, is large: its nodes are
 * never looked up all at once, only those on screen (textNear), each time it is shown.
 */
const LARGE_WHOLE_TEXT = 20_000;

/** A run of a large block read whole: shown only near the viewport (textNear), never all at once. */
export const isLargeWholeRun = (run: TextRun): boolean =>
  run.nodes === null && run.text.length > LARGE_WHOLE_TEXT && run.block.firstChild !== run.block.lastChild;

/**
 * The run of a block element that holds text and inline elements only (null when blank), read
 * whole with textContent: no TreeWalker in script, no generator and no wrapper for its text nodes
 * (found later, only if it has a term: runNodes, or textNear for a large one). Undefined for any
 * other node: a block with a block, a <br> or a skipped element inside. The common case of a
 * page's paragraphs, list items and table cells, and of a page's change (<p>text</p>, a mutation
 * storm's 10,000 a frame); and of one block of a million inline elements (audit E7a), which a
 * walk would visit one wrapper at a time. The caller has checked that the element is not skipped.
 */
export function wholeBlockRun(node: Node): TextRun | null | undefined {
  if (node.nodeType !== ELEMENT || isInline(node)) return undefined;
  return isPlainBlock(node as Element) ? readWhole(node as Element) : undefined;
}

/**
 * Whether a block element holds text and inline elements only: one native look, stopped at the
 * first element that is not plain inline (each element of a page is looked at by the nearest
 * block around it at most).
 */
function isPlainBlock(element: Element): boolean {
  // (firstElementChild: childElementCount counts them all, 29 ms over a million.)
  return element.firstElementChild === null || !element.querySelector(NOT_PLAIN_INLINE);
}

/** The run of a plain block (isPlainBlock), read whole; null when blank. */
function readWhole(element: Element): TextRun | null {
  const text = element.textContent ?? '';
  return NOT_BLANK.test(text) ? { block: element, nodes: null, offsets: null, text } : null;
}

/**
 * wholeBlockRun in steps: the run (or null when blank) once read, undefined when `node` is not a
 * plain block; a null step between the look and the read when the look took long, where the
 * caller may pause (a block of a million <span>: about 30 ms each).
 */
function* wholeBlockSteps(node: Node): Generator<null, TextRun | null | undefined> {
  if (node.nodeType !== ELEMENT || isInline(node)) return undefined;
  const element = node as Element;
  const started = performance.now();
  if (!isPlainBlock(element)) return undefined;
  if (performance.now() - started > LONG_LOOK_MS) yield null;
  return readWhole(element);
}

/** Rows of a block tried, down from its top on screen and up from its bottom, to find its text there. */
const PROBES = 16;
/** Text shown at least on either side of what is on screen (a screenful at most is usually less). */
const MIN_NEAR_CHARS = 4000;
/** Text nodes looked up at most for one block on screen (a screenful of one-letter nodes). */
const MAX_NEAR_NODES = 20_000;

/** The part of a large block's run on screen: characters [from, to) and their text nodes. */
export interface TextNear {
  from: number;
  to: number;
  nodes: Text[];
  offsets: number[];
}

/** A text node of `block` on screen on one of PROBES rows from `from` towards `to`, or null. */
function textOnScreen(block: Node, x: number, from: number, to: number): Text | null {
  const step = (to - from) / PROBES;
  for (let i = 0; i < PROBES; i++) {
    const node = document.caretPositionFromPoint(x, from + i * step)?.offsetNode;
    if (node && node.nodeType === TEXT && block.contains(node)) return node as Text;
  }
  return null;
}

/**
 * Where text node `node` starts in `block`'s text (`length` long), counted from the nearer end:
 * the browser joins the text in between (Range.toString), with no node wrapper for any of it.
 */
function offsetIn(block: Node, node: Text, length: number, nearStart: boolean): number {
  const range = document.createRange();
  if (nearStart) {
    range.setStart(block, 0);
    range.setEnd(node, 0);
    return range.toString().length;
  }
  range.setStart(node, 0);
  range.setEnd(block, block.childNodes.length);
  return length - range.toString().length;
}

/**
 * The text nodes of a large block read whole (isLargeWholeRun) that are on screen, with about as
 * much text again before and after: the browser says which of them are on screen
 * (caretPositionFromPoint), so a block of a million nodes costs a wrapper for a few thousand of
 * them each time, not for all (audit E7a: a walk of them all paused the page for seconds). One
 * part of its text per column of text on screen, in order (a block set in columns shows two
 * far-apart parts of its text side by side). 'away' when the block is not on screen; null when its
 * text cannot be found there (covered by something else), and its nodes are to be found in a walk
 * (runNodes).
 */
export function textNear(run: TextRun): TextNear[] | 'away' | null {
  const block = run.block as Element;
  const box = block.getBoundingClientRect();
  const top = Math.max(box.top, 0);
  const bottom = Math.min(box.bottom, window.innerHeight);
  if (bottom - top < 1 || box.right <= 0 || box.left >= window.innerWidth) return 'away';
  // The text at the top and bottom of the screen, looked for at a quarter, half and three
  // quarters of the block's width.
  const spans: [Text, Text][] = [];
  for (const at of [0.25, 0.5, 0.75]) {
    const x = Math.min(Math.max(box.left + at * (box.right - box.left), 0), window.innerWidth - 1);
    const first = textOnScreen(block, x, top + 1, bottom);
    const last = first && textOnScreen(block, x, bottom - 1, top);
    if (first && last) spans.push(precedes(last, first) ? [last, first] : [first, last]);
  }
  if (!spans.length) return null;
  spans.sort(([a], [b]) => (a === b ? 0 : precedes(a, b) ? -1 : 1));
  const [first] = spans[0] as [Text, Text];
  // One offset from the nearer end of the block; the others counted from it (nearby in a column).
  const start = offsetIn(block, first, run.text.length, top - box.top < box.bottom - bottom);
  const windows = spans.map(([from, to]) => textAround(block, from, to, start + textBetween(first, from)));
  return joinOverlapping(windows);
}

/** Whether node `a` comes before `b` in the document. */
export const precedes = (a: Node, b: Node): boolean =>
  !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);

/** The length of the text from the start of `a` to the start of `b` (b at or after a). */
function textBetween(a: Text, b: Text): number {
  if (a === b) return 0;
  const range = document.createRange();
  range.setStart(a, 0);
  range.setEnd(b, 0);
  return range.toString().length;
}

/**
 * The text nodes from `first` (starting at `start` in the block's text) to `last`, with as much
 * text again before and after (at least MIN_NEAR_CHARS), found in a walk from `first`.
 */
function textAround(block: Node, first: Text, last: Text, start: number): TextNear {
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  walker.currentNode = first;
  const after: Text[] = [];
  let to = start;
  let lastEnd = -1;
  let margin = MIN_NEAR_CHARS;
  for (let node: Node | null = first; node && after.length < MAX_NEAR_NODES; node = walker.nextNode()) {
    after.push(node as Text);
    to += (node as Text).length;
    if (node === last) {
      lastEnd = to;
      margin = Math.max(MIN_NEAR_CHARS, lastEnd - start);
    }
    if (lastEnd >= 0 && to >= lastEnd + margin) break;
  }
  walker.currentNode = first;
  const before: Text[] = [];
  let from = start;
  while (from > start - margin && before.length < MAX_NEAR_NODES) {
    const node = walker.previousNode() as Text | null;
    if (!node) break;
    before.push(node);
    from -= node.length;
  }
  const nodes = before.reverse().concat(after);
  const offsets: number[] = [];
  let at = from;
  for (const node of nodes) {
    offsets.push(at);
    at += node.length;
  }
  return { from, to, nodes, offsets };
}

/** Parts of one block's text (by start), those that overlap or touch joined into one. */
function joinOverlapping(parts: readonly TextNear[]): TextNear[] {
  const joined: TextNear[] = [];
  for (const part of [...parts].sort((a, b) => a.from - b.from)) {
    const last = joined.at(-1);
    if (!last || part.from > last.to) {
      joined.push({ ...part, nodes: [...part.nodes], offsets: [...part.offsets] });
      continue;
    }
    // The nodes of `part` that start where `last` ends or later (they are the same text nodes).
    part.offsets.forEach((offset, i) => {
      if (offset < last.to) return;
      last.nodes.push(part.nodes[i] as Text);
      last.offsets.push(offset);
    });
    last.to = Math.max(last.to, part.to);
  }
  return joined;
}

/**
 * The text nodes of a run that hold characters [from, to), found in a walk of its block that
 * stops there and keeps no other node: one term of a large block, shown on request.
 */
export function nodesCovering(run: TextRun, from: number, to: number): TextNear {
  const nodes: Text[] = [];
  const offsets: number[] = [];
  const walker = document.createTreeWalker(run.block, NodeFilter.SHOW_TEXT);
  let at = 0;
  for (
    let node = walker.nextNode() as Text | null;
    node && at < to;
    node = walker.nextNode() as Text | null
  ) {
    if (at + node.length > from) {
      nodes.push(node);
      offsets.push(at);
    }
    at += node.length;
  }
  return { from, to, nodes, offsets };
}

/** Nodes walked between two chances to pause: one block can hold a million of them (audit F1). */
const NODES_PER_STEP = 1024;

/**
 * walkRuns that also yields null every NODES_PER_STEP nodes, inside a run too, so that a caller
 * can give the page a turn in the middle of one huge block.
 */
export function* walkRunsInSteps(root: Node): Generator<TextRun | null> {
  const whole = yield* wholeBlockSteps(root);
  if (whole !== undefined) {
    if (whole) yield whole;
    return;
  }
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  let run: RunBuilder | null = null;
  let runBlock: Node | null = null;
  let lastParent: Node | null = null;
  let lastBlock: Node | null = null;
  let node = walker.nextNode();
  let count = 0;
  while (node) {
    if (++count === NODES_PER_STEP) {
      count = 0;
      yield null;
    }
    if (node.nodeType === ELEMENT) {
      const element = node as Element;
      if (element.localName === 'br') {
        run?.add(null, '\n');
      } else if (isSkipped(element)) {
        run?.add(null, '\n');
        node = skipSubtree(walker, element);
        continue;
      } else if (!INLINE.has(element.localName)) {
        // A block of text and inline elements is its own run, read whole. A blank one is a line
        // break in the run around it, as it is on screen: "Voor<p></p>na" never reads as one word.
        const whole = yield* wholeBlockSteps(element);
        if (whole !== undefined) {
          if (whole) {
            if (run) yield run.done(runBlock as Node);
            run = null;
            yield whole;
          } else run?.add(null, '\n');
          node = skipSubtree(walker, element);
          continue;
        }
      }
      node = walker.nextNode();
      continue;
    }
    const value = (node as Text).data;
    const parent = node.parentNode;
    if (parent !== lastParent) {
      lastParent = parent;
      lastBlock = blockOf(node);
    }
    if (run && lastBlock !== runBlock) {
      if (NOT_BLANK.test(value)) {
        yield run.done(runBlock as Node);
        run = null;
      } else {
        // Blank text of another block: a line break between the words on either side.
        run.add(null, '\n');
        node = walker.nextNode();
        continue;
      }
    }
    if (run || NOT_BLANK.test(value)) {
      run ??= new RunBuilder();
      runBlock = lastBlock;
      run.add(node as Text, value);
    }
    node = walker.nextNode();
  }
  if (run) yield run.done(runBlock as Node);
}

const ELEMENT = 1;
const TEXT = 3;

/**
 * A run being collected. Its text is joined once at the end: appending a million short strings
 * one by one (cons strings) cost 2.5 s on a page of a million text nodes, a join 0.4 s.
 */
class RunBuilder {
  private readonly nodes: Text[] = [];
  private readonly offsets: number[] = [];
  /** Texts not yet joined; joined into `chunks` every PARTS_PER_CHUNK. */
  private parts: string[] = [];
  private readonly chunks: string[] = [];
  private length = 0;

  /** Add a text node's text, or (node null) a line break standing for a <br> or skipped element. */
  add(node: Text | null, text: string): void {
    if (node) {
      this.offsets.push(this.length);
      this.nodes.push(node);
    }
    this.parts.push(text);
    this.length += text.length;
    // A block of a million nodes: short-lived strings die young in the nursery; kept all to the
    // end, a million of them reached the old generation and full collections paused the page.
    if (this.parts.length === PARTS_PER_CHUNK) {
      this.chunks.push(this.parts.join(''));
      this.parts = [];
    }
  }

  done(block: Node): TextRun {
    this.chunks.push(this.parts.join(''));
    return { block, nodes: this.nodes, offsets: this.offsets, text: this.chunks.join('') };
  }
}

const PARTS_PER_CHUNK = 1024;

interface Piece {
  from: number;
  to: number;
  id: string;
}

/**
 * The page's own text nodes that Begrip split, with the nodes it added after each: a framework
 * (React, Vue, preact) holds the page's nodes and updates or removes them later, so each stays in
 * its place, keeps the first part of its text (or none), and can be given back whole (audit F5).
 */
const splits = new Map<Text, { added: Node[]; text: string }>();
/** Each node Begrip added, to the page node whose split it belongs to. */
const ownerOf = new WeakMap<Node, Text>();

/** Whether Begrip split this page node (so a change to it must take Begrip's parts away). */
/** Whether any page node is split for an inline note now (none while the inline mode is off). */
export const anySplit = (): boolean => splits.size > 0;

export function isSplit(node: Node): boolean {
  return splits.has(node as Text);
}

/**
 * Give a split node back its whole text (or leave the text the page gave it since) and take away
 * the nodes Begrip added after it. `keepText`: the page changed the node itself.
 */
export function restoreSplit(node: Text, keepText = false): void {
  const split = splits.get(node);
  if (!split) return;
  splits.delete(node);
  for (const added of split.added) added.parentNode?.removeChild(added);
  if (!keepText && node.data !== split.text) node.data = split.text;
}

/**
 * Wrap `pieces` (sorted, within the node) of one text node; returns the wrappers. The page's node
 * never moves: it keeps the text before the first mark (empty when a term starts the node), and
 * everything after is new nodes, built in a fragment and inserted after it at once (two changes
 * to the live document per node, each of which costs Blink a layout-text update).
 */
function wrapPieces(node: Text, pieces: readonly Piece[]): HTMLElement[] {
  const parent = node.parentNode;
  if (!parent) return [];
  const text = node.data;
  const rest = document.createDocumentFragment();
  const marks: HTMLElement[] = [];
  const added: Node[] = [];
  const first = pieces[0];
  const head = first ? first.from : text.length;
  let cursor = head;
  const place = (content: string, mark: HTMLElement | null) => {
    const part = document.createTextNode(content);
    if (mark) mark.appendChild(part);
    const placed = mark ?? part;
    rest.appendChild(placed);
    added.push(placed);
  };
  for (const { from, to, id } of pieces) {
    if (from > cursor) place(text.slice(cursor, from), null);
    const mark = document.createElement(MARK_TAG);
    // Which entry: for the popup's reveal and the tests. The gloss reads the isolated-world
    // reading (readingOf), never this attribute, so a forged mark shows nothing.
    mark.setAttribute('data-begrip-id', id);
    place(text.slice(from, to), mark);
    marks.push(mark);
    cursor = to;
  }
  if (cursor < text.length) place(text.slice(cursor), null);
  node.data = text.slice(0, head);
  parent.insertBefore(rest, node.nextSibling);
  remember(node, added, text);
  return marks;
}

/** Record the nodes Begrip added after `node` (whose text was `text`), so they can be taken back. */
function remember(node: Text, added: Node[], text: string): void {
  // A part Begrip added earlier, split again: its new parts belong to the same page node.
  const owner = ownerOf.get(node);
  const ledger = owner ? splits.get(owner) : undefined;
  if (owner && ledger) ledger.added.push(...added);
  else splits.set(node, { added, text });
  for (const part of added) ownerOf.set(part, owner ?? node);
}

/**
 * Put `element` into the page's text at character `offset` of `node`: the page's node keeps the
 * text before it, the rest follows the element as a new node, and all of it is in the ledger, so
 * restoreSplit / unmarkAll give the page its node back whole (the inline reading mode).
 */
export function insertAt(node: Text, offset: number, element: Node): void {
  const parent = node.parentNode;
  if (!parent) return;
  const text = node.data;
  const added: Node[] = [element];
  // splitText, not a new node and `data =`: live ranges in the rest of the text (the terms shown
  // there) move along with it instead of collapsing.
  if (offset < text.length) added.push(node.splitText(offset));
  parent.insertBefore(element, node.nextSibling);
  remember(node, added, text);
}

/** What is marked: [start, end) of a run's text, for entry `id`, with what the context rules said. */
export type Span = Pick<Annotation, 'start' | 'end' | 'id' | 'alternatives' | 'sense'>;

/** What a mark stands for, as the gloss needs it: the entry, its other senses, why, the text. */
export interface MarkReading {
  id: string;
  alternatives?: string[];
  sense?: Annotation['sense'];
  text?: string;
}

/**
 * Kept here, in the extension's isolated world, rather than in the page's DOM: a page can read
 * attributes but not this map (audit F4). A mark the page made itself has no reading.
 */
const readings = new WeakMap<Element, MarkReading>();

export function readingOf(mark: Element): MarkReading | undefined {
  return readings.get(mark);
}

/** For marks made elsewhere (the large-page path, the reader): remember what they stand for. */
export function setReading(mark: Element, reading: MarkReading): void {
  readings.set(mark, reading);
}

export interface MarkedTerm<T extends Span = Span> {
  annotation: T;
  element: HTMLElement;
}

/**
 * Mark the annotations of one run (sorted, not overlapping, as the matcher gives them); a match
 * spanning several text nodes gets one wrapper per piece. One pass over annotations and nodes
 * together, then each node is rebuilt once.
 */
export function markRun<T extends Span>(run: TextRun, annotations: readonly T[]): MarkedTerm<T>[] {
  const { nodes, offsets } = runNodes(run);
  const texts = nodes.map((node) => node.data);
  const pieces: { node: number; from: number; to: number; annotation: T }[] = [];
  let first = 0;
  for (const annotation of annotations) {
    while (
      first < nodes.length &&
      (offsets[first] as number) + (texts[first] as string).length <= annotation.start
    )
      first++;
    for (let i = first; i < nodes.length && (offsets[i] as number) < annotation.end; i++) {
      const nodeStart = offsets[i] as number;
      const text = texts[i] as string;
      const from = Math.max(annotation.start, nodeStart) - nodeStart;
      const to = Math.min(annotation.end, nodeStart + text.length) - nodeStart;
      if (to > from && NOT_BLANK.test(text.slice(from, to))) pieces.push({ node: i, from, to, annotation });
    }
  }
  // Pieces come in document order, so each node's pieces are next to each other.
  const marked: MarkedTerm<T>[] = [];
  for (let p = 0; p < pieces.length; ) {
    const node = (pieces[p] as (typeof pieces)[number]).node;
    let q = p;
    while (q < pieces.length && (pieces[q] as (typeof pieces)[number]).node === node) q++;
    const group = pieces.slice(p, q);
    const elements = wrapPieces(
      nodes[node] as Text,
      group.map(({ from, to, annotation }) => ({ from, to, id: annotation.id })),
    );
    elements.forEach((element, i) => {
      const { annotation } = group[i] as (typeof group)[number];
      readings.set(element, {
        id: annotation.id,
        ...(annotation.alternatives && { alternatives: annotation.alternatives }),
        ...(annotation.sense && { sense: annotation.sense }),
        text: runText(run, annotation),
      });
      marked.push({ annotation, element });
    });
    p = q;
  }
  return marked;
}

/** The run's text of an annotation (it may span several nodes). */
function runText(run: TextRun, span: Span): string {
  let text = '';
  const { nodes, offsets } = runNodes(run);
  nodes.forEach((node, i) => {
    const at = offsets[i] as number;
    if (at < span.end && at + node.data.length > span.start)
      text += node.data.slice(Math.max(0, span.start - at), span.end - at);
  });
  return text;
}

/**
 * Take every mark under `root` away: each split page node gets its whole text back and Begrip's
 * added nodes go. No normalize(): it would merge or drop nodes the page holds (audit F5).
 */
export function unmarkAll(root: Node): void {
  for (const node of [...splits.keys()]) {
    if (root.contains(node)) restoreSplit(node);
    else if (!node.isConnected) splits.delete(node);
  }
  // Marks whose page node is gone (or made before this ledger): unwrap them in place.
  if (root.nodeType === Node.ELEMENT_NODE || root.nodeType === Node.DOCUMENT_NODE) {
    for (const mark of (root as ParentNode).querySelectorAll(MARK_TAG)) mark.replaceWith(...mark.childNodes);
  }
}
