/**
 * The reader in Chromium (issue 8): a PDF made from a seed opens from a default government site,
 * shows the same term counts as the matcher on its text, marks its text layer, explains terms on
 * hover; a corrupt file gets a clear message. Pasted text is reflowed into paragraphs at a reading
 * size; marks stay on the letters of bold lines; find counts its pages in the singular and plural.
 */
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reflow } from '../../glossary/reflow';
import { pdfPageTexts, seedPdf } from '../fixtures/seed-pdf';
import { readSeed } from '../fixtures/seeds';
import { seriousViolations } from './axe';
import { type Harness, launch } from './harness';
import { pdfTermCounts } from './page-checks';

let harness: Harness;
let expected: Record<string, number>;
let pageTexts: string[];
let reader: string;

/** Lines of a test PDF, bold and regular, with glossary terms along them. */
const BOLD_PDF_LINES = [
  { text: 'Voortgangsrapportage NMI en de Red Card Holder in Irak', bold: true, size: 14 },
  {
    text: 'De Senior National Representative is de Red Card Holder van de NMI in Bagdad.',
    bold: false,
    size: 10,
  },
  {
    text: 'Samenvatting: de Senior National Representative en de Red Card Holder van de NMI',
    bold: true,
    size: 10,
  },
  {
    text: 'De Tweede Kamer ontvangt een artikel 100-brief over de NMI en de Red Card Holder.',
    bold: false,
    size: 10,
  },
  {
    text: 'Bijdrage aan de NATO Mission Iraq (NMI) en Operation Inherent Resolve (OIR) in 2024',
    bold: true,
    size: 12,
  },
  {
    text: 'WWWWW MMMMM Red Card Holder iiiii lllll NMI en de Senior National Representative',
    bold: true,
    size: 10,
  },
];
const BOLD_PDF_X = 50;

/**
 * The test PDF (Helvetica and Helvetica-Bold), and where a character of a line starts on the
 * page, in PDF units (pdf-lib draws without kerning: the sum of the widths of the ones before).
 */
async function boldPdf() {
  const pdf = await PDFDocument.create();
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const page = pdf.addPage([595, 842]);
  for (const [i, line] of BOLD_PDF_LINES.entries()) {
    const font = line.bold ? bold : regular;
    page.drawText(line.text, { x: BOLD_PDF_X, y: 780 - 28 * i, size: line.size, font });
  }
  const xAt = (line: (typeof BOLD_PDF_LINES)[number], offset: number) =>
    BOLD_PDF_X +
    [...line.text.slice(0, offset)].reduce(
      (sum, ch) => sum + (line.bold ? bold : regular).widthOfTextAtSize(ch, line.size),
      0,
    );
  return { bytes: await pdf.save(), xAt };
}
let boldPdfX: Awaited<ReturnType<typeof boldPdf>>['xAt'];

