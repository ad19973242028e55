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

/** How many <begrip-mark> the page has per entry id. */
export function markCounts(evaluate: Evaluate): Promise<Record<string, number>> {
  return evaluate(() => {
    const counts: Record<string, number> = {};
    for (const mark of document.querySelectorAll<HTMLElement>('begrip-mark')) {
      const id = mark.dataset.begripId ?? '';
      counts[id] = (counts[id] ?? 0) + 1;
    }
    return counts;
  }, null);
}

/** What the matcher finds in the same text, block by block, as the content script reads it. */
export async function expectedCounts(evaluate: Evaluate, selector: string): Promise<Record<string, number>> {
  const [blocks, all] = await evaluate(
    (s) =>
      [
        [...document.querySelectorAll(s)].map((e) => e.textContent ?? ''),
        document.body.textContent ?? '',
      ] as const,
    selector,
  );
  const annotator = createAnnotator(matcher, all);
  const counts: Record<string, number> = {};
  for (const text of blocks) {
    for (const a of annotator.annotate(text)) counts[a.id] = (counts[a.id] ?? 0) + 1;
  }
  return counts;
}

/** Polls until the number of marks stops changing (and is not zero); returns it. */
export async function settledMarkCount(
  evaluate: Evaluate,
  pause: (ms: number) => Promise<void>,
): Promise<number> {
  let previous = -1;
  for (let i = 0; i < 50; i++) {
    const count = await evaluate(() => document.querySelectorAll('begrip-mark').length, null);
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

/**
 * How many terms are shown (at least partly) inside the viewport: marks, and on very large pages
 * the ranges of the `begrip` CSS highlight.
 */
export function visibleTermCount(evaluate: Evaluate): Promise<number> {
  return evaluate(() => {
    const boxes = [
      ...[...document.querySelectorAll('begrip-mark')].map((mark) => mark.getBoundingClientRect()),
      ...[...(CSS.highlights.get('begrip') ?? [])].map((range) => (range as Range).getBoundingClientRect()),
    ];
    return boxes.filter((box) => box.bottom > 0 && box.top < innerHeight).length;
  }, null);
}

/** How many terms the page shows: marks plus highlighted ranges. */
export function shownTermCount(evaluate: Evaluate): Promise<number> {
  return evaluate(
    () => document.querySelectorAll('begrip-mark').length + (CSS.highlights.get('begrip')?.size ?? 0),
    null,
  );
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
