/**
 * Context decides, and the gloss says why (issue 13), in Chromium with the production build: an
 * English page about NMI names the Iraqi Ministry of Defence (no Dutch gloss) and the Dutch and
 * Iraqi Chiefs of Defence (each its own entry, the other named as "also"); the both-languages
 * gloss fits a 400 × 700 phone screen and never covers its term.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { glossButton, glossMatches, glossState, glossText } from './gloss-probe';
import { type Harness, launch } from './harness';
import { shownTerms, shownTexts, termPoint } from './page-terms';

declare const chrome: { storage: { sync: { set(items: Record<string, unknown>): Promise<void> } } };

const PAGE = 'https://www.rijksoverheid.nl/en/nmi-context';
const FILLER = Array.from(
  { length: 12 },
  (_, i) =>
    `<p>Paragraph ${i + 1} of the report describes training, advice and logistics in general terms.</p>`,
).join('');
let harness: Harness;

beforeAll(async () => {
  harness = await launch();
  harness.serve('/en/nmi-context', {
    body: `<!doctype html><html lang="en"><head><title>NATO Mission Iraq</title>
    <meta name="viewport" content="width=device-width, initial-scale=1"></head><body><main>
    <h1>NATO Mission Iraq</h1>
    <p id="iraqi">NATO Mission Iraq advises the Iraqi Ministry of Defence and the Office of the National Security Adviser in Baghdad.</p>
    <p id="dutch">The Dutch Chief of Defence visited the Dutch personnel in Baghdad.</p>
    <p id="other">The Iraqi Chief of Defence met the mission commander.</p>
    ${FILLER}
    <p id="last">At the end of the report, the Dutch Chief of Defence thanked the Netherlands Ministry of Defence.</p>
    </main></body></html>`,
  });
});
afterAll(async () => harness?.close());

const isOpen = async (page: Page) => (await glossState(page)).open;
const marksIn = (page: Page, id: string) => shownTexts(page, `#${id}`);

/** Hover the first shown term in `paragraph` that contains `text`; returns its box. */
async function hoverTerm(page: Page, paragraph: string, text: string) {
  await expect.poll(() => marksIn(page, paragraph), { timeout: 10_000 }).not.toEqual([]);
  const term = (await shownTerms(page, `#${paragraph}`)).find((t) => t.text.includes(text));
  if (!term) throw new Error(`No term with "${text}" in #${paragraph}`);
  const { x, y } = await termPoint(page, term.text, `#${paragraph}`);
  await page.mouse.move(x, y);
  await expect.poll(() => isOpen(page)).toBe(true);
  const [box] = (await shownTerms(page, `#${paragraph}`)).filter((t) => t.text === term.text);
  return box?.box ?? null;
}

/** Click a button in the gloss with the real pointer. */
async function clickInGloss(page: Page, name: string | RegExp) {
  const { x, y } = await glossButton(page, name);
  await page.mouse.click(x, y);
}

describe('context decides on an English page', () => {
  it('glosses the Iraqi Ministry of Defence as the Iraqi one, never the Dutch one', async () => {
    const page = await harness.open(PAGE);
    await expect.poll(() => marksIn(page, 'dutch'), { timeout: 10_000 }).not.toEqual([]);
    expect(await marksIn(page, 'last')).toContain('Netherlands Ministry of Defence');
    await hoverTerm(page, 'iraqi', 'Ministry of Defence');
    const text = await glossText(page);
    expect(text).toContain('Iraqi Ministry of Defence');
    expect(text).toContain('Chosen from “Iraqi” in the text');
    expect(text).not.toContain('ministerie van Defensie —');
    await page.close();
  });

  it('glosses the Dutch Chief of Defence as the CDS, says why, and names the Iraqi one', async () => {
    const page = await harness.open(PAGE);
    await hoverTerm(page, 'dutch', 'Chief of Defence');
    const text = await glossText(page);
    expect(text).toContain('CDS');
    expect(text).toContain('Chosen from “Dutch” in the text');
    expect(text).toMatch(/also:\s*CHoD/);
    // The other sense opens in the same gloss, and Back returns.
    expect((await glossMatches(page, '.sense button')).map((b) => b.text)).toContain('CHoD');
    await clickInGloss(page, 'CHoD');
    await expect.poll(() => glossText(page)).toContain('Iraqi Chief of Defence');
    await clickInGloss(page, /Back/);
    await expect.poll(() => glossText(page)).toContain('Chosen from “Dutch”');
    await harness.screenshot(page, 'gloss-context-dutch-cds');
    await page.close();
  });

  it('glosses the Iraqi Chief of Defence as the Iraqi CHoD', async () => {
    const page = await harness.open(PAGE);
    await hoverTerm(page, 'other', 'Iraqi Chief of Defence');
    const text = await glossText(page);
    expect((await glossMatches(page, '.head .term')).map((m) => m.text)).toEqual(['CHoD']);
    expect(text).toContain('Iraqi Chief of Defence');
    await page.close();
  });
});

describe('the both-languages gloss', () => {
  it('fits a 400 × 700 screen, scrolls inside itself if it must, never covers its term, English first', async () => {
    const settings = await harness.open(`chrome-extension://${harness.extensionId}/options.html`);
    await settings.evaluate(() => chrome.storage.sync.set({ glossLanguage: 'both', uiLanguage: 'en' }));
    const page = await harness.open(PAGE);
    await page.setViewportSize({ width: 400, height: 700 });
    for (const paragraph of ['dutch', 'last']) {
      const markBox = await hoverTerm(page, paragraph, 'Chief of Defence');
      await expect.poll(() => glossMatches(page, 'section').then((s) => s.length)).toBe(2);
      const { box: tipBox, scroll } = await glossState(page);
      if (!markBox || !tipBox || !scroll) throw new Error('no boxes');
      expect(tipBox.left).toBeGreaterThanOrEqual(0);
      expect(tipBox.top).toBeGreaterThanOrEqual(0);
      expect(tipBox.left + tipBox.width).toBeLessThanOrEqual(400);
      expect(tipBox.top + tipBox.height).toBeLessThanOrEqual(700);
      const overlaps = tipBox.top < markBox.top + markBox.height && markBox.top < tipBox.top + tipBox.height;
      expect(overlaps).toBe(false);
      const langs = (await glossMatches(page, 'section')).map((section) => section.lang);
      expect(langs).toEqual(['en', 'nl']);
      // Everything is reachable: either it all fits, or the gloss scrolls.
      if (scroll.height > scroll.client) expect(scroll.overflow).toBe('auto');
      await harness.screenshot(page, `gloss-both-400x700-${paragraph}`);
      await page.mouse.move(1, 1);
      await expect.poll(() => isOpen(page)).toBe(false);
    }
    await settings.evaluate(() => chrome.storage.sync.set({ glossLanguage: 'auto', uiLanguage: 'auto' }));
    await page.close();
    await settings.close();
  });
});
