/**
 * The content script on realistic pages, in Chromium with the production build (issue 6):
 * marks equal the matcher's count, the gloss on hover/keyboard, strict CSP, dynamic pages,
 * editable fields, hostile page CSS, off/on round trip, privacy and console hygiene.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_PAGE_TEXT_BLOCKS } from '../fixtures/seed-page';
import { testPages } from '../fixtures/test-pages';
import { type Harness, HOSTS, launch } from './harness';
import {
  type Evaluate,
  firstHighlighted,
  normalizedBody,
  settledMarkCount,
  expectedCounts as sharedExpectedCounts,
  markCounts as sharedMarkCounts,
  shownTermCount,
  visibleTermCount,
} from './page-checks';

/** The extension API as seen from the extension's own pages (options.html). */
declare const chrome: { storage: { sync: { set(items: Record<string, unknown>): Promise<void> } } };

const GOV = 'https://www.rijksoverheid.nl';
const OTHER = 'https://www.example.org';
let harness: Harness;

beforeAll(async () => {
  harness = await launch();
  for (const [path, fixture] of Object.entries(testPages())) harness.serve(path, fixture);
});
afterAll(async () => harness?.close());

// Playwright types the argument as it arrives in the page (Unboxed<A>); for plain data it is A.
const inPage =
  (page: Page): Evaluate =>
  (fn, arg) =>
    page.evaluate(fn as never, arg as never);
const markCounts = (page: Page) => sharedMarkCounts(inPage(page));
const expectedCounts = (page: Page, selector: string) => sharedExpectedCounts(inPage(page), selector);
const waitForMarksToSettle = (page: Page) => settledMarkCount(inPage(page), (ms) => page.waitForTimeout(ms));

const tooltip = (page: Page) => page.locator('begrip-tooltip .tooltip');

describe('highlighting', () => {
  it('marks exactly what the matcher finds, per entry', async () => {
    const page = await harness.open(`${GOV}/voortgang`);
    await waitForMarksToSettle(page);
    expect(await markCounts(page)).toEqual(await expectedCounts(page, SEED_PAGE_TEXT_BLOCKS));
    await harness.screenshot(page, 'highlighted-seed-002');
    await page.close();
  });

  it('shows a 5 MB page’s terms near the viewport as a highlight, more as the reader scrolls, and counts every term', async () => {
    const page = await harness.open(`${GOV}/large`);
    await expect.poll(() => shownTermCount(inPage(page)), { timeout: 30_000 }).toBeGreaterThan(10);
    const expected = await expectedCounts(page, SEED_PAGE_TEXT_BLOCKS);
    const total = Object.values(expected).reduce((a, b) => a + b, 0);
    const visibleTerms = () => visibleTermCount(inPage(page));
    expect(await visibleTerms()).toBeGreaterThan(10);
    expect(await shownTermCount(inPage(page))).toBeLessThan(total / 20);
    // No DOM change until the reader reaches for a term: then it becomes a mark with its gloss.
    expect(await page.locator('begrip-mark').count()).toBe(0);
    const term = await firstHighlighted(inPage(page));
    if (!term) throw new Error('nothing highlighted');
    await page.mouse.move(term.x, term.y);
    await expect.poll(() => tooltip(page).isVisible()).toBe(true);
    const hovered = page.locator('begrip-mark', { hasText: term.text }).first();
    expect(await hovered.getAttribute('aria-describedby')).toBe(await tooltip(page).getAttribute('id'));
    await harness.screenshot(page, 'large-page-highlight-gloss');
    // Keyboard stepping turns the highlighted terms into marks it can focus.
    await page.mouse.move(1, 1);
    await page.keyboard.press('Alt+Shift+N');
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLElement).dataset.begripId))
      .toBeTruthy();
    // The badge counts the distinct terms of the whole page, not only the shown part.
    const popup = await harness.open(`chrome-extension://${harness.extensionId}/options.html`);
    const badge = () =>
      popup.evaluate(async () => {
        const api = (globalThis as unknown as { chrome: typeof import('webextension-polyfill') }).chrome;
        const [tab] = await api.tabs.query({ url: 'https://www.rijksoverheid.nl/large' });
        return api.action.getBadgeText({ tabId: tab?.id });
      });
    await expect.poll(badge, { timeout: 20_000 }).toBe(String(Object.keys(expected).length));
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
    await expect.poll(visibleTerms, { timeout: 10_000 }).toBeGreaterThan(10);
    await popup.close();
    await page.close();
  }, 180_000);

  it('never marks inside form fields, editors, code or hidden text', async () => {
    const page = await harness.open(`${GOV}/editable`);
    await page.waitForSelector('#plain begrip-mark');
    await page.waitForTimeout(300);
    expect(await page.$$eval('begrip-mark', (marks) => marks.map((m) => m.parentElement?.id))).toEqual([
      'plain',
    ]);
    expect(await page.inputValue('#input')).toBe('NMI in een invoerveld');
    await page.close();
  });

  it('annotates content added later and after history.pushState, without reacting to its own marks', async () => {
    const page = await harness.open(`${GOV}/dynamic`);
    await page.waitForSelector('#spa begrip-mark');
    await waitForMarksToSettle(page);
    expect(await markCounts(page)).toEqual({ 'jocat-n': 1, mopa: 1 });
    expect(page.url()).toBe(`${GOV}/dynamic/page-2`);
    await page.close();
  });

  it('switching the site off removes every trace; on again marks again', async () => {
    const plain = await harness.open(`${OTHER}/voortgang`);
    const page = await harness.open(`${GOV}/voortgang`);
    const marked = await waitForMarksToSettle(page);
    const settings = await harness.open(`chrome-extension://${harness.extensionId}/options.html`);
    await settings.evaluate(() => chrome.storage.sync.set({ disabledSites: ['rijksoverheid.nl'] }));
    await page.waitForFunction(() => document.querySelectorAll('begrip-mark').length === 0);
    expect(await normalizedBody(inPage(page))).toBe(await normalizedBody(inPage(plain)));
    await settings.evaluate(() => chrome.storage.sync.set({ disabledSites: [] }));
    expect(await waitForMarksToSettle(page)).toBe(marked);
    for (const p of [plain, page, settings]) await p.close();
  });
});

