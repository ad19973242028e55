/**
 * Annotates the page in small slices so it stays responsive:
 *   1. walk the text (slices of at most SLICE_MS);
 *   2. find the terms of every run, in document order (so "first occurrence" means first on the
 *      page, and the badge counts the whole page): the background matches one batch of runs
 *      while the next is walked;
 *   3. show them as a CSS highlight (term-highlights.ts), which changes no node of the page:
 *      ordinary pages completely, viewport first; very large pages only near the viewport, the
 *      rest as the reader scrolls.
 * Content the page adds or changes later (infinite scroll, SPA navigation, accordions, a
 * framework's updates) arrives through a batched MutationObserver that looks only at what changed:
 * the terms of a changed block are taken away and the block is annotated anew.
 */
import type { PageDefinition } from '../../glossary/abbreviations';
import { batchTexts, type Piece, RequestsInOrder } from '../../glossary/batches';
import {
  anySplit,
  blockOf,
  HOST_TAG,
  INLINE_TAG,
  isInline,
  isLargeWholeRun,
  isSkipped,
  isSplit,
  nodesCovering,
  precedes,
  restoreSplit,
  runAnchor,
  SKIP_SELECTOR,
  type TextNear,
  type TextRun,
  textNear,
  walkRunsInSteps,
  wholeBlockRun,
} from '../../utils/dom/highlighter';
import type { Term, TermSource } from '../../utils/dom/term';
import { type AnnotateResponse, type FoundTerm, forEachTerm, MAX_ANNOTATE_CHARS } from '../../utils/messages';
import { nextTask } from '../../utils/next-task';
import { compactRun, pointOf, type ShownTerm, TermHighlights } from './term-highlights';

const SLICE_MS = 8;
/**
 * Text per request to the background's matcher: large enough to amortise a message (a round trip
 * costs 2–3 ms before any matching), small enough that another tab's request never waits long
 * behind it. The background serves all tabs one request at a time, the tabs taking turns
 * (utils/taking-turns.ts): another tab waits for one request of this size at most (about 18 ms of
 * ordinary text, 60–75 ms of text full of the page's own acronyms).
 */
const BATCH_CHARS = MAX_ANNOTATE_CHARS;
/** Nodes walked before their runs go on to have their terms found, while the walk goes on. */
const NODES_PER_FIND = 32_768;
/**
 * Requests on their way to the background at once (see find): with two, the background matches
 * one while the page takes the answer to the one before. Measured in pairs of runs on two cores
 * (BENCHMARKS.md, session 8): a storm's catch-up 2.6-3.1 s against 2.8-3.4 s with one, and the
 * transcript's longest task over 50 ms in 2 loads of 9 against 4. Three made the background's
 * matching compete with the page's own thread (a 62 ms task in session 7).
 */
const REQUESTS_AHEAD = 2;
const MUTATION_BATCH_MS = 60;
/** A storm's records are read this many at a time… */
const RECORDS_PER_READ = 1024;
/** …and once this many roots are pending, they are walked and matched while the rest is read. */
const ROOTS_PER_BATCH = 2048;
const SCROLL_SETTLE_MS = 80;
/** Above this much text a page is marked near the viewport only. */
export const LAZY_TEXT_CHARS = 300_000;
/**
 * Content revealed by attributes (accordions: hidden, aria-hidden) is annotated when it shows; an
 * element made editable (contenteditable) shows no terms (audit F6, F8). A class or style change
 * may reveal text that was hidden with CSS when it was annotated.
 */
const SKIP_ATTRIBUTES = ['hidden', 'aria-hidden', 'contenteditable'];
const STYLE_ATTRIBUTES = ['class', 'style'];
const WATCHED_ATTRIBUTES = [...SKIP_ATTRIBUTES, ...STYLE_ATTRIBUTES];
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
   * defined itself in earlier texts (the background finds them and sends them back), `session`
   * names this start, under which the background carries them on to the next request.
   */
  annotate: (texts: string[], definitions: PageDefinition[], session: string) => Promise<AnnotateResponse>;
  /** Decides per annotation whether to show it (first occurrence only, …); called in document order. */
  keep: (term: FoundTerm) => boolean;
  /** An annotation kept before is no longer shown (the page changed or hid its text). */
  drop?: (term: FoundTerm) => void;
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

