/**
 * What the gloss explains, wherever the term stands: a range of a web page's text, shown as a CSS
 * Custom Highlight (entrypoints/content/term-highlights.ts), or a <begrip-mark> on Begrip's own
 * pages (the reader). The gloss anchors to the term's box and never needs a page element.
 */
import { MARK_TAG, type MarkReading, readingOf } from './highlighter';

export interface Term {
  /** What the term stands for (entry, other senses, why): kept in the isolated world. */
  readonly reading: MarkReading;
  /** The term's first line box in viewport coordinates; null once the page removed or changed it. */
  box(): DOMRect | null;
  /** Scroll so that the term is in view, nested scroll boxes too, without moving it if it is. */
  bringIntoView(): void;
  /** The element that carries the term on Begrip's own pages (focus, aria-describedby). */
  readonly element?: HTMLElement;
}

export interface TermSource {
  /** The term a pointer, focus or click event is on, or null. */
  at(event: Event): Term | null;
  /** Every term shown, in document order (keyboard stepping). */
  list(): readonly Term[];
  /** The term the gloss explains now (null: none), shown apart from the others. */
  setCurrent(term: Term | null): void;
}

const markTerms = new WeakMap<Element, Term>();

/** The term of a mark Begrip made; null for an element it did not make (a forged mark). */
export function termOfMark(mark: HTMLElement): Term | null {
  const known = markTerms.get(mark);
  if (known) return known;
  const reading = readingOf(mark);
  if (!reading) return null;
  const term: Term = {
    reading,
    element: mark,
    box: () => (mark.isConnected ? (mark.getClientRects()[0] ?? mark.getBoundingClientRect()) : null),
    bringIntoView: () => mark.scrollIntoView({ block: 'nearest', inline: 'nearest' }),
  };
  markTerms.set(mark, term);
  return term;
}

export const markOf = (target: EventTarget | null): HTMLElement | null =>
  target instanceof Element ? (target.closest(MARK_TAG) as HTMLElement | null) : null;

/** The terms of a page Begrip renders itself, marked with wrappers (the reader's text). */
export function markTermsIn(root: ParentNode = document): TermSource {
  return {
    at(event) {
      const mark = markOf(event.target);
      return mark ? termOfMark(mark) : null;
    },
    list: () =>
      [...root.querySelectorAll<HTMLElement>(MARK_TAG)]
        .map((mark) => termOfMark(mark))
        .filter((term): term is Term => term !== null),
    setCurrent: () => {},
  };
}
