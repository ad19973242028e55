/**
 * The Firefox build in Firefox ESR (see firefox-harness.ts): what a Firefox user meets, on the
 * same fixture pages as in Chromium. Marks equal the matcher's counts and leave the text as it
 * was; never in editable fields; the gloss opens on hover and by keyboard (its code injected on
 * first use), styled under a strict CSP and hostile page CSS; switching the site off and on; the
 * popup's fuzzy search; the reader; no console errors.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_PAGE_TEXT_BLOCKS } from '../fixtures/seed-page';
import { seedPdf } from '../fixtures/seed-pdf';
import { readSeed } from '../fixtures/seeds';
import { testPages } from '../fixtures/test-pages';
import { type FirefoxHarness, launchFirefox, pause, until } from './firefox-harness';
import {
  type Evaluate,
  expectedCounts,
  firstHighlighted,
  markCounts,
  normalizedBody,
  pdfTermCounts,
  settledMarkCount,
  shownTermCount,
  visibleTermCount,
} from './page-checks';

/** The extension API as seen from the extension's own pages (Firefox MV2). */
declare const browser: {
  storage: { sync: { set(items: Record<string, unknown>): Promise<void> } };
  tabs: { query(filter: { url: string }): Promise<{ id?: number }[]> };
  browserAction: { getBadgeText(details: { tabId?: number }): Promise<string> };
};

let harness: FirefoxHarness;
let gov: string;
let other: string;

beforeAll(async () => {
  harness = await launchFirefox();
  gov = harness.origin('www.rijksoverheid.nl');
  other = harness.origin('www.example.org');
  for (const [path, fixture] of Object.entries(testPages())) harness.serve(path, fixture);
});
afterAll(async () => harness?.close());

// puppeteer-core types the argument as it arrives in the page; for plain data it is the same.
const inPage =
  (page: Page): Evaluate =>
  (fn, arg) =>
    page.evaluate(fn as never, arg as never) as never;
const settle = (page: Page) => settledMarkCount(inPage(page), pause);

/** The open gloss, from inside its shadow root: text, id, role and the style that proves its CSS applied; null when closed. */
const gloss = (page: Page) =>
  page.evaluate(() => {
    const tip = document.querySelector('begrip-tooltip')?.shadowRoot?.querySelector('.tooltip');
    if (!tip) return null;
    const { top, bottom } = tip.getBoundingClientRect();
    return {
      text: tip.textContent ?? '',
      id: tip.id,
      role: tip.getAttribute('role'),
      radius: getComputedStyle(tip).borderTopLeftRadius,
      position: getComputedStyle(tip).position,
      top,
      bottom,
    };
  });

