/**
 * The Firefox build in Firefox ESR (see firefox-harness.ts): what a Firefox user meets, on the
 * same fixture pages as in Chromium. The terms shown (ranges of the `begrip` CSS Custom Highlight,
 * page-terms.ts) equal the matcher's counts and leave the page's DOM as it was; never in editable
 * fields; the gloss opens on hover and by keyboard (its code injected on first use), in a closed
 * shadow root read through the gloss probe (gloss-probe.ts), styled under a strict CSP and hostile
 * page CSS; switching the site off and on; the popup's fuzzy search; the reader (which still
 * marks with <begrip-mark> and an open shadow root); the popup's glossary export (issue 17); no
 * console errors.
 */
import { isDeepStrictEqual } from 'node:util';
import { inflateSync } from 'node:zlib';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_ID_PREFIX } from '../../glossary/abbreviations';
import { CURATED_ENTRIES } from '../../glossary/data';
import { SEED_PAGE_TEXT_BLOCKS } from '../fixtures/seed-page';
import { seedPdf } from '../fixtures/seed-pdf';
import { readSeed } from '../fixtures/seeds';
import { testPages } from '../fixtures/test-pages';
import { type FirefoxHarness, launchFirefox, pause, until } from './firefox-harness';
import { type GlossState, glossState } from './gloss-probe';
import {
  type Evaluate,
  expectedCounts,
  expectedOrder,
  firstHighlighted,
  normalizedBody,
  pdfTermCounts,
  settledMarkCount,
  shownCounts,
  shownTermCount,
  visibleTermCount,
} from './page-checks';
import { inCurrentTerm, shownTerms, shownTexts, termPoint } from './page-terms';

