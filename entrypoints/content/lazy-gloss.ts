/**
 * The gloss on a web page, loaded on first use. Until the reader points at, taps or steps to a
 * term (a step comes as a command, not a key event), a page carries only these few listeners; then `create` has the gloss's code injected
 * (entrypoints/gloss-view.ts) and the gesture that asked for it is replayed.
 */
import type { Gloss } from '../../utils/dom/gloss';
import type { Term, TermSource } from '../../utils/dom/term';

export class LazyGloss {
  private gloss: Promise<Gloss> | null = null;
  private loaded: Gloss | null = null;
  /** The term under the pointer while the code loads: only it may open once loaded. */
  private hovered: Term | null = null;
  private readonly waiting = new AbortController();

  constructor(
    private readonly create: () => Promise<Gloss>,
    terms: TermSource,
    signal: AbortSignal,
    /** Which events are the reader's own; unit tests, whose events are synthetic, pass their own. */
    isReaders: (event: Event) => boolean = (event) => event.isTrusted,
  ) {
    const listening = AbortSignal.any([signal, this.waiting.signal]);
    // Only the reader's own gestures count: a page cannot open a gloss by dispatching events (audit F4).
    const on = <K extends keyof DocumentEventMap>(type: K, handler: (event: DocumentEventMap[K]) => void) =>
      document.addEventListener(type, (event) => isReaders(event) && handler(event), {
        capture: true,
        passive: type === 'mousemove',
        signal: listening,
      });
    let frame = 0;
    let moved: MouseEvent | null = null;
    on('mousemove', (event) => {
      if (event.buttons !== 0) return;
      moved = event;
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        const term = moved && terms.at(moved);
        moved = null;
        this.hovered = term;
        if (term) this.withGloss((gloss) => this.hovered === term && gloss.hover(term));
      });
    });
    on('click', (event) => {
      const term = terms.at(event);
      if (!term) return;
      // A first tap on a term inside a link explains it; the next one follows the link.
      if (event.target instanceof Element && event.target.closest('a[href]')) event.preventDefault();
      this.withGloss((gloss) => gloss.show(term, false, 'tap'));
    });
  }

  /** Show the gloss of `term` (loading the gloss first if need be); `focus`: moves focus into it. */
  show(term: Term, focus = false): void {
    this.withGloss((gloss) => gloss.show(term, focus));
  }

  /** Step to the next (1) or previous (-1) term: the step commands (loading the gloss first if need be). */
  step(direction: 1 | -1): void {
    this.withGloss((gloss) => gloss.step(direction));
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