beforeAll(async () => {
  harness = await launch();
  reader = `chrome-extension://${harness.extensionId}/reader.html`;
  const pdf = await seedPdf(readSeed('004_58c76a8e68136705.txt'));
  harness.serve('/documenten/brief.pdf', {
    body: Buffer.from(pdf) as unknown as string,
    contentType: 'application/pdf',
  });
  harness.serve('/documenten/kapot.pdf', { body: 'dit is geen pdf %%EOF', contentType: 'application/pdf' });
  const bold = await boldPdf();
  boldPdfX = bold.xAt;
  harness.serve('/documenten/vet.pdf', {
    body: Buffer.from(bold.bytes) as unknown as string,
    contentType: 'application/pdf',
  });
  expected = await pdfTermCounts(pdf);
  pageTexts = await pdfPageTexts(pdf);
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
    const found = /^Page (\d+): (\d+) of (\d+) here \((\d+) (?:page has|pages have) it\)$/;
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

  it('counts the pages that have a find in the singular and in the plural', async () => {
    const pagesWith = (word: string) => pageTexts.filter((text) => text.includes(word)).length;
    expect(pagesWith('Fuwll')).toBe(1);
    expect(pagesWith('Bagdad')).toBeGreaterThan(1);
    const page = await harness.open(
      `${reader}?url=${encodeURIComponent('https://www.rijksoverheid.nl/documenten/brief.pdf')}`,
    );
    await page.locator('.page-term').first().waitFor({ timeout: 20_000 });
    const input = page.locator('.reader-find input');
    const status = page.locator('.reader-find [role="status"]');
    await input.fill('Fuwll');
    await input.press('Enter');
    await expect.poll(() => status.textContent()).toMatch(/^Page \d+: 1 of 1 here \(1 page has it\)$/);
    await input.fill('Bagdad');
    await input.press('Enter');
    await expect
      .poll(() => status.textContent())
      .toMatch(new RegExp(`^Page \\d+: 1 of \\d+ here \\(${pagesWith('Bagdad')} pages have it\\)$`));
    await page.close();
  });

  it('keeps marks on the letters of bold lines, with the metrics of their text', async () => {
    const page = await harness.open(
      `${reader}?url=${encodeURIComponent('https://www.rijksoverheid.nl/documenten/vet.pdf')}`,
    );
    await page
      .locator('.page[data-rendered="true"] .textLayer begrip-mark')
      .first()
      .waitFor({ timeout: 20_000 });
    const marks = await page.$$eval('.textLayer begrip-mark', (all) => {
      const left = (document.querySelector('.textLayer') as HTMLElement).getBoundingClientRect().left;
      const inherited = [
        'fontFamily',
        'fontSize',
        'fontWeight',
        'fontStyle',
        'letterSpacing',
        'wordSpacing',
      ] as const;
      const box = ['paddingLeft', 'paddingRight', 'marginLeft', 'marginRight', 'borderLeftWidth'] as const;
      return all.map((mark) => {
        const span = mark.closest('span') as HTMLElement;
        const [own, its] = [getComputedStyle(mark), getComputedStyle(span)];
        const before = document.createRange();
        before.setStart(span, 0);
        before.setEndBefore(mark);
        const { left: x0, right: x1 } = mark.getBoundingClientRect();
        return {
          text: mark.textContent ?? '',
          line: span.textContent ?? '',
          offset: before.toString().length,
          x0: x0 - left,
          x1: x1 - left,
          weight: its.fontWeight,
          // A mark that changes the font or the spacing shifts the letters after it.
          changed: [
            ...inherited.filter((key) => own[key] !== its[key]),
            ...box.filter((key) => own[key] !== '0px'),
          ],
        };
      });
    });
    expect(marks.length).toBeGreaterThan(15);
    const drift = { bold: 0, regular: 0 };
    for (const mark of marks) {
      expect(mark.changed, mark.text).toEqual([]);
      const line = BOLD_PDF_LINES.find((l) => l.text.includes(mark.line)) as (typeof BOLD_PDF_LINES)[number];
      expect(mark.weight, mark.line).toBe(line.bold ? '700' : '400');
      const start = line.text.indexOf(mark.line) + mark.offset;
      const off = Math.max(
        Math.abs(mark.x0 - boldPdfX(line, start) * 1.25),
        Math.abs(mark.x1 - boldPdfX(line, start + mark.text.length) * 1.25),
      );
      if (line.bold) drift.bold = Math.max(drift.bold, off);
      else drift.regular = Math.max(drift.regular, off);
    }
    // Bold lines as close to the page image as regular ones (the text layer's own font aside:
    // README, Limits). Drawn in regular letters, they were up to 6 px off at this zoom.
    expect(drift.bold, JSON.stringify(drift)).toBeLessThanOrEqual(drift.regular + 1.5);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.locator('.page[data-rendered="true"] .textLayer begrip-mark').first().waitFor();
    await harness.screenshot(page, 'reader-bold');
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

  it('shows text copied from a PDF as paragraphs again, at a reading size, in light and dark', async () => {
    const seed = readSeed('003_e148179e407a0a07.txt');
    // Two paragraphs as a PDF copy gives them: its line ends, words hyphenated at a line end.
    const pasted = seed.slice(seed.indexOf('In de Kamerbrief'), seed.indexOf('Wij melden u'));
    expect(pasted).toContain('veiligheidsinsti-\ntuties');
    expect(pasted).toMatch(/Operation \nInherent Resolve/);
    const page = await harness.open(reader);
    await page.getByRole('button', { name: 'Paste text' }).click();
    await page.getByRole('textbox', { name: 'Paste text' }).fill(pasted);
    await page.getByRole('button', { name: 'Show with terms explained' }).click();
    await page.locator('.text-view begrip-mark').first().waitFor();
    const paragraphs = await page.$$eval('.text-view p', (ps) => ps.map((p) => p.textContent));
    expect(paragraphs).toEqual(reflow(pasted));
    expect(paragraphs).toHaveLength(2);
    expect(paragraphs[1]).toContain('versterking van de Iraakse veiligheidsinstituties vormt');
    // A term broken over two lines of the copy is one mark.
    expect(await page.locator('.text-view begrip-mark[data-begrip-id="oir"]').first().textContent()).toBe(
      'Operation Inherent Resolve',
    );
    const style = await page.$eval('.text-view p', (p) => {
      const { fontSize, lineHeight } = getComputedStyle(p);
      return { fontSize: Number.parseFloat(fontSize), lineHeight: Number.parseFloat(lineHeight) };
    });
    expect(style.fontSize).toBeGreaterThanOrEqual(16);
    expect(style.lineHeight / style.fontSize).toBeGreaterThanOrEqual(1.5);
    await harness.screenshot(page, 'reader-text');
    expect(await seriousViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await page.$eval('.text-view', (view) => getComputedStyle(view).backgroundColor);
    expect(dark).not.toBe('rgb(255, 255, 255)');
    expect(await seriousViolations(page)).toEqual([]);
    await harness.screenshot(page, 'reader-text-dark');
    await page.close();
  });
});
