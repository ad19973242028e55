/**
 * Own entries synced through storage.sync (issue 17, item 5), in Chromium and in Firefox ESR: the
 * switch writes the packed entries, which decode (sync-area.ts, without Begrip's code) to the
 * entries on this computer; a set written as another computer would write it reaches the options
 * page's list and the matcher on a page, and its tombstone deletes; a set that does not fit is
 * not written and loses nothing here; turning off can remove the synced copy and leaves the
 * settings. Chromium also confirms that Begrip counts bytes as Chromium's quota does. Both
 * browsers keep storage.sync in the profile without an account (Chromium runs with
 * --disable-sync), which is all these tests need: what the browser then sends to the account is
 * its own business.
 */
import type { Page } from 'playwright-core';
import type { Page as FirefoxPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemBytes } from '../../glossary/sync-quota';
import { seedPage } from '../fixtures/seed-page';
import { seriousViolations } from './axe';
import { type FirefoxHarness, launchFirefox, until } from './firefox-harness';
import { type Harness, launch } from './harness';
import { shownTexts } from './page-terms';
import { inReadOwnSet, inWriteOwnSet, type OwnSet, type SyncedRecord, wire } from './sync-area';

declare const chrome: {
  storage: {
    sync: { set(items: Record<string, unknown>): Promise<void>; remove(keys: string[]): Promise<void> };
    local: {
      get(key: string): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
    };
  };
};

const SWITCH = 'Sync my own entries through my browser account';
const TERM_PAGE = '/zwaartepunt';
const TERM_TEXT = 'Het Zwaartepuntberaad besprak de voortgang van de NMI.';

/** Own entries with text that costs more than a byte a character: ĳ, €, quotes, and "<". */
const ENTRIES = [
  {
    id: 'kwartaaloverleg',
    kind: 'term',
    category: 'concept',
    nl: { term: 'Kwartaaloverleg', definition: 'Overleg per kwartaal over de inzet: “vast” ritme, €0.' },
    en: { term: 'Quarterly consultation', definition: 'Consultation every quarter <on the deployment>.' },
  },
  {
    id: 'zgo',
    kind: 'acronym',
    category: 'organisation',
    acronym: 'ZGO',
    nl: { term: 'ZGO', expansion: 'Zelfstandig gezagsorgaan', definition: 'Orgaan met eigen taken; ĳ en ü.' },
    en: {
      term: 'ZGO',
      expansion: 'Independent administrative body',
      definition: 'A body with its own tasks.',
    },
  },
  {
    id: 'inzetritme',
    kind: 'term',
    category: 'military',
    nl: { term: 'Inzetritme', definition: 'Het ritme van uitzending en rust.' },
    en: { term: 'Deployment cycle', definition: 'The cycle of deployment and rest.' },
  },
];
const REMOTE_ENTRY = {
  id: 'zwaartepuntberaad',
  kind: 'term',
  category: 'concept',
  nl: { term: 'Zwaartepuntberaad', definition: 'Beraad over het zwaartepunt van de inzet.' },
  en: { term: 'Focal point council', definition: 'Council on the focus of the deployment.' },
};

/** Long entries of barely compressible text: 2,000 of them never fit browser sync. */
function longEntries(count: number) {
  const words = ['missie', 'kader', 'Kamer', 'mandaat', 'inzet', 'steun', 'brief', 'besluit'];
  let state = 7;
  const text = () => {
    let out = '';
    while (out.length < 700) {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      out += `${words[state % words.length]}${state % 9973} `;
    }
    return `${out.trim()}.`;
  };
  return Array.from({ length: count }, (_, i) => ({
    id: `lang-${i}`,
    kind: 'term',
    category: 'concept',
    nl: { term: `Langterm ${i}`, definition: text() },
    en: { term: `Long term ${i}`, definition: text() },
  }));
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);

