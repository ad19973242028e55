/**
 * Checks shared by the Chromium (Playwright) and Firefox (puppeteer-core) end-to-end tests: what
 * the page shows, against what the matcher finds in the same text. Both drivers' pages are
 * reached through `evaluate`.
 */
import { findDefinitions } from '../../glossary/abbreviations';
import { createAnnotator } from '../../glossary/annotate';
import { CURATED_ENTRIES } from '../../glossary/data';
import { Matcher } from '../../glossary/matcher';
import { pdfPageTexts } from '../fixtures/seed-pdf';

/** A page's evaluate: runs `fn(arg)` in the page and resolves with its result. */
export type Evaluate = <R, A>(fn: (arg: A) => R, arg: A) => Promise<R>;

const matcher = new Matcher(CURATED_ENTRIES);

/**
 * How many times the page shows each term, by its text: the ranges of the `begrip` highlight, as
 * a page's script could read them. (There is no id in the DOM to count by, audit F4.)
 */
export function shownCounts(evaluate: Evaluate): Promise<Record<string, number>> {
  return evaluate(() => {
    const counts: Record<string, number> = {};
    for (const range of CSS.highlights.get('begrip') ?? []) {
      const text = (range as Range).toString();
      counts[text] = (counts[text] ?? 0) + 1;
    }
    return counts;
  }, null);
}

/**
 * The text of each block matching `selector`, and an annotator that knows the acronyms the whole
 * page defines (as the background does).
 */
async function blocksToMatch(evaluate: Evaluate, selector: string) {
  const [blocks, all] = await evaluate(
    (s) =>
      [
        [...document.querySelectorAll(s)].map((e) => e.textContent ?? ''),
        document.body.textContent ?? '',
      ] as const,
    selector,
  );
  return { blocks, annotator: createAnnotator(matcher, all) };
}

/**
 * What the matcher finds in the same text, block by block, counted by the text of each term (as
 * the page shows them) or by entry id (as the badge and the popup count them).
 */
export async function expectedCounts(
  evaluate: Evaluate,
  selector: string,
  by: 'text' | 'id' = 'text',
): Promise<Record<string, number>> {
  const { blocks, annotator } = await blocksToMatch(evaluate, selector);
  const counts: Record<string, number> = {};
  for (const text of blocks) {
    for (const a of annotator.annotate(text)) {
      const term = by === 'id' ? a.id : text.slice(a.start, a.end);
      counts[term] = (counts[term] ?? 0) + 1;
    }
  }
  return counts;
}

/**
 * The entry ids the matcher finds in the same text, each once, in order of first appearance
 * (blocks in document order, terms by position): the order of the document's glossary annex.
 */
export async function expectedOrder(evaluate: Evaluate, selector: string): Promise<string[]> {
  const { blocks, annotator } = await blocksToMatch(evaluate, selector);
  const seen = new Set<string>();
  for (const text of blocks) {
    for (const a of [...annotator.annotate(text)].sort((x, y) => x.start - y.start)) seen.add(a.id);
  }
  return [...seen];
}

/** Polls until the number of terms shown stops changing (and is not zero); returns it. */
export async function settledMarkCount(
  evaluate: Evaluate,
  pause: (ms: number) => Promise<void>,
): Promise<number> {
  let previous = -1;
  for (let i = 0; i < 50; i++) {
    const count = await evaluate(() => CSS.highlights.get('begrip')?.size ?? 0, null);
    if (count > 0 && count === previous) return count;
    previous = count;
    await pause(150);
  }
  return previous;
}

/** The body's HTML after merging adjacent text nodes: equal to the original page's once Begrip is off. */
export function normalizedBody(evaluate: Evaluate): Promise<string> {
  return evaluate(() => {
    document.body.normalize();
    return document.body.innerHTML;
  }, null);
}

/** What the reader's term list must show for `pdf`: the matcher's counts on the text PDF.js extracts. */
export async function pdfTermCounts(pdf: Uint8Array): Promise<Record<string, number>> {
  const texts = await pdfPageTexts(pdf);
  const annotator = createAnnotator(matcher, texts.flatMap(findDefinitions));
  const counts: Record<string, number> = {};
  for (const text of texts) {
    for (const a of annotator.annotate(text)) counts[a.id] = (counts[a.id] ?? 0) + 1;
  }
  return counts;
}

/** The reader's annex order for `pdf`: each id once, in order of first appearance over its pages. */
export async function pdfTermOrder(pdf: Uint8Array): Promise<string[]> {
  const texts = await pdfPageTexts(pdf);
  const annotator = createAnnotator(matcher, texts.flatMap(findDefinitions));
  const seen = new Set<string>();
  for (const text of texts) {
    for (const a of [...annotator.annotate(text)].sort((x, y) => x.start - y.start)) seen.add(a.id);
  }
  return [...seen];
}

/** How many terms are shown (at least partly) inside the viewport. */
export function visibleTermCount(evaluate: Evaluate): Promise<number> {
  return evaluate(() => {
    const boxes = [...(CSS.highlights.get('begrip') ?? [])].map((range) =>
      (range as Range).getBoundingClientRect(),
    );
    return boxes.filter((box) => box.bottom > 0 && box.top < innerHeight).length;
  }, null);
}

/** How many terms the page shows. */
export function shownTermCount(evaluate: Evaluate): Promise<number> {
  return evaluate(() => CSS.highlights.get('begrip')?.size ?? 0, null);
}

/** The viewport centre of the first highlighted term, and its text; null when nothing is highlighted. */
export function firstHighlighted(evaluate: Evaluate): Promise<{ x: number; y: number; text: string } | null> {
  return evaluate(() => {
    const range = [...(CSS.highlights.get('begrip') ?? [])][0] as Range | undefined;
    const box = range?.getClientRects()[0];
    return range && box
      ? { x: box.left + box.width / 2, y: box.top + box.height / 2, text: range.toString() }
      : null;
  }, null);
}
