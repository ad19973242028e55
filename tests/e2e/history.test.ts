/**
 * The history of lookups (issue 17) in Chromium with the production build: a hover that keeps the
 * gloss open a second is kept with the page's title and address, a pointer passing over a term is
 * not; a tap, a popup search and the reader are kept too; the popup's History tab lists, searches,
 * exports (CSV and Anki) and clears them; with the setting off nothing is kept. axe in light and
 * dark; screenshots for review and docs/images/history.png.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Lookup } from '../../glossary/history';
import { seedPage } from '../fixtures/seed-page';
import { seedPdf } from '../fixtures/seed-pdf';
import { readSeed } from '../fixtures/seeds';
import { seriousViolations } from './axe';
import { glossState } from './gloss-probe';
import { type Harness, launch } from './harness';
import { shownTexts, termPoint } from './page-terms';

/** The extension API as Begrip's own pages see it. */
declare const chrome: {
  storage: {
    local: {
      get(key: string): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
      remove(key: string): Promise<void>;
    };
    sync: {
      get(key: string): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
    };
  };
};

const GOV = 'https://www.rijksoverheid.nl';
const HEADING = 'Voortgangsrapportage NMI en Irak';
const HOSTILE = '=HYPERLINK("https://evil.example/","Irak")';
/** The pages' titles, as seedPage makes them. */
const TITLE = `${HEADING} | Rijksoverheid.nl`;
const HOSTILE_TITLE = `${HOSTILE} | Rijksoverheid.nl`;
let harness: Harness;
let base: string;
/** An extension page kept open to read and set Begrip's storage. */
let settings: Page;

beforeAll(async () => {
  harness = await launch();
  base = `chrome-extension://${harness.extensionId}`;
  harness.serve('/voortgang', {
    body: seedPage(
      HEADING,
      [
        'Nederland draagt bij aan de NMI in Bagdad.',
        '',
        'De Red Card Holder toetst elke opdracht aan het nationale mandaat.',
        '',
        'De regering stuurde de Kamer een artikel 100-brief over de inzet in Irak.',
        '',
        'Het ISIS-kalifaat werd in 2019 verslagen; de OIR-coalitie bleef actief.',
      ].join('\n'),
    ),
  });
  harness.serve('/elders', { body: seedPage(HOSTILE, 'De NMI adviseert het Iraakse ministerie.') });
  settings = await harness.open(`${base}/options.html`);
});
afterAll(async () => harness?.close());

const stored = async (): Promise<Lookup[]> =>
  ((await settings.evaluate(() => chrome.storage.local.get('history'))).history as Lookup[]) ?? [];
const setSync = (items: Record<string, unknown>) =>
  settings.evaluate((v) => chrome.storage.sync.set(v), items);

beforeEach(async () => {
  await settings.evaluate(() => chrome.storage.local.remove('history'));
  await setSync({ historyEnabled: true });
});

const openPage = async (path: string) => {
  const page = await harness.open(`${GOV}${path}`);
  await expect.poll(() => shownTexts(page), { timeout: 10_000 }).toContain('NMI');
  return page;
};
/** Point at the shown term reading `text` and stay there `ms` milliseconds; then move off the text. */
const hover = async (page: Page, text: string, ms: number) => {
  const { x, y } = await termPoint(page, text);
  await page.mouse.move(x, y);
  await page.waitForTimeout(ms);
  await page.mouse.move(5, 5);
};
const isOpen = async (page: Page) => (await glossState(page)).open;

/**
 * The popup's History tab, opened behind `page` (so `page` is the tab it describes), then brought
 * to the front: a background tab gets few frames, and every click there waits for them.
 */
const historyTab = async (page: Page, tabName = 'History') => {
  const popup = await harness.openPopupBehind(page);
  await popup.getByRole('tab', { name: /On this page \(\d+\)|Op deze pagina \(\d+\)/ }).waitFor();
  await popup.bringToFront();
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.getByRole('tab', { name: tabName }).click();
  return popup;
};
const rows = (popup: Page) => popup.locator('.history-item');
const download = async (popup: Page, format: 'csv' | 'anki'): Promise<[string, string]> => {
  const saved: Promise<Download> = popup.waitForEvent('download');
  await popup.locator(`[data-history-export="${format}"]`).click();
  const file = await saved;
  return [file.suggestedFilename(), readFileSync((await file.path()) as string, 'utf8')];
};

/**
 * Three taps on two pages: NMI and the Red Card Holder on the report, then NMI on the page with
 * the hostile title. Returns the report's page.
 */
