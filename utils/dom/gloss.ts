/**
 * The gloss on the page: one shadow-root host, opened on hover (after a short delay), keyboard
 * step or tap, closed with Escape. Placed below the term, or above it when there is no room;
 * it never covers the term and moves with scrolling. It anchors to a term's box (term.ts), so a
 * web page's terms need no element: the page's DOM carries nothing of Begrip's but this host.
 *
 * Why our own host and not WXT's createShadowRootUi: WXT adds the styles as a <style> element,
 * which a strict page Content-Security-Policy (style-src 'self') may block. A constructed
 * stylesheet (adoptedStyleSheets) and CSSOM property writes are not subject to CSP.
 * Keyboard: the step commands (manifest `commands`, Alt+Period / Alt+Comma unless the reader
 * changed them) call step(); terms stay out of the tab order, so pages with hundreds of terms
 * remain quick to tab through. Escape closes.
 */
import type { TooltipContent, TooltipLabels, TooltipProps } from '../../components/Tooltip';
import type { LookupWay } from '../../glossary/history';
import type { GlossLanguage } from '../settings';
import { canSpeak, speak, voicesReady } from '../speech';
import type { GlossView } from './gloss-view';
import { HOST_TAG } from './highlighter';
import type { Term, TermSource } from './term';

const OPEN_DELAY_MS = 300;
const CLOSE_DELAY_MS = 250;
const GAP = 6;
const MARGIN = 8;
/** Below this, a gloss would be a slit: it then scrolls in at least this much room. */
const MIN_ROOM = 120;
/** A gloss opened by hovering is a lookup once it has stayed open this long: a passing pointer is not. */
const HOVER_LOOKUP_MS = 1_000;

/** The reader's gestures that open a gloss, as the history names them. */
export type GlossGesture = Extract<LookupWay, 'hover' | 'tap' | 'keyboard'>;

export interface GlossOptions {
  /** The terms the gloss explains: highlighted ranges on web pages, marks on Begrip's own pages. */
  terms: TermSource;
  /** What to show for a term; may come from elsewhere (the content script asks the background). */
  describe: (term: Term) => TooltipContent | null | Promise<TooltipContent | null>;
  /** What to show for another entry the gloss links to (a related term, another sense). */
  describeId: (id: string) => TooltipContent | null | Promise<TooltipContent | null>;
  language: () => GlossLanguage;
  /** The interface language: first when the gloss shows both languages. */
  uiLanguage: 'nl' | 'en';
  /** The preact view (gloss-view.tsx), kept apart so the content script can load it with this class. */
  view: GlossView;
  /** The gloss's own words in the interface language. */
  labels: TooltipLabels;
  /**
   * The reader looked an entry up (the history, issue 17): at once for a tap or a keyboard step,
   * after HOVER_LOOKUP_MS for a hover; once per entry while the gloss stays at its term. `text`
   * is the term as the page has it ('' for a related entry opened in the gloss).
   */
  onLookup?: (lookup: { id: string; text: string; gesture: GlossGesture }) => void;
  /**
   * Closed on web pages, so that a page's scripts cannot read what the gloss says (the reader's
   * own entries among it, audit F4); Begrip's own pages, which run no page script, may keep it open.
   */
  shadow?: ShadowRootMode;
  signal: AbortSignal;
}

