import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_PAGE_TEXT_BLOCKS, seedPage } from '../fixtures/seed-page';
import { readSeed } from '../fixtures/seeds';
import { type Harness, inPage, launch } from './harness';
import { expectedCounts, settledMarkCount } from './page-checks';
import { shownTexts } from './page-terms';

let harness: Harness;

beforeAll(async () => {
  harness = await launch();
  harness.serve('/actueel/nieuws/nmi', {
    body: seedPage('Aanvullende Nederlandse militaire inzet in Irak', readSeed('000_0bc7f43dc9c984f1.txt')),
  });
  harness.serve('/elsewhere', { body: seedPage('Not a government site', 'NMI en OIR in Irak.') });
  // The same long seed page on a government host (marked) and on a host outside the defaults (not).
  const voortgang = seedPage('Voortgangsrapportage Irak', readSeed('002_e3c0c53e0898a8e8.txt'));
  harness.serve('/kamerstukken/voortgang', { body: voortgang });
});
afterAll(async () => harness?.close());

describe('the built extension in Chromium', () => {
  it('loads with its service worker and manifest', async () => {
    expect(harness.extensionId).toMatch(/^[a-p]{32}$/);
    const page = await harness.open(`chrome-extension://${harness.extensionId}/manifest.json`);
    const manifest = JSON.parse((await page.textContent('body')) ?? '{}');
    expect(manifest.manifest_version).toBe(3);
    // Its icon in the toolbar and on chrome://extensions (and the 128 px one a store listing needs).
    expect(manifest.icons).toEqual({
      16: 'icon/16.png',
      32: 'icon/32.png',
      48: 'icon/48.png',
      128: 'icon/128.png',
    });
    expect(manifest.action.default_icon).toEqual({ 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png' });
    const icon = await harness.open(`chrome-extension://${harness.extensionId}/icon/128.png`);
    expect(await icon.evaluate(() => (document.querySelector('img') as HTMLImageElement).naturalWidth)).toBe(
      128,
    );
    await icon.close();
    expect(manifest.host_permissions).toContain('https://*.rijksoverheid.nl/*');
    // Keyboard shortcuts the reader can change in the browser, with defaults that do not clash.
    expect(manifest.commands['next-term'].suggested_key.default).toBe('Alt+Period');
    expect(manifest.commands['previous-term'].suggested_key.default).toBe('Alt+Comma');
    expect(manifest.commands._execute_action).toBeDefined();
    await page.close();
  });

  it('runs the content script on a government page and shows glossary terms', async () => {
    const page = await harness.open('https://www.rijksoverheid.nl/actueel/nieuws/nmi');
    await expect.poll(() => shownTexts(page), { timeout: 10_000 }).toContain('NMI');
    expect(await shownTexts(page)).toContain('OIR');
    await harness.screenshot(page, 'content-script-seed-000');
    await page.close();
  });

  it('leaves the page text exactly as it was', async () => {
    const marked = await harness.open('https://www.rijksoverheid.nl/kamerstukken/voortgang');
    const plain = await harness.open('https://www.example.org/kamerstukken/voortgang');
    expect(await settledMarkCount(inPage(marked), (ms) => marked.waitForTimeout(ms))).toBeGreaterThan(300);
    expect(await shownTexts(plain)).toHaveLength(0);
    for (const property of ['innerText', 'textContent', 'innerHTML'] as const) {
      const [a, b] = await Promise.all(
        [marked, plain].map((page) => page.evaluate((p) => document.body[p], property)),
      );
      expect(a, property).toBe(b);
    }
    await marked.close();
    await plain.close();
  });

  it('does not run on a site outside the defaults', async () => {
    const page = await harness.open('https://www.example.org/elsewhere');
    await page.waitForTimeout(1000);
    expect(await shownTexts(page)).toHaveLength(0);
    await page.close();
  });

  it('renders the popup with a focused search field that finds a term', async () => {
    const page = await harness.open(`chrome-extension://${harness.extensionId}/popup.html`);
    const search = page.locator('input[type="search"]');
    await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
    await search.fill('jocatn');
    await page.waitForSelector('.result');
    expect(await page.locator('.result').first().textContent()).toContain('JOCAT-N');
    await harness.screenshot(page, 'popup-search');
    // A Dutch acronym: its Dutch expansion, and its English name rather than the Dutch words twice.
    await search.fill('CDS');
    const cds = page.locator('.result', { has: page.locator('.result-term', { hasText: /^CDS$/ }) });
    await expect.poll(() => cds.locator('[lang="en"]').textContent()).toBe('Chief of Defence');
    expect(await cds.locator('[lang="nl"]').textContent()).toBe('Commandant der Strijdkrachten');
    await harness.screenshot(page, 'popup-search-dutch-acronym');
    await page.close();
  });

  it('opens the search with a selection (the context menu target) and shows the page’s term count on the badge', async () => {
    const popup = await harness.open(`chrome-extension://${harness.extensionId}/popup.html?q=red%20card`);
    expect(await popup.inputValue('input[type="search"]')).toBe('red card');
    expect(await popup.locator('.result').first().textContent()).toContain('Red Card Holder');

    const page = await harness.open('https://www.rijksoverheid.nl/actueel/nieuws/nmi');
    await settledMarkCount(inPage(page), (ms) => page.waitForTimeout(ms));
    const distinct = Object.keys(await expectedCounts(inPage(page), SEED_PAGE_TEXT_BLOCKS, 'id')).length;
    const badge = () =>
      popup.evaluate(async () => {
        const api = (globalThis as unknown as { chrome: typeof import('webextension-polyfill') }).chrome;
        const [tab] = await api.tabs.query({ url: 'https://www.rijksoverheid.nl/actueel/nieuws/nmi' });
        return api.action.getBadgeText({ tabId: tab?.id });
      });
    await expect.poll(badge).toBe(String(distinct));
    await page.close();
    await popup.close();
  });

  it('renders the options page', async () => {
    const page = await harness.open(`chrome-extension://${harness.extensionId}/options.html`);
    await page.waitForSelector('form.settings');
    expect(await page.locator('input[name="markMode"]').count()).toBe(2);
    await harness.screenshot(page, 'options');
    await page.close();
  });
});
