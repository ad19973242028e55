/**
 * A React page (React 18's production build from npm) whose text holds terms, updated and
 * removed by React after Begrip showed its terms (issue 14, audit F5, F9): React never throws, the
 * text is exactly what React rendered, the new text's terms are shown, and a restart (settings
 * change) keeps React's nodes. Chromium, production build.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safetyPages } from '../fixtures/safety-pages';
import { type Harness, launch } from './harness';
import { shownTexts } from './page-terms';

declare const chrome: { storage: { sync: { set(items: Record<string, unknown>): Promise<void> } } };
declare global {
  interface Window {
    update: (text: string) => void;
    dropFirst: () => void;
    errors: string[];
  }
}

const GOV = 'https://www.rijksoverheid.nl';
let harness: Harness;

beforeAll(async () => {
  harness = await launch();
  for (const [path, fixture] of Object.entries(safetyPages())) harness.serve(path, fixture);
});
afterAll(async () => harness?.close());

const text = (page: Page, selector: string) =>
  page.evaluate((s) => document.querySelector(s)?.textContent, selector);
const marksIn = (page: Page, selector: string) => shownTexts(page, selector);

describe('a React page', () => {
  it('updates and removes text with terms after Begrip marked it, and never throws', async () => {
    const page = await harness.open(`${GOV}/react`);
    await expect.poll(() => marksIn(page, '#text'), { timeout: 10_000 }).toEqual(['NMI', 'OIR']);
    expect(await marksIn(page, '#list')).toEqual(['EUAM', 'JOCAT-N', 'CDS']);

    await page.evaluate(() => window.update('Gewijzigde tekst over EUAM.'));
    await expect.poll(() => text(page, '#text')).toBe('Gewijzigde tekst over EUAM.');
    await expect.poll(() => marksIn(page, '#text')).toEqual(['EUAM']);
    await page.evaluate(() => window.dropFirst());
    await expect.poll(() => text(page, '#list')).toBe('JOCAT-N traint.De CDS beslist.');
    expect(await text(page, '#mixed')).toBe('NMI en kort');

    // A settings change restarts Begrip (unmark, mark again): React's nodes must survive it.
    const settings = await harness.open(`chrome-extension://${harness.extensionId}/options.html`);
    await settings.evaluate(() => chrome.storage.sync.set({ markMode: 'first' }));
    await settings.evaluate(() => chrome.storage.sync.set({ markMode: 'all' }));
    await page.waitForTimeout(600);
    await page.evaluate(() => window.update('Nu over de NMI, nogmaals gewijzigd en lang genoeg.'));
    await expect.poll(() => text(page, '#text')).toBe('Nu over de NMI, nogmaals gewijzigd en lang genoeg.');
    await expect.poll(() => text(page, '#mixed')).toBe('NMI en lang');
    await page.evaluate(() => window.dropFirst());
    await expect.poll(() => text(page, '#list')).toBe('De CDS beslist.');
    await expect.poll(() => marksIn(page, '#text')).toEqual(['NMI']);
    expect(await page.evaluate(() => window.errors)).toEqual([]);
    expect(harness.errors).toEqual([]);
    await settings.close();
    await page.close();
  });
});
