/**
 * What a page does to its own content after load must not carry Begrip's marks along, and a page
 * cannot make Begrip show its knowledge (issue 14, audit F4, F6, F8), in Chromium with the
 * production build.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgeEvents, safetyPages } from '../fixtures/safety-pages';
import { type Harness, launch } from './harness';

const GOV = 'https://www.rijksoverheid.nl';
let harness: Harness;

beforeAll(async () => {
  harness = await launch();
  for (const [path, fixture] of Object.entries(safetyPages())) harness.serve(path, fixture);
});
afterAll(async () => harness?.close());

const marks = (p: Page, selector: string) =>
  p.evaluate((s) => document.querySelectorAll(`${s} begrip-mark`).length, selector);

describe('editable after load', () => {
  it('contenteditable switched on: the marks leave before anyone types, and never reach innerHTML', async () => {
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

  it('designMode: the document loses its marks at the first edit', async () => {
    const p = await harness.open(`${GOV}/design`);
    await expect.poll(() => marks(p, '#text'), { timeout: 10_000 }).toBe(2);
    await p.evaluate(() => {
      document.designMode = 'on';
    });
    await p.click('#text');
    await p.keyboard.type('X');
    await p.waitForTimeout(300);
    const html = await p.evaluate(() => document.body.innerHTML);
    expect(html).not.toContain('begrip-mark');
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
    expect(await p.evaluate(() => document.activeElement?.localName)).not.toBe('begrip-mark');
    // The reader's own hover still opens the gloss of the real term.
    await p.locator('#real begrip-mark').hover();
    await expect.poll(() => p.locator('begrip-tooltip .tooltip').isVisible()).toBe(true);
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
