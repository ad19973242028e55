/**
 * Shows a find hit inside a rendered page with the CSS Custom Highlight API: no element is added
 * to the text layer (whose spans PDF.js positions), and the previous hit's highlight is replaced.
 */
const HIGHLIGHT = 'begrip-find';

/** Highlight the first occurrence of `query` in `root`'s text nodes and scroll it into view. */
export function highlightFirst(root: Element, query: string): boolean {
  const needle = query.toLocaleLowerCase();
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = (node.nodeValue ?? '').toLocaleLowerCase().indexOf(needle);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + needle.length);
    if ('highlights' in CSS) CSS.highlights.set(HIGHLIGHT, new Highlight(range));
    node.parentElement?.scrollIntoView({ block: 'center' });
    return true;
  }
  return false;
}

export function clearFindHighlight(): void {
  if ('highlights' in CSS) CSS.highlights.delete(HIGHLIGHT);
}
