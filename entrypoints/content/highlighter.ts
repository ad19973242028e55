/**
 * Marks glossary terms in the page's text with inline <begrip-mark> wrappers.
 *
 * Why wrappers and not the CSS Custom Highlight API: a wrapper can be the target of
 * aria-describedby while its gloss is open, can be scrolled to, and gets hover/focus events
 * without hit-testing on every mouse move. Wrappers only split text nodes: the page's text
 * (innerText/textContent) is unchanged, and `unmarkAll` restores the DOM (after normalisation).
 * A custom element name keeps page CSS such as `mark { … }` from styling them.
 */
import type { Match, Matcher } from '../../glossary/matcher';

export const MARK_TAG = 'begrip-mark';
export const HOST_TAG = 'begrip-tooltip';

/** Elements whose text is never marked: code, form fields, editors, non-rendered and our own UI. */
const SKIP_SELECTOR = [
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'code',
  'pre',
  'kbd',
  'samp',
  'svg',
  'math',
  'iframe',
  'object',
  'canvas',
  '[contenteditable]:not([contenteditable="false"])',
  '[hidden]',
  '[aria-hidden="true"]',
  MARK_TAG,
  HOST_TAG,
].join(',');

/** Inline elements: text on both sides of them belongs to the same run ("<b>Red Card</b> Holder"). */
const INLINE = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'CITE',
  'DATA',
  'DFN',
  'EM',
  'FONT',
  'I',
  'MARK',
  'Q',
  'S',
  'SMALL',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'U',
  'VAR',
  'WBR',
  'INS',
  'DEL',
]);

export interface MarkedTerm {
  id: string;
  element: HTMLElement;
}

interface TextRun {
  nodes: Text[];
  /** Start offset of each node within the joined text. */
  offsets: number[];
  text: string;
}

function blockOf(node: Node): Node | null {
  let current = node.parentNode;
  while (current && current.nodeType === Node.ELEMENT_NODE && INLINE.has((current as Element).tagName)) {
    current = current.parentNode;
  }
  return current;
}

/** Text nodes under `root` that may be marked, grouped into runs that read as one text. */
export function collectRuns(root: Node): TextRun[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      const parent = node.parentElement;
      if (!parent || !node.nodeValue?.trim()) return NodeFilter.FILTER_REJECT;
      return parent.closest(SKIP_SELECTOR) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
    },
  });
  const runs: TextRun[] = [];
  let current: TextRun | null = null;
  let currentBlock: Node | null = null;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const block = blockOf(node);
    if (!current || block !== currentBlock) {
      current = { nodes: [], offsets: [], text: '' };
      runs.push(current);
      currentBlock = block;
    }
    current.offsets.push(current.text.length);
    current.nodes.push(node);
    current.text += node.nodeValue ?? '';
  }
  return runs;
}

/** Wrap [start, end) of one text node; returns the wrapper. */
function wrap(node: Text, start: number, end: number, match: Match): HTMLElement {
  const middle = start > 0 ? node.splitText(start) : node;
  if (end - start < (middle.nodeValue?.length ?? 0)) middle.splitText(end - start);
  const mark = document.createElement(MARK_TAG);
  mark.dataset.begripId = match.id;
  middle.replaceWith(mark);
  mark.append(middle);
  return mark;
}

/** Mark the matches of one run; pieces of a match that spans several text nodes each get a wrapper. */
export function markRun(run: TextRun, matches: Match[]): MarkedTerm[] {
  const marked: MarkedTerm[] = [];
  // Right to left, so splitting a node never shifts the offsets still to be used.
  for (let m = matches.length - 1; m >= 0; m--) {
    const match = matches[m] as Match;
    for (let i = run.nodes.length - 1; i >= 0; i--) {
      const nodeStart = run.offsets[i] as number;
      const node = run.nodes[i] as Text;
      const nodeEnd = nodeStart + (node.nodeValue?.length ?? 0);
      if (nodeEnd <= match.start || nodeStart >= match.end) continue;
      const from = Math.max(match.start, nodeStart) - nodeStart;
      const to = Math.min(match.end, nodeEnd) - nodeStart;
      if (!node.nodeValue?.slice(from, to).trim()) continue;
      marked.push({ id: match.id, element: wrap(node, from, to, match) });
    }
  }
  return marked.reverse();
}

/** Mark every match under `root`; `keep` may drop matches (e.g. only the first per term). */
export function markAll(
  root: Node,
  matcher: Matcher,
  keep: (m: Match) => boolean = () => true,
): MarkedTerm[] {
  const marked: MarkedTerm[] = [];
  for (const run of collectRuns(root)) {
    const matches = matcher.match(run.text).filter(keep);
    if (matches.length) marked.push(...markRun(run, matches));
  }
  return marked;
}

/** Remove every wrapper under `root`, merging the text back. */
export function unmarkAll(root: ParentNode): void {
  const parents = new Set<Node>();
  for (const mark of root.querySelectorAll(MARK_TAG)) {
    const parent = mark.parentNode;
    if (!parent) continue;
    mark.replaceWith(...mark.childNodes);
    parents.add(parent);
  }
  for (const parent of parents) parent.normalize();
}