/** A batch of runs whose terms are being found. */
interface Finding {
  /** All its requests are on their way. */
  sent: Promise<void>;
  /** Its runs with terms, once every answer is taken; none when the background is gone. */
  found: Promise<PreparedRun[]>;
}

/**
 * Let the page run (input, rendering, its own timers) before the next slice: the next slice is
 * a task at the page's own priority, queued behind what the page has already queued. Not
 * scheduler.yield(): its continuations go before the page's tasks, so a long walk starved the
 * page's timers for seconds (a 9.5 s gap in a 10 ms heartbeat on a million nodes). Not
 * setTimeout(0): browsers clamp nested timeouts to 4 ms, idle time that adds up on a large page.
 */
const yieldToPage = (): Promise<void> => {
  const scheduler = (
    globalThis as { scheduler?: { postTask?: (task: () => void, options: object) => Promise<void> } }
  ).scheduler;
  if (scheduler?.postTask) return scheduler.postTask(() => undefined, { priority: 'user-visible' });
  return new Promise((resolve) => nextTask(resolve));
};

/** The box of the element around a run's first text (its block, if its nodes are not looked up yet). */
const topOf = ({ run }: PreparedRun) => {
  const first = run.nodes?.[0];
  const element = first ? first.parentElement : run.block;
  return element instanceof Element ? element.getBoundingClientRect() : undefined;
};

/**
 * The first index of `list` for which `after` holds, by binary search: `after` must hold for every
 * item from some index on (items in document order, terms in order and not overlapping).
 */