function createHost(css: string, mode: ShadowRootMode): { host: HTMLElement; container: HTMLElement } {
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
  const shadow = host.attachShadow({ mode });
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

/** The speak buttons' languages: those with a voice on this device (none: no buttons). */
function speakable(): Pick<TooltipProps, 'speak'> {
  const languages = (['nl', 'en'] as const).filter(canSpeak);
  return languages.length ? { speak: { languages, say: speak } } : {};
}

/** Whether a click on `term` would follow a link (a first tap shows the gloss instead). */
function inLink(term: Term, event: Event): boolean {
  const target = event.target instanceof Element ? event.target : null;
  return !!(term.element ?? target)?.closest('a[href]');
}

export class Gloss {
  /** Made on the first gloss, so that a page nobody asks a gloss on gets no host element. */
  private shadowHost: { host: HTMLElement; container: HTMLElement } | null = null;
  private readonly tooltipId = `begrip-gloss-${Math.random().toString(36).slice(2, 10)}`;
  private current: Term | null = null;
  /** The term under the pointer (it may not be open yet). */
  private pointed: Term | null = null;
  private openTimer: ReturnType<typeof setTimeout> | undefined;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  private frame = 0;
  /** Where focus was before a keyboard step moved it into the gloss: Escape returns it there. */
  private returnFocus: HTMLElement | null = null;

  constructor(private readonly options: GlossOptions) {
    this.listen(options.signal);
    // Chromium lists its voices only after being asked once: ask now, for the first gloss.
    void voicesReady();
  }

  get openTerm(): Term | null {
    return this.current;
  }

  private showing = 0;

  /**
   * Show the gloss of `term`; `focus`: the reader came by keyboard, so focus moves into the gloss;
   * `gesture`: how the reader asked for it, for the history (none: not a lookup of its own).
   */
  show(term: Term, focus = false, gesture?: GlossGesture): void {
    this.cancelTimers();
    const request = ++this.showing;
    Promise.resolve(this.options.describe(term)).then(
      (content) => {
        // Only the latest request counts (the pointer may have moved on meanwhile).
        if (!content || request !== this.showing || this.options.signal.aborted) return;
        this.render(term, content);
        if (focus && !term.element) this.focusGloss();
        if (gesture) this.noteLookup(term, term.reading.id, term.reading.text ?? '', gesture);
      },
      () => {
        // The entry could not be looked up (the extension was updated meanwhile): no gloss.
      },
    );
  }

  /** Entries opened from the gloss (related terms, other senses), for the back button. */
  private trail: TooltipContent[] = [];
  private lookupTimer: ReturnType<typeof setTimeout> | undefined;
  /** The entries the history already has from the gloss open at the current term. */
  private readonly looked = new Set<string>();

  /** Tell the history, once per entry; a hover only if the gloss is still open a second later. */
  private noteLookup(term: Term, id: string, text: string, gesture: GlossGesture): void {
    const { onLookup } = this.options;
    if (!onLookup || this.looked.has(id)) return;
    const note = () => {
      if (this.current !== term || this.looked.has(id)) return;
      this.looked.add(id);
      onLookup({ id, text, gesture });
    };
    if (gesture !== 'hover') {
      note();
      return;
    }
    clearTimeout(this.lookupTimer);
    this.lookupTimer = setTimeout(note, HOVER_LOOKUP_MS);
  }

  /** The gloss closed or moved to another term: a pending hover is no lookup. */
  private forgetLookup(): void {
    clearTimeout(this.lookupTimer);
    this.looked.clear();
  }

  private render(term: Term, content: TooltipContent): void {
    if (this.current !== term) this.forgetLookup();
    if (this.current && this.current !== term) this.release(this.current);
    this.shadowHost ??= createHost(this.options.view.css, this.options.shadow ?? 'closed');
    const { host, container } = this.shadowHost;
    if (!host.isConnected) document.documentElement.append(host);
    if (this.current !== term) this.trail = [];
    this.current = term;
    this.options.terms.setCurrent(term);
    term.element?.setAttribute('aria-describedby', this.tooltipId);
    this.options.view.render(container, {
      id: this.tooltipId,
      content,
      language: this.options.language(),
      uiLanguage: this.options.uiLanguage,
      labels: this.options.labels,
      onOpen: (id) => this.open(term, content, id),
      ...(this.trail.length > 0 && { onBack: () => this.back(term) }),
      onPointerEnter: () => this.cancelTimers(),
      onPointerLeave: () => this.scheduleHide(),
      ...speakable(),
    });
    this.place();
  }

  private get tooltip(): HTMLElement | null {
    return (this.shadowHost?.container.firstElementChild as HTMLElement | null | undefined) ?? null;
  }

  /**
   * A term on a web page cannot take focus, so a keyboard step moves focus into the gloss: a
   * screen reader reads it, and Escape gives focus back.
   */
  private focusGloss(): void {
    const tooltip = this.tooltip;
    if (!tooltip) return;
    const active = document.activeElement;
    if (active instanceof HTMLElement && active !== this.shadowHost?.host) this.returnFocus = active;
    tooltip.tabIndex = -1;
    tooltip.focus({ preventScroll: true });
  }

  /**
   * After the reader clicked inside the gloss (a related term, Back) it stays until Escape, a
   * click elsewhere or another term: its new content may no longer be under the pointer.
   */
  private pinned = false;

  /** Show another entry in the same gloss, at the same term; Back returns. */
  private open(term: Term, from: TooltipContent, id: string): void {
    this.pinned = true;
    this.cancelTimers();
    const request = ++this.showing;
    Promise.resolve(this.options.describeId(id)).then(
      (content) => {
        if (!content || request !== this.showing || this.current !== term) return;
        this.trail.push(from);
        this.render(term, content);
        // A related entry or another sense the reader chose in the gloss is a lookup too.
        if (content.kind === 'entry') this.noteLookup(term, content.entry.id, '', 'tap');
      },
      () => {},
    );
  }

  private back(term: Term): void {
    this.pinned = true;
    this.cancelTimers();
    const previous = this.trail.pop();
    if (previous && this.current === term) this.render(term, previous);
  }

  hide(): void {
    this.pinned = false;
    this.cancelTimers();
    this.forgetLookup();
    this.showing++;
    const hadFocus = !!this.shadowHost && document.activeElement === this.shadowHost.host;
    if (this.current) this.release(this.current);
    this.current = null;
    this.options.terms.setCurrent(null);
    if (!this.shadowHost) return;
    this.options.view.clear(this.shadowHost.container);
    this.shadowHost.host.remove();
    if (hadFocus && this.returnFocus?.isConnected) this.returnFocus.focus({ preventScroll: true });
    this.returnFocus = null;
  }

  /** Re-render with the current settings (language changed). */
  refresh(): void {
    if (this.current) this.show(this.current);
  }

  destroy(): void {
    this.hide();
  }

  /** Step to the next (1) or previous (-1) term after the open one, or from the viewport top. */
  step(direction: 1 | -1): void {
    const terms = this.options.terms.list();
    if (terms.length === 0) return;
    const from = this.current ? terms.indexOf(this.current) : -1;
    let index = from + direction;
    if (from < 0) {
      const firstBelow = terms.findIndex((term) => (term.box()?.top ?? -1) >= 0);
      index = direction === 1 ? Math.max(firstBelow, 0) : (firstBelow > 0 ? firstBelow : terms.length) - 1;
    }
    const target = terms[(index + terms.length) % terms.length] as Term;
    target.bringIntoView();
    if (target.element) {
      target.element.tabIndex = -1;
      target.element.focus({ preventScroll: true });
    }
    this.show(target, true, 'keyboard');
  }

  private release(term: Term): void {
    const mark = term.element;
    if (!mark) return;
    mark.removeAttribute('aria-describedby');
    if (document.activeElement !== mark) mark.removeAttribute('tabindex');
  }

  /** The pointer is over `term`: show its gloss after a short delay. */
  hover(term: Term): void {
    clearTimeout(this.closeTimer);
    this.pointed = term;
    if (term === this.current) return;
    this.pinned = false;
    clearTimeout(this.openTimer);
    this.openTimer = setTimeout(() => this.show(term, false, 'hover'), OPEN_DELAY_MS);
  }

  /** The pointer left the terms (and is not on the gloss). */
  private leave(): void {
    if (!this.pointed) return;
    this.pointed = null;
    clearTimeout(this.openTimer);
    if (this.current && !this.current.element?.contains(document.activeElement)) this.scheduleHide();
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
    const term = this.current;
    const tooltip = this.tooltip;
    if (!term || !tooltip || !this.shadowHost) return;
    const rect = term.box();
    if (!rect) {
      this.hide();
      return;
    }
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
    const on = <K extends keyof DocumentEventMap>(
      type: K,
      handler: (event: DocumentEventMap[K]) => void,
      passive = true,
    ) =>
      // Only the reader's own gestures count: a page cannot open a gloss by dispatching events (audit F4).
      document.addEventListener(type, (event) => event.isTrusted && handler(event), {
        capture: true,
        passive,
        signal,
      });
    const onHost = (event: Event) => !!this.shadowHost && event.target === this.shadowHost.host;
    let moved: MouseEvent | null = null;
    let pointerFrame = 0;
    on('mousemove', (event) => {
      // Not while a button is down: the reader may be selecting text.
      if (event.buttons !== 0) return;
      moved = event;
      if (pointerFrame) return;
      pointerFrame = requestAnimationFrame(() => {
        pointerFrame = 0;
        const pointer = moved;
        moved = null;
        if (!pointer) return;
        const term = onHost(pointer) ? null : this.options.terms.at(pointer);
        if (term) this.hover(term);
        else if (!onHost(pointer)) this.leave();
      });
    });
    on('focusin', (event) => {
      const term = this.options.terms.at(event);
      if (term?.element) this.show(term);
    });
    on('focusout', (event) => {
      const term = this.options.terms.at(event);
      if (!term?.element) return;
      term.element.removeAttribute('tabindex');
      if (term === this.current) this.scheduleHide();
    });
    on(
      'click',
      (event) => {
        const term = this.options.terms.at(event);
        if (term) {
          // A first tap on a term inside a link explains it; the next one follows the link.
          if (term !== this.current && inLink(term, event)) event.preventDefault();
          this.show(term, false, 'tap');
        } else if (!onHost(event)) this.hide();
      },
      false,
    );
    on(
      'keydown',
      (event) => {
        if (event.key === 'Escape' && this.current) this.hide();
      },
      false,
    );
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
