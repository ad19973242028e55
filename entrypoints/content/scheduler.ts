/**
 * Annotates the page in small slices so it stays responsive:
 *   1. walk the text (slices of at most SLICE_MS);
 *   2. find the terms of every run, in document order (so "first occurrence" means first on the
 *      page, and the badge counts the whole page);
 *   3. mark: ordinary pages completely, viewport first; very large pages only near the viewport,
 *      the rest as the reader scrolls. Every mark on a huge page costs style and layout work for
 *      the whole document (measured: 9.6 s of main-thread work to mark all of a 5 MB page), so
 *      there the terms are shown as a CSS highlight (term-highlights.ts) and become marks only
 *      when the reader reaches for one (materializeAt, materializeAll, reveal).
 * Content the page adds or changes later (infinite scroll, SPA navigation, accordions) arrives
 * through a batched MutationObserver that looks only at what changed and drops our own records.
 */
import type { PageDefinition } from '../../glossary/abbreviations';
import {
  isIntact,
  isSkipped,
  isSplit,
  MARK_TAG,
  markRun,
  restoreSplit,
  SKIP_SELECTOR,
  type TextRun,
  unmarkAll,
  walkRuns,
} from '../../utils/dom/highlighter';
import { type AnnotateResponse, type FoundTerm, unpackTerms } from '../../utils/messages';
import { pointOf, TermHighlights } from './term-highlights';

const SLICE_MS = 8;
/** Text per request to the background's matcher: large enough to amortise a message, small enough to stream. */
const BATCH_CHARS = 200_000;
const MUTATION_BATCH_MS = 60;
const SCROLL_SETTLE_MS = 80;
/** Above this much text a page is marked near the viewport only. */
export const LAZY_TEXT_CHARS = 300_000;
/**
 * Content revealed by attributes (accordions: hidden, aria-hidden) is marked when it shows; an
 * element made editable (contenteditable) loses its marks before anyone types (audit F6, F8).
 */
const WATCHED_ATTRIBUTES = ['hidden', 'aria-hidden', 'contenteditable'];
const OBSERVED: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: WATCHED_ATTRIBUTES,
};

export interface SchedulerOptions {
  /**
   * Terms in each text, by the background's matcher; `definitions` are the acronyms the page
   * defined itself in earlier texts (the background finds them and sends them back).
   */
  annotate: (texts: string[], definitions: PageDefinition[]) => Promise<AnnotateResponse>;
  /** Decides per annotation whether to mark it (first occurrence only, …); called in document order. */
  keep: (term: FoundTerm) => boolean;
  /** Called when the queue is empty (initial pass and each batch of changes done). */
  onIdle?: () => void;
  setTimeout: (fn: () => void, ms: number) => unknown;
  /** Removes listeners (scroll) when aborted. */
  signal: AbortSignal;
}

interface PreparedRun {
  run: TextRun;
  annotations: FoundTerm[];
}

/** Whether an ancestor of `node` is itself in `pending` (then it is walked with that one). */
function hasPendingAncestor(node: Node, pending: ReadonlySet<Node>): boolean {
  for (let parent = node.parentNode; parent; parent = parent.parentNode) if (pending.has(parent)) return true;
  return false;
}

/**
 * Let the page run (input, rendering) before the next slice. Not setTimeout(0): browsers clamp
 * nested timeouts to 4 ms, idle time that would add up to seconds on a large page.
 */
const yieldToPage = (): Promise<void> => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
};

const topOf = (item: PreparedRun) => item.run.nodes[0]?.parentElement?.getBoundingClientRect();

