/**
 * Context decides, and the gloss says why (issue 13), in Chromium with the production build: an
 * English page about NMI names the Iraqi Ministry of Defence (no Dutch gloss) and the Dutch and
 * Iraqi Chiefs of Defence (each its own entry, the other named as "also"); the both-languages
 * gloss fits a 400 × 700 phone screen and never covers its term.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, launch } from './harness';

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

const tooltip = (page: Page) => page.locator('begrip-tooltip .tooltip');
const marksIn = (page: Page, id: string) =>
  page.locator(`#${id} begrip-mark`).evaluateAll((marks) => marks.map((m) => m.textContent));

async function hoverTerm(page: Page, paragraph: string, text: string) {
  const mark = page.locator(`#${paragraph} begrip-mark`, { hasText: text }).first();
  await mark.scrollIntoViewIfNeeded();
  await mark.hover();
  await expect.poll(() => tooltip(page).isVisible()).toBe(true);
  return mark;
}

describe('context decides on an English page', () => {
  it('glosses the Iraqi Ministry of Defence as the Iraqi one, never the Dutch one', async () => {
    const page = await harness.open(PAGE);
    await page.locator('#dutch begrip-mark').first().waitFor();
    expect(await marksIn(page, 'last')).toContain('Netherlands Ministry of Defence');
    await hoverTerm(page, 'iraqi', 'Ministry of Defence');
    const text = (await tooltip(page).textContent()) ?? '';
    expect(text).toContain('Iraqi Ministry of Defence');
    expect(text).toContain('Chosen from “Iraqi” in the text');
    expect(text).not.toContain('ministerie van Defensie —');
    await page.close();
  });

  it('glosses the Dutch Chief of Defence as the CDS, says why, and names the Iraqi one', async () => {
    const page = await harness.open(PAGE);
    await hoverTerm(page, 'dutch', 'Chief of Defence');
    const text = (await tooltip(page).textContent()) ?? '';
    expect(text).toContain('CDS');
    expect(text).toContain('Chosen from “Dutch” in the text');
    expect(text).toContain('also: CHoD');
    // The other sense opens in the same gloss, and Back returns.
    await tooltip(page).locator('.sense').getByRole('button', { name: 'CHoD' }).click({ timeout: 5000 });
    await expect.poll(() => tooltip(page).textContent()).toContain('Iraqi Chief of Defence');
    await tooltip(page).getByRole('button', { name: /Back/ }).click({ timeout: 5000 });
    await expect.poll(() => tooltip(page).textContent()).toContain('Chosen from “Dutch”');
    await harness.screenshot(page, 'gloss-context-dutch-cds');
    await page.close();
  });

  it('glosses the Iraqi Chief of Defence as the Iraqi CHoD', async () => {
    const page = await harness.open(PAGE);
    await hoverTerm(page, 'other', 'Iraqi Chief of Defence');
    const text = (await tooltip(page).textContent()) ?? '';
    expect(await tooltip(page).locator('.head .term').textContent()).toBe('CHoD');
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
      const mark = await hoverTerm(page, paragraph, 'Chief of Defence');
      await expect.poll(() => tooltip(page).locator('section').count()).toBe(2);
      const [markBox, tipBox] = [await mark.boundingBox(), await tooltip(page).boundingBox()];
      if (!markBox || !tipBox) throw new Error('no boxes');
      expect(tipBox.x).toBeGreaterThanOrEqual(0);
      expect(tipBox.y).toBeGreaterThanOrEqual(0);
      expect(tipBox.x + tipBox.width).toBeLessThanOrEqual(400);
      expect(tipBox.y + tipBox.height).toBeLessThanOrEqual(700);
      const overlaps = tipBox.y < markBox.y + markBox.height && markBox.y < tipBox.y + tipBox.height;
      expect(overlaps).toBe(false);
      const langs = await tooltip(page)
        .locator('section')
        .evaluateAll((s) => s.map((e) => e.getAttribute('lang')));
      expect(langs).toEqual(['en', 'nl']);
      // Everything is reachable: either it all fits, or the gloss scrolls.
      const scroll = await tooltip(page).evaluate((el) => ({
        client: el.clientHeight,
        scroll: el.scrollHeight,
        overflow: getComputedStyle(el).overflowY,
      }));
      if (scroll.scroll > scroll.client) expect(scroll.overflow).toBe('auto');
      await harness.screenshot(page, `gloss-both-400x700-${paragraph}`);
      await page.mouse.move(1, 1);
      await expect.poll(() => tooltip(page).count()).toBe(0);
    }
    await settings.evaluate(() => chrome.storage.sync.set({ glossLanguage: 'auto', uiLanguage: 'auto' }));
    await page.close();
    await settings.close();
  });
});
