/**
 * The gloss on the page: one shadow-root host, opened on hover (after a short delay), keyboard
 * focus or tap, closed with Escape. Placed below the term, or above it when there is no room;
 * it never covers the term and moves with scrolling.
 *
 * Why our own host and not WXT's createShadowRootUi: WXT adds the styles as a <style> element,
 * which a strict page Content-Security-Policy (style-src 'self') may block. A constructed
 * stylesheet (adoptedStyleSheets) and CSSOM property writes are not subject to CSP.
 * Keyboard: Alt+Shift+N / Alt+Shift+P step to the next / previous term (marks stay out of the
 * tab order, so pages with hundreds of terms remain quick to tab through).
 */
import type { TooltipContent, TooltipLabels } from '../../components/Tooltip';
import type { GlossLanguage } from '../settings';
import { markOf, stepDirection } from './gloss-module';
import type { GlossView } from './gloss-view';
import { HOST_TAG, MARK_TAG } from './highlighter';

const OPEN_DELAY_MS = 300;
const CLOSE_DELAY_MS = 250;
const GAP = 6;
const MARGIN = 8;
/** Below this, a gloss would be a slit: it then scrolls in at least this much room. */
const MIN_ROOM = 120;

export interface GlossOptions {
  /** What to show for a mark; may come from elsewhere (the content script asks the background). */
  describe: (mark: HTMLElement) => TooltipContent | null | Promise<TooltipContent | null>;
  /** What to show for another entry the gloss links to (a related term, another sense). */
  describeId: (id: string) => TooltipContent | null | Promise<TooltipContent | null>;
  language: () => GlossLanguage;
  /** The interface language: first when the gloss shows both languages. */
  uiLanguage: 'nl' | 'en';
  /** The preact view (gloss-view.tsx), kept apart so the content script can load it with this class. */
  view: GlossView;
  /** The gloss's own words in the interface language. */
  labels: TooltipLabels;
  signal: AbortSignal;
}

function createHost(css: string): { host: HTMLElement; container: HTMLElement } {
  const host = document.createElement(HOST_TAG);
  const important = (name: string, value: string) => host.style.setProperty(name, value, 'important');
  for (const [name, value] of Object.entries({
    all: 'initial',
    position: 'absolute',
    top: '0',
    left: '0',
    width: '0',
    height: '0',
    display: 'block',
    overflow: 'visible',
    'z-index': '2147483647',
    transform: 'none',
    contain: 'none',
    'pointer-events': 'none',
  })) {
    important(name, value);
  }
  const shadow = host.attachShadow({ mode: 'open' });
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
  } catch {
    // Older engines (or a content-script sandbox that cannot adopt sheets): a <style> element.
    const style = document.createElement('style');
    style.textContent = css;
    shadow.append(style);
  }
  const container = document.createElement('div');
  shadow.append(container);
  return { host, container };
}

export class Gloss {
  /** Made on the first gloss, so that a page nobody asks a gloss on gets no host element. */
  private shadowHost: { host: HTMLElement; container: HTMLElement } | null = null;
  private readonly tooltipId = `begrip-gloss-${Math.random().toString(36).slice(2, 10)}`;
  private current: HTMLElement | null = null;
  private openTimer: ReturnType<typeof setTimeout> | undefined;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  private frame = 0;

  constructor(private readonly options: GlossOptions) {
    this.listen(options.signal);
  }

  get openMark(): HTMLElement | null {
    return this.current;
  }

  private showing = 0;

  show(mark: HTMLElement): void {
    this.cancelTimers();
    const request = ++this.showing;
    Promise.resolve(this.options.describe(mark)).then(
      (content) => {
        // Only the latest request counts (the pointer may have moved on meanwhile).
        if (content && request === this.showing && !this.options.signal.aborted) this.render(mark, content);
      },
      () => {
        // The entry could not be looked up (the extension was updated meanwhile): no gloss.
      },
    );
  }

  /** Entries opened from the gloss (related terms, other senses), for the back button. */
  private trail: TooltipContent[] = [];

  private render(mark: HTMLElement, content: TooltipContent): void {
    if (this.current && this.current !== mark) this.release(this.current);
    this.shadowHost ??= createHost(this.options.view.css);
    const { host, container } = this.shadowHost;
    if (!host.isConnected) document.documentElement.append(host);
    if (this.current !== mark) this.trail = [];
    this.current = mark;
    mark.setAttribute('aria-describedby', this.tooltipId);
    this.options.view.render(container, {
      id: this.tooltipId,
      content,
      language: this.options.language(),
      uiLanguage: this.options.uiLanguage,
      labels: this.options.labels,
      onOpen: (id) => this.open(mark, content, id),
      ...(this.trail.length > 0 && { onBack: () => this.back(mark) }),
      onPointerEnter: () => this.cancelTimers(),
      onPointerLeave: () => this.scheduleHide(),
    });
    this.place();
  }

  /**
   * After the reader clicked inside the gloss (a related term, Back) it stays until Escape, a
   * click elsewhere or another term: its new content may no longer be under the pointer.
   */
  private pinned = false;

  /** Show another entry in the same gloss, at the same term; Back returns. */
  private open(mark: HTMLElement, from: TooltipContent, id: string): void {
    this.pinned = true;
    this.cancelTimers();
    const request = ++this.showing;
    Promise.resolve(this.options.describeId(id)).then(
      (content) => {
        if (!content || request !== this.showing || this.current !== mark) return;
        this.trail.push(from);
        this.render(mark, content);
      },
      () => {},
    );
  }

  private back(mark: HTMLElement): void {
    this.pinned = true;
    this.cancelTimers();
    const previous = this.trail.pop();
    if (previous && this.current === mark) this.render(mark, previous);
  }

