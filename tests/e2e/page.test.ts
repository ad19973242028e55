/**
 * The content script on realistic pages, in Chromium with the production build (issue 6):
 * the terms shown equal the matcher's, the gloss on hover/keyboard, strict CSP, dynamic pages,
 * editable fields, hostile page CSS, off/on round trip, privacy and console hygiene. Terms are
 * read from the page's `begrip` highlight (page-terms.ts); the closed gloss through the test-only
 * probe extension (gloss-probe.ts).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_PAGE_TEXT_BLOCKS } from '../fixtures/seed-page';
import { testPages } from '../fixtures/test-pages';
import { glossState, glossText } from './gloss-probe';
import { type Harness, HOSTS, inPage, launch } from './harness';
import {
  firstHighlighted,
  normalizedBody,
  settledMarkCount,
  expectedCounts as sharedExpectedCounts,
  shownCounts as sharedShownCounts,
  shownTermCount,
  visibleTermCount,
} from './page-checks';
import { inCurrentTerm, shownTerms, termPoint } from './page-terms';

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
const shownCounts = (page: Page) => sharedShownCounts(inPage(page));
const expectedCounts = (page: Page, selector: string, by: 'text' | 'id' = 'text') =>
  sharedExpectedCounts(inPage(page), selector, by);
const waitForMarksToSettle = (page: Page) => settledMarkCount(inPage(page), (ms) => page.waitForTimeout(ms));

/**
 * What the browser does on the step commands (Alt+Period / Alt+Comma by default): the background
 * tells the tab's content script. Headless key presses reach the page, never the browser's own
 * shortcut handling, so the test sends the same message from the service worker.
 */
const step = async (page: Page, direction: 1 | -1) => {
  const worker = harness.context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  if (!worker) throw new Error('no service worker');
  await worker.evaluate(
    async ([url, to]) => {
      const api = (globalThis as unknown as { chrome: typeof import('webextension-polyfill') }).chrome;
      const [tab] = await api.tabs.query({ url });
      if (tab?.id !== undefined) await api.tabs.sendMessage(tab.id, { type: 'begrip:step', direction: to });
    },
    [page.url(), direction] as const,
  );
};
const isOpen = async (page: Page) => (await glossState(page)).open;
const currentTerm = (page: Page) => page.evaluate(inCurrentTerm);
/** Move the real pointer onto the `nth` shown term reading `text`. */
const pointAt = async (page: Page, text: string, selector: string | null = null, nth = 0) => {
  const { x, y } = await termPoint(page, text, selector, nth);
  await page.mouse.move(x, y);
  return { x, y };
};

/** The terms the content script found in the tab at `url` (its page summary), asked from an extension page. */
const summaryCounts = (extensionPage: Page, url: string) =>
  extensionPage.evaluate(async (address) => {
    const api = (globalThis as unknown as { chrome: typeof import('webextension-polyfill') }).chrome;
    const [tab] = await api.tabs.query({ url: address });
    if (tab?.id === undefined) return null;
    const summary = (await api.tabs.sendMessage(tab.id, { type: 'begrip:page-summary' })) as {
      counts: Record<string, number>;
    };
    return summary.counts;
  }, url);

