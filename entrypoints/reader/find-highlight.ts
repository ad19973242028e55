/**
 * Find in the reader: every hit on a rendered page is highlighted with the CSS Custom Highlight
 * API (no element is added to the text layer, whose spans PDF.js positions), the current hit
 * more strongly; stepping moves through a page's hits, then on to the next page that has one.
 */
const CURRENT = 'begrip-find';
const OTHERS = 'begrip-find-others';

/**
 * Where `query` occurs in `text`, as [start, end) offsets: case-insensitive, and a space in the
 * query matches any whitespace in the text, line breaks included, so a phrase that a PDF breaks
 * over two lines ("nationaal⏎kader") is found like any other.
 */
export function findInText(text: string, query: string): [number, number][] {
  const words = query.trim().split(/\s+/u).filter(Boolean);
  if (!words.length) return [];
  const escaped = words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(escaped.join('\\s+'), 'giu');
  return [...text.matchAll(pattern)].map((match) => [match.index, match.index + match[0].length]);
}

/**
 * The text under `root` as the reader's page text reads it (text nodes in order, a line break
 * per <br>), with where each text node starts in it.
 */
function textWithNodes(root: Element): { text: string; nodes: Text[]; starts: number[] } {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) {
      nodes.push(node as Text);
      starts.push(text.length);
      text += (node as Text).data;
    } else if ((node as Element).localName === 'br') {
      text += '\n';
    }
  }
  return { text, nodes, starts };
}

/** Index of the text node holding character `offset` (the last node starting at or before it). */
function nodeAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] as number) <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Every occurrence of `query` under `root` (see findInText), also across spans and line breaks. */
export function findHits(root: Element, query: string): Range[] {
  const { text, nodes, starts } = textWithNodes(root);
  return findInText(text, query).map(([start, end]) => {
    // A hit starts and ends on a non-space character, so both ends lie inside text nodes.
    const first = nodeAt(starts, start);
    const last = nodeAt(starts, end - 1);
    const range = document.createRange();
    range.setStart(nodes[first] as Text, start - (starts[first] as number));
    range.setEnd(nodes[last] as Text, end - (starts[last] as number));
    return range;
  });
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
