/**
 * "Say it" (issue 17), in Chromium: the gloss shows a speak button only where the device has a
 * Dutch (or English) voice, and speaks through the browser's own speechSynthesis. Headless
 * Chromium has no voices, so the test lists one (a stub in the reader page, where the gloss runs
 * in the page's own world; on web pages it runs in the content script's, out of a page's reach).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, launch } from './harness';

let harness: Harness;

beforeAll(async () => {
  harness = await launch();
});
afterAll(async () => harness?.close());

declare global {
  interface Window {
    spoken: [string, string][];
  }
}

async function readerWithText(): Promise<Page> {
  const page = await harness.open(`chrome-extension://${harness.extensionId}/reader.html`);
  await page.getByRole('button', { name: 'Paste text' }).click();
  await page.getByRole('textbox', { name: 'Paste text' }).fill('De NMI en de OIR, en de Red Card Holder.');
  await page.getByRole('button', { name: 'Show with terms explained' }).click();
  await page.locator('.text-view begrip-mark').first().waitFor();
  return page;
}

const glossButtons = (page: Page) =>
  page
    .locator('begrip-tooltip .tooltip button.say')
    .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')));

describe('say it', () => {
  it('offers no button without a voice, one per language with a voice, and speaks with it', async () => {
    const page = await readerWithText();
    await page.evaluate(() => {
      Object.defineProperty(speechSynthesis, 'getVoices', { configurable: true, value: () => [] });
    });
    await page.locator('.text-view begrip-mark', { hasText: 'NMI' }).hover();
    await page.locator('begrip-tooltip .tooltip').waitFor();
    expect(await glossButtons(page)).toEqual([]);
    // A device with a local Dutch voice (and a network English one, which must not be used).
    await page.evaluate(() => {
      window.spoken = [];
      const voice = (lang: string, localService: boolean) => ({
        lang,
        localService,
        name: `Test ${lang}`,
        voiceURI: `test-${lang}`,
        default: false,
      });
      Object.defineProperty(speechSynthesis, 'getVoices', {
        configurable: true,
        value: () => [voice('nl-NL', true), voice('en-US', false)],
      });
      speechSynthesis.speak = (utterance) => {
        window.spoken.push([utterance.text, utterance.lang]);
      };
      speechSynthesis.cancel = () => {};
    });
    await page.mouse.move(1, 1);
    await page.locator('begrip-tooltip').waitFor({ state: 'detached' });
    await page.locator('.text-view begrip-mark', { hasText: 'OIR' }).hover();
    await expect.poll(() => glossButtons(page)).toEqual(['Say it in Dutch']);
    await page.locator('begrip-tooltip .tooltip button.say').click();
    const spoken = await page.evaluate(() => window.spoken);
    expect(spoken).toHaveLength(1);
    expect(spoken[0]?.[1]).toBe('nl-NL');
    expect(spoken[0]?.[0]).toMatch(/^OIR, /);
    await harness.screenshot(page, 'gloss-say');
    await page.close();
  });
});
