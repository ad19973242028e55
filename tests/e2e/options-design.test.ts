/**
 * The visual identity in Chromium: the options page (header, section navigation by keyboard, axe
 * in light and dark, 400 px wide), the popup's header and shortcut footer, the Keyboard section
 * (commands as the browser has them), the entry view's two languages, and the toolbar icon's
 * off state. Screenshots for review and for docs/images/.
 */
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPage } from '../fixtures/seed-page';
import { readSeed } from '../fixtures/seeds';
import { seriousViolations } from './axe';
import { type Harness, launch } from './harness';
import { settledMarkCount } from './page-checks';

/** The extension API as seen from the extension's own pages and its service worker. */
declare const chrome: {
  storage: { sync: { set(items: Record<string, unknown>): Promise<void> } };
  tabs: {
    create(props: { url: string; active: boolean }): Promise<{ id?: number }>;
    query(filter: { url?: string }): Promise<{ id?: number; url?: string }[]>;
  };
  commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> };
  action: {
    setIcon: (details: { tabId?: number; path?: Record<string, string> }, ...rest: unknown[]) => unknown;
  };
  runtime: { lastError?: { message?: string } };
};

const GOV = 'https://www.rijksoverheid.nl';
let harness: Harness;
let base: string;

beforeAll(async () => {
  harness = await launch();
  base = `chrome-extension://${harness.extensionId}`;
  harness.serve('/brief', { body: seedPage('Artikel 100-brief', readSeed('004_58c76a8e68136705.txt')) });
  harness.serve('/elders', { body: seedPage('Elders', 'De NMI en de Red Card Holder.') });
});
afterAll(async () => harness?.close());

const openOptions = async (hash = '') => {
  const page = await harness.open(`${base}/options.html${hash}`);
  await page.locator('.options-page').waitFor();
  return page;
};
const sync = (page: Page, items: Record<string, unknown>) =>
  page.evaluate((values) => chrome.storage.sync.set(values), items);