describe('Chromium', () => {
  let harness: Harness;
  let extensionPage: string;
  let options: Page;
  const readSet = (page: Page) => page.evaluate(inReadOwnSet);
  const localEntries = async (page: Page) =>
    ((await page.evaluate(() => chrome.storage.local.get('ownEntries'))).ownEntries ?? []) as {
      id: string;
    }[];
  const panel = () => options.locator('.own-sync');
  const stateLine = () => panel().locator('.own-sync-state').textContent();

  beforeAll(async () => {
    harness = await launch();
    extensionPage = `chrome-extension://${harness.extensionId}`;
    harness.serve(TERM_PAGE, { body: seedPage('Zwaartepunt', TERM_TEXT) });
    options = await harness.open(`${extensionPage}/options.html`);
    await options.evaluate(() => chrome.storage.sync.set({ highlightStyle: 'background' }));
  });
  afterAll(async () => harness?.close());

  it('counts an item’s bytes as Chromium’s quota does: UTF-8, "<" and U+2028 escaped', async () => {
    for (const text of ['plain', '<b>', 'ĳ €', '\u2028', '😀']) {
      const key = `sleutel-${text.length}-€`;
      const fill = 'x'.repeat(8_192 - itemBytes(key, text));
      expect(itemBytes(key, text + fill)).toBe(8_192);
      const write = (value: string) =>
        options.evaluate(
          ([k, v]) =>
            chrome.storage.sync.set({ [k as string]: v }).then(
              () => 'ok',
              (error: Error) => error.message,
            ),
          [key, value],
        );
      expect(await write(text + fill)).toBe('ok');
      expect(await write(`${text + fill}x`)).toMatch(/quota/i);
      await options.evaluate((k) => chrome.storage.sync.remove([k]), key);
    }
  });

  it('turning sync on writes the packed entries, which decode to the entries on this computer', async () => {
    await options.locator('input[type="file"]').setInputFiles({
      name: 'eigen.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(ENTRIES)),
    });
    await options
      .getByRole('region', { name: 'Import from eigen.json' })
      .getByRole('button', { name: 'Import' })
      .click();
    await options.getByText('Imported 3 entries.').waitFor();

    const toggle = options.getByRole('switch', { name: SWITCH });
    expect(await toggle.isChecked()).toBe(false);
    expect(await stateLine()).toBe('Off: your own entries stay on this computer.');
    expect(await seriousViolations(options, '.own-sync')).toEqual([]);
    // By keyboard: the switch is a native checkbox.
    await toggle.focus();
    await options.keyboard.press('Space');
    await expect.poll(stateLine).toMatch(/^Synced just now · 3 entries · \d+ kB of 100 kB$/);
    expect(await toggle.isChecked()).toBe(true);
    expect(await panel().getByRole('status').textContent()).toBe('Sync is on.');

    const set = await readSet(options);
    expect(set.verified).toBe(true);
    expect(set.manifest?.count).toBe(3);
    const local = await localEntries(options);
    expect(set.records.map((r) => [r.id, r.e])).toEqual(
      [...local].sort(byId).map((entry) => [entry.id, wire(entry as Record<string, unknown>)]),
    );
    expect(Object.values(set.sizes).every((bytes) => bytes <= 8_192)).toBe(true);
    expect(set.others).toMatchObject({ highlightStyle: 'background', ownEntriesSync: true });

    expect(await seriousViolations(options, '#own')).toEqual([]);
    await panel().scrollIntoViewIfNeeded();
    await harness.screenshot(options, 'sync-on');
    await options.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousViolations(options, '#own')).toEqual([]);
    await harness.screenshot(options, 'sync-on-dark');
    await options.emulateMedia({ colorScheme: 'light' });
  });

  it('takes in a set from another computer: the list and a page show its new entry', async () => {
    const page = await harness.open(`https://www.rijksoverheid.nl${TERM_PAGE}`);
    await expect.poll(() => shownTexts(page)).toContain('NMI');
    expect(await shownTexts(page)).not.toContain('Zwaartepuntberaad');

    const before = await readSet(options);
    const later = Date.now() + 1_000;
    await options.evaluate(inWriteOwnSet, [
      ...before.records,
      { id: REMOTE_ENTRY.id, t: later, e: REMOTE_ENTRY },
    ]);

    await options.locator('.own-entries', { hasText: 'Zwaartepuntberaad' }).waitFor();
    await expect.poll(() => shownTexts(page)).toContain('Zwaartepuntberaad');
    expect((await localEntries(options)).map((e) => e.id)).toContain(REMOTE_ENTRY.id);
    await page.close();
  });

  it('deletes here what another computer deleted: the tombstone arrives', async () => {
    const before = await readSet(options);
    const tombstone: SyncedRecord = { id: 'inzetritme', t: Date.now() + 1_000, d: 1 };
    await options.evaluate(inWriteOwnSet, [
      ...before.records.filter((r) => r.id !== 'inzetritme'),
      tombstone,
    ]);
    await expect.poll(() => options.locator('.own-entries li', { hasText: 'Inzetritme' }).count()).toBe(0);
    expect((await localEntries(options)).map((e) => e.id).sort()).toEqual([
      'kwartaaloverleg',
      'zgo',
      'zwaartepuntberaad',
    ]);
  });

  it('syncs nothing of a set that does not fit, says why with the figures, and keeps every entry here', async () => {
    const kept = await localEntries(options);
    // The set as another computer wrote it has settled: this computer has written the merged one.
    await expect
      .poll(async () => (await readSet(options)).records.find((r) => r.id === 'inzetritme')?.d)
      .toBe(1);
    const before: OwnSet = await readSet(options);

    const file = JSON.stringify(longEntries(2_000));
    await options
      .locator('input[type="file"]')
      .setInputFiles({ name: 'lang.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await options
      .getByRole('region', { name: 'Import from lang.json' })
      .getByRole('button', { name: 'Import' })
      .click();
    await options.getByText('Imported 2000 entries.').waitFor();

    const alert = panel().getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toMatch(
      /^Your own entries need [\d,]+ kB; browser sync holds 100 kB, of which \d+ kB is kept for your settings\. They stay on this computer only — nothing was synced\.$/,
    );
    const need = Number((await alert.textContent())?.match(/need ([\d,]+) kB/)?.[1]?.replace(/,/g, ''));
    expect(need).toBeGreaterThan(100);
    expect(await options.getByRole('switch', { name: SWITCH }).isChecked()).toBe(false);
    expect(await readSet(options)).toEqual(before);
    expect(await localEntries(options)).toHaveLength(kept.length + 2_000);

    // The panel only: axe over a list of 2,000 entries takes minutes, and the list is not new.
    expect(await seriousViolations(options, '.own-sync')).toEqual([]);
    await panel().scrollIntoViewIfNeeded();
    await harness.screenshot(options, 'sync-too-big');
    await options.emulateMedia({ colorScheme: 'dark' });
    await harness.screenshot(options, 'sync-too-big-dark');
    await options.emulateMedia({ colorScheme: 'light' });

    // Back to the entries that fit: syncing picks up again by itself.
    await options.evaluate((entries) => chrome.storage.local.set({ ownEntries: entries }), kept);
    await expect.poll(stateLine, { timeout: 20_000 }).toMatch(/^Synced just now · 3 entries/);
    expect(await panel().getByRole('alert').count()).toBe(0);
  }, 180_000);

  it('turning off offers to remove the synced copy; removing it leaves the settings and the entries here', async () => {
    await options.getByRole('switch', { name: SWITCH }).click();
    await expect
      .poll(() => panel().getByRole('status').textContent())
      .toBe(
        'Sync is off, also on your other computers with this browser account. Your entries stay on each computer.',
      );
    const offer = panel().getByRole('group', {
      name: 'Also remove the synced copy from your browser account? Your entries stay on this computer.',
    });
    await offer.waitFor();
    expect(await seriousViolations(options, '#own')).toEqual([]);
    await panel().scrollIntoViewIfNeeded();
    await harness.screenshot(options, 'sync-off-offer');
    await options.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousViolations(options, '#own')).toEqual([]);
    await harness.screenshot(options, 'sync-off-offer-dark');
    await options.emulateMedia({ colorScheme: 'light' });

    expect((await readSet(options)).manifest).not.toBeNull();
    await offer.getByRole('button', { name: 'Remove the synced copy' }).click();
    await expect
      .poll(() => panel().getByRole('status').textContent())
      .toBe('The synced copy has been removed from your browser account.');
    const after = await readSet(options);
    expect(after.manifest).toBeNull();
    expect(after.sizes).toEqual({});
    expect(after.others).toMatchObject({ highlightStyle: 'background', ownEntriesSync: false });
    expect((await localEntries(options)).map((e) => e.id).sort()).toEqual([
      'kwartaaloverleg',
      'zgo',
      'zwaartepuntberaad',
    ]);
    expect(harness.errors).toEqual([]);
  });
});

