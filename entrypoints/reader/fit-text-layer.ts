/**
 * Keeps the text layer on the letters of bold lines, so that term marks and find hits sit on them.
 *
 * PDF.js draws its text layer in the regular weight of a generic family ("sans-serif"), whatever
 * the PDF's font, and stretches each span to the width of its text on the page. On a bold line
 * the regular letters have other proportions than the bold ones on the canvas, so the middle of
 * the line drifts: a term was highlighted up to 6 px (half a letter or more) off at 125% on a
 * Helvetica-Bold line, while regular lines stayed within 1 px. Spans of a bold font get the bold
 * weight here and are fitted to their width again (< 1 px there); reader.css turns off kerning
 * and ligatures in the text layer, as a PDF places every glyph at its own width.
 * What remains is the family itself: where the system's sans-serif is not metric-compatible
 * with the PDF's font (README, Limits), letters can still sit a little apart from the canvas.
 */
import type { PageViewport, PDFPageProxy } from 'pdfjs-dist';
import type { TextContent, TextItem } from 'pdfjs-dist/types/src/display/api';

/** The CSS weight of a PDF font, from its name ("ABCDEF+RijksoverheidSansText-Bold"); null if regular. */
export function fontWeightOf(name: string, bold = false): number | null {
  if (/black|heavy/i.test(name)) return 900;
  if (/semi-?bold|demi/i.test(name)) return 600;
  if (bold || /bold/i.test(name)) return 700;
  return null;
}

/** The font behind a text item (loaded by the page's rendering), or undefined. */
function fontOf(page: PDFPageProxy, fontName: string): { name?: string; bold?: boolean } | undefined {
  if (!page.commonObjs.has(fontName)) return undefined;
  return page.commonObjs.get(fontName) as { name?: string; bold?: boolean };
}

const isTextItem = (item: TextContent['items'][number]): item is TextItem => 'str' in item;

/**
 * Give the spans of `layer` (PDF.js's `textDivs`, one per text item of `content`) their font's
 * weight, then fit every stretched span to its item's width again. The widths are read together
 * (one layout, the one the page needs anyway); rotated spans keep PDF.js's fit.
 */
export function fitTextLayer(
  layer: HTMLElement,
  divs: readonly HTMLElement[],
  content: TextContent,
  page: PDFPageProxy,
  viewport: PageViewport,
): void {
  const items = content.items.filter(isTextItem);
  const toFit: { div: HTMLElement; item: TextItem }[] = [];
  divs.forEach((div, i) => {
    const item = items[i];
    if (!item?.str) return;
    const font = fontOf(page, item.fontName);
    const weight = font ? fontWeightOf(font.name ?? '', font.bold) : null;
    if (weight) div.style.fontWeight = String(weight);
    // PDF.js stretches only what it measured (longer text, not vertical): the same spans here.
    const rotated = div.style.getPropertyValue('--rotate') || content.styles[item.fontName]?.vertical;
    if (div.style.getPropertyValue('--scale-x') && !rotated) toFit.push({ div, item });
  });
  // Drawn width = own width × --scale-x / --min-font-size (PDF.js's transform; the minimum font
  // size is a browser setting), to become the item's width on the page.
  const minFontSize = Number(layer.style.getPropertyValue('--min-font-size')) || 1;
  const scale = viewport.scale * (viewport.userUnit || 1);
  const drawn = toFit.map(({ div }) => div.getBoundingClientRect().width);
  toFit.forEach(({ div, item }, i) => {
    const scaleX = Number(div.style.getPropertyValue('--scale-x'));
    const width = ((drawn[i] as number) * minFontSize) / scaleX;
    if (width > 0) div.style.setProperty('--scale-x', String((item.width * scale * minFontSize) / width));
  });
}