describe('highlighting', () => {
  it('shows exactly what the matcher finds, and adds nothing to the page', async () => {
    const page = await harness.open(`${GOV}/voortgang`);
    await waitForMarksToSettle(page);
    expect(await shownCounts(page)).toEqual(await expectedCounts(page, SEED_PAGE_TEXT_BLOCKS));
    expect(await page.evaluate(() => document.body.innerHTML)).not.toContain('begrip');
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
    const term = await firstHighlighted(inPage(page));
    if (!term) throw new Error('nothing highlighted');
    await page.mouse.move(term.x, term.y);
    await expect.poll(() => isOpen(page)).toBe(true);
    expect(await currentTerm(page)).toBe(term.text);
    await harness.screenshot(page, 'large-page-highlight-gloss');
    // Keyboard steps go from term to term here too, focus moving into the gloss.
    await page.mouse.move(1, 1);
    await page.keyboard.press('Escape');
    await step(page, 1);
    await expect.poll(async () => (await glossState(page)).focused).toBe(true);
    expect(await page.evaluate(() => document.body.innerHTML.includes('begrip'))).toBe(false);
    // The badge counts the distinct terms of the whole page, not only the shown part.
    const popup = await harness.open(`chrome-extension://${harness.extensionId}/options.html`);
    const badge = () =>
      popup.evaluate(async () => {
        const api = (globalThis as unknown as { chrome: typeof import('webextension-polyfill') }).chrome;
        const [tab] = await api.tabs.query({ url: 'https://www.rijksoverheid.nl/large' });
        return api.action.getBadgeText({ tabId: tab?.id });
      });
    const entries = await expectedCounts(page, SEED_PAGE_TEXT_BLOCKS, 'id');
    await expect.poll(badge, { timeout: 20_000 }).toBe(String(Object.keys(entries).length));
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
    await expect.poll(visibleTerms, { timeout: 10_000 }).toBeGreaterThan(10);
    await popup.close();
    await page.close();
  }, 180_000);

  it('counts a large page’s terms once when a block far below is changed before it is shown', async () => {
    // Over 300,000 characters: the terms far below the viewport are found and counted, but kept to
    // be shown when the reader scrolls there. The last paragraph changes twice meanwhile.
    const paragraph =
      '<p>De minister informeert de Kamer over de NMI en de inzet van F-35’s in de regio.</p>';
    harness.serve('/large-changing', {
      body: `<!doctype html><html lang="nl"><body>${paragraph.repeat(4000)}<p id="far">Ook de NMI.</p></body></html>`,
    });
    const page = await harness.open(`${GOV}/large-changing`);
    const options = await harness.open(`chrome-extension://${harness.extensionId}/options.html`);
    const foundCounts = () => summaryCounts(options, page.url());
    const expected = () => expectedCounts(page, 'p', 'id');
    await expect.poll(foundCounts, { timeout: 30_000 }).toEqual(await expected());
    expect(await shownTermCount(inPage(page))).toBeLessThan(500);
    // Read again with the same text (an element added), then with more text.
    await page.evaluate(() => document.querySelector('#far')?.append(document.createElement('span')));
    await page.waitForTimeout(500);
    expect(await foundCounts()).toEqual(await expected());
    await page.evaluate(() => document.querySelector('#far')?.append(' En de OIR.'));
    const changed = await expected();
    expect(changed.oir).toBe(1);
    await expect.poll(foundCounts, { timeout: 10_000 }).toEqual(changed);
    // The reader scrolls the tab in front (a tab behind has its timers held to one a second).
    await page.bringToFront();
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect
      .poll(() => shownTerms(page, '#far').then((terms) => terms.map((t) => t.text)))
      .toEqual(['NMI', 'OIR']);
    await options.close();
    await page.close();
  }, 120_000);

  it('shows the terms near the viewport while a page keeps adding content, counts every one, and the rest on scrolling', async () => {
    // A feed that adds 100 paragraphs at a time, 60 times: under 300,000 characters in all, so
    // a page that size read at once would show every term. While it changes, Begrip shows only
    // what is near the viewport: thousands of terms shown between its frames took the frames.
    // A clock ticks in every task until the feed is done, so the page is changing whenever
    // Begrip looks, however fast it keeps up with the feed.
    harness.serve('/feed', {
      body: `<!doctype html><html lang="nl"><body><h1>Feed</h1><p id="clock">0</p><div id="feed"></div><script>
        const feed = document.getElementById('feed');
        const clock = document.getElementById('clock').firstChild;
        let frames = 0;
        const add = () => {
          for (let i = 0; i < 100; i++) {
            const p = document.createElement('p');
            p.textContent = 'Bericht ' + (frames * 100 + i) + ': de NMI en de OIR in Irak.';
            feed.append(p);
          }
          // Timers, not animation frames: the options page opened below is the tab in front.
          if (++frames < 60) setTimeout(add, 16);
          else document.body.dataset.done = 'yes';
        };
        const ticks = new MessageChannel();
        ticks.port1.onmessage = () => {
          clock.data = String(Math.round(performance.now()));
          if (!document.body.dataset.done) ticks.port2.postMessage(0);
        };
        setTimeout(() => {
          ticks.port2.postMessage(0);
          add();
        }, 300);
      </script></body></html>`,
    });
    const page = await harness.open(`${GOV}/feed`);
    const options = await harness.open(`chrome-extension://${harness.extensionId}/options.html`);
    await expect.poll(() => page.evaluate(() => document.body.dataset.done), { timeout: 20_000 }).toBe('yes');
    const expected = await expectedCounts(page, 'p', 'id');
    expect(expected).toEqual({ nmi: 6000, oir: 6000 });
    await expect.poll(() => summaryCounts(options, page.url()), { timeout: 30_000 }).toEqual(expected);
    expect(await shownTermCount(inPage(page))).toBeLessThan(12_000 / 2);
    // The reader scrolls the tab in front (a tab behind has its timers held to one a second).
    await page.bringToFront();
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect
      .poll(() => shownTerms(page, '#feed p:last-child').then((terms) => terms.map((t) => t.text)))
      .toEqual(['NMI', 'OIR']);
    await options.close();
    await page.close();
  }, 90_000);

  it('knows an acronym the page defined in an earlier request while that answer is still on its way', async () => {
    // 3,000 paragraphs: the text goes to the background in several requests, two on their way at
    // once, so the second is matched before the page has the answer that brings the definition.
    const uses = '<p>De ZQB rapporteert aan de NMI en werkt samen met de Iraakse autoriteiten in Bagdad.</p>';
    harness.serve('/own-acronym', {
      body: `<!doctype html><html lang="nl"><body><p>De Zorro Quux Bureau (ZQB) is opgericht.</p>${uses.repeat(3000)}</body></html>`,
    });
    const page = await harness.open(`${GOV}/own-acronym`);
    const options = await harness.open(`chrome-extension://${harness.extensionId}/options.html`);
    const expected = await expectedCounts(page, 'p', 'id');
    expect(expected['page:ZQB']).toBe(3001);
    await expect.poll(() => summaryCounts(options, page.url()), { timeout: 30_000 }).toEqual(expected);
    await options.close();
    await page.close();
  }, 60_000);

  it('never shows terms inside form fields, editors, code or hidden text', async () => {
    const page = await harness.open(`${GOV}/editable`);
    await expect.poll(() => shownTerms(page, '#plain').then((t) => t.length)).toBeGreaterThan(0);
    await page.waitForTimeout(300);
    expect(new Set((await shownTerms(page)).map((term) => term.within))).toEqual(new Set(['plain']));
    expect(await page.inputValue('#input')).toBe('NMI in een invoerveld');
    await page.close();
  });

  it('annotates content added later and after history.pushState', async () => {
    const page = await harness.open(`${GOV}/dynamic`);
    await expect.poll(() => shownTerms(page, '#spa').then((t) => t.length)).toBeGreaterThan(0);
    await waitForMarksToSettle(page);
    expect(await shownCounts(page)).toEqual({ 'JOCAT-N': 1, MoPA: 1 });
    expect(page.url()).toBe(`${GOV}/dynamic/page-2`);
    await page.close();
  });

  it('switching the site off removes every trace; on again marks again', async () => {
    const plain = await harness.open(`${OTHER}/voortgang`);
    const page = await harness.open(`${GOV}/voortgang`);
    const marked = await waitForMarksToSettle(page);
    const settings = await harness.open(`chrome-extension://${harness.extensionId}/options.html`);
    await settings.evaluate(() => chrome.storage.sync.set({ disabledSites: ['rijksoverheid.nl'] }));
    await page.waitForFunction(() => !CSS.highlights.has('begrip'));
    expect(await normalizedBody(inPage(page))).toBe(await normalizedBody(inPage(plain)));
    await settings.evaluate(() => chrome.storage.sync.set({ disabledSites: [] }));
    expect(await waitForMarksToSettle(page)).toBe(marked);
    for (const p of [plain, page, settings]) await p.close();
  });
});

