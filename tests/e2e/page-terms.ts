/**
 * What Begrip shows on a page, read from the page the way a page's own script could: the ranges
 * of the `begrip` CSS Custom Highlight, in document order. No element, id or attribute of Begrip's
 * is in the DOM to read instead. Functions named `in…` run in the page.
 */

export interface ShownTerm {
  text: string;
  /** The id of the nearest ancestor element that has one. */
  within: string | null;
  box: { left: number; top: number; width: number; height: number } | null;
}

/** Runs in the page: the terms shown, in document order, optionally only inside `selector`. */
export function inShownTerms(selector: string | null): ShownTerm[] {
  const highlight = CSS.highlights.get('begrip');
  if (!highlight) return [];
  const scope = selector ? document.querySelector(selector) : null;
  if (selector && !scope) return [];
  const ranges = ([...highlight] as AbstractRange[])
    .filter((range): range is Range => range instanceof Range && !range.collapsed)
    .filter((range) => !scope || scope.contains(range.startContainer))
    .sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
  return ranges.map((range) => {
    const rect = range.getClientRects()[0];
    return {
      text: range.toString(),
      within: range.startContainer.parentElement?.closest('[id]')?.id ?? null,
      box: rect ? { left: rect.left, top: rect.top, width: rect.width, height: rect.height } : null,
    };
  });
}

/**
 * Runs in the page: of the <span> elements reading `word` that are on screen, how many show no
 * term; and how many shown terms read anything but `word`, of how many shown.
 */
export function inTermsOnScreen(word: string): {
  onScreen: number;
  missing: number;
  wrong: number;
  shown: number;
} {
  const ranges = ([...(CSS.highlights.get('begrip') ?? [])] as AbstractRange[]).filter(
    (range): range is Range => range instanceof Range,
  );
  const covered = new Set<Node>(ranges.map((range) => range.startContainer));
  let onScreen = 0;
  let missing = 0;
  for (const span of document.querySelectorAll('span')) {
    if (span.textContent !== word) continue;
    const box = span.getBoundingClientRect();
    if (box.bottom <= 0 || box.top >= window.innerHeight) continue;
    onScreen++;
    if (!span.firstChild || !covered.has(span.firstChild)) missing++;
  }
  const wrong = ranges.filter((range) => range.toString() !== word).length;
  return { onScreen, missing, wrong, shown: ranges.length };
}

/** Runs in the page: the text of the term the gloss explains now (the `begrip-current` highlight). */
export function inCurrentTerm(): string | null {
  const current = CSS.highlights.get('begrip-current');
  const [range] = current ? ([...current] as AbstractRange[]) : [];
  return range instanceof Range ? range.toString() : null;
}

interface Evaluates {
  evaluate<R, A>(fn: (arg: A) => R, arg: A): Promise<R>;
}

export const shownTerms = (page: Evaluates, selector: string | null = null) =>
  page.evaluate(inShownTerms, selector);

export const shownTexts = async (page: Evaluates, selector: string | null = null) =>
  (await shownTerms(page, selector)).map((term) => term.text);

/** The centre of the `nth` shown term reading `text` (inside `selector`), scrolled into view first. */
export async function termPoint(
  page: Evaluates,
  text: string,
  selector: string | null = null,
  nth = 0,
): Promise<{ x: number; y: number }> {
  const centre = await page.evaluate(
    ([wanted, scope, index]) => {
      const highlight = CSS.highlights.get('begrip');
      const root = scope ? document.querySelector(scope) : document.body;
      const ranges = ([...(highlight ?? [])] as AbstractRange[])
        .filter((r): r is Range => r instanceof Range && r.toString() === wanted)
        .filter((r) => !!root?.contains(r.startContainer))
        .sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
      const range = ranges[index];
      if (!range) return null;
      const box = range.getBoundingClientRect();
      if (box.top < 0 || box.bottom > window.innerHeight) {
        range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      }
      const rect = range.getClientRects()[0];
      return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
    },
    [text, selector, nth] as [string, string | null, number],
  );
  if (!centre) throw new Error(`No shown term "${text}"${selector ? ` in ${selector}` : ''} (#${nth})`);
  return centre;
}