describe('the gloss', () => {
  it('opens on hover with the English gloss of NMI, below or above the term, and closes with Escape', async () => {
    const page = await harness.open(`${GOV}/voortgang`);
    const mark = page.locator('begrip-mark[data-begrip-id="nmi"]').first();
    await mark.waitFor();
    await mark.hover();
    await expect.poll(() => tooltip(page).isVisible()).toBe(true);
    const text = await tooltip(page).textContent();
    expect(text).toContain('NATO Mission Iraq');
    const [markBox, tipBox] = [await mark.boundingBox(), await tooltip(page).boundingBox()];
    if (!markBox || !tipBox) throw new Error('no boxes');
    const overlaps = tipBox.y < markBox.y + markBox.height && markBox.y < tipBox.y + tipBox.height;
    expect(overlaps).toBe(false);
    expect(await mark.getAttribute('aria-describedby')).toBe(await tooltip(page).getAttribute('id'));
    expect(await tooltip(page).getAttribute('role')).toBe('tooltip');
    await harness.screenshot(page, 'gloss-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await harness.screenshot(page, 'gloss-dark');
    await page.keyboard.press('Escape');
    await expect.poll(() => tooltip(page).count()).toBe(0);
    await page.close();
  });

  it('steps from term to term with Alt+Shift+N and shows the gloss of the focused term', async () => {
    const page = await harness.open(`${GOV}/voortgang`);
    await waitForMarksToSettle(page);
    // The first step also loads the gloss's code (injected on first use), so focus follows shortly.
    await page.keyboard.press('Alt+Shift+N');
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLElement).dataset.begripId))
      .toBeTruthy();
    await expect.poll(() => tooltip(page).isVisible()).toBe(true);
    const first = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.begripId);
    await page.keyboard.press('Alt+Shift+N');
    const focused = page.locator('begrip-mark:focus');
    await expect
      .poll(() => focused.getAttribute('aria-describedby'))
      .toBe(await tooltip(page).getAttribute('id'));
    expect(await focused.evaluate((el) => el.textContent)).toBeTruthy();
    expect(first).toBeTruthy();
    await page.close();
  });

  it('works under a strict Content-Security-Policy, styled', async () => {
    const page = await harness.open(`${GOV}/strict-csp`);
    const mark = page.locator('begrip-mark[data-begrip-id="red-card-holder"]').first();
    await mark.hover();
    await expect.poll(() => tooltip(page).isVisible()).toBe(true);
    expect(await tooltip(page).evaluate((el) => getComputedStyle(el).borderTopLeftRadius)).toBe('8px');
    expect(await tooltip(page).textContent()).toContain('Red Card Holder');
    await page.close();
  });

  it('survives page CSS that would wreck a naive tooltip', async () => {
    const page = await harness.open(`${GOV}/hostile`);
    const mark = page.locator('begrip-mark[data-begrip-id="nmi"]');
    await mark.waitFor({ state: 'attached' });
    // A real click (the gloss ignores events a page dispatches).
    await mark.click();
    await expect.poll(() => tooltip(page).count()).toBe(1);
    const style = await tooltip(page).evaluate((el) => {
      const s = getComputedStyle(el);
      return {
        position: s.position,
        radius: s.borderTopLeftRadius,
        host: getComputedStyle(
          el.getRootNode() instanceof ShadowRoot ? (el.getRootNode() as ShadowRoot).host : el,
        ).zIndex,
      };
    });
    expect(style).toEqual({ position: 'absolute', radius: '8px', host: '2147483647' });
    const [markBox, tipBox] = [await mark.boundingBox(), await tooltip(page).boundingBox()];
    if (!markBox || !tipBox) throw new Error('no boxes');
    expect(tipBox.y >= markBox.y + markBox.height || tipBox.y + tipBox.height <= markBox.y).toBe(true);
    expect(await mark.evaluate((m) => getComputedStyle(m).textDecorationStyle)).toBe('dotted');
    await harness.screenshot(page, 'gloss-hostile-page');
    await page.close();
  });
});

describe('hygiene', () => {
  it('made no network request outside the test pages and the extension', () => {
    const foreign = harness.requests.filter((url) => {
      const { protocol, host } = new URL(url);
      return !(protocol === 'chrome-extension:' || protocol === 'data:' || HOSTS.includes(host));
    });
    expect(foreign).toEqual([]);
  });

  it('caused no console errors', () => {
    expect(harness.errors).toEqual([]);
  });
});
