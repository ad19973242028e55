/**
 * The document's glossary as an annex (issue 17) in Chromium: from the popup's "On this page"
 * tab, Markdown (copied to the clipboard), CSV and TBX (downloaded) list the matcher's terms in
 * order of first appearance, each with its context sentence; and the reader exports a PDF's.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_ID_PREFIX } from '../../glossary/abbreviations';
import { CURATED_ENTRIES } from '../../glossary/data';
import { SEED_PAGE_TEXT_BLOCKS } from '../fixtures/seed-page';
import { seedPdf } from '../fixtures/seed-pdf';
import { readSeed } from '../fixtures/seeds';
import { testPages } from '../fixtures/test-pages';
import { type Harness, inPage, launch } from './harness';
import { expectedOrder, pdfTermOrder, settledMarkCount } from './page-checks';

declare const chrome: {
  tabs: { create(props: { url: string; active: boolean }): Promise<{ id?: number }> };
};

const GOV = 'https://www.rijksoverheid.nl';
const byId = new Map(CURATED_ENTRIES.map((e) => [e.id, e]));
/** The term an annex row names for an id: the acronym or the Dutch term; a page's own acronym. */
const label = (id: string) => {
  const entry = byId.get(id);
  return entry ? (entry.acronym ?? entry.nl.term) : id.slice(PAGE_ID_PREFIX.length);
};
/** The terms of a Markdown annex's table rows, in order. */
const markdownTerms = (markdown: string) =>
  markdown
    .split('\n')
    .filter((line) => line.startsWith('| **'))
    .map((line) => /^\| \*\*(.+?)\*\* \|/.exec(line)?.[1]);
const tbxIds = (tbx: string) => [...tbx.matchAll(/<conceptEntry id="([^"]+)"/g)].map((m) => m[1]);
const tbxId = (id: string) =>
  id.startsWith(PAGE_ID_PREFIX)
    ? `page-${id
        .slice(PAGE_ID_PREFIX.length)
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')}`
    : id;

let harness: Harness;
let extensionPage: string;

beforeAll(async () => {
  harness = await launch();
  extensionPage = `chrome-extension://${harness.extensionId}`;
  harness.serve('/voortgang', testPages()['/voortgang'] as never);
  await harness.context.grantPermissions(['clipboard-read', 'clipboard-write']);
});
afterAll(async () => harness?.close());

const download = async (page: Page, format: string): Promise<[string, string]> => {
  const saved: Promise<Download> = page.waitForEvent('download');
  await page.locator(`[data-annex="${format}"]`).click();
  const file = await saved;
  return [file.suggestedFilename(), readFileSync((await file.path()) as string, 'utf8')];
};

describe('glossary annex', () => {
  it('exports the page’s terms in order of first appearance as Markdown, CSV and TBX', async () => {
    const page = await harness.open(`${GOV}/voortgang`);
    await settledMarkCount(inPage(page), (ms) => page.waitForTimeout(ms));
    const order = await expectedOrder(inPage(page), SEED_PAGE_TEXT_BLOCKS);
    expect(order.length).toBeGreaterThan(5);
    const popup = await harness.openPopupBehind(page);
    // The summary is read while the page is the active tab; then the clipboard wants the popup focused.
    await popup.getByRole('tab', { name: /On this page \(\d+\)/ }).waitFor();
    await popup.bringToFront();
    await popup.getByRole('tab', { name: /On this page/ }).click();
    await popup.locator('[data-annex="copy"]').click();
    await popup.getByText('Copied').waitFor();
    const markdown = await popup.evaluate(() => navigator.clipboard.readText());
    expect(markdown).toContain('# Glossary: Voortgangsrapportage Irak');
    expect(markdown).toContain(`${GOV}/voortgang`);
    expect(markdownTerms(markdown)).toEqual(order.map(label));
    // Each row quotes the sentence its term first appears in (NMI: as "NAVO Missie in Irak").
    const rowsMd = markdown.split('\n').filter((line) => line.startsWith('| **'));
    expect(rowsMd.every((line) => /“[^”]+”/.test(line))).toBe(true);
    expect(rowsMd.find((line) => line.startsWith('| **NMI** |'))).toMatch(/“[^”]*NAVO Missie in Irak[^”]*”/);

    const [csvName, csv] = await download(popup, 'csv');
    expect(csvName).toMatch(/^glossary-voortgangsrapportage-irak[\w-]*\.csv$/);
    const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    expect(rows.map((r) => r.term)).toEqual(order.map(label));
    expect(rows.every((r) => r.context && r.context.length <= 410)).toBe(true);

    const [tbxName, tbx] = await download(popup, 'tbx');
    expect(tbxName).toMatch(/^glossary-voortgangsrapportage-irak[\w-]*\.tbx$/);
    expect(tbxIds(tbx)).toEqual(order.map(tbxId));
    // Each term with its sentence from the page (Dutch, the page's lang), the page as its source.
    const contexts = [
      ...tbx.matchAll(/<descrip type="context">([^<]*)<\/descrip>\s*<admin type="source">([^<]*)</g),
    ];
    const pageContexts = contexts.filter(([, , source]) => source?.includes(`${GOV}/voortgang`));
    expect(pageContexts).toHaveLength(order.length);
    expect(pageContexts.some(([, sentence]) => sentence?.includes('NAVO Missie in Irak'))).toBe(true);

    const [mdName, saved] = await download(popup, 'markdown');
    expect(mdName).toMatch(/^glossary-voortgangsrapportage-irak[\w-]*\.md$/);
    expect(markdownTerms(saved)).toEqual(order.map(label));
    await harness.screenshot(popup, 'popup-annex-export');
    await popup.close();
    await page.close();
  });

  it('exports a PDF’s terms from the reader’s side panel, in order of first appearance', async () => {
    const pdf = await seedPdf(readSeed('004_58c76a8e68136705.txt'));
    harness.serve('/documenten/brief.pdf', {
      body: Buffer.from(pdf) as unknown as string,
      contentType: 'application/pdf',
    });
    const url = encodeURIComponent(`${GOV}/documenten/brief.pdf`);
    const reader = await harness.open(`${extensionPage}/reader.html?url=${url}`);
    await reader.locator('[data-annex="csv"]').waitFor({ timeout: 30_000 });
    const [name, csv] = await download(reader, 'csv');
    expect(name).toBe('glossary-brief-pdf.csv');
    const terms = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    expect(terms.map((r) => r.term)).toEqual((await pdfTermOrder(pdf)).map(label));
    await reader.close();
  }, 60_000);
});