async function threeLookups(): Promise<Page> {
  const report = await openPage('/voortgang');
  const elders = await openPage('/elders');
  const taps: [Page, string][] = [
    [report, 'NMI'],
    [report, 'Red Card Holder'],
    [elders, 'NMI'],
  ];
  for (const [i, [page, text]] of taps.entries()) {
    const { x, y } = await termPoint(page, text);
    await page.mouse.click(x, y);
    // One at a time: a second tap before the first gloss showed would replace it.
    await expect.poll(stored).toHaveLength(i + 1);
  }
  await elders.close();
  return report;
}

describe('what the history keeps', () => {
  it('keeps a hover once the gloss has stayed open a second, with the page’s title and address; a passing pointer is not a lookup', async () => {
    const page = await openPage('/voortgang');
    // 200 ms over a term: no gloss, no lookup. 700 ms: the gloss opens, but closes within a second.
    await hover(page, 'Red Card Holder', 200);
    await hover(page, 'ISIS', 700);
    await page.waitForTimeout(1_500);
    expect(await stored()).toEqual([]);

    const { x, y } = await termPoint(page, 'NMI');
    const pointed = Date.now();
    await page.mouse.move(x, y);
    await expect.poll(() => isOpen(page)).toBe(true);
    await expect.poll(stored, { timeout: 3_000 }).toHaveLength(1);
    // Kept no sooner than the gloss's opening delay (300 ms) and a second open after the pointing.
    expect(Date.parse((await stored())[0]?.at ?? '') - pointed).toBeGreaterThanOrEqual(1_250);
    expect((await stored())[0]).toMatchObject({
      entryId: 'nmi',
      term: 'NMI',
      how: 'hover',
      title: TITLE,
      url: `${GOV}/voortgang`,
    });
    // Staying on: still one lookup.
    await page.waitForTimeout(1_500);
    expect(await stored()).toHaveLength(1);

    const popup = await historyTab(page);
    await expect.poll(() => rows(popup).count()).toBe(1);
    const row = rows(popup).first();
    expect(await row.locator('.history-term').textContent()).toBe('NMI');
    expect(await row.locator('.history-beside').textContent()).toBe('NATO Mission Iraq');
    const link = row.getByRole('link', { name: TITLE });
    expect(await link.getAttribute('href')).toBe(`${GOV}/voortgang`);
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await popup.locator('.history-day h2').textContent()).toBe('Today');
    await popup.close();
    await page.close();
  });

  it('keeps a tap at once, and a search in the popup with the page it was opened on', async () => {
    const page = await openPage('/voortgang');
    const { x, y } = await termPoint(page, 'artikel 100-brief');
    await page.mouse.click(x, y);
    await expect.poll(stored, { timeout: 5_000 }).toHaveLength(1);
    expect((await stored())[0]).toMatchObject({ entryId: 'artikel-100-brief', how: 'tap', title: TITLE });

    const popup = await harness.openPopupBehind(page);
    await popup.getByRole('searchbox', { name: 'Search the glossary' }).fill('red card');
    await popup.locator('.result').first().waitFor();
    await popup.keyboard.press('Enter');
    await popup.locator('.entry-term').waitFor();
    await expect.poll(stored).toHaveLength(2);
    expect((await stored())[0]).toMatchObject({
      entryId: 'red-card-holder',
      term: 'Red Card Holder',
      how: 'search',
      title: TITLE,
      url: `${GOV}/voortgang`,
    });
    await popup.close();
    await page.close();
  });

  it('keeps nothing while the setting is off, and says so in the popup', async () => {
    await setSync({ historyEnabled: false });
    const page = await openPage('/voortgang');
    const { x, y } = await termPoint(page, 'NMI');
    await page.mouse.click(x, y);
    await hover(page, 'Red Card Holder', 1_800);
    await page.waitForTimeout(500);
    expect(await stored()).toEqual([]);
    const popup = await historyTab(page);
    await popup.getByText('The history is off: new lookups are not kept.').waitFor();
    expect(await popup.getByRole('link', { name: 'Turn it on in the settings' }).getAttribute('href')).toBe(
      '/options.html#history',
    );
    await popup.close();
    await page.close();
  });

  it('keeps a lookup in the reader with the PDF’s name and address', async () => {
    const pdf = await seedPdf(readSeed('004_58c76a8e68136705.txt'));
    harness.serve('/documenten/brief.pdf', {
      body: Buffer.from(pdf) as unknown as string,
      contentType: 'application/pdf',
    });
    const url = `${GOV}/documenten/brief.pdf`;
    const reader = await harness.open(`${base}/reader.html?url=${encodeURIComponent(url)}`);
    const mark = reader.locator('begrip-mark').first();
    await mark.waitFor({ timeout: 30_000 });
    const id = await mark.getAttribute('data-begrip-id');
    await mark.click();
    await expect.poll(stored, { timeout: 5_000 }).toHaveLength(1);
    expect((await stored())[0]).toMatchObject({ entryId: id, how: 'reader', title: 'brief.pdf', url });
    await reader.close();
  }, 60_000);
});