/** First index whose block ends below `y` (viewport coordinates), by binary search: few layout reads. */
function firstBelow(items: PreparedRun[], y: number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((topOf(items[middle] as PreparedRun)?.bottom ?? 0) < y) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** A block with more terms than this shows those near the viewport first. */
const MAX_TERMS_AT_ONCE = 400;

/** The top of a term in the viewport, from a collapsed range at its start (one layout read). */
function termTop(run: TextRun, start: number): number {
  const point = pointOf(run, start, false);
  if (!point) return 0;
  const range = document.createRange();
  range.setStart(...point);
  return range.getBoundingClientRect().top;
}

/** Split a block's terms into those above, within and below [top, bottom]: two binary searches. */
function splitNear(item: PreparedRun, top: number, bottom: number): [PreparedRun, PreparedRun, PreparedRun] {
  const { run, annotations } = item;
  const firstAt = (y: number) => {
    let low = 0;
    let high = annotations.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (termTop(run, (annotations[middle] as FoundTerm).start) < y) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  const from = firstAt(top);
  const to = Math.max(from, firstAt(bottom));
  const part = (list: FoundTerm[]) => ({ run, annotations: list });
  return [part(annotations.slice(0, from)), part(annotations.slice(from, to)), part(annotations.slice(to))];
}

function isOurs(node: Node): boolean {
  const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  return !!element?.closest(MARK_TAG);
}

export class Scheduler {
  /** Batches of roots to walk: the page at start, then each batch of changes as one. */
  private readonly queue: Node[][] = [];
  private readonly pending = new Set<Node>();
  private readonly deferred: PreparedRun[] = [];
  /** Runs of a large page not yet marked, in document order. */
  private lazy: PreparedRun[] = [];
  private running = false;
  private stopped = false;
  private batchTimer: unknown = null;
  private scrollTimer: unknown = null;
  /**
   * Whether the user has a selection, kept from selectionchange events: asking the Selection API
   * while marking forces a layout of the whole page each time (measured: 4 s on 1 MB).
   */
  private selecting = hasSelection();
  private readonly observer = new MutationObserver((records) => this.onMutations(records));
  private root: Node | null = null;
  private definitions: PageDefinition[] = [];
  /** Very large pages: terms near the viewport shown as a highlight, not yet marked. */
  private highlights: TermHighlights<PreparedRun> | null = null;

  constructor(private readonly options: SchedulerOptions) {
    const onScroll = () => {
      if (this.lazy.length === 0 || this.scrollTimer !== null) return;
      this.scrollTimer = options.setTimeout(() => {
        this.scrollTimer = null;
        void this.markNearViewport();
      }, SCROLL_SETTLE_MS);
    };
    window.addEventListener('scroll', onScroll, { passive: true, capture: true, signal: options.signal });
    window.addEventListener('resize', onScroll, { passive: true, signal: options.signal });
    // designMode has no attribute to observe: before the first edit, take the marks out of what is
    // being edited (the whole document in designMode), so an editor never saves them.
    document.addEventListener('beforeinput', (event) => this.beforeEdit(event), {
      capture: true,
      signal: options.signal,
    });
  }

  private beforeEdit(event: Event): void {
    if (document.designMode === 'on') {
      this.stop();
      unmarkAll(document.body);
      return;
    }
    const target = event.target instanceof Element ? event.target : null;
    const editable = target?.closest('[contenteditable]:not([contenteditable="false"])');
    if (editable) unmarkAll(editable);
  }

  /** Acronyms the page defines itself that the glossary lacks (for the gloss). */
  get pageDefinitions(): readonly PageDefinition[] {
    return this.definitions;
  }

  start(root: Node): void {
    // A document being edited as a whole (designMode) is never marked.
    if (document.designMode === 'on') return;
    this.stopped = false;
    this.root = root;
    this.observer.observe(root, OBSERVED);
    this.enqueue([root]);
  }

  stop(): void {
    this.stopped = true;
    this.observer.disconnect();
    this.queue.length = 0;
    this.pending.clear();
    this.deferred.length = 0;
    this.lazy = [];
    this.highlights?.clear();
    this.highlights = null;
  }

  /** Whether some terms are shown as a highlight only (very large pages). */
  get hasHighlights(): boolean {
    return (this.highlights?.size ?? 0) > 0;
  }

  /** Mark the highlighted term under viewport point (x, y), with the rest of its run; its mark, or null. */
  materializeAt(x: number, y: number): HTMLElement | null {
    const item = this.highlights?.itemAt(x, y);
    if (!item) return null;
    this.markNow([item]);
    return document.elementFromPoint(x, y)?.closest<HTMLElement>(MARK_TAG) ?? null;
  }

  /** Mark every highlighted term (before stepping from term to term with the keyboard). */
  materializeAll(): void {
    if (this.highlights) this.markNow(this.highlights.items);
  }

  /** Mark `items` at once (the reader is waiting for them), leaving the highlight. */
  private markNow(items: PreparedRun[]): void {
    for (const item of items) this.highlights?.take(item);
    this.unobserved(() => {
      for (const item of items) if (isIntact(item.run)) markRun(item.run, item.annotations);
    });
  }

  /** The first mark of `id`; on a large page its run is marked first if it was not yet. */
  async reveal(id: string): Promise<HTMLElement | null> {
    const selector = `${MARK_TAG}[data-begrip-id="${CSS.escape(id)}"]`;
    const existing = document.querySelector<HTMLElement>(selector);
    if (existing) return existing;
    const shown = this.highlights?.items.find((item) => item.annotations.some((a) => a.id === id));
    if (shown) {
      this.markNow([shown]);
      return document.querySelector<HTMLElement>(selector);
    }
    const index = this.lazy.findIndex((item) => item.annotations.some((a) => a.id === id));
    if (index < 0) return null;
    await this.mark(this.lazy.splice(index, 1));
    return document.querySelector<HTMLElement>(selector);
  }

  /** Call on selectionchange: runs skipped while the user was selecting are marked when it ends. */
  onSelectionChange(): void {
    this.selecting = hasSelection();
    if (this.deferred.length === 0 || this.selecting) return;
    const items = this.deferred.splice(0);
    void this.mark(items);
  }

  private enqueue(roots: Node[]): void {
    if (roots.length === 0) return;
    this.queue.push(roots);
    if (!this.running) void this.drain();
  }

  private onMutations(records: MutationRecord[]): void {
    for (const record of records) {
      if (record.type === 'attributes') {
        this.onAttributeChange(record.target as Element);
        continue;
      }
      // The page changed or removed a text node Begrip had split: Begrip's parts of it go, and
      // what is left is marked again (React updating its held node, audit F5 and F9).
      if (record.type === 'characterData' && isSplit(record.target))
        restoreSplit(record.target as Text, true);
      for (const removed of record.removedNodes) if (isSplit(removed)) restoreSplit(removed as Text);
      const nodes = record.type === 'characterData' ? [record.target] : [...record.addedNodes];
      for (const node of nodes) {
        if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.TEXT_NODE) continue;
        if (isOurs(node)) continue;
        this.pending.add(node.nodeType === Node.TEXT_NODE ? (node.parentNode ?? node) : node);
      }
    }
    if (this.pending.size && this.batchTimer === null) {
      this.batchTimer = this.options.setTimeout(() => this.flushMutations(), MUTATION_BATCH_MS);
    }
  }

  private onAttributeChange(element: Element): void {
    if (isOurs(element)) return;
    if (element.closest(SKIP_SELECTOR) || isSkipped(element)) {
      // Hidden or made editable: no marks in it (an editor would save them with the text).
      if (element.querySelector(MARK_TAG)) unmarkAll(element);
    } else this.pending.add(element);
    if (this.pending.size && this.batchTimer === null) {
      this.batchTimer = this.options.setTimeout(() => this.flushMutations(), MUTATION_BATCH_MS);
    }
  }

  private flushMutations(): void {
    this.batchTimer = null;
    this.highlights?.prune();
    // One batch for all the changes: one walk, one request to the background and one look at the
    // viewport, however many nodes a frame added (audit F2: 10,000 nodes a frame, one request each,
    // took minutes). A node inside another pending one is walked with it.
    const roots: Node[] = [];
    for (const node of this.pending) {
      const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
      if (!node.isConnected || !element || hasPendingAncestor(node, this.pending)) continue;
      if (element.closest(SKIP_SELECTOR) || isSkipped(element)) continue;
      roots.push(node);
    }
    this.pending.clear();
    this.enqueue(roots);
  }

  private async drain(): Promise<void> {
    this.running = true;
    // Start in a task of its own: the caller's task (set-up) has had its share.
    await yieldToPage();
    while (this.queue.length && !this.stopped) {
      const runs: TextRun[] = [];
      for (const root of this.queue.shift() as Node[])
        for (const run of await this.collect(root)) runs.push(run);
      let items: PreparedRun[] = [];
      try {
        items = this.stopped ? [] : await this.prepare(runs);
      } catch (error) {
        // The background is gone (the extension was updated or disabled): leave the page as it is.
        console.warn('Begrip: the glossary is not available, so this page is left unmarked.', error);
        this.stop();
      }
      if (this.stopped) break;
      const size = runs.reduce((sum, run) => sum + run.text.length, 0);
      if (size > LAZY_TEXT_CHARS) {
        this.lazy = items;
        await this.markNearViewport();
      } else {
        const start = firstBelow(items, 0);
        await this.mark([...items.slice(start), ...items.slice(0, start)]);
      }
    }
    this.running = false;
    if (!this.stopped) this.options.onIdle?.();
  }

  /** Run `step` over `items` in slices of SLICE_MS, each inside `around`; false when stopped meanwhile. */
  private async sliced<T>(
    items: readonly T[],
    step: (item: T) => void,
    around: (slice: () => void) => void = (slice) => slice(),
  ): Promise<boolean> {
    let index = 0;
    while (index < items.length) {
      const deadline = performance.now() + SLICE_MS;
      around(() => {
        while (index < items.length && performance.now() < deadline) step(items[index++] as T);
      });
      if (index < items.length) await yieldToPage();
      if (this.stopped) return false;
    }
    return true;
  }

  private async collect(root: Node): Promise<TextRun[]> {
    const runs: TextRun[] = [];
    const walk = walkRuns(root);
    for (;;) {
      const deadline = performance.now() + SLICE_MS;
      for (let next = walk.next(); ; next = walk.next()) {
        if (next.done) return runs;
        runs.push(next.value);
        if (performance.now() > deadline) break;
      }
      await yieldToPage();
      if (this.stopped) return [];
    }
  }

  /** Find the terms of every run in document order; keep only runs with something to mark. */
  private async prepare(runs: TextRun[]): Promise<PreparedRun[]> {
    const items: PreparedRun[] = [];
    for (let start = 0; start < runs.length && !this.stopped; ) {
      let end = start;
      for (
        let size = 0;
        end < runs.length && (end === start || size + (runs[end] as TextRun).text.length <= BATCH_CHARS);
        end++
      ) {
        size += (runs[end] as TextRun).text.length;
      }
      const batch = runs.slice(start, end);
      const response = await this.options.annotate(
        batch.map((run) => run.text),
        this.definitions,
      );
      this.definitions = response.pageDefinitions;
      batch.forEach((run, i) => {
        const annotations = unpackTerms(response, i).filter(this.options.keep);
        if (annotations.length) items.push({ run, annotations });
      });
      start = end;
    }
    return items;
  }

  /** Mark the lazily kept runs that are within a viewport's height of the visible area. */
  private async markNearViewport(): Promise<void> {
    if (this.lazy.length === 0) return;
    const margin = window.innerHeight;
    const from = firstBelow(this.lazy, -margin);
    const to = firstBelow(this.lazy, window.innerHeight + margin);
    const near = this.lazy.splice(from, Math.max(0, to - from + 1));
    // One block can hold a whole transcript: show only its terms near the viewport, keep the rest
    // for later (audit F1: 14,000 ranges at once were a 500 ms task).
    const later: PreparedRun[] = [];
    const shown: PreparedRun[] = [];
    for (const item of near) {
      if (item.annotations.length <= MAX_TERMS_AT_ONCE || !isIntact(item.run)) shown.push(item);
      else {
        const [before, inside, after] = splitNear(item, -margin, window.innerHeight + margin);
        shown.push(inside);
        for (const rest of [before, after]) if (rest.annotations.length) later.push(rest);
      }
    }
    this.lazy.splice(from, 0, ...later);
    if (!TermHighlights.supported()) return this.mark(shown);
    this.highlights ??= new TermHighlights();
    for (const item of shown) if (isIntact(item.run)) this.highlights.show(item);
  }

  private async mark(items: PreparedRun[]): Promise<void> {
    const step = (item: PreparedRun) => {
      if (!isIntact(item.run)) return; // changed since the walk: the observer queues it again
      if (this.selecting && selectionTouches(item.run)) {
        this.deferred.push(item);
        return;
      }
      markRun(item.run, item.annotations);
    };
    await this.sliced(items, step, (slice) => this.unobserved(slice));
  }

  /**
   * Our own splits and wrappers are not page changes: the observer is off while we mark, so they
   * do not even produce records. Page changes cannot happen meanwhile (the slice is synchronous,
   * and records of earlier ones were delivered before it began).
   */
  private unobserved(slice: () => void): void {
    // Page changes not yet delivered are taken first: disconnect() would drop them.
    const waiting = this.observer.takeRecords();
    if (waiting.length) this.onMutations(waiting);
    this.observer.disconnect();
    try {
      slice();
    } finally {
      if (this.root && !this.stopped) this.observer.observe(this.root, OBSERVED);
    }
  }
}

function hasSelection(): boolean {
  const selection = document.getSelection();
  return !!selection && selection.rangeCount > 0 && !selection.isCollapsed;
}

/** Never split text the user is selecting: the selection would jump. */
function selectionTouches(run: TextRun): boolean {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0) return false;
  const range = selection.getRangeAt(0);
  return run.nodes.some((node) => range.intersectsNode(node));
}