/** The extension API as seen from the extension's own pages (Firefox MV2). */
declare const browser: {
  storage: { sync: { set(items: Record<string, unknown>): Promise<void> } };
  tabs: {
    query(filter: { url?: string }): Promise<{ id?: number; url?: string }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
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
/** `until` with room for a loaded machine (2 cores, maybe another browser's tests beside). */
const waitFor = <T>(read: () => Promise<T>, timeout = 20_000) => until(read, timeout);
/** A page as page-terms.ts takes it. */
const via = (page: Page) => ({ evaluate: inPage(page) });
/** What the gloss shows, read by the gloss probe: a page's script cannot (closed shadow root). */
const probe = (page: Page) => glossState(via(page));

/** Waits (generously) until the page shows `expected` terms, counted by text; returns what it shows. */
async function shownCountsSettle(page: Page, expected: Record<string, number>) {
  await waitFor(async () => isDeepStrictEqual(await shownCounts(inPage(page)), expected));
  return shownCounts(inPage(page));
}
/** The open gloss on a web page, through the probe (its shadow root is closed); null when closed. */
const openGloss = async (page: Page): Promise<GlossState | null> => {
  const state = await probe(page);
  return state.open ? state : null;
};
const currentTerm = (page: Page) => page.evaluate(inCurrentTerm);
/** What a page's own script finds of the gloss: the host, and its shadow root (null when closed). */
const pageSeesGloss = (page: Page) =>
  page.evaluate(() => {
    const host = document.querySelector('begrip-tooltip');
    return { host: !!host, shadowRoot: host?.shadowRoot ?? null };
  });
/** Every trace of Begrip a page's script could find: highlights, the gloss host, the word in the DOM. */
const traces = (page: Page) =>
  page.evaluate(() => ({
    highlights: ['begrip', 'begrip-current'].filter((name) => CSS.highlights.has(name)),
    host: !!document.querySelector('begrip-tooltip'),
    html: document.documentElement.outerHTML.includes('begrip'),
  }));
const noTraces = { highlights: [], host: false, html: false };
/** The page's text nodes, non-empty ones: Begrip splits none (a wrapper would split three ways). */
const textNodes = (page: Page) =>
  page.evaluate(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let count = 0;
    while (walker.nextNode()) if (walker.currentNode.nodeValue) count++;
    return count;
  });
/** The reader's gloss, from its open shadow root (Begrip's own page, no page script): null when closed. */
const readerGloss = (page: Page) =>
  page.evaluate(() => {
    const tip = document.querySelector('begrip-tooltip')?.shadowRoot?.querySelector('.tooltip');
    return tip ? { text: tip.textContent ?? '' } : null;
  });

/**
 * The colour of the viewport's CSS pixel (x, y), from a 1-pixel screenshot (puppeteer clips in
 * document coordinates). The first pixel of a PNG's first row is stored as is, whatever the filter.
 */
async function pixel(page: Page, x: number, y: number): Promise<[number, number, number]> {
  const { left, top } = await page.evaluate(() => ({ left: scrollX, top: scrollY }));
  const png = Buffer.from(
    await page.screenshot({ clip: { x: left + Math.floor(x), y: top + Math.floor(y), width: 1, height: 1 } }),
  );
  const data: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    if (type === 'IHDR' && (png[at + 16] !== 8 || ![2, 6].includes(png[at + 17] ?? -1))) {
      throw new Error('Not an 8-bit RGB(A) PNG');
    }
    if (type === 'IDAT') data.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const [, r = 0, g = 0, b = 0] = inflateSync(Buffer.concat(data));
  return [r, g, b];
}

/** The gloss's border is blue-grey (#b5c2d0); the page under its corner is not. */
const isBorder = ([r, , b]: [number, number, number]) => b - r > 12;

/**
 * The gloss's stylesheet applied (the probe reads no computed style from a closed root, so the
 * pixels and the box tell): a box of the stylesheet's width (max-content up to 380px), placed with
 * position: absolute 6px below or above the term and never over it, and a rounded top-left corner:
 * its outermost pixel shows the page, where the top border beside it shows the border's colour.
 */
async function expectStyledGloss(page: Page, tip: GlossState, term: string) {
  const box = tip.box;
  const termBox = (await shownTerms(via(page))).find((shown) => shown.text === term)?.box;
  if (!box || !termBox) throw new Error(`No gloss or no term "${term}"`);
  expect(box.width).toBeGreaterThan(100);
  expect(box.width).toBeLessThanOrEqual(380.5);
  const termBottom = termBox.top + termBox.height;
  if (tip.placement === 'below') expect(Math.abs(box.top - (termBottom + 6))).toBeLessThan(1.5);
  else expect(Math.abs(box.top + box.height - (termBox.top - 6))).toBeLessThan(1.5);
  expect(box.top >= termBottom || box.top + box.height <= termBox.top).toBe(true);
  const row = Math.round(box.top);
  expect(isBorder(await pixel(page, box.left + box.width / 2, row))).toBe(true);
  expect(isBorder(await pixel(page, Math.round(box.left) + 1, row))).toBe(false);
}

/**
 * What Firefox does on the step commands (Alt+Period / Alt+Comma by default): the background tells
 * the tab's content script. Driver key presses reach the page, not Firefox's own shortcut
 * handling, so the test sends the same message from an extension page (`from`).
 */
const stepCommand = async (from: Page, page: Page, direction: 1 | -1) => {
  await from.evaluate(
    async (url, to) => {
      // Match patterns have no port, and these pages' URLs do: find the tab by its address.
      const tab = (await browser.tabs.query({})).find((t) => t.url === url);
      if (tab?.id === undefined) throw new Error(`no tab at ${url}`);
      await browser.tabs.sendMessage(tab.id, { type: 'begrip:step', direction: to });
    },
    page.url(),
    direction,
  );
};

describe('Firefox', () => {
  it('shows exactly what the matcher finds, per term, and leaves the page as it was', async () => {
    const plain = await harness.open(`${other}/voortgang`);
    const page = await harness.open(`${gov}/voortgang`);
    await settle(page);
    const expected = await expectedCounts(inPage(page), SEED_PAGE_TEXT_BLOCKS);
    expect(await shownCountsSettle(page, expected)).toEqual(expected);
    const text = (p: Page) => p.evaluate(() => document.body.innerText);
    expect(await text(page)).toBe(await text(plain));
    // No element, attribute or split text node of Begrip's: the body is the page's own.
    const html = (p: Page) => p.evaluate(() => document.body.innerHTML);
    expect(await html(page)).toBe(await html(plain));
    expect(await html(page)).not.toContain('begrip');
    expect(await textNodes(page)).toBe(await textNodes(plain));
    expect(await shownTermCount(inPage(plain))).toBe(0);
    expect(await traces(plain)).toEqual(noTraces);
    await harness.screenshot(page, 'firefox-highlighted');
    await plain.close();
    await page.close();
  });

  it('opens the English gloss of NMI on hover and closes it with Escape', async () => {
    const page = await harness.open(`${gov}/voortgang`);
    expect(await waitFor(async () => (await shownTexts(via(page))).includes('NMI'))).toBe(true);
    const { x, y } = await termPoint(via(page), 'NMI');
    await page.mouse.move(x, y);
    const open = await waitFor(() => openGloss(page));
    expect(open?.text).toContain('NATO Mission Iraq');
    expect(open?.role).toBe('tooltip');
    expect(open?.mode).toBe('closed');
    // Hover shows the gloss without taking focus; the term it explains is the current highlight.
    expect(open?.focused).toBe(false);
    expect(await currentTerm(page)).toBe('NMI');
    expect(await pageSeesGloss(page)).toEqual({ host: true, shadowRoot: null });
    await harness.screenshot(page, 'firefox-gloss');
    await page.keyboard.press('Escape');
    expect(await waitFor(async () => (await openGloss(page)) === null)).toBe(true);
    expect(await currentTerm(page)).toBeNull();
    await page.close();
  });

  it('steps through terms with the step commands, moves focus into the gloss, and Escape gives focus back', async () => {
    const commands = await harness.openExtensionPage('options.html');
    const page = await harness.open(`${gov}/voortgang`);
    await page.bringToFront();
    await settle(page);
    // Focus on the page's first link, where Escape must bring it back.
    await page.focus('a[href]');
    const link = () => page.evaluate(() => document.activeElement === document.querySelector('a[href]'));
    expect(await link()).toBe(true);
    // From no open gloss, the step goes to the first term in the viewport, in document order.
    const terms = await shownTerms(via(page));
    const at = terms.findIndex((term) => (term.box?.top ?? -1) >= 0);
    const [first, second] = [terms[at]?.text, terms[at + 1]?.text];
    expect(first).toBeTruthy();
    expect(second).toBeTruthy();
    expect(second).not.toBe(first); // or the steps below could not be told apart
    await stepCommand(commands, page, 1);
    const open = await waitFor(async () => {
      const state = await probe(page);
      return state.open && state.focused ? state : null;
    });
    expect(open?.focused).toBe(true);
    expect(open?.text).toBeTruthy();
    expect(await currentTerm(page)).toBe(first);
    expect(await link()).toBe(false);
    // On to the next term and back, focus staying in the gloss.
    await stepCommand(commands, page, 1);
    expect(await waitFor(async () => (await currentTerm(page)) === second)).toBe(true);
    await stepCommand(commands, page, -1);
    expect(await waitFor(async () => (await currentTerm(page)) === first)).toBe(true);
    expect((await probe(page)).focused).toBe(true);
    await page.keyboard.press('Escape');
    expect(await waitFor(async () => (await openGloss(page)) === null)).toBe(true);
    expect(await currentTerm(page)).toBeNull();
    expect(await waitFor(link)).toBe(true);
    await commands.close();
    await page.close();
  });

  it('shows a 5 MB page’s terms near the viewport as a highlight, more as the reader scrolls, and badges every term', async () => {
    const page = await harness.open(`${gov}/large`);
    expect(await waitFor(async () => (await shownTermCount(inPage(page))) > 10, 30_000)).toBe(true);
    const expected = await expectedCounts(inPage(page), SEED_PAGE_TEXT_BLOCKS);
    const total = Object.values(expected).reduce((a, b) => a + b, 0);
    expect(await visibleTermCount(inPage(page))).toBeGreaterThan(10);
    expect(await shownTermCount(inPage(page))).toBeLessThan(total / 20);
    expect(await page.evaluate(() => document.body.innerHTML.includes('begrip'))).toBe(false);
    const term = await firstHighlighted(inPage(page));
    if (!term) throw new Error('nothing highlighted');
    await page.mouse.move(term.x, term.y);
    expect((await waitFor(() => openGloss(page)))?.text).toBeTruthy();
    expect(await currentTerm(page)).toBe(term.text);
    // The badge counts the distinct entries of the whole page, not only the shown part.
    const entries = await expectedCounts(inPage(page), SEED_PAGE_TEXT_BLOCKS, 'id');
    const settings = await harness.openExtensionPage('options.html');
    const badge = () =>
      settings.evaluate(async () => {
        const [tab] = await browser.tabs.query({ url: 'https://www.rijksoverheid.nl/large' });
        return browser.browserAction.getBadgeText({ tabId: tab?.id });
      });
    expect(
      await waitFor(
        async () => ((await badge()) === String(Object.keys(entries).length) ? 'yes' : ''),
        20_000,
      ),
    ).toBe('yes');
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
    expect(await waitFor(async () => (await visibleTermCount(inPage(page))) > 10)).toBe(true);
    await settings.close();
    await page.close();
  }, 120_000);

  it('shows terms in content added later and after history.pushState', async () => {
    const page = await harness.open(`${gov}/dynamic`);
    expect(await waitFor(async () => (await shownTerms(via(page), '#spa')).length > 0)).toBe(true);
    await settle(page);
    expect(await shownCountsSettle(page, { 'JOCAT-N': 1, MoPA: 1 })).toEqual({ 'JOCAT-N': 1, MoPA: 1 });
    expect((await shownTerms(via(page))).map((term) => term.within)).toEqual(['spa', 'spa']);
    expect(page.url()).toBe(`${gov}/dynamic/page-2`);
    await page.close();
  });

  it('never shows terms inside form fields, editors, code or hidden text', async () => {
    const page = await harness.open(`${gov}/editable`);
    expect(await waitFor(async () => (await shownTerms(via(page), '#plain')).length > 0)).toBe(true);
    await settle(page);
    expect((await shownTerms(via(page))).map((term) => [term.text, term.within])).toEqual([['NMI', 'plain']]);
    expect(await page.$eval('#input', (input) => (input as HTMLInputElement).value)).toBe(
      'NMI in een invoerveld',
    );
    expect(await page.evaluate(() => document.body.innerHTML.includes('begrip'))).toBe(false);
    await page.close();
  });

  it('shows a styled gloss under a strict Content-Security-Policy and on a page whose CSS is hostile', async () => {
    const strict = await harness.open(`${gov}/strict-csp`);
    expect(await waitFor(async () => (await shownTexts(via(strict))).includes('Red Card Holder'))).toBe(true);
    const point = await termPoint(via(strict), 'Red Card Holder');
    await strict.mouse.move(point.x, point.y);
    const open = await waitFor(() => openGloss(strict));
    expect(open?.text).toContain('Red Card Holder');
    expect(await currentTerm(strict)).toBe('Red Card Holder');
    if (!open) throw new Error('no gloss under the strict CSP');
    await expectStyledGloss(strict, open, 'Red Card Holder');
    await strict.close();

    const hostile = await harness.open(`${gov}/hostile`);
    expect(await waitFor(async () => (await shownTexts(via(hostile))).includes('NMI'))).toBe(true);
    // A real click (the gloss ignores events a page dispatches).
    const nmi = await termPoint(via(hostile), 'NMI');
    await hostile.mouse.click(nmi.x, nmi.y);
    const tip = await waitFor(() => openGloss(hostile));
    expect(tip?.text).toContain('NATO Mission Iraq');
    expect(await currentTerm(hostile)).toBe('NMI');
    if (!tip) throw new Error('no gloss on the hostile page');
    // Never over the term, styled despite `* { all: unset !important }`.
    await expectStyledGloss(hostile, tip, 'NMI');
    // The terms keep their dotted underline.
    const decoration = await hostile.evaluate(
      () =>
        getComputedStyle(document.getElementById('hostile') as Element, '::highlight(begrip)')
          .textDecorationStyle,
    );
    expect(decoration).toBe('dotted');
    await harness.screenshot(hostile, 'firefox-gloss-hostile-page');
    await hostile.close();
  });

  it('switching the site off removes every trace; on again shows the terms again', async () => {
    const plain = await harness.open(`${other}/voortgang`);
    const page = await harness.open(`${gov}/voortgang`);
    const marked = await settle(page);
    // An open gloss too, so that its host and the current term have to go as well.
    const { x, y } = await termPoint(via(page), 'NMI');
    await page.mouse.move(x, y);
    expect(await waitFor(() => openGloss(page))).toBeTruthy();
    expect(await traces(page)).toEqual({ highlights: ['begrip', 'begrip-current'], host: true, html: true });
    const settings = await harness.openExtensionPage('options.html');
    await settings.evaluate(() => browser.storage.sync.set({ disabledSites: ['rijksoverheid.nl'] }));
    expect(await waitFor(async () => (await shownTermCount(inPage(page))) === 0)).toBe(true);
    expect(await waitFor(async () => JSON.stringify(await traces(page)) === JSON.stringify(noTraces))).toBe(
      true,
    );
    expect(await openGloss(page)).toBeNull();
    expect(await normalizedBody(inPage(page))).toBe(await normalizedBody(inPage(plain)));
    expect(await textNodes(page)).toBe(await textNodes(plain));
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

  it('exports the page’s glossary from the popup as Markdown, terms in order of first appearance', async () => {
    const page = await harness.open(`${gov}/voortgang`);
    await settle(page);
    const order = await expectedOrder(inPage(page), SEED_PAGE_TEXT_BLOCKS);
    // The popup, opened as a tab, then loaded again behind the page: the page is its active tab.
    const popup = await harness.openExtensionPage('popup.html');
    await page.bringToFront();
    await popup.evaluate(() => location.reload()).catch(() => {});
    await waitFor(() =>
      popup
        .evaluate(() => /\(\d+\)/.test(document.querySelectorAll('[role="tab"]')[1]?.textContent ?? ''))
        .catch(() => false),
    );
    // The clipboard is read back through a stand-in: what the popup would have written.
    const markdown = await popup.evaluate(async () => {
      let copied = '';
      navigator.clipboard.writeText = async (text: string) => {
        copied = text;
      };
      (document.querySelectorAll('[role="tab"]')[1] as HTMLElement).click();
      for (let i = 0; i < 100 && !copied; i++) {
        (document.querySelector('[data-annex="copy"]') as HTMLElement | null)?.click();
        await new Promise((done) => setTimeout(done, 100));
      }
      return copied;
    });
    expect(markdown).toContain('# Glossary: Voortgangsrapportage Irak');
    const terms = markdown
      .split('\n')
      .filter((line) => line.startsWith('| **'))
      .map((line) => /^\| \*\*(.+?)\*\* \|/.exec(line)?.[1]);
    const byId = new Map(CURATED_ENTRIES.map((e) => [e.id, e]));
    expect(terms).toEqual(
      order.map((id) => {
        const entry = byId.get(id);
        return entry ? (entry.acronym ?? entry.nl.term) : id.slice(PAGE_ID_PREFIX.length);
      }),
    );
    for (const p of [popup, page]) await p.close();
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
    expect((await waitFor(() => readerGloss(page)))?.text).toContain('NATO Mission Iraq');
    await harness.screenshot(page, 'firefox-reader');
    await page.close();
  }, 60_000);

  it('inline reading mode: each term explained once in the text, not in its text or a copy, gone without a trace when off', async () => {
    const settings = await harness.openExtensionPage('options.html');
    const plain = await harness.open(`${other}/voortgang`);
    const page = await harness.open(`${gov}/voortgang`);
    await settle(page);
    const text = await page.evaluate(() => document.body.innerText);
    await settings.evaluate(() => browser.storage.sync.set({ inlineSites: ['rijksoverheid.nl'] }));
    const notes = async () => (await probe(page)).inline ?? [];
    expect(await waitFor(async () => ((await notes()).length > 10 ? 'yes' : ''))).toBe('yes');
    await pause(500);
    const written = await notes();
    const nmi = written.filter((note) => note.text?.includes('NATO Mission Iraq'));
    expect(nmi).toHaveLength(1);
    expect(nmi[0]?.before).toMatch(/(NMI|NAVO\s+Missie\s+in\s+Irak)$/);
    expect(new Set(written.map((note) => note.text)).size).toBe(written.length);
    expect(await page.evaluate(() => document.body.innerText)).toBe(text);
    const copied = await page.evaluate(() => {
      const selection = getSelection();
      selection?.selectAllChildren(document.body);
      const copy = selection?.toString() ?? '';
      selection?.removeAllRanges();
      return copy;
    });
    expect(copied).not.toContain('NATO Mission Iraq');
    await settings.evaluate(() => browser.storage.sync.set({ inlineSites: [] }));
    expect(await waitFor(async () => ((await notes()).length === 0 ? 'gone' : ''))).toBe('gone');
    expect(await normalizedBody(inPage(page))).toBe(await normalizedBody(inPage(plain)));
    for (const p of [settings, plain, page]) await p.close();
  });

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
    expect(await waitFor(listed)).toBe(true);
    const page = await harness.open(`${other}/voortgang`);
    expect(await waitFor(async () => (await shownTermCount(inPage(page))) > 0, 15_000)).toBe(true);
    await settle(page);
    const expected = await expectedCounts(inPage(page), SEED_PAGE_TEXT_BLOCKS);
    expect(await shownCountsSettle(page, expected)).toEqual(expected);

    await settings.evaluate(() => {
      const item = [...document.querySelectorAll('.own-list li')].find((li) =>
        li.textContent?.includes('www.example.org'),
      );
      item?.querySelector('button')?.setAttribute('data-test', 'remove');
    });
    await settings.click('button[data-test="remove"]');
    expect(await waitFor(async () => !(await listed()))).toBe(true);
    // The tab already open on the removed site stops too, and leaves no trace (audit F11).
    expect(await waitFor(async () => (await shownTermCount(inPage(page))) === 0)).toBe(true);
    expect(await waitFor(async () => JSON.stringify(await traces(page)) === JSON.stringify(noTraces))).toBe(
      true,
    );
    await page.close();
    const after = await harness.open(`${other}/voortgang`);
    await pause(1500);
    expect(await shownTermCount(inPage(after))).toBe(0);
    expect(await traces(after)).toEqual(noTraces);
    await after.close();
    await settings.close();
  });

  it('caused no console errors', () => {
    expect(harness.errors).toEqual([]);
  });
});
