/**
 * Annotates the page in small slices so the page stays responsive: the text is walked in slices
 * of at most SLICE_MS, then marked viewport first, again in slices. Content the page adds or
 * changes later (infinite scroll, SPA navigation, accordions) arrives through a batched
 * MutationObserver that looks only at what changed and drops the records of our own marks.
 */
import type { Annotation } from '../../glossary/annotate';
import {
  isIntact,
  isSkipped,
  MARK_TAG,
  type MarkedTerm,
  markRun,
  SKIP_SELECTOR,
  type TextRun,
  walkRuns,
} from './highlighter';

const SLICE_MS = 8;
const MUTATION_BATCH_MS = 60;

export interface SchedulerOptions {
  annotate: (text: string) => Annotation[];
  /** Decides per annotation whether to mark it (first occurrence only, …). */
  keep: (annotation: Annotation) => boolean;
  onMarked: (marks: MarkedTerm[]) => void;
  /** Called when the queue is empty (initial pass and each batch of changes done). */
  onIdle?: () => void;
  setTimeout: (fn: () => void, ms: number) => unknown;
}

const yieldToPage = (setTimeout: SchedulerOptions['setTimeout']) =>
  new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Index of the first run whose block reaches into the viewport (binary search; a few layout reads). */
function firstVisible(runs: TextRun[]): number {
  let low = 0;
  let high = runs.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const element = (runs[middle] as TextRun).nodes[0]?.parentElement;
    if ((element?.getBoundingClientRect().bottom ?? 0) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

function isOurs(node: Node): boolean {
  const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  return !!element?.closest(MARK_TAG);
}

export class Scheduler {
  private readonly queue: Node[] = [];
  private readonly pending = new Set<Node>();
  private readonly deferred: TextRun[] = [];
  private running = false;
  /**
   * Whether the user has a selection, kept from selectionchange events: asking the Selection
   * API while marking forces a layout of the whole page each time (measured: 4 s on 1 MB).
   */
  private selecting = hasSelection();
  private stopped = false;
  private batchTimer: unknown = null;
  private readonly observer = new MutationObserver((records) => this.onMutations(records));

  constructor(private readonly options: SchedulerOptions) {}

  start(root: Node): void {
    this.stopped = false;
    this.observer.observe(root, { childList: true, subtree: true, characterData: true });
    this.enqueue(root);
  }

  stop(): void {
    this.stopped = true;
    this.observer.disconnect();
    this.queue.length = 0;
    this.pending.clear();
    this.deferred.length = 0;
  }

  /** Call on selectionchange: runs skipped while the user was selecting are marked when it ends. */
  onSelectionChange(): void {
    this.selecting = hasSelection();
    if (this.deferred.length === 0 || this.selecting) return;
    const runs = this.deferred.splice(0);
    void this.markRuns(runs).then(() => this.options.onIdle?.());
  }

  private enqueue(root: Node): void {
    if (this.queue.some((queued) => queued.contains(root))) return;
    this.queue.push(root);
    if (!this.running) void this.drain();
  }

  private onMutations(records: MutationRecord[]): void {
    for (const record of records) {
      const nodes = record.type === 'characterData' ? [record.target] : [...record.addedNodes];
      for (const node of nodes) {
        if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.TEXT_NODE) continue;
        if (!isOurs(node))
          this.pending.add(node.nodeType === Node.TEXT_NODE ? (node.parentNode ?? node) : node);
      }
    }
    if (this.pending.size && this.batchTimer === null) {
      this.batchTimer = this.options.setTimeout(() => this.flushMutations(), MUTATION_BATCH_MS);
    }
  }

  private flushMutations(): void {
    this.batchTimer = null;
    for (const node of this.pending) {
      const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
      if (!node.isConnected || !element || element.closest(SKIP_SELECTOR) || isSkipped(element)) continue;
      this.enqueue(node);
    }
    this.pending.clear();
  }

  private async drain(): Promise<void> {
    this.running = true;
    // Start in a task of its own: the caller's task (set-up) has had its share.
    await yieldToPage(this.options.setTimeout);
    while (this.queue.length && !this.stopped) {
      const root = this.queue.shift() as Node;
      const runs = await this.collect(root);
      if (this.stopped) break;
      const start = firstVisible(runs);
      await this.markRuns([...runs.slice(start), ...runs.slice(0, start)]);
    }
    this.running = false;
    if (!this.stopped) this.options.onIdle?.();
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
      await yieldToPage(this.options.setTimeout);
      if (this.stopped) return [];
    }
  }

  private async markRuns(runs: TextRun[]): Promise<void> {
    let index = 0;
    while (index < runs.length && !this.stopped) {
      const deadline = performance.now() + SLICE_MS;
      const marks: MarkedTerm[] = [];
      while (index < runs.length && performance.now() < deadline) {
        const run = runs[index++] as TextRun;
        if (!isIntact(run)) continue; // changed since the walk: the observer queues it again
        if (this.selecting && selectionTouches(run)) {
          this.deferred.push(run);
          continue;
        }
        const annotations = this.options.annotate(run.text).filter(this.options.keep);
        if (annotations.length) marks.push(...markRun(run, annotations));
      }
      this.observer.takeRecords(); // our own splits and wrappers: not page changes
      if (marks.length) this.options.onMarked(marks);
      if (index < runs.length) await yieldToPage(this.options.setTimeout);
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
