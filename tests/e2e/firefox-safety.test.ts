/**
 * Issue 14 in Firefox ESR (firefox-harness.ts), on the pages the Chromium tests use
 * (tests/fixtures/safety-pages.ts): a React app updates and removes text with terms and never
 * throws; content made editable, or a document in designMode, stops showing its terms before the
 * first edit; revealed content shows its terms; a page cannot open the gloss with forged marks or
 * events, nor read it; flex and grid boxes stay as on the page without Begrip; text hidden with
 * CSS shows no term. Terms are ranges of the `begrip` CSS Custom Highlight (page-terms.ts); the
 * gloss, in a closed shadow root, is read through the gloss probe (gloss-probe.ts).
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgeEvents, layoutBoxes, safetyPages } from '../fixtures/safety-pages';
import { type FirefoxHarness, launchFirefox, pause, until } from './firefox-harness';
import { glossState } from './gloss-probe';
import { inCurrentTerm, inTermsOnScreen, shownTerms, shownTexts, termPoint } from './page-terms';

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
/** `until` with room for a loaded machine (2 cores, maybe another browser's tests beside). */
const waitFor = <T>(read: () => Promise<T>, timeout = 20_000) => until(read, timeout);

/** A page as page-terms.ts and gloss-probe.ts take it (puppeteer-core types the argument its own way). */
const via = (page: Page) => ({
  evaluate: <R, A>(fn: (arg: A) => R, arg: A) => page.evaluate(fn as never, arg as never) as Promise<R>,
});
/** The texts of the terms shown inside `selector`. */
const termsIn = (page: Page, selector: string) => shownTexts(via(page), selector);
const text = (page: Page, selector: string) =>
  page.evaluate((s) => document.querySelector(s)?.textContent, selector);
const html = (page: Page, selector: string) =>
  page.evaluate((s) => document.querySelector(s)?.innerHTML ?? '', selector);
const isOpen = async (page: Page) => (await glossState(via(page))).open;

describe('Firefox: pages that change their own content', () => {
  it('a React app updates and removes text with terms, never throws, and the new text shows its terms', async () => {
    const page = await harness.open(`${gov}/react`);
    expect(await waitFor(async () => (await termsIn(page, '#text')).length === 2)).toBe(true);
    expect(await termsIn(page, '#text')).toEqual(['NMI', 'OIR']);
    await page.evaluate(() => window.update('Gewijzigde tekst over EUAM.'));
    expect(await waitFor(async () => (await text(page, '#text')) === 'Gewijzigde tekst over EUAM.')).toBe(
      true,
    );
    expect(await waitFor(async () => (await termsIn(page, '#text')).join() === 'EUAM')).toBe(true);
    await page.evaluate(() => window.dropFirst());
    expect(await waitFor(async () => (await text(page, '#list')) === 'JOCAT-N traint.De CDS beslist.')).toBe(
      true,
    );
    // React's nodes stay React's: nothing of Begrip's among them.
    expect(await html(page, '#root')).not.toContain('begrip');
    expect(await page.evaluate(() => window.errors)).toEqual([]);
    await page.close();
  });

  it('content made editable stops showing its terms before the first edit; revealed content shows them', async () => {
    const editor = await harness.open(`${gov}/editor`);
    expect(await waitFor(async () => (await termsIn(editor, '#ed')).length === 2)).toBe(true);
    expect(await termsIn(editor, '#other')).toEqual(['EUAM']);
    await editor.evaluate(() => {
      (document.getElementById('ed') as HTMLElement).contentEditable = 'true';
    });
    expect(await waitFor(async () => (await termsIn(editor, '#ed')).length === 0)).toBe(true);
    await editor.click('#ed p');
    await editor.keyboard.type(' NMI');
    expect(await waitFor(async () => ((await text(editor, '#ed')) ?? '').split('NMI').length === 3)).toBe(
      true,
    );
    // Time for Begrip to see the edit: the typed term is not shown, the rest of the page still is.
    await pause(1000);
    expect(await termsIn(editor, '#ed')).toEqual([]);
    expect(await termsIn(editor, '#other')).toEqual(['EUAM']);
    expect(await html(editor, '#ed')).not.toContain('begrip');
    await editor.close();

    const accordion = await harness.open(`${gov}/accordion`);
    expect(await waitFor(async () => (await termsIn(accordion, '#open')).length === 1)).toBe(true);
    expect(await termsIn(accordion, '#closed')).toEqual([]);
    await accordion.evaluate(() => document.getElementById('closed')?.removeAttribute('hidden'));
    expect(await waitFor(async () => (await termsIn(accordion, '#closed')).length === 2)).toBe(true);
    expect(await termsIn(accordion, '#closed')).toEqual(['OIR', 'EUAM']);
    await accordion.close();
  });

  it('designMode: the document shows no terms from the first edit, and nothing of Begrip is in it', async () => {
    const page = await harness.open(`${gov}/design`);
    expect(await waitFor(async () => (await termsIn(page, '#text')).length === 2)).toBe(true);
    await page.evaluate(() => {
      document.designMode = 'on';
    });
    await page.click('#text');
    await page.keyboard.type('X');
    expect(await waitFor(async () => (await termsIn(page, 'body')).length === 0)).toBe(true);
    expect(await html(page, 'body')).not.toContain('begrip');
    await page.close();
  });

  it('a page cannot open the gloss with forged marks or events, nor read it', async () => {
    const page = await harness.open(`${gov}/forged`);
    expect(await waitFor(async () => (await termsIn(page, '#real')).length === 1)).toBe(true);
    // A forged <begrip-mark data-begrip-id="nmi">, untrusted hovers, clicks and focus on it and on
    // the real term (at its place on screen), and an untrusted Alt+Shift+N.
    await page.evaluate(forgeEvents);
    await pause(1200);
    expect(await isOpen(page)).toBe(false);
    expect(
      await page.evaluate(() => document.querySelector('begrip-tooltip')?.shadowRoot ?? null),
    ).toBeNull();
    expect(await page.evaluate(inCurrentTerm)).toBeNull();
    // Even the reader's own pointer on the forged mark opens nothing: it is no term of Begrip's.
    const forged = await page.$eval('#forged', (mark) => {
      const { left, top, width, height } = mark.getBoundingClientRect();
      return { x: left + width / 2, y: top + height / 2 };
    });
    await page.mouse.move(forged.x, forged.y);
    await pause(1200);
    expect(await isOpen(page)).toBe(false);
    // The reader's own hover on the real term opens its gloss, which the page cannot read.
    const { x, y } = await termPoint(via(page), 'NMI', '#real');
    await page.mouse.move(x, y);
    expect(await waitFor(() => isOpen(page))).toBe(true);
    expect((await glossState(via(page))).text).toContain('NATO Mission Iraq');
    expect(await page.evaluate(inCurrentTerm)).toBe('NMI');
    const seen = await page.evaluate(() => {
      const host = document.querySelector('begrip-tooltip');
      return { host: !!host, root: host?.shadowRoot ?? null, text: host?.textContent ?? null };
    });
    expect(seen).toEqual({ host: true, root: null, text: '' });
    await page.close();
  });

  it.each([
    ['/spans', 'in one column'],
    ['/spans-columns', 'in two columns'],
  ])(
    'one block of 60,000 <span> words (%s, %s): every term on screen is shown on its own word, also after scrolling',
    async (path) => {
      const page = await harness.open(`${gov}${path}`);
      const onScreen = () => page.evaluate(inTermsOnScreen, 'NMI');
      for (const to of [0, 0.5, 1]) {
        await page.evaluate(
          (at) => window.scrollTo(0, (document.body.scrollHeight - window.innerHeight) * at),
          to,
        );
        const settled = await waitFor(async () => {
          const now = await onScreen();
          return now.onScreen > 5 && now.missing === 0 && now.wrong === 0 ? now : null;
        });
        expect(settled).not.toBeNull();
        // 1,500 terms in the block: only those near the screen are looked up and shown.
        expect(settled?.shown).toBeLessThan(1000);
      }
      await page.close();
    },
  );
});

