/**
 * What a page does to its own content after load must not carry anything of Begrip's along, its
 * layout stays as it was, and a page cannot make Begrip show its knowledge (issue 14, audit F4,
 * F6, F7, F8), in Chromium with the production build.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgeEvents, layoutBoxes, safetyPages } from '../fixtures/safety-pages';
import { glossState } from './gloss-probe';
import { type Harness, launch } from './harness';
import { inTermsOnScreen, shownTerms, shownTexts, termPoint } from './page-terms';

const GOV = 'https://www.rijksoverheid.nl';
let harness: Harness;

beforeAll(async () => {
  harness = await launch();
  for (const [path, fixture] of Object.entries(safetyPages())) harness.serve(path, fixture);
});
afterAll(async () => harness?.close());

const marks = async (p: Page, selector: string) => (await shownTexts(p, selector)).length;

describe('editable after load', () => {
  it('contenteditable switched on: its terms go before anyone types, and nothing reaches innerHTML', async () => {
    const p = await harness.open(`${GOV}/editor`);
    await expect.poll(() => marks(p, '#ed'), { timeout: 10_000 }).toBe(2);
    await p.evaluate(() => {
      (document.getElementById('ed') as HTMLElement).contentEditable = 'true';
    });
    await expect.poll(() => marks(p, '#ed')).toBe(0);
    await p.click('#ed p');
    await p.keyboard.press('End');
    await p.keyboard.type(' Nieuwe zin over NMI.');
    await p.waitForTimeout(300);
    const html = await p.evaluate(() => document.getElementById('ed')?.innerHTML ?? '');
    expect(html).not.toContain('begrip');
    expect(html).toContain('De NMI missie en de OIR. Nieuwe zin over NMI.');
    // Outside the editor the marks stay.
    expect(await marks(p, '#other')).toBe(1);
    await p.close();
  });

  it('designMode: the document shows no terms from the first edit, and nothing of Begrip is in it', async () => {
    const p = await harness.open(`${GOV}/design`);
    await expect.poll(() => marks(p, '#text'), { timeout: 10_000 }).toBe(2);
    await p.evaluate(() => {
      document.designMode = 'on';
    });
    await p.click('#text');
    await p.keyboard.type('X');
    await p.waitForTimeout(300);
    const html = await p.evaluate(() => document.body.innerHTML);
    expect(html).not.toContain('begrip');
    expect(await marks(p, 'body')).toBe(0);
    await p.close();
  });
});

describe('content revealed by attributes', () => {
  it('is marked when hidden or aria-hidden is taken away', async () => {
    const p = await harness.open(`${GOV}/accordion`);
    await expect.poll(() => marks(p, '#open'), { timeout: 10_000 }).toBe(1);
    expect(await marks(p, '#closed')).toBe(0);
    await p.evaluate(() => {
      document.getElementById('closed')?.removeAttribute('hidden');
      document.getElementById('aria')?.setAttribute('aria-hidden', 'false');
    });
    await expect.poll(() => marks(p, '#closed')).toBe(2);
    await expect.poll(() => marks(p, '#aria')).toBe(1);
    // Hidden again: the marks go with it.
    await p.evaluate(() => document.getElementById('closed')?.setAttribute('hidden', ''));
    await expect.poll(() => marks(p, '#closed')).toBe(0);
    await p.close();
  });
});

describe('a page cannot provoke the gloss', () => {
  it('ignores forged marks, forged hovers, clicks and shortcuts', async () => {
    const p = await harness.open(`${GOV}/forged`);
    await expect.poll(() => marks(p, '#real'), { timeout: 10_000 }).toBe(1);
    await p.evaluate(forgeEvents);
    await p.waitForTimeout(1200);
    expect(await p.locator('begrip-tooltip').count()).toBe(0);
    expect((await glossState(p)).open).toBe(false);
    // The reader's own hover still opens the gloss of the real term; the page cannot read it.
    const { x, y } = await termPoint(p, 'NMI', '#real');
    await p.mouse.move(x, y);
    await expect.poll(async () => (await glossState(p)).text ?? '').toContain('NATO Mission Iraq');
    const seen = await p.evaluate(() => {
      const host = document.querySelector('begrip-tooltip');
      return {
        root: host?.shadowRoot ?? null,
        text: host?.textContent ?? null,
        ids: document.querySelectorAll('[data-begrip-id]:not(#forged)').length,
        html: (() => {
          const copy = document.body.cloneNode(true) as HTMLElement;
          copy.querySelector('#forged')?.remove();
          return copy.innerHTML;
        })(),
      };
    });
    expect(seen.root).toBeNull();
    expect(seen.text).toBe('');
    expect(seen.ids).toBe(0);
    expect(seen.html).not.toContain('begrip');
    await p.close();
  });

  it('shows no text hidden with CSS in a block of 60,000 elements read whole, and shows it once revealed', async () => {
    const p = await harness.open(`${GOV}/spans-hidden`);
    await expect
      .poll(() => p.evaluate(inTermsOnScreen, 'NMI'), { timeout: 20_000 })
      .toMatchObject({ missing: 0 });
    await p.waitForTimeout(300);
    expect(new Set(await shownTexts(p))).toEqual(new Set(['NMI']));
    await p.evaluate(() => document.querySelector('.closed')?.classList.remove('closed'));
    await expect.poll(() => shownTexts(p)).toContain('OIR');
    expect(await shownTexts(p)).not.toContain('EUAM');
    await p.close();
  });

  it('shows no text hidden with CSS, and shows it once a class reveals it', async () => {
    const p = await harness.open(`${GOV}/hidden-css`);
    await expect.poll(() => marks(p, '#visible'), { timeout: 10_000 }).toBe(1);
    await p.waitForTimeout(300);
    expect((await shownTerms(p)).map((term) => term.within)).toEqual(['visible']);
    await p.evaluate(() => document.getElementById('panel')?.classList.remove('closed'));
    await expect.poll(() => shownTexts(p, '#panel')).toEqual(['CDS']);
    await p.close();
  });
});

describe('layout', () => {
  it('leaves flex and grid boxes and :first-child rules exactly as on the page without Begrip', async () => {
    const plain = await harness.open('https://www.example.org/layout');
    const p = await harness.open(`${GOV}/layout`);
    await expect.poll(() => marks(p, '#flex'), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => marks(p, '#grid')).toBe(2);
    expect(await marks(p, '#list')).toBe(1);
    expect(await p.evaluate(layoutBoxes)).toEqual(await plain.evaluate(layoutBoxes));
    expect(await p.evaluate(() => getComputedStyle(document.querySelector('#list a') as Element).color)).toBe(
      'rgb(200, 0, 0)',
    );
    await harness.screenshot(p, 'layout-flex-grid');
    await plain.close();
    await p.close();
  });
});

describe('one block of 1.5 MB (a transcript, audit F1)', () => {
  it('shows the terms near the viewport first and more as the reader scrolls', async () => {
    const p = await harness.open(`${GOV}/transcript`);
    const shown = () => p.evaluate(() => CSS.highlights.get('begrip')?.size ?? 0);
    await expect.poll(shown, { timeout: 20_000 }).toBeGreaterThan(10);
    const first = await shown();
    // 72,000 terms in the block: only a screenful or so is shown at once.
    expect(first).toBeLessThan(1000);
    await p.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
    await expect.poll(shown, { timeout: 10_000 }).toBeGreaterThan(first);
    await p.close();
  });
});

describe('one block of 60,000 <span> words (audit E7a)', () => {
  it.each([
    ['/spans', 'in one column'],
    ['/spans-columns', 'in two columns'],
  ])(
    'is read whole: every term on screen is shown on its own word, and more as the reader scrolls (%s, %s)',
    async (path) => {
      const p = await harness.open(`${GOV}${path}`);
      const onScreen = () => p.evaluate(inTermsOnScreen, 'NMI');
      for (const to of [0, 0.5, 1]) {
        await p.evaluate(
          (at) => window.scrollTo(0, (document.body.scrollHeight - window.innerHeight) * at),
          to,
        );
        await expect.poll(onScreen, { timeout: 20_000 }).toMatchObject({ missing: 0, wrong: 0 });
        const { onScreen: seen, shown } = await onScreen();
        expect(seen).toBeGreaterThan(5);
        // 1,500 terms in the block: only those near the screen are looked up and shown.
        expect(shown).toBeLessThan(1000);
      }
      await p.close();
    },
  );
});
