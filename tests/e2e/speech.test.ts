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

  it('puts a speak button in the popup entry view for a language with a local voice only', async () => {
    const popup = await harness.context.newPage();
    // Listed before the popup's scripts ask for voices: a local Dutch voice, no English one.
    await popup.addInitScript(() => {
      window.spoken = [];
      Object.defineProperty(speechSynthesis, 'getVoices', {
        configurable: true,
        value: () => [
          { lang: 'nl-NL', localService: true, name: 'Test nl', voiceURI: 'test-nl', default: false },
          { lang: 'en-GB', localService: false, name: 'Net en', voiceURI: 'net-en', default: false },
        ],
      });
      speechSynthesis.speak = (utterance) => {
        window.spoken.push([utterance.text, utterance.lang]);
      };
      speechSynthesis.cancel = () => {};
    });
    await popup.goto(`chrome-extension://${harness.extensionId}/popup.html?q=artikel%20100-brief`);
    await popup.locator('.result').first().waitFor();
    await popup.keyboard.press('Enter');
    await popup.locator('.entry-term').waitFor();
    const say = popup.locator('.entry button.say');
    await expect
      .poll(() => say.evaluateAll((b) => b.map((x) => x.getAttribute('aria-label'))))
      .toEqual(['Say it in Dutch']);
    // In the Dutch section, beside the Dutch name.
    expect(await say.evaluate((b) => b.closest('section')?.getAttribute('lang'))).toBe('nl');
    await say.click();
    const spoken = await popup.evaluate(() => window.spoken);
    expect(spoken).toEqual([[expect.stringMatching(/artikel 100/i), 'nl-NL']]);
    await harness.screenshot(popup, 'popup-entry-say');
    await popup.close();
  });

  it('shows no speak button in the entry view where the device has no voice', async () => {
    const popup = await harness.context.newPage();
    await popup.addInitScript(() => {
      Object.defineProperty(speechSynthesis, 'getVoices', { configurable: true, value: () => [] });
    });
    await popup.goto(`chrome-extension://${harness.extensionId}/popup.html?q=NMI`);
    await popup.locator('.result').first().waitFor();
    await popup.keyboard.press('Enter');
    await popup.locator('.entry-term').waitFor();
    // voicesReady gives up after 1.5 s without voices; the view must still have no button then.
    await popup.waitForTimeout(2000);
    expect(await popup.locator('.entry button.say').count()).toBe(0);
    await popup.close();
  });
});