describe('the options page', () => {
  it('has a header with the icon and the name, and passes axe-core in light and dark', async () => {
    const page = await openOptions();
    await page.setViewportSize({ width: 1280, height: 900 });
    const header = page.locator('header.app-header');
    expect(await header.getByRole('heading', { level: 1 }).textContent()).toBe('Begrip settings');
    const icon = header.locator('img.app-icon');
    expect(await icon.getAttribute('src')).toBe('/icon.svg');
    expect(await icon.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    // Body text at a readable size (Chrome's own default for extension pages is 75 %, 10.5 px).
    const size = await page
      .locator('.section-intro')
      .first()
      .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(14);
    expect(await seriousViolations(page)).toEqual([]);
    await harness.screenshot(page, 'options-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousViolations(page)).toEqual([]);
    await harness.screenshot(page, 'options-dark');
    // Further down, in dark: the display choices, the own glossary, browse with an entry open.
    await page
      .getByRole('navigation', { name: 'Settings sections' })
      .getByRole('link', { name: 'Browse' })
      .click();
    await page.locator('#browse').getByLabel('Filter').fill('nmi');
    await page.locator('#browse .browse-list button', { hasText: /^NMI$/ }).click();
    await page.locator('#browse .entry-term').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await harness.screenshot(page, 'options-dark-browse');
    await page.close();
  }, 120_000);

  it('fits a 400 px wide window without scrolling sideways, in light and dark', async () => {
    const page = await openOptions();
    await page.setViewportSize({ width: 400, height: 800 });
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.getByRole('button', { name: 'Add an entry' }).click();
      await page.getByRole('form', { name: 'Add an entry' }).waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      // axe over the whole page takes ~15 s (the 540 entries of Browse): once, at the end, in dark.
      if (colorScheme === 'dark') expect(await seriousViolations(page)).toEqual([]);
      await page.evaluate(() => window.scrollTo(0, 0));
      await harness.screenshot(page, `options-400-${colorScheme}`);
      await page.getByRole('button', { name: 'Cancel' }).click();
    }
    await page.close();
  }, 120_000);

  it('moves to a section by keyboard: Tab to its link, Enter; the link is aria-current, focus is in the section', async () => {
    const page = await openOptions();
    await page.setViewportSize({ width: 1280, height: 800 });
    const nav = page.getByRole('navigation', { name: 'Settings sections' });
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      'Sites',
      'Display',
      'Your glossary',
      'History',
      'Browse',
      'Keyboard',
      'About',
    ]);
    expect(await nav.locator('[aria-current="true"]').textContent()).toBe('Sites');
    // The navigation comes first in the tab order.
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Sites');
    for (let i = 0; i < 5; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('Keyboard');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('keyboard');
    expect(await nav.locator('[aria-current="true"]').textContent()).toBe('Keyboard');
    expect(page.url()).toMatch(/#keyboard$/);
    const top = await page.locator('#keyboard').evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeLessThan(100);
    // Tab goes on inside the section.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('#keyboard'))).toBe(true);
    // Scrolling by hand moves aria-current with it.
    await page.evaluate(() => document.getElementById('own')?.scrollIntoView());
    await expect.poll(() => nav.locator('[aria-current="true"]').textContent()).toBe('Your glossary');
    await page.close();
  });

  it('opens at the section its address names (the popup links to #keyboard)', async () => {
    const page = await openOptions('#keyboard');
    const nav = page.getByRole('navigation', { name: 'Settings sections' });
    await expect.poll(() => nav.locator('[aria-current="true"]').textContent()).toBe('Keyboard');
    const top = await page.locator('#keyboard').evaluate((el) => el.getBoundingClientRect().top);
    expect(Math.abs(top)).toBeLessThan(100);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.locator('#keyboard').scrollIntoViewIfNeeded();
    await harness.screenshot(page, 'options-keyboard');
    await page.close();
  });

  it('lists the next-term and previous-term commands with the shortcuts the browser has for them', async () => {
    const page = await openOptions('#keyboard');
    const commands = await page.evaluate(() => chrome.commands.getAll());
    const shortcutOf = (name: string) => commands.find((c) => c.name === name)?.shortcut ?? '';
    const section = page.locator('#keyboard');
    for (const [name, label] of [
      ['next-term', 'Explain the next term on the page'],
      ['previous-term', 'Explain the previous term on the page'],
    ] as const) {
      const row = section.locator(`[data-command="${name}"]`);
      expect(await row.locator('dt').textContent()).toBe(label);
      // Each key of the browser's shortcut, as a key; "." and "," with their names for screen readers.
      const keys = shortcutOf(name).split('+').filter(Boolean);
      expect(keys.length).toBeGreaterThan(0);
      expect(await row.locator('dd kbd kbd').count()).toBe(keys.length);
      expect(await row.locator('dd').textContent()).toMatch(/^Alt\+[.,](Period|Comma)$/);
    }
    // Opening the popup has no default shortcut: "not set".
    expect(shortcutOf('_execute_action')).toBe('');
    expect(await section.locator('[data-command="_execute_action"] dd').textContent()).toBe('not set');
    expect(await section.locator('code').textContent()).toBe('chrome://extensions/shortcuts');
    // The button opens the browser's shortcuts page (which extension pages cannot link to).
    const opened = harness.context.waitForEvent('page', { timeout: 5_000 });
    await section.getByRole('button', { name: 'Open the shortcut settings' }).click();
    const shortcuts = await opened;
    await expect.poll(() => shortcuts.url()).toBe('chrome://extensions/shortcuts');
    await shortcuts.close();
    // The whole page is checked above; here the section alone (axe over 540 entries is slow).
    expect(await seriousViolations(page, '#keyboard')).toEqual([]);
    await page.close();
  });
});

describe('the popup', () => {
  it('shows the icon and the name in its header, and the step shortcuts in its footer', async () => {
    const popup = await harness.open(`${base}/popup.html?q=jocatn`);
    await popup.setViewportSize({ width: 380, height: 560 });
    await popup.locator('.result').first().waitFor();
    const header = popup.locator('header.popup-header');
    expect(await header.locator('.app-name').textContent()).toBe('Begrip');
    const icon = header.locator('img.app-icon');
    expect(await icon.getAttribute('src')).toBe('/icon.svg');
    expect(await icon.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    const footer = popup.locator('footer.popup-footer');
    await expect
      .poll(() => footer.textContent())
      .toMatch(/Alt\+\.Period \/ Alt\+,Comma next \/ previous term/);
    expect(await footer.getByRole('link', { name: 'Change shortcuts' }).getAttribute('href')).toBe(
      '/options.html#keyboard',
    );
    expect(await seriousViolations(popup)).toEqual([]);
    await harness.screenshot(popup, 'popup-search-light');
    await popup.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousViolations(popup)).toEqual([]);
    await harness.screenshot(popup, 'popup-search-dark');
    await popup.close();
  });

  it('shows an entry in both languages, the interface language first', async () => {
    const popup = await harness.open(`${base}/popup.html?q=red%20card`);
    await popup.setViewportSize({ width: 380, height: 560 });
    await popup.locator('.result').first().waitFor();
    await popup.keyboard.press('Enter');
    await popup.locator('.entry-term').waitFor();
    const languages = () =>
      popup.locator('.entry-lang').evaluateAll((els) => els.map((el) => el.getAttribute('lang')));
    expect(await languages()).toEqual(['en', 'nl']);
    expect(await seriousViolations(popup)).toEqual([]);
    await harness.screenshot(popup, 'popup-entry-light');
    await sync(popup, { uiLanguage: 'nl' });
    const dutch = await harness.open(`${base}/popup.html?q=red%20card`);
    await dutch.locator('.result').first().waitFor();
    await dutch.keyboard.press('Enter');
    await dutch.locator('.entry-term').waitFor();
    expect(
      await dutch.locator('.entry-lang').evaluateAll((els) => els.map((el) => el.getAttribute('lang'))),
    ).toEqual(['nl', 'en']);
    await sync(dutch, { uiLanguage: 'auto' });
    for (const p of [popup, dutch]) await p.close();
  });
});

describe('the toolbar icon', () => {
  it('has a grey variant for tabs where Begrip is off, in 16, 32 and 48 px', async () => {
    const page = await harness.open(`${base}/options.html`);
    for (const size of [16, 32, 48]) {
      const pixels = await page.evaluate(async (url) => {
        const image = await createImageBitmap(await (await fetch(url)).blob());
        const canvas = new OffscreenCanvas(image.width, image.height);
        const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
        context.drawImage(image, 0, 0);
        const data = context.getImageData(0, 0, image.width, image.height).data;
        let coloured = 0;
        let opaque = 0;
        for (let i = 0; i < data.length; i += 4) {
          const [r = 0, g = 0, b = 0, a = 0] = data.subarray(i, i + 4);
          if (a > 0) opaque++;
          if (a > 0 && Math.max(r, g, b) - Math.min(r, g, b) > 8) coloured++;
        }
        return { width: image.width, opaque, coloured };
      }, `/icon/off-${size}.png`);
      expect(pixels.width).toBe(size);
      expect(pixels.opaque).toBeGreaterThan(size * size * 0.5);
      expect(pixels.coloured).toBe(0);
    }
    await page.close();
  });

  it('is set to the grey one when the popup switches the site off, and back when on (seen by wrapping action.setIcon in the service worker: no API reads a tab’s icon)', async () => {
    const worker = harness.context.serviceWorkers().find((w) => w.url().startsWith(`${base}/`)) as Worker;
    expect(worker).toBeDefined();
    await worker.evaluate(() => {
      const spy = globalThis as unknown as {
        iconCalls: { tabId?: number; small?: string }[];
        iconErrors: string[];
      };
      spy.iconCalls = [];
      spy.iconErrors = [];
      const original = chrome.action.setIcon.bind(chrome.action);
      chrome.action.setIcon = (details, ...rest) => {
        spy.iconCalls.push({ tabId: details.tabId, small: details.path?.['16'] });
        const result = original(details, ...rest);
        if (result instanceof Promise) result.catch((error: Error) => spy.iconErrors.push(error.message));
        return result;
      };
    });
    /** The last icon set for the tab at `url`, or (null) for the newest tab: Begrip may not read its address. */
    const lastIcon = (url: string | null) =>
      worker.evaluate(async (pattern) => {
        const spy = globalThis as unknown as {
          iconCalls: { tabId?: number; small?: string }[];
          iconErrors: string[];
        };
        const tabs = await chrome.tabs.query(pattern ? { url: pattern } : {});
        const id = pattern ? tabs[0]?.id : Math.max(...tabs.map((tab) => tab.id ?? 0));
        const calls = spy.iconCalls.filter((call) => call.tabId === id);
        return { small: calls.at(-1)?.small, errors: spy.iconErrors };
      }, url);

    const page = await harness.open(`${GOV}/brief`);
    await settledMarkCount(
      (fn, arg) => page.evaluate(fn as never, arg as never),
      (ms) => page.waitForTimeout(ms),
    );
    await expect.poll(() => lastIcon(`${GOV}/brief`)).toEqual({ small: '/icon/16.png', errors: [] });

    // The popup as a background tab, so the page stays the active tab it acts on.
    const created = harness.context.waitForEvent('page');
    await page.bringToFront();
    await worker.evaluate((url) => chrome.tabs.create({ url, active: false }), `${base}/popup.html`);
    const popup = await created;
    await popup.getByRole('tab', { name: /On this page/ }).click();
    const toggle = popup.getByRole('switch');
    expect(await toggle.isChecked()).toBe(true);
    await toggle.click();
    await expect.poll(() => lastIcon(`${GOV}/brief`)).toEqual({ small: '/icon/off-16.png', errors: [] });
    await toggle.click();
    await expect.poll(() => lastIcon(`${GOV}/brief`)).toEqual({ small: '/icon/16.png', errors: [] });

    // A site Begrip does not run on: grey from the start.
    const elsewhere = await harness.open('https://www.example.org/elders');
    await expect
      .poll(() => lastIcon(null))
      .toEqual({
        small: '/icon/off-16.png',
        errors: [],
      });
    for (const p of [popup, page, elsewhere]) await p.close();
  });

  it('caused no console errors on the pages it opened', () => {
    expect(harness.errors).toEqual([]);
  });
});
