/**
 * Showing given matches in a page where the extension does not run, for the benchmarks'
 * calibrations: what showing the terms costs by itself (DOM, style, layout, paint), with the
 * matching already done elsewhere. Used by bench:page and bench:highlight-api.
 */
import type { Page } from 'playwright-core';
import type { Matcher } from '../glossary/matcher';

export type ShowWay = 'wrappers' | 'highlight';

/** The matcher's [start, end] pairs for every text node of `page`'s body, in document order. */
export async function spansPerTextNode(page: Page, matcher: Matcher): Promise<number[][][]> {
  const texts = await page.evaluate(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const out: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) out.push((node as Text).data);
    return out;
  });
  return texts.map((text) => matcher.match(text).map((m) => [m.start, m.end]));
}

/**
 * Runs in the page (self-contained: Playwright sends its source): shows `spans` (per text node)
 * as <begrip-mark> wrappers or as StaticRanges in one Highlight, with the same dotted underline;
 * returns how many.
 */
export function showSpans([spans, way]: [number[][][], ShowWay]): number {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  // Both ways drawn alike: Begrip's dotted underline.
  const look = 'text-decoration: underline dotted 1px; text-decoration-color: #1d6fb8;';
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(way === 'highlight' ? `::highlight(begrip) { ${look} }` : `begrip-mark { ${look} }`);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  if (way === 'highlight') {
    const ranges = nodes.flatMap((node, i) =>
      (spans[i] ?? []).map(
        ([start, end]) =>
          new StaticRange({
            startContainer: node,
            startOffset: start ?? 0,
            endContainer: node,
            endOffset: end ?? 0,
          }),
      ),
    );
    CSS.highlights.set('begrip', new Highlight(...ranges));
    return ranges.length;
  }
  let count = 0;
  nodes.forEach((node, i) => {
    const list = spans[i] ?? [];
    for (let k = list.length - 1; k >= 0; k--) {
      const [start = 0, end = 0] = list[k] ?? [];
      const middle = node.splitText(start);
      middle.splitText(end - start);
      const mark = document.createElement('begrip-mark');
      middle.replaceWith(mark);
      mark.append(middle);
      count++;
    }
  });
  return count;
}
