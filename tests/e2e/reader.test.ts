/**
 * The reader in Chromium (issue 8): a PDF made from a seed opens from a default government site,
 * shows the same term counts as the matcher on its text, marks its text layer, explains terms on
 * hover; a corrupt file gets a clear message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPdf } from '../fixtures/seed-pdf';
import { readSeed } from '../fixtures/seeds';
import { seriousViolations } from './axe';
import { type Harness, launch } from './harness';
import { pdfTermCounts } from './page-checks';

let harness: Harness;
let expected: Record<string, number>;
let reader: string;

beforeAll(async () => {
  harness = await launch();
  reader = `chrome-extension://${harness.extensionId}/reader.html`;
  const pdf = await seedPdf(readSeed('004_58c76a8e68136705.txt'));
  harness.serve('/documenten/brief.pdf', {
    body: Buffer.from(pdf) as unknown as string,
    contentType: 'application/pdf',
  });
  harness.serve('/documenten/kapot.pdf', { body: 'dit is geen pdf %%EOF', contentType: 'application/pdf' });
  expected = await pdfTermCounts(pdf);
});
afterAll(async () => harness?.close());

describe('the reader', () => {
  it('opens a PDF from a government site and counts the same terms as the matcher on its text', async () => {
    const page = await harness.open(
      `${reader}?url=${encodeURIComponent('https://www.rijksoverheid.nl/documenten/brief.pdf')}`,
    );
    await page.locator('.page-term').first().waitFor({ timeout: 20_000 });
    const counts = await page.$$eval('.page-term', (rows) =>
      Object.fromEntries(
        rows.map((r) => [(r as HTMLElement).dataset.termId, Number(r.querySelector('.count')?.textContent)]),
      ),
    );
    expect(counts).toEqual(expected);
    expect(Object.keys(counts).length).toBeGreaterThan(30);
    await page.locator('.textLayer begrip-mark').first().waitFor();
    await harness.screenshot(page, 'reader');
    expect(await seriousViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('explains a term on the text layer on hover, and jumps to a term from the side panel', async () => {
    const page = await harness.open(
      `${reader}?url=${encodeURIComponent('https://www.rijksoverheid.nl/documenten/brief.pdf')}`,
    );
    const mark = page.locator('.textLayer begrip-mark[data-begrip-id="nmi"]').first();
    await mark.waitFor({ timeout: 20_000 });
    await mark.hover();
    await expect
      .poll(() => page.locator('begrip-tooltip .tooltip').textContent())
      .toContain('NATO Mission Iraq');
    await page.mouse.move(5, 5);
    await page.locator('.page-term[data-term-id="red-card-holder"]').click();
    await expect
      .poll(() => page.locator('begrip-tooltip .tooltip').textContent())
      .toContain('Red Card Holder');
    await harness.screenshot(page, 'reader-gloss');
    await page.close();
  });

  it('finds text in the whole document, highlights every hit on its page and steps through them', async () => {
    const page = await harness.open(
      `${reader}?url=${encodeURIComponent('https://www.rijksoverheid.nl/documenten/brief.pdf')}`,
    );
    await page.locator('.page-term').first().waitFor({ timeout: 20_000 });
    await page.keyboard.press('Control+f');
    await page.keyboard.type('burgerslachtoffers');
    const status = page.locator('.reader-find [role="status"]');
    const found = /^Page (\d+): (\d+) of (\d+) here \((\d+) pages have it\)$/;
    await page.keyboard.press('Enter');
    await expect.poll(() => status.textContent()).toMatch(found);
    const first = (await status.textContent()) as string;
    expect(first).toMatch(/: 1 of /);
    const hit = (name: string) =>
      page.evaluate((key) => {
        const highlight = CSS.highlights.get(key);
        return highlight ? [...highlight].map((range) => range.toString()) : [];
      }, name);
    await expect.poll(() => hit('begrip-find')).toEqual(['burgerslachtoffers']);
    const [, , , hitsHere] = first.match(found) as RegExpMatchArray;
    expect((await hit('begrip-find-others')).length).toBe(Number(hitsHere) - 1);
    // The seed has the word three times: Enter moves on, Shift+Enter comes back.
    await page.keyboard.press('Enter');
    await expect.poll(() => status.textContent()).not.toBe(first);
    expect(await status.textContent()).toMatch(found);
    await harness.screenshot(page, 'reader-find');
    await page.keyboard.press('Shift+Enter');
    await expect.poll(() => status.textContent()).toBe(first);
    expect(await hit('begrip-find')).toEqual(['burgerslachtoffers']);
    // A phrase the PDF breaks over two lines: the last word of a line and the first of the next.
    const [before, after] = await page.evaluate(() => {
      for (const br of document.querySelectorAll('.textLayer br')) {
        const last = br.previousSibling?.textContent?.match(/(\p{L}{4,})\s*$/u)?.[1];
        const next = br.nextSibling?.textContent?.match(/^\s*(\p{L}{4,})/u)?.[1];
        if (last && next) return [last, next];
      }
      return ['', ''];
    });
    expect(before && after).toBeTruthy();
    await page.locator('.reader-find input').fill(`${before} ${after}`);
    await page.keyboard.press('Enter');
    await expect.poll(() => status.textContent()).toMatch(found);
    // The Range runs from one line's text node to the next (its text skips the <br>).
    expect((await hit('begrip-find'))[0]?.toLowerCase()).toBe(`${before}${after}`.toLowerCase());
    await page.close();
  });

  it('says clearly when a file is not a PDF', async () => {
    const page = await harness.open(
      `${reader}?url=${encodeURIComponent('https://www.rijksoverheid.nl/documenten/kapot.pdf')}`,
    );
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 20_000 });
    expect(await alert.textContent()).toMatch(/not a PDF, or it is damaged/);
    await page.close();
  });

  it('explains pasted text', async () => {
    const page = await harness.open(reader);
    await page.getByRole('button', { name: 'Paste text' }).click();
    await page
      .getByRole('textbox', { name: 'Paste text' })
      .fill('De Senior National Representative is de Red Card Holder van de NMI.');
    await page.getByRole('button', { name: 'Show with terms explained' }).click();
    await page.locator('.text-view begrip-mark').first().waitFor();
    expect(
      await page.$$eval('.text-view begrip-mark', (m) => m.map((x) => (x as HTMLElement).dataset.begripId)),
    ).toEqual(['snr', 'red-card-holder', 'nmi']);
    await page.close();
  });
});