describe('the popup’s History tab', () => {
  it('searches by term (typos, either language) and by page, and exports CSV and Anki', async () => {
    const page = await threeLookups();
    const popup = await historyTab(page);
    await expect.poll(() => rows(popup).count()).toBe(3);
    const search = popup.getByRole('searchbox', { name: 'Search the history' });
    await search.fill('red card holdr');
    await expect
      .poll(() => rows(popup).locator('.history-term').allTextContents())
      .toEqual(['Red Card Holder']);
    await search.fill('NATO Mission Iraq');
    await expect.poll(() => rows(popup).count()).toBe(2);
    await search.fill('voortgangsrapportage');
    await expect
      .poll(() => rows(popup).locator('.history-term').allTextContents())
      .toEqual(['Red Card Holder', 'NMI']);
    await search.fill('zzzz');
    await popup.getByText('No lookups match “zzzz”.').waitFor();
    await search.fill('');
    await expect.poll(() => rows(popup).count()).toBe(3);

    const [csvName, csv] = await download(popup, 'csv');
    expect(csvName).toMatch(/^begrip-history-\d{4}-\d{2}-\d{2}\.csv$/);
    const table = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    expect(table.meta.fields).toEqual([
      'date',
      'term',
      'expansion',
      'equivalent_en',
      'definition_en',
      'how',
      'title',
      'url',
    ]);
    expect(table.data.map((r) => [r.term, r.how, r.title, r.url])).toEqual([
      ['NMI', 'tap', `'${HOSTILE_TITLE}`, `${GOV}/elders`],
      ['Red Card Holder', 'tap', TITLE, `${GOV}/voortgang`],
      ['NMI', 'tap', TITLE, `${GOV}/voortgang`],
    ]);
    expect(table.data[0]?.expansion).toBe('NATO Mission Iraq');

    const [ankiName, anki] = await download(popup, 'anki');
    expect(ankiName).toMatch(/^begrip-history-anki-\d{4}-\d{2}-\d{2}\.txt$/);
    const lines = anki.trimEnd().split('\n');
    expect(lines.slice(0, 6)).toEqual([
      '#separator:tab',
      '#html:true',
      '#notetype:Basic',
      '#deck:Begrip',
      '#columns:Front\tBack\tTags',
      '#tags column:3',
    ]);
    const notes = lines.slice(6).map((line) => line.split('\t'));
    expect(notes.map((n) => n[0])).toEqual(['NMI (NAVO-missie in Irak)', 'Red Card Holder']);
    expect(notes.every((n) => n.length === 3 && n[2]?.startsWith('begrip begrip::'))).toBe(true);
    expect(notes[0]?.[1]).toContain(`Seen in: ${HOSTILE_TITLE.replace(/"/g, '&quot;')}; ${TITLE}`);
    await popup.close();
    await page.close();
  });

  it('opens an entry from its term, and clears everything after a confirmation in place', async () => {
    const page = await threeLookups();
    const popup = await historyTab(page);
    await rows(popup).filter({ hasText: 'Red Card Holder' }).getByRole('button').click();
    expect(await popup.locator('.entry-term').textContent()).toBe('Red Card Holder');
    await popup.getByRole('button', { name: /Back/ }).click();
    await popup.getByRole('tab', { name: 'History' }).click();

    await popup.getByRole('button', { name: 'Clear history' }).click();
    const question = popup.getByRole('group', {
      name: 'Clear the whole history (3 lookups)? This cannot be undone.',
    });
    await question.waitFor();
    await question.getByRole('button', { name: 'Cancel' }).click();
    expect(await stored()).toHaveLength(3);
    await popup.getByRole('button', { name: 'Clear history' }).click();
    await question.getByRole('button', { name: 'Clear' }).click();
    await popup.getByText('No terms looked up yet.').waitFor();
    expect(await stored()).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('passes axe-core in light and dark, full and empty', async () => {
    const page = await threeLookups();
    const popup = await historyTab(page);
    await expect.poll(() => rows(popup).count()).toBe(3);
    expect(await seriousViolations(popup)).toEqual([]);
    await harness.screenshot(popup, 'history-light');
    await popup.getByRole('button', { name: 'Clear history' }).click();
    expect(await seriousViolations(popup)).toEqual([]);
    await harness.screenshot(popup, 'history-confirm-light');
    await popup.emulateMedia({ colorScheme: 'dark' });
    await popup.getByRole('button', { name: 'Cancel' }).click();
    expect(await seriousViolations(popup)).toEqual([]);
    await harness.screenshot(popup, 'history-dark');
    await popup.getByRole('button', { name: 'Clear history' }).click();
    await popup.getByRole('button', { name: 'Clear', exact: true }).click();
    await popup.getByText('No terms looked up yet.').waitFor();
    expect(await seriousViolations(popup)).toEqual([]);
    await harness.screenshot(popup, 'history-empty-dark');
    await popup.close();
    await page.close();
  });
});

describe('the days', () => {
  /** A few days of reading, as the writer would have kept them (newest first). */
  function daysOfReading(now: Date): Lookup[] {
    const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
    const minutesAgo = (n: number) => new Date(Math.max(today.getTime(), now.getTime() - n * 60_000));
    const daysBack = (n: number, hour: number, minute: number) =>
      new Date(now.getFullYear(), now.getMonth(), now.getDate() - n, hour, minute);
    const report = { title: TITLE, url: `${GOV}/voortgang` };
    const letter = {
      title: 'Kamerbrief over de Nederlandse bijdrage aan NMI | Tweede Kamer',
      url: 'https://www.tweedekamer.nl/kamerstukken/brieven_regering/detail?id=2025Z01234',
    };
    const defensie = {
      title: 'Missie in Irak | Defensie.nl',
      url: 'https://www.defensie.nl/onderwerpen/missie-in-irak',
    };
    const made: [string, string, Lookup['how'], { title: string; url: string }, Date][] = [
      ['nmi', 'NMI', 'hover', report, minutesAgo(2)],
      ['artikel-100-brief', 'artikel 100-brieven', 'tap', report, minutesAgo(4)],
      ['red-card-holder', 'Red Card Holder', 'search', letter, minutesAgo(9)],
      ['cds', 'Commandant der Strijdkrachten', 'keyboard', defensie, daysBack(1, 16, 20)],
      ['oir', 'OIR', 'hover', defensie, daysBack(1, 10, 5)],
      ['isaf', 'ISAF', 'reader', { title: 'kamerbrief-inzet-afghanistan.pdf', url: '' }, daysBack(3, 9, 30)],
    ];
    return made.map(([entryId, term, how, page, at]) => ({
      entryId,
      term,
      how,
      ...page,
      at: at.toISOString(),
    }));
  }
  const headings = (popup: Page) => popup.locator('.history-day h2').allTextContents();

  it('groups by day in the interface language: Today, Yesterday, then the date', async () => {
    const now = new Date();
    await settings.evaluate((history) => chrome.storage.local.set({ history }), daysOfReading(now));
    const page = await openPage('/voortgang');
    const threeDaysBack = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 3);
    const popup = await historyTab(page);
    await popup.setViewportSize({ width: 380, height: 520 });
    await expect.poll(() => rows(popup).count()).toBe(6);
    const day = (locale: string) =>
      new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long' }).format(
        threeDaysBack,
      );
    const sameYear = threeDaysBack.getFullYear() === now.getFullYear();
    if (sameYear) expect(await headings(popup)).toEqual(['Today', 'Yesterday', day('en-GB')]);
    await harness.screenshot(popup, 'history-readme-en-light');
    await popup.close();

    await setSync({ uiLanguage: 'nl' });
    const dutch = await historyTab(page, 'Geschiedenis');
    await dutch.setViewportSize({ width: 380, height: 520 });
    await dutch.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => rows(dutch).count()).toBe(6);
    if (sameYear) expect(await headings(dutch)).toEqual(['Vandaag', 'Gisteren', day('nl-NL')]);
    expect(await dutch.getByRole('searchbox', { name: 'Zoek in de geschiedenis' }).count()).toBe(1);
    expect(await seriousViolations(dutch)).toEqual([]);
    await harness.screenshot(dutch, 'history-readme-nl-dark');
    await setSync({ uiLanguage: 'auto' });
    await dutch.close();
    await page.close();
  });
});

