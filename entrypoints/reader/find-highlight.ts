/**
 * Find in the reader: every hit on a rendered page is highlighted with the CSS Custom Highlight
 * API (no element is added to the text layer, whose spans PDF.js positions), the current hit
 * more strongly; stepping moves through a page's hits, then on to the next page that has one.
 */
const CURRENT = 'begrip-find';
const OTHERS = 'begrip-find-others';

/** Every occurrence of `query` (case-insensitive) within one text node under `root`, in order. */
export function findHits(root: Element, query: string): Range[] {
  const needle = query.toLocaleLowerCase();
  const hits: Range[] = [];
  if (!needle) return hits;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node as Text).data.toLocaleLowerCase();
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) {
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      hits.push(range);
    }
  }
  return hits;
}

/** Highlight `hits`, hit `current` apart, and scroll that one into view. */
export function showHits(hits: readonly Range[], current: number): void {
  clearFindHighlight();
  const active = hits[current];
  if (!active || !('highlights' in CSS)) return;
  CSS.highlights.set(CURRENT, new Highlight(active));
  CSS.highlights.set(OTHERS, new Highlight(...hits.filter((hit) => hit !== active)));
  active.startContainer.parentElement?.scrollIntoView({ block: 'center' });
}

export function clearFindHighlight(): void {
  if (!('highlights' in CSS)) return;
  CSS.highlights.delete(CURRENT);
  CSS.highlights.delete(OTHERS);
}

export interface FindPosition {
  query: string;
  /** 1-based page. */
  page: number;
  /** Index of the current hit among the page's hits. */
  hit: number;
  /** How many hits the page has. */
  count: number;
}

/**
 * The page of the next (`direction` 1) or previous (-1) hit after `from`: the same page while it
 * has more hits, else the nearest page (wrapping around) whose text has the query, as
 * `hasQuery` tells from the page's extracted text. A new query starts on `currentPage`.
 */
export function nextPosition(
  from: FindPosition | null,
  query: string,
  direction: 1 | -1,
  currentPage: number,
  pageCount: number,
  hasQuery: (page: number) => boolean,
): { page: number; hit: number | 'last' } | null {
  const same = from?.query === query ? from : null;
  if (same) {
    const hit = same.hit + direction;
    if (hit >= 0 && hit < same.count) return { page: same.page, hit };
  }
  const start = same ? same.page : currentPage - direction;
  for (let i = 1; i <= pageCount; i++) {
    const page = ((((start - 1 + direction * i) % pageCount) + pageCount) % pageCount) + 1;
    if (hasQuery(page)) return { page, hit: direction === 1 ? 0 : 'last' };
  }
  return null;
}