  hide(): void {
    this.pinned = false;
    this.cancelTimers();
    this.showing++;
    if (this.current) this.release(this.current);
    this.current = null;
    if (!this.shadowHost) return;
    this.options.view.clear(this.shadowHost.container);
    this.shadowHost.host.remove();
  }

  /** Re-render with the current settings (language changed). */
  refresh(): void {
    if (this.current) this.show(this.current);
  }

  destroy(): void {
    this.hide();
  }

  /** Focus the next (1) or previous (-1) term after the focused one, or from the viewport top. */
  step(direction: 1 | -1): void {
    const marks = [...document.querySelectorAll<HTMLElement>(MARK_TAG)];
    if (marks.length === 0) return;
    const active = markOf(document.activeElement);
    let index = active ? marks.indexOf(active) + direction : -1;
    if (!active) {
      const firstBelow = marks.findIndex((m) => m.getBoundingClientRect().top >= 0);
      index = direction === 1 ? Math.max(firstBelow, 0) : (firstBelow > 0 ? firstBelow : marks.length) - 1;
    }
    const target = marks[(index + marks.length) % marks.length] as HTMLElement;
    target.tabIndex = -1;
    target.focus();
    target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    this.show(target);
  }

  private release(mark: HTMLElement): void {
    mark.removeAttribute('aria-describedby');
    if (document.activeElement !== mark) mark.removeAttribute('tabindex');
  }

  /** The pointer is over `mark`: show its gloss after a short delay. */
  hover(mark: HTMLElement): void {
    clearTimeout(this.closeTimer);
    if (mark === this.current) return;
    this.pinned = false;
    clearTimeout(this.openTimer);
    this.openTimer = setTimeout(() => this.show(mark), OPEN_DELAY_MS);
  }

  private scheduleHide(): void {
    if (this.pinned) return;
    clearTimeout(this.openTimer);
    clearTimeout(this.closeTimer);
    this.closeTimer = setTimeout(() => this.hide(), CLOSE_DELAY_MS);
  }

  private cancelTimers(): void {
    clearTimeout(this.openTimer);
    clearTimeout(this.closeTimer);
  }

  /**
   * Below the term, or above it when it does not fit; when it fits on neither side, on the side
   * with more room, scrolling inside itself. Never over the term; clamped to the viewport.
   */
  private place(): void {
    const mark = this.current;
    const tooltip = this.shadowHost?.container.firstElementChild as HTMLElement | null | undefined;
    if (!mark || !tooltip || !this.shadowHost) return;
    if (!mark.isConnected) {
      this.hide();
      return;
    }
    const rect = mark.getClientRects()[0] ?? mark.getBoundingClientRect();
    const origin = this.shadowHost.host.getBoundingClientRect();
    const viewportWidth = document.documentElement.clientWidth;
    const viewportHeight = window.innerHeight;
    const roomBelow = viewportHeight - rect.bottom - GAP - MARGIN;
    const roomAbove = rect.top - GAP - MARGIN;
    // Natural height first; when it fits on neither side, the larger side and a scrolling gloss.
    tooltip.style.removeProperty('--room');
    const height = tooltip.offsetHeight;
    const side = height <= roomBelow || roomBelow >= roomAbove ? 'below' : 'above';
    const room = Math.max(side === 'below' ? roomBelow : roomAbove, MIN_ROOM);
    if (height > room) tooltip.style.setProperty('--room', `${room}px`);
    const shown = Math.min(height, room);
    const width = tooltip.offsetWidth;
    const left = Math.max(MARGIN, Math.min(rect.left, viewportWidth - width - MARGIN));
    const top = side === 'below' ? rect.bottom + GAP : rect.top - GAP - shown;
    tooltip.style.left = `${left - origin.left}px`;
    tooltip.style.top = `${top - origin.top}px`;
    tooltip.dataset.placement = side;
  }

  private listen(signal: AbortSignal): void {
    const on = <K extends keyof DocumentEventMap>(type: K, handler: (event: DocumentEventMap[K]) => void) =>
      // Only the reader's own gestures count: a page cannot open a gloss by dispatching events (audit F4).
      document.addEventListener(type, (event) => event.isTrusted && handler(event), {
        capture: true,
        passive: type !== 'keydown',
        signal,
      });
    on('mouseover', (event) => {
      const mark = markOf(event.target);
      if (mark) this.hover(mark);
    });
    on('mouseout', (event) => {
      const from = markOf(event.target);
      if (from && markOf(event.relatedTarget) !== from && event.relatedTarget !== this.shadowHost?.host)
        this.scheduleHide();
    });
    on('focusin', (event) => {
      const mark = markOf(event.target);
      if (mark) this.show(mark);
    });
    on('focusout', (event) => {
      const mark = markOf(event.target);
      if (mark) {
        mark.removeAttribute('tabindex');
        if (mark === this.current) this.scheduleHide();
      }
    });
    on('click', (event) => {
      const mark = markOf(event.target);
      if (mark) this.show(mark);
      else if (event.target !== this.shadowHost?.host) this.hide();
    });
    on('keydown', (event) => {
      const direction = stepDirection(event);
      if (event.key === 'Escape' && this.current) this.hide();
      else if (direction) {
        event.preventDefault();
        this.step(direction);
      }
    });
    const follow = () => {
      if (!this.current || this.frame) return;
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.place();
      });
    };
    document.addEventListener('scroll', follow, { capture: true, passive: true, signal });
    window.addEventListener('resize', follow, { passive: true, signal });
    signal.addEventListener('abort', () => this.destroy());
  }
}