describe('the options’ History section', () => {
  it('counts what is kept, keeps it when switched off, and clears it after a confirmation', async () => {
    const page = await threeLookups();
    await page.close();
    const options = await harness.open(`${base}/options.html#history`);
    const section = options.locator('#history');
    await section.getByText('3 lookups kept').waitFor();
    const toggle = section.getByRole('switch', { name: 'Keep a history of the terms I look up' });
    expect(await toggle.isChecked()).toBe(true);
    await toggle.click();
    await expect
      .poll(() => settings.evaluate(() => chrome.storage.sync.get('historyEnabled')))
      .toEqual({ historyEnabled: false });
    // Off keeps what is there.
    expect(await stored()).toHaveLength(3);
    expect(await seriousViolations(options, '#history')).toEqual([]);
    await section.getByRole('button', { name: 'Clear history' }).click();
    await harness.screenshot(options, 'options-history');
    await options.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousViolations(options, '#history')).toEqual([]);
    await harness.screenshot(options, 'options-history-dark');
    await section.getByRole('button', { name: 'Clear', exact: true }).click();
    await section.getByText('0 lookups kept').waitFor();
    expect(await stored()).toEqual([]);
    await toggle.click();
    expect(await toggle.isChecked()).toBe(true);
    await options.close();
  });
});