describe('the gloss', () => {
  it('opens on hover with the English gloss of NMI, below or above the term, and closes with Escape', async () => {
    const page = await harness.open(`${GOV}/voortgang`);
    await waitForMarksToSettle(page);
    await pointAt(page, 'NMI');
    await expect.poll(() => isOpen(page)).toBe(true);
    const gloss = await glossState(page);
    expect(gloss.text).toContain('NATO Mission Iraq');
    expect(gloss.role).toBe('tooltip');
    // The page cannot read it: the shadow root is closed.
    expect(gloss.mode).toBe('closed');
    expect(
      await page.evaluate(() => document.querySelector('begrip-tooltip')?.shadowRoot ?? null),
    ).toBeNull();
    const [term] = (await shownTerms(page)).filter((t) => t.text === 'NMI');
    if (!term?.box || !gloss.box) throw new Error('no boxes');
    const overlaps =
      gloss.box.top < term.box.top + term.box.height && term.box.top < gloss.box.top + gloss.box.height;
    expect(overlaps).toBe(false);
    expect(await currentTerm(page)).toBe('NMI');
    await harness.screenshot(page, 'gloss-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await harness.screenshot(page, 'gloss-dark');
    await page.keyboard.press('Escape');
    await expect.poll(() => isOpen(page)).toBe(false);
    expect(await currentTerm(page)).toBeNull();
    // Away from the terms, the gloss closes by itself.
    await pointAt(page, 'NMI');
    await expect.poll(() => isOpen(page)).toBe(true);
    await page.mouse.move(2, 2);
    await expect.poll(() => isOpen(page)).toBe(false);
    await page.close();
  });

  it('steps from term to term with the step commands, focus in the gloss for screen readers, Escape gives it back', async () => {
    const page = await harness.open(`${GOV}/voortgang`);
    await waitForMarksToSettle(page);
    const order = (await shownTerms(page)).map((t) => t.text);
    // The first step also loads the gloss's code (injected on first use), so focus follows shortly.
    await step(page, 1);
    await expect.poll(async () => (await glossState(page)).focused).toBe(true);
    const first = await currentTerm(page);
    expect(first).toBe(order[0]);
    await step(page, 1);
    await expect.poll(() => currentTerm(page)).toBe(order[1]);
    expect((await glossState(page)).focused).toBe(true);
    await step(page, -1);
    await expect.poll(() => currentTerm(page)).toBe(first);
    // The old in-page shortcut does nothing any more: keys are the browser's commands now.
    await page.keyboard.press('Alt+Shift+N');
    await page.waitForTimeout(300);
    expect(await currentTerm(page)).toBe(first);
    expect(await glossText(page)).toBeTruthy();
    await page.keyboard.press('Escape');
    await expect.poll(() => isOpen(page)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('body');
    await page.close();
  });

  it('explains a term inside a link on the first tap; the next tap follows the link', async () => {
    harness.serve('/linked', {
      body: '<!doctype html><html lang="nl"><head><title>Link</title></head><body><main><p>Zie <a href="https://www.example.org/linked-target">de brief over de NMI</a>.</p></main></body></html>',
    });
    harness.serve('/linked-target', { body: '<!doctype html><title>Doel</title><p>Doel</p>' });
    const page = await harness.open(`${GOV}/linked`);
    await expect.poll(() => shownTerms(page, 'a').then((t) => t.map((term) => term.text))).toEqual(['NMI']);
    const { x, y } = await termPoint(page, 'NMI', 'a');
    const before = page.url();
    await page.mouse.click(x, y);
    await expect.poll(() => isOpen(page)).toBe(true);
    expect(page.url()).toBe(before);
    await page.mouse.click(x, y);
    await expect.poll(() => page.url()).toBe('https://www.example.org/linked-target');
    await page.close();
  });

  it('works under a strict Content-Security-Policy, styled', async () => {
    const page = await harness.open(`${GOV}/strict-csp`);
    await waitForMarksToSettle(page);
    await pointAt(page, 'Red Card Holder');
    await expect.poll(() => isOpen(page)).toBe(true);
    const gloss = await glossState(page);
    expect(gloss.html).toContain('Red Card Holder');
    // Styled by the adopted stylesheet: a rounded box of its own width, not unstyled text.
    expect(gloss.box?.width).toBeGreaterThan(150);
    expect(gloss.box?.width).toBeLessThanOrEqual(380);
    await harness.screenshot(page, 'gloss-strict-csp');
    await page.close();
  });

  it('survives page CSS that would wreck a naive tooltip', async () => {
    const page = await harness.open(`${GOV}/hostile`);
    await waitForMarksToSettle(page);
    const { x, y } = await termPoint(page, 'NMI');
    // A real click (the gloss ignores events a page dispatches).
    await page.mouse.click(x, y);
    await expect.poll(() => isOpen(page)).toBe(true);
    const host = await page.evaluate(() => {
      const element = document.querySelector('begrip-tooltip');
      return element ? getComputedStyle(element).zIndex : null;
    });
    expect(host).toBe('2147483647');
    const gloss = await glossState(page);
    const [term] = (await shownTerms(page)).filter((t) => t.text === 'NMI');
    if (!term?.box || !gloss.box) throw new Error('no boxes');
    expect(
      gloss.box.top >= term.box.top + term.box.height || gloss.box.top + gloss.box.height <= term.box.top,
    ).toBe(true);
    expect(gloss.box.width).toBeGreaterThan(150);
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