function firstWhere<T>(list: readonly T[], after: (item: T) => boolean): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (after(list[middle] as T)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** First index whose block ends below `y` (viewport coordinates), by binary search: few layout reads. */
function firstBelow(items: PreparedRun[], y: number): number {
  return firstWhere(items, (item) => (topOf(item)?.bottom ?? 0) >= y);
}

const isLarge = (item: PreparedRun) => isLargeWholeRun(item.run);

/** textNear of a large block's run, looked up once for all parts of the block. */
function textNearOnce(
  known: Map<Node, TextNear[] | 'away' | null>,
  run: TextRun,
): TextNear[] | 'away' | null {
  let near = known.get(run.block);
  if (near === undefined) {
    near = textNear(run);
    known.set(run.block, near);
  }
  return near;
}

/** Whether item `a` comes before item `b` in the document. */
const itemPrecedes = (a: PreparedRun, b: PreparedRun) => precedes(runAnchor(a.run), runAnchor(b.run));

/**
 * Two lists of items in document order, merged in one pass. Content added later mostly comes
 * after what is there (a feed, a transcript): then it is appended to `kept` in place. A sort on
 * every batch cost seconds in a mutation storm, and so did a copy of the whole list.
 */
function mergeInOrder(kept: PreparedRun[], added: PreparedRun[]): PreparedRun[] {
  const last = kept.at(-1);
  const first = added[0];
  if (!last || !first || itemPrecedes(last, first)) {
    // One by one: a spread of 100,000 items overflows the call stack.
    for (const item of added) kept.push(item);
    return kept;
  }
  const merged: PreparedRun[] = [];
  let i = 0;
  let j = 0;
  while (i < kept.length && j < added.length) {
    const a = kept[i] as PreparedRun;
    const b = added[j] as PreparedRun;
    if (itemPrecedes(b, a)) {
      merged.push(b);
      j++;
    } else {
      merged.push(a);
      i++;
    }
  }
  return merged.concat(kept.slice(i), added.slice(j));
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
  const firstAt = (y: number) => firstWhere(annotations, (term) => termTop(run, term.start) >= y);
  const from = firstAt(top);
  const to = Math.max(from, firstAt(bottom));
  const part = (list: FoundTerm[]) => ({ run, annotations: list });
  return [part(annotations.slice(0, from)), part(annotations.slice(from, to)), part(annotations.slice(to))];
}

/**
 * Split a large block's terms by the parts of its text near the screen (textNear, in order): the
 * terms within each part, with a run of that part's nodes only, and those between and around them.
 */
function splitAround(
  item: PreparedRun,
  near: readonly TextNear[],
): { inside: PreparedRun[]; outside: PreparedRun[] } {
  const { run, annotations } = item;
  const inside: PreparedRun[] = [];
  const outside: PreparedRun[] = [];
  let rest = 0;
  for (const part of near) {
    const from = Math.max(
      rest,
      firstWhere(annotations, (term) => term.start >= part.from),
    );
    const to = Math.max(
      from,
      firstWhere(annotations, (term) => term.end > part.to),
    );
    if (from > rest) outside.push({ run, annotations: annotations.slice(rest, from) });
    const nodes = { block: run.block, text: run.text, nodes: part.nodes, offsets: part.offsets };
    inside.push({ run: nodes, annotations: annotations.slice(from, to) });
    rest = to;
  }
  if (rest < annotations.length) outside.push({ run, annotations: annotations.slice(rest) });
  return { inside, outside };
}

/**
 * Begrip's own elements (the gloss's host, the inline notes). Their content lives in shadow roots,
 * which the page's observer never sees, so a look at the element (or a text's parent) is enough:
 * no closest() for each of the 10,000 nodes a storm adds per frame.
 */
function isOurs(node: Node): boolean {
  const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  const name = element?.localName;
  return name === HOST_TAG || name === INLINE_TAG;
}

/**
 * The page changed or removed a text node that the inline reading mode split for a note: the
 * note goes, and the node keeps what the page gave it (a framework holds it, audit F5).
 */
function restoreSplitsOf(record: MutationRecord): void {
  if (record.type === 'characterData' && isSplit(record.target)) restoreSplit(record.target as Text, true);
  for (const removed of record.removedNodes) if (isSplit(removed)) restoreSplit(removed as Text);
}

/** The block a changed node belongs to: its terms are read in the context of the whole block. */
function blockRoot(node: Node): Node {
  // A block element's text never runs on into its neighbours': it is its own root (and an empty
  // one does not send the walk up to its parent, which may hold the whole page).
  if (node.nodeType === Node.ELEMENT_NODE && !isInline(node)) return node;
  const block = blockOf(node.nodeType === Node.TEXT_NODE ? node : (node.firstChild ?? node));
  return block && block.nodeType === Node.ELEMENT_NODE && block.contains(node) ? block : node;
}

export class Scheduler implements TermSource {
  /** Batches of roots to walk: the page at start, then the page's changes, a batch at a time. */
  private readonly queue: Node[][] = [];
  private pending = new Set<Node>();
  /** Elements hidden or made editable since the last batch: their terms go. */
  private readonly withdrawn = new Set<Element>();
  /** A class or style changed: text hidden with CSS may show now. */
  private restyled = false;
  /** Runs of a large page not yet shown, in document order. */
  private lazy: PreparedRun[] = [];
  private running = false;
  private stopped = false;
  private batchTimer: unknown = null;
  /** Mutation records not read yet (see onMutations), and whether a batch is being read. */
  private readonly delivered: MutationRecord[][] = [];
  private flushing = false;
  private scrollTimer: unknown = null;
  private readonly observer = new MutationObserver((records) => this.onMutations(records));
  private definitions: PageDefinition[] = [];
  /** This start's name for the background, which carries the page's definitions on from request to request. */
  private session = '';
  /**
   * The blocks with runs whose terms are being found, or were found and are not shown yet (how
   * many runs each): a block read again must take those away too. A Map, not a WeakMap: a storm
   * puts 100,000 blocks in it, and a weak table that size slows every garbage collection. It
   * holds only blocks that the runs waiting here hold anyway.
   */
  private readonly notShown = new Map<Node, number>();
  /** Requests to the background, answered in order (a failed one ends a start's requests). */
  private requests = new RequestsInOrder<AnnotateResponse>(REQUESTS_AHEAD);
  private root: Node | null = null;
  private highlights: TermHighlights<PreparedRun> | null = null;

  constructor(private readonly options: SchedulerOptions) {
    const onScroll = () => {
      if (this.lazy.length === 0 || this.scrollTimer !== null) return;
      this.scrollTimer = options.setTimeout(() => {
        this.scrollTimer = null;
        void this.showNearViewport();
      }, SCROLL_SETTLE_MS);
    };
    window.addEventListener('scroll', onScroll, { passive: true, capture: true, signal: options.signal });
    window.addEventListener('resize', onScroll, { passive: true, signal: options.signal });
    // A document being edited as a whole (designMode has no attribute to observe) shows no terms.
    document.addEventListener(
      'beforeinput',
      () => {
        if (document.designMode === 'on') this.stop();
      },
      { capture: true, signal: options.signal },
    );
  }

  /** Acronyms the page defines itself that the glossary lacks (for the gloss). */
  get pageDefinitions(): readonly PageDefinition[] {
    return this.definitions;
  }

  start(root: Node): void {
    // A document being edited as a whole (designMode) is never annotated.
    if (document.designMode === 'on') return;
    if (!TermHighlights.supported()) {
      console.warn('Begrip: this browser has no CSS Custom Highlight API, so terms are not shown.');
      return;
    }
    this.stopped = false;
    this.requests = new RequestsInOrder(REQUESTS_AHEAD);
    this.session = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
    this.root = root;
    this.highlights ??= new TermHighlights();
    this.observer.observe(root, OBSERVED);
    this.enqueue([root]);
  }

  stop(): void {
    this.stopped = true;
    this.observer.disconnect();
    this.queue.length = 0;
    this.delivered.length = 0;
    this.pending.clear();
    this.withdrawn.clear();
    this.lazy = [];
    this.notShown.clear();
    this.highlights?.clear();
    this.highlights = null;
  }

  /** How many runs show terms (tests and benchmarks). */
  get shownRuns(): number {
    return this.highlights?.size ?? 0;
  }

  at(event: Event): Term | null {
    return this.highlights?.at(event) ?? null;
  }

  list(): readonly Term[] {
    return this.highlights?.list() ?? [];
  }

  setCurrent(term: Term | null): void {
    this.highlights?.setCurrent(term);
  }

  /**
   * Run `change` to the page's DOM (the inline reading mode's notes) without taking it for a page
   * change: the terms shown stay, their live ranges move with the split text, and are indexed anew.
   */
  changeUnobserved(change: () => void): void {
    // Page changes not yet delivered are taken first: disconnect() would drop them.
    const waiting = this.observer.takeRecords();
    if (waiting.length) this.onMutations(waiting);
    this.observer.disconnect();
    try {
      change();
    } finally {
      if (!this.stopped && this.root) this.observer.observe(this.root, OBSERVED);
      this.highlights?.reindex();
    }
  }

  /** The first term of entry `id`; on a large page its run is shown first if it was not yet. */
  async reveal(id: string): Promise<Term | null> {
    const shown = this.list().find((term) => term.reading.id === id);
    if (shown || !this.highlights) return shown ?? null;
    let index = this.lazy.findIndex((item) => item.annotations.some((a) => a.id === id));
    if (index < 0) return null;
    let [item] = this.lazy.splice(index, 1);
    if (item && isLargeWholeRun(item.run)) {
      // Only this term's nodes are looked up: a walk of the whole block could take seconds.
      const term = item.annotations.find((a) => a.id === id) as FoundTerm;
      const { inside, outside } = splitAround(item, [nodesCovering(item.run, term.start, term.end)]);
      for (const rest of outside) {
        this.waiting(rest.run);
        this.lazy.splice(index++, 0, rest);
      }
      item = inside[0];
    }
    const terms = item ? this.showItem(item) : [];
    // Painted now, even while a batch of other terms is being made.
    this.highlights.paintHeld(true);
    return terms.find((term) => term.reading.id === id) ?? null;
  }

  private enqueue(roots: Node[]): void {
    if (roots.length === 0) return;
    this.queue.push(roots);
    if (!this.running) void this.drain();
  }

  /**
   * The observer's callback runs at the end of the page's own task (in a storm, its frame), so it
   * only keeps the records: they are read in slices by flushMutations. Only a change to a node that
   * the inline mode split is handled at once, before a framework touches that node again.
   */
  private onMutations(records: MutationRecord[]): void {
    if (anySplit()) for (const record of records) restoreSplitsOf(record);
    this.delivered.push(records);
    this.scheduleFlush();
  }

  private readRecord(record: MutationRecord): void {
    if (record.type === 'attributes') {
      this.onAttributeChange(record);
      return;
    }
    if (record.type === 'characterData') {
      this.addPending(record.target);
      return;
    }
    // Indexed loops, no spreads: a storm delivers 10,000 records a frame, mostly one node each.
    const { addedNodes, removedNodes } = record;
    for (let i = 0; i < addedNodes.length; i++) this.addPending(addedNodes[i] as Node);
    // Text or an inline element taken out changes its block's text: the block is read again.
    // (The terms of whatever was removed go with it: their ranges collapse, see changed().)
    for (let i = 0; i < removedNodes.length; i++) {
      if (isInline(removedNodes[i] as Node)) {
        this.addPending(record.target);
        return;
      }
    }
  }

  private addPending(node: Node): void {
    if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.TEXT_NODE) return;
    if (!isOurs(node)) this.pending.add(blockRoot(node));
  }

  private onAttributeChange(record: MutationRecord): void {
    if (STYLE_ATTRIBUTES.includes(record.attributeName ?? '')) {
      this.restyled = true;
      return;
    }
    const element = record.target as Element;
    if (isOurs(element)) return;
    // Hidden or made editable: no terms in it. Revealed: annotated.
    if (element.closest(SKIP_SELECTOR) || isSkipped(element)) this.withdrawn.add(element);
    else this.addPending(element);
  }

  private scheduleFlush(): void {
    if (this.batchTimer !== null || this.flushing) return;
    if (!this.delivered.length && !this.pending.size && !this.withdrawn.size && !this.restyled) return;
    this.batchTimer = this.options.setTimeout(() => void this.flushMutations(), MUTATION_BATCH_MS);
  }

  /** Stop showing `items` and give back their counts (first-occurrence mode). */
  private withdraw(items: Iterable<PreparedRun>): void {
    for (const item of items) {
      this.highlights?.take(item);
      for (const annotation of item.annotations) this.options.drop?.(annotation);
    }
  }

  private async flushMutations(): Promise<void> {
    this.batchTimer = null;
    if (!this.highlights) return;
    this.flushing = true;
    try {
      // The records delivered until now, read in slices: the page keeps its frames. What arrives
      // meanwhile is the next batch. A storm's backlog goes on to be walked and matched a batch of
      // roots at a time while the rest is read, not all of it once all is read.
      for (const records of this.delivered.splice(0)) {
        for (let from = 0; from < records.length; from += RECORDS_PER_READ) {
          const some =
            records.length <= RECORDS_PER_READ ? records : records.slice(from, from + RECORDS_PER_READ);
          if (!(await this.sliced(some, (record) => this.readRecord(record)))) return;
          // Not while the page is still changing (records waiting): that work would take the
          // storm's frames.
          const calm = this.delivered.length === 0;
          if (calm && this.pending.size >= ROOTS_PER_BATCH && !(await this.enqueuePending())) return;
        }
      }
      const highlights = this.highlights;
      if (!highlights) return;
      for (const element of this.withdrawn) this.withdraw(highlights.itemsWithin(element));
      this.withdrawn.clear();
      this.withdraw(highlights.changed());
      if (this.restyled) {
        this.restyled = false;
        highlights.revealHidden();
      }
      await this.enqueuePending();
    } finally {
      this.flushing = false;
      if (!this.stopped) this.scheduleFlush();
    }
  }

  /**
   * The changed nodes read so far, as one batch of roots to walk: one walk, one request to the
   * background and one look at the viewport for all of them, however many nodes a frame added
   * (audit F2: 10,000 nodes a frame, one request each, took minutes). A node inside another
   * pending one is walked with it. False when stopped meanwhile.
   */
  private async enqueuePending(): Promise<boolean> {
    const pending = this.pending;
    this.pending = new Set();
    const roots: Node[] = [];
    // Whether an element is inside a skipped one, asked once per parent: a storm's 10,000
    // paragraphs a frame mostly share one.
    const skippedParents = new Map<Element, boolean>();
    const inSkipped = (element: Element) => {
      let known = skippedParents.get(element);
      if (known === undefined) {
        known = !!element.closest(SKIP_SELECTOR);
        skippedParents.set(element, known);
      }
      return known;
    };
    // Whether an ancestor is itself pending (then the node is walked with it), also once per parent.
    const pendingAbove = new Map<Node, boolean>();
    const underPending = (parent: Node | null): boolean => {
      if (!parent) return false;
      let known = pendingAbove.get(parent);
      if (known === undefined) {
        known = pending.has(parent) || underPending(parent.parentNode);
        pendingAbove.set(parent, known);
      }
      return known;
    };
    const keepRoot = (node: Node) => {
      const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
      if (!node.isConnected || !element || underPending(node.parentNode)) return;
      if (isSkipped(element) || (element.parentElement && inSkipped(element.parentElement))) return;
      roots.push(node);
    };
    if (!(await this.sliced([...pending], keepRoot))) return false;
    this.enqueue(roots);
    return true;
  }

  /**
   * Walk the queued batches of roots and find their terms, in order: a batch is walked and sent
   * while the background matches the ones before. What was found is shown once the queue is
   * empty: each look at the viewport makes the browser lay out the page, and in a storm of
   * changes a layout per batch cost more than everything else.
   */
  private async drain(): Promise<void> {
    this.running = true;
    // Start in a task of its own: the caller's task (set-up) has had its share.
    await yieldToPage();
    const finding: Finding[] = [];
    let found: PreparedRun[] = [];
    let foundText = 0;
    const takeFound = async () => {
      for (const batch of finding.splice(0)) for (const item of await batch.found) found.push(item);
    };
    while (!this.stopped) {
      const roots = this.queue.shift();
      if (!roots) {
        await takeFound();
        // What was queued while the last batches were being matched is taken first.
        if (this.queue.length || this.stopped) continue;
        await this.showFound(found, foundText);
        found = [];
        foundText = 0;
        if (this.queue.length) continue;
        break;
      }
      for await (const runs of this.collect(roots)) {
        // This batch's requests follow those of the batch before.
        await finding.at(-1)?.sent;
        if (this.stopped) break;
        // Most batches are new content. A block read again may have terms being found, found and
        // waiting to be shown, or kept for later: they are taken away (its terms shown are, below).
        if (this.anyNotShown(runs)) {
          await takeFound();
          found = this.withdrawNotShown(runs, found);
        }
        if (this.highlights?.size) this.withdraw(this.highlights.itemsWith(runs));
        for (const run of runs) foundText += run.text.length;
        finding.push(this.find(runs));
      }
    }
    this.running = false;
    if (!this.stopped) this.options.onIdle?.();
  }

  /** A run's terms are on their way or waiting to be shown. */
  private waiting(run: TextRun): void {
    this.notShown.set(run.block, (this.notShown.get(run.block) ?? 0) + 1);
  }

  /** A run's terms are shown, or will not be. */
  private shownOrGone(run: TextRun): void {
    const left = (this.notShown.get(run.block) ?? 0) - 1;
    if (left > 0) this.notShown.set(run.block, left);
    else this.notShown.delete(run.block);
  }

  /** Whether a block of `runs` has terms being found or waiting to be shown. */
  private anyNotShown(runs: readonly TextRun[]): boolean {
    if (this.notShown.size === 0) return false;
    for (const { block } of runs) if (this.notShown.has(block)) return true;
    return false;
  }

  /**
   * The blocks of `runs` are read anew: the terms they were found to have and are not shown yet
   * (in `found`, or kept for later on a large page) are taken away (and given back in
   * first-occurrence mode). Returns what is left of `found`.
   */
  private withdrawNotShown(runs: readonly TextRun[], found: PreparedRun[]): PreparedRun[] {
    const read = new Set<Node>(runs.map((run) => run.block));
    const stale = (item: PreparedRun) => read.has(item.run.block);
    for (const item of [...found.filter(stale), ...this.lazy.filter(stale)]) {
      this.shownOrGone(item.run);
      this.withdraw([item]);
    }
    this.lazy = this.lazy.filter((item) => !stale(item));
    return found.filter((item) => !stale(item));
  }

  /**
   * Find the terms of every run in document order; keep only runs with something to show. The
   * background gets the text in requests of at most BATCH_CHARS (a longer run in pieces), so one
   * large page never holds up the other tabs for long (audit F3). Up to REQUESTS_AHEAD requests
   * are on their way at once, this batch's and the last one's: the background matches while the
   * page walks the next batch, and the answers are taken in order (first occurrences are first
   * on the page).
   */
  private find(runs: TextRun[]): Finding {
    const terms: FoundTerm[][] = runs.map(() => []);
    for (const run of runs) this.waiting(run);
    let lastTaken: Promise<void> = Promise.resolve();
    const sent = (async () => {
      for (const pieces of batchTexts(
        runs.map((run) => run.text),
        BATCH_CHARS,
      )) {
        // Each request in a task of its own: sending 100,000 characters takes a few milliseconds,
        // and the walk or the last answer may have used this task's share.
        await yieldToPage();
        if (this.stopped) return;
        const texts = pieces.map(({ index, from, to }) => (runs[index] as TextRun).text.slice(from, to));
        ({ taken: lastTaken } = await this.requests.send(
          // The definitions in the answers taken so far; the background adds those of the
          // requests still on their way (utils/carried-definitions.ts).
          () => this.options.annotate(texts, this.definitions, this.session),
          (response) => this.takeAnswer(response, pieces, terms),
        ));
      }
    })();
    const found = (async () => {
      try {
        await sent;
        await lastTaken;
      } catch (error) {
        // The background is gone (the extension was updated or disabled): leave the page as it is.
        console.warn('Begrip: the glossary is not available, so this page is left unmarked.', error);
        this.stop();
      }
      for (const run of runs) this.shownOrGone(run);
      if (this.stopped) return [];
      const items: PreparedRun[] = [];
      for (let i = 0; i < runs.length; i++) {
        const annotations = terms[i] as FoundTerm[];
        if (!annotations.length) continue;
        const item = { run: compactRun(runs[i] as TextRun, annotations), annotations };
        this.waiting(item.run);
        items.push(item);
      }
      return items;
    })();
    return { sent: sent.catch(() => undefined), found };
  }

  /** The terms of one answer, kept (or not) in document order, for the runs its pieces are of. */
  private takeAnswer(response: AnnotateResponse, pieces: readonly Piece[], terms: FoundTerm[][]): void {
    this.definitions = response.pageDefinitions;
    forEachTerm(response, (i, term) => {
      const piece = pieces[i];
      if (!piece) return;
      // The term is a new object: moved in place to where its piece is in the run (most pieces
      // are whole runs, from 0).
      term.start += piece.from;
      term.end += piece.from;
      if (this.options.keep(term)) (terms[piece.index] as FoundTerm[]).push(term);
    });
  }

  /**
   * Show what was found in `textSize` characters: all of it, or near the viewport on a large page
   * (this text and the text shown already: a page that grows by many small batches, a feed or a
   * storm, is large too) and on a page that is still changing (a storm: thousands of terms shown
   * between its frames took the page's frames).
   */
  private async showFound(items: PreparedRun[], textSize: number): Promise<void> {
    const shown = this.highlights?.textShown ?? 0;
    const changing = this.delivered.length > 0 || this.flushing || this.pending.size > 0;
    // A large block read whole is shown near the viewport only (textNear), and so is the page.
    if (textSize + shown > LAZY_TEXT_CHARS || this.lazy.length || changing || items.some(isLarge)) {
      this.lazy = mergeInOrder(this.lazy, items);
      await this.showNearViewport();
    } else {
      const start = firstBelow(items, 0);
      await this.show([...items.slice(start), ...items.slice(0, start)]);
    }
  }

  /** Run `step` over `items` in slices of SLICE_MS; false when stopped meanwhile. */
  private async sliced<T>(items: readonly T[], step: (item: T) => void): Promise<boolean> {
    let index = 0;
    while (index < items.length) {
      const deadline = performance.now() + SLICE_MS;
      while (index < items.length && performance.now() < deadline) step(items[index++] as T);
      if (index < items.length) await yieldToPage();
      if (this.stopped) return false;
    }
    return true;
  }

  /**
   * The runs under `roots`, walked in slices of SLICE_MS, handed on in batches of at most about
   * NODES_PER_FIND nodes: their terms are found while the walk goes on, and each batch keeps only
   * the nodes its terms lie in once they are found (a page of a million text nodes otherwise kept
   * a million node wrappers alive to the end of the walk, and garbage collections paused it).
   */
  private async *collect(roots: readonly Node[]): AsyncGenerator<TextRun[]> {
    let runs: TextRun[] = [];
    let nodes = 0;
    let deadline = performance.now() + SLICE_MS;
    /** Adds a run; true when the batch is full. */
    const add = (run: TextRun) => {
      runs.push(run);
      // A block read whole counts as one node: its text nodes are not looked at yet.
      nodes += run.nodes?.length ?? 1;
      return nodes >= NODES_PER_FIND;
    };
    // Checked before awaiting: an await per root (a storm's 60,000) made garbage of its own.
    const due = () => performance.now() > deadline;
    const pause = async () => {
      await yieldToPage();
      deadline = performance.now() + SLICE_MS;
    };
    const handOn = () => {
      const batch = runs;
      runs = [];
      nodes = 0;
      return batch;
    };
    for (const root of roots) {
      // Most roots of a storm are <p>text</p>: read whole, without a walk, a generator or an await.
      // A block with elements in it may be one of a million: read in steps (walkRunsInSteps),
      // with a chance to pause between the look at its elements and the read.
      const textOnly = root.nodeType === Node.ELEMENT_NODE && !(root as Element).firstElementChild;
      const whole = textOnly ? wholeBlockRun(root) : undefined;
      if (whole === undefined) {
        for (const step of walkRunsInSteps(root)) {
          if (step && add(step)) yield handOn();
          if (!step && due()) await pause();
          if (this.stopped) return;
        }
      } else if (whole && add(whole)) yield handOn();
      if (due()) await pause();
      if (this.stopped) return;
    }
    if (runs.length) yield runs;
  }

  /** Show the lazily kept runs that are within a viewport's height of the visible area. */
  private async showNearViewport(): Promise<void> {
    if (this.lazy.length === 0) return;
    const margin = window.innerHeight;
    const from = firstBelow(this.lazy, -margin);
    let to = firstBelow(this.lazy, window.innerHeight + margin);
    // The parts of one block kept for later share its box: all of them or none (the one below
    // the screen may reach into it).
    const last = this.lazy[to]?.run.block;
    while (last && this.lazy[to + 1]?.run.block === last) to++;
    const near = this.lazy.splice(from, Math.max(0, to - from + 1));
    // One block can hold a whole transcript: show only its terms near the viewport, keep the rest
    // for later (audit F1: 14,000 ranges at once were a 500 ms task).
    const later: PreparedRun[] = [];
    const shown: PreparedRun[] = [];
    /** The text on screen of each large block read whole (one look per block). */
    const onScreen = new Map<Node, TextNear[] | 'away' | null>();
    for (const item of near) {
      const large = isLarge(item) ? textNearOnce(onScreen, item.run) : null;
      if (large === 'away') later.push(item);
      else if (large) {
        const { inside, outside } = splitAround(item, large);
        // The first part shown stands for the item; each further one waits to be shown on its own.
        for (const part of inside.slice(1)) this.waiting(part.run);
        for (const rest of outside) this.waiting(rest.run);
        shown.push(...inside);
        later.push(...outside);
      } else if (item.annotations.length <= MAX_TERMS_AT_ONCE) shown.push(item);
      else {
        const [before, inside, after] = splitNear(item, -margin, window.innerHeight + margin);
        shown.push(inside);
        for (const rest of [before, after]) {
          if (!rest.annotations.length) continue;
          // Each part kept for later waits to be shown on its own.
          this.waiting(rest.run);
          later.push(rest);
        }
      }
    }
    this.lazy.splice(from, 0, ...later);
    await this.show(shown);
  }

  private showItem(item: PreparedRun): ShownTerm[] {
    this.shownOrGone(item.run);
    return this.highlights?.show(item) ?? [];
  }

  /**
   * Show `items` (those in the viewport first) in slices: the first slice's terms are painted
   * at once, the rest together when all are made (TermHighlights.holdRanges).
   */
  private async show(items: PreparedRun[]): Promise<void> {
    const highlights = this.highlights;
    if (!highlights) return;
    let index = 0;
    let first = true;
    highlights.holdRanges();
    try {
      while (index < items.length) {
        const deadline = performance.now() + SLICE_MS;
        // A term whose text changed since the walk is left out (term-highlights.ts); the
        // observer queues its block again.
        while (index < items.length && performance.now() < deadline)
          this.showItem(items[index++] as PreparedRun);
        if (index === items.length) break;
        if (first) highlights.paintHeld(true);
        first = false;
        await yieldToPage();
        if (this.stopped) return;
      }
    } finally {
      highlights.paintHeld(false);
    }
  }
}

export type { ShownTerm };