describe('Firefox: layout and text hidden with CSS', () => {
  it('leaves flex and grid boxes and :first-child rules exactly as on the page without Begrip', async () => {
    const plain = await harness.open(`${harness.origin('www.example.org')}/layout`);
    const page = await harness.open(`${gov}/layout`);
    expect(await waitFor(async () => (await termsIn(page, '#flex')).length === 1)).toBe(true);
    expect(await waitFor(async () => (await termsIn(page, '#grid')).length === 2)).toBe(true);
    expect(await termsIn(page, '#list')).toHaveLength(1);
    expect(await termsIn(plain, 'body')).toEqual([]);
    expect(await page.evaluate(layoutBoxes)).toEqual(await plain.evaluate(layoutBoxes));
    expect(
      await page.evaluate(() => getComputedStyle(document.querySelector('#list a') as Element).color),
    ).toBe('rgb(200, 0, 0)');
    await plain.close();
    await page.close();
  });

  it('shows no text hidden with CSS, and shows it once a class reveals it (audit F4)', async () => {
    const page = await harness.open(`${gov}/hidden-css`);
    expect(await waitFor(async () => (await termsIn(page, '#visible')).length === 1)).toBe(true);
    await pause(300);
    expect((await shownTerms(via(page))).map((term) => term.within)).toEqual(['visible']);
    await page.evaluate(() => document.getElementById('panel')?.classList.remove('closed'));
    expect(await waitFor(async () => (await termsIn(page, '#panel')).join() === 'CDS')).toBe(true);
    await page.close();

    // The same in one block of 60,000 elements read whole: OIR, EUAM and MoPA hidden among its
    // first words, one of them revealed by taking a class away.
    const block = await harness.open(`${gov}/spans-hidden`);
    expect(
      await waitFor(async () => {
        const now = await block.evaluate(inTermsOnScreen, 'NMI');
        return now.onScreen > 5 && now.missing === 0;
      }),
    ).toBe(true);
    await pause(300);
    expect(new Set(await termsIn(block, 'body'))).toEqual(new Set(['NMI']));
    await block.evaluate(() => document.querySelector('.closed')?.classList.remove('closed'));
    expect(await waitFor(async () => (await termsIn(block, 'body')).includes('OIR'))).toBe(true);
    expect(await termsIn(block, 'body')).not.toContain('EUAM');
    await block.close();
  });
});
