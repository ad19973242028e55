/**
 * The gloss on a web page, loaded on first use. Until the reader points at, focuses, taps or
 * steps to a term, a page carries only these few listeners; then `create` has the gloss's code
 * injected (entrypoints/gloss-view.ts) and the gesture that asked for it is replayed.
 */
import type { Gloss } from '../../utils/dom/gloss';
import { markOf, stepDirection } from '../../utils/dom/gloss-module';

export class LazyGloss {
  private gloss: Promise<Gloss> | null = null;
  private loaded: Gloss | null = null;
  /** The mark under the pointer while the code loads: only it may open once loaded. */
  private hovered: HTMLElement | null = null;
  private readonly waiting = new AbortController();

  constructor(
    private readonly create: () => Promise<Gloss>,
    signal: AbortSignal,
    /** Which events are the reader's own; unit tests, whose events are synthetic, pass their own. */
    isReaders: (event: Event) => boolean = (event) => event.isTrusted,
  ) {
    const listening = AbortSignal.any([signal, this.waiting.signal]);
    // Only the reader's own gestures count: a page cannot open a gloss by dispatching events (audit F4).
    const on = <K extends keyof DocumentEventMap>(type: K, handler: (event: DocumentEventMap[K]) => void) =>
      document.addEventListener(type, (event) => isReaders(event) && handler(event), {
        capture: true,
        passive: type !== 'keydown',
        signal: listening,
      });
    on('mouseover', (event) => {
      const mark = markOf(event.target);
      this.hovered = mark;
      if (mark) this.withGloss((gloss) => this.hovered === mark && gloss.hover(mark));
    });
    on('mouseout', (event) => {
      if (markOf(event.relatedTarget) !== this.hovered) this.hovered = null;
    });
    const show = (event: Event) => {
      const mark = markOf(event.target);
      if (mark) this.withGloss((gloss) => gloss.show(mark));
    };
    on('focusin', show);
    on('click', show);
    on('keydown', (event) => {
      const direction = stepDirection(event);
      if (!direction) return;
      event.preventDefault();
      this.withGloss((gloss) => gloss.step(direction));
    });
  }

  /** Show the gloss of `mark` (loading the gloss first if need be). */
  show(mark: HTMLElement): void {
    this.withGloss((gloss) => gloss.show(mark));
  }

  /** The pointer is over `mark`: its gloss opens after the usual delay (loading it first if need be). */
  hover(mark: HTMLElement): void {
    this.hovered = mark;
    this.withGloss((gloss) => this.hovered === mark && gloss.hover(mark));
  }

  /** Re-render an open gloss with the current settings. */
  refresh(): void {
    this.loaded?.refresh();
  }

  private withGloss(action: (gloss: Gloss) => void): void {
    this.gloss ??= this.create().then(
      (gloss) => {
        this.waiting.abort(); // the gloss listens for itself from now on
        this.loaded = gloss;
        return gloss;
      },
      (error: unknown) => {
        this.gloss = null; // try again on the next gesture
        throw error;
      },
    );
    this.gloss.then(action, () => {
      // The extension was updated or disabled meanwhile: no gloss, and no error on the page.
    });
  }
}
