/**
 * Issue 14 in Firefox ESR (firefox-harness.ts), on the pages the Chromium tests use
 * (tests/fixtures/safety-pages.ts): a React app updates and removes text with terms and never
 * throws; content made editable loses its marks before the first edit; revealed content is
 * marked; a page cannot open the gloss with forged marks or events.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgeEvents, safetyPages } from '../fixtures/safety-pages';
import { type FirefoxHarness, launchFirefox, pause, until } from './firefox-harness';

declare global {
  interface Window {
    update: (text: string) => void;
    dropFirst: () => void;
    errors: string[];
  }
}

let harness: FirefoxHarness;
let gov: string;

beforeAll(async () => {
  harness = await launchFirefox();
  gov = harness.origin('www.rijksoverheid.nl');
  for (const [path, fixture] of Object.entries(safetyPages())) harness.serve(path, fixture);
});
afterAll(async () => harness?.close());

const marksIn = (page: Page, selector: string) =>
  page.evaluate(
    (s) => [...document.querySelectorAll(`${s} begrip-mark`)].map((m) => m.textContent),
    selector,
  );
const text = (page: Page, selector: string) =>
  page.evaluate((s) => document.querySelector(s)?.textContent, selector);

describe('Firefox: pages that change their own content', () => {
  it('a React app updates and removes text with terms, never throws, and the new text is marked', async () => {
    const page = await harness.open(`${gov}/react`);
    expect(await until(async () => (await marksIn(page, '#text')).length === 2)).toBe(true);
    await page.evaluate(() => window.update('Gewijzigde tekst over EUAM.'));
    expect(await until(async () => (await text(page, '#text')) === 'Gewijzigde tekst over EUAM.')).toBe(true);
    expect(await until(async () => (await marksIn(page, '#text')).join() === 'EUAM')).toBe(true);
    await page.evaluate(() => window.dropFirst());
    expect(await until(async () => (await text(page, '#list')) === 'JOCAT-N traint.De CDS beslist.')).toBe(
      true,
    );
    expect(await page.evaluate(() => window.errors)).toEqual([]);
    await page.close();
  });

  it('content made editable loses its marks before the first edit; revealed content is marked', async () => {
    const editor = await harness.open(`${gov}/editor`);
    expect(await until(async () => (await marksIn(editor, '#ed')).length === 2)).toBe(true);
    await editor.evaluate(() => {
      (document.getElementById('ed') as HTMLElement).contentEditable = 'true';
    });
    expect(await until(async () => (await marksIn(editor, '#ed')).length === 0)).toBe(true);
    await editor.click('#ed p');
    await editor.keyboard.type(' NMI');
    await pause(300);
    expect(await editor.evaluate(() => document.getElementById('ed')?.innerHTML)).not.toContain('begrip');
    await editor.close();

    const accordion = await harness.open(`${gov}/accordion`);
    expect(await until(async () => (await marksIn(accordion, '#open')).length === 1)).toBe(true);
    await accordion.evaluate(() => document.getElementById('closed')?.removeAttribute('hidden'));
    expect(await until(async () => (await marksIn(accordion, '#closed')).length === 2)).toBe(true);
    await accordion.close();
  });

  it('a page cannot open the gloss with forged marks or events', async () => {
    const page = await harness.open(`${gov}/forged`);
    expect(await until(async () => (await marksIn(page, '#real')).length === 1)).toBe(true);
    await page.evaluate(forgeEvents);
    await pause(1200);
    expect(
      await page.evaluate(() =>
        document.querySelector('begrip-tooltip')?.shadowRoot?.querySelector('.tooltip'),
      ),
    ).toBeFalsy();
    await page.hover('#real begrip-mark');
    const opened = await until(() =>
      page.evaluate(() => !!document.querySelector('begrip-tooltip')?.shadowRoot?.querySelector('.tooltip')),
    );
    expect(opened).toBe(true);
    await page.close();
  });
});