describe('Firefox', () => {
  let firefox: FirefoxHarness;
  let options: FirefoxPage;
  const readSet = () => options.evaluate(inReadOwnSet);
  const text = (selector: string) =>
    options.evaluate((s) => document.querySelector(s)?.textContent ?? '', selector);

  beforeAll(async () => {
    firefox = await launchFirefox();
    firefox.serve(TERM_PAGE, { body: seedPage('Zwaartepunt', TERM_TEXT) });
    options = await firefox.openExtensionPage('options.html');
    await options.evaluate(
      (entries) =>
        (globalThis as unknown as { browser: typeof chrome }).browser.storage.local.set({
          ownEntries: entries,
        }),
      ENTRIES,
    );
    expect(await until(async () => (await text('.own-entries')).includes('Kwartaaloverleg'))).toBe(true);
  });
  afterAll(async () => firefox?.close());

  it('writes the packed entries, takes in another computer’s set, and removes the synced copy', async () => {
    await options.click('.own-sync input[role="switch"]');
    expect(await until(async () => /^Synced just now · 3 entries/.test(await text('.own-sync-state')))).toBe(
      true,
    );
    const set = await readSet();
    expect(set.verified).toBe(true);
    expect(set.records.map((r) => [r.id, r.e])).toEqual(
      [...ENTRIES].sort(byId).map((entry) => [entry.id, wire(entry)]),
    );

    const page = await firefox.open(`${firefox.origin('www.rijksoverheid.nl')}${TERM_PAGE}`);
    const via = { evaluate: (fn: never, arg: never) => page.evaluate(fn, arg) as never };
    expect(await until(async () => (await shownTexts(via)).includes('NMI'))).toBe(true);
    await options.evaluate(inWriteOwnSet, [
      ...set.records,
      { id: REMOTE_ENTRY.id, t: Date.now() + 1_000, e: REMOTE_ENTRY },
    ]);
    expect(await until(async () => (await text('.own-entries')).includes('Zwaartepuntberaad'))).toBe(true);
    expect(await until(async () => (await shownTexts(via)).includes('Zwaartepuntberaad'))).toBe(true);
    await page.close();

    await options.click('.own-sync input[role="switch"]');
    await until(async () => (await text('.own-sync-offer')).length > 0);
    await options.click('.own-sync-offer .danger');
    expect(await until(async () => (await readSet()).manifest === null)).toBe(true);
    expect((await readSet()).sizes).toEqual({});
    expect(firefox.errors).toEqual([]);
  });
});