describe('Firefox', () => {
  it('marks exactly what the matcher finds, per entry, and leaves the page text as it was', async () => {
    const plain = await harness.open(`${other}/voortgang`);
    const page = await harness.open(`${gov}/voortgang`);
    await settle(page);
    expect(await markCounts(inPage(page))).toEqual(await expectedCounts(inPage(page), SEED_PAGE_TEXT_BLOCKS));
    const text = (p: Page) => p.evaluate(() => document.body.innerText);
    expect(await text(page)).toBe(await text(plain));
    expect(await plain.evaluate(() => document.querySelectorAll('begrip-mark').length)).toBe(0);
    await harness.screenshot(page, 'firefox-highlighted');
    await plain.close();
    await page.close();
  });

  it('opens the English gloss of NMI on hover and closes it with Escape', async () => {
    const page = await harness.open(`${gov}/voortgang`);
    await page.waitForSelector('begrip-mark[data-begrip-id="nmi"]');
    await page.hover('begrip-mark[data-begrip-id="nmi"]');
    const open = await until(() => gloss(page));
    expect(open?.text).toContain('NATO Mission Iraq');
    expect(open?.role).toBe('tooltip');
    const describedBy = await page.$eval('begrip-mark[data-begrip-id="nmi"]', (m) =>
      m.getAttribute('aria-describedby'),
    );
    expect(describedBy).toBe(open?.id);
    await harness.screenshot(page, 'firefox-gloss');
    await page.keyboard.press('Escape');
    expect(await until(async () => (await gloss(page)) === null)).toBe(true);
    await page.close();
  });

  it('steps to a term with Alt+Shift+N and shows its gloss', async () => {
    const page = await harness.open(`${gov}/voortgang`);
    await settle(page);
    await page.keyboard.down('Alt');
    await page.keyboard.down('Shift');
    await page.keyboard.press('KeyN');
    await page.keyboard.up('Shift');
    await page.keyboard.up('Alt');
    const focused = await until(() =>
      page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.begripId ?? ''),
    );
    expect(focused).toBeTruthy();
    expect((await until(() => gloss(page)))?.text).toBeTruthy();
    await page.close();
  });

  it('shows a 5 MB page’s terms near the viewport as a highlight, more as the reader scrolls, and badges every term', async () => {
    const page = await harness.open(`${gov}/large`);
    expect(await until(async () => (await shownTermCount(inPage(page))) > 10, 30_000)).toBe(true);
    const expected = await expectedCounts(inPage(page), SEED_PAGE_TEXT_BLOCKS);
    const total = Object.values(expected).reduce((a, b) => a + b, 0);
    expect(await visibleTermCount(inPage(page))).toBeGreaterThan(10);
    expect(await shownTermCount(inPage(page))).toBeLessThan(total / 20);
    expect(await page.evaluate(() => document.querySelectorAll('begrip-mark').length)).toBe(0);
    const term = await firstHighlighted(inPage(page));
    if (!term) throw new Error('nothing highlighted');
    await page.mouse.move(term.x, term.y);
    expect((await until(() => gloss(page)))?.text).toBeTruthy();
    const settings = await harness.openExtensionPage('options.html');
    const badge = () =>
      settings.evaluate(async () => {
        const [tab] = await browser.tabs.query({ url: 'https://www.rijksoverheid.nl/large' });
        return browser.browserAction.getBadgeText({ tabId: tab?.id });
      });
    expect(
      await until(
        async () => ((await badge()) === String(Object.keys(expected).length) ? 'yes' : ''),
        20_000,
      ),
    ).toBe('yes');
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
    expect(await until(async () => (await visibleTermCount(inPage(page))) > 10)).toBe(true);
    await settings.close();
    await page.close();
  }, 120_000);

  it('annotates content added later and after history.pushState', async () => {
    const page = await harness.open(`${gov}/dynamic`);
    await page.waitForSelector('#spa begrip-mark', { timeout: 10_000 });
    await settle(page);
    expect(await markCounts(inPage(page))).toEqual({ 'jocat-n': 1, mopa: 1 });
    expect(page.url()).toBe(`${gov}/dynamic/page-2`);
    await page.close();
  });

  it('never marks inside form fields, editors, code or hidden text', async () => {
    const page = await harness.open(`${gov}/editable`);
    await page.waitForSelector('#plain begrip-mark');
    await pause(300);
    expect(await page.$$eval('begrip-mark', (marks) => marks.map((m) => m.parentElement?.id))).toEqual([
      'plain',
    ]);
    expect(await page.$eval('#input', (input) => (input as HTMLInputElement).value)).toBe(
      'NMI in een invoerveld',
    );
    await page.close();
  });

  it('shows a styled gloss under a strict Content-Security-Policy and on a page whose CSS is hostile', async () => {
    const strict = await harness.open(`${gov}/strict-csp`);
    await strict.waitForSelector('begrip-mark[data-begrip-id="red-card-holder"]');
    await strict.hover('begrip-mark[data-begrip-id="red-card-holder"]');
    const open = await until(() => gloss(strict));
    expect(open?.text).toContain('Red Card Holder');
    expect(open?.radius).toBe('8px');
    await strict.close();

    const hostile = await harness.open(`${gov}/hostile`);
    await hostile.waitForSelector('begrip-mark[data-begrip-id="nmi"]');
    // A real click (the gloss ignores events a page dispatches).
    await hostile.click('begrip-mark[data-begrip-id="nmi"]');
    const tip = await until(() => gloss(hostile));
    expect({ radius: tip?.radius, position: tip?.position }).toEqual({ radius: '8px', position: 'absolute' });
    const mark = await hostile.$eval('begrip-mark[data-begrip-id="nmi"]', (m) => {
      const { top, bottom } = m.getBoundingClientRect();
      return { top, bottom, decoration: getComputedStyle(m).textDecorationStyle };
    });
    // Never over the term, and the mark keeps its dotted underline.
    expect((tip?.top ?? 0) >= mark.bottom || (tip?.bottom ?? 0) <= mark.top).toBe(true);
    expect(mark.decoration).toBe('dotted');
    await harness.screenshot(hostile, 'firefox-gloss-hostile-page');
    await hostile.close();
  });

  it('switching the site off removes every trace; on again marks again', async () => {
    const plain = await harness.open(`${other}/voortgang`);
    const page = await harness.open(`${gov}/voortgang`);
    const marked = await settle(page);
    const settings = await harness.openExtensionPage('options.html');
    await settings.evaluate(() => browser.storage.sync.set({ disabledSites: ['rijksoverheid.nl'] }));
    await page.waitForFunction(() => document.querySelectorAll('begrip-mark').length === 0);
    expect(await normalizedBody(inPage(page))).toBe(await normalizedBody(inPage(plain)));
    await settings.evaluate(() => browser.storage.sync.set({ disabledSites: [] }));
    expect(await settle(page)).toBe(marked);
    for (const p of [plain, page, settings]) await p.close();
  });

  it('finds a term in the popup from a misspelt query', async () => {
    const page = await harness.openExtensionPage('popup.html');
    await page.waitForSelector('input[type="search"]');
    await page.type('input[type="search"]', 'jocatn');
    await page.waitForSelector('.result');
    expect(await page.$eval('.result', (result) => result.textContent)).toContain('JOCAT-N');
    await harness.screenshot(page, 'firefox-popup');
    await page.close();
  });

  it('opens a PDF from a government site in the reader, with the matcher’s term counts and the gloss', async () => {
    const pdf = await seedPdf(readSeed('004_58c76a8e68136705.txt'));
    harness.serve('/documenten/brief.pdf', {
      body: Buffer.from(pdf) as unknown as string,
      contentType: 'application/pdf',
    });
    const url = encodeURIComponent(`${gov}/documenten/brief.pdf`);
    const page = await harness.openExtensionPage(`reader.html?url=${url}`);
    await page.waitForSelector('.page-term', { timeout: 20_000 });
    const counts = await page.$$eval('.page-term', (rows) =>
      Object.fromEntries(
        rows.map((r) => [(r as HTMLElement).dataset.termId, Number(r.querySelector('.count')?.textContent)]),
      ),
    );
    expect(counts).toEqual(await pdfTermCounts(pdf));
    await page.waitForSelector('.textLayer begrip-mark[data-begrip-id="nmi"]', { timeout: 20_000 });
    await page.hover('.textLayer begrip-mark[data-begrip-id="nmi"]');
    expect((await until(() => gloss(page)))?.text).toContain('NATO Mission Iraq');
    await harness.screenshot(page, 'firefox-reader');
    await page.close();
  }, 60_000);

  it('runs on a site the user adds (its permission granted) and stops when it is removed', async () => {
    const settings = await harness.openExtensionPage('options.html');
    const field = 'input[placeholder="www.nato.int"]';
    await settings.waitForSelector(field);
    await settings.type(field, 'www.example.org');
    await settings.$eval(field, (input) =>
      input.closest('form')?.querySelector('button')?.setAttribute('data-test', 'add'),
    );
    await settings.click('button[data-test="add"]');
    const listed = () =>
      settings.evaluate(() =>
        [...document.querySelectorAll('.own-list li')].some((li) =>
          li.textContent?.includes('www.example.org'),
        ),
      );
    expect(await until(listed)).toBe(true);
    const page = await harness.open(`${other}/voortgang`);
    await page.waitForSelector('begrip-mark', { timeout: 15_000 });
    await settle(page);
    expect(await markCounts(inPage(page))).toEqual(await expectedCounts(inPage(page), SEED_PAGE_TEXT_BLOCKS));

    await settings.evaluate(() => {
      const item = [...document.querySelectorAll('.own-list li')].find((li) =>
        li.textContent?.includes('www.example.org'),
      );
      item?.querySelector('button')?.setAttribute('data-test', 'remove');
    });
    await settings.click('button[data-test="remove"]');
    expect(await until(async () => !(await listed()))).toBe(true);
    // The tab already open on the removed site stops too, and leaves no trace (audit F11).
    const marksIn = () => page.evaluate(() => document.querySelectorAll('begrip-mark').length);
    expect(await until(async () => (await marksIn()) === 0)).toBe(true);
    await page.close();
    const after = await harness.open(`${other}/voortgang`);
    await pause(1500);
    expect(await after.evaluate(() => document.querySelectorAll('begrip-mark').length)).toBe(0);
    await after.close();
    await settings.close();
  });

  it('caused no console errors', () => {
    expect(harness.errors).toEqual([]);
  });
});
