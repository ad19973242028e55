/**
 * The background's own-entry sync against WXT's fake browser: storage.sync as another computer
 * would write it, quota errors as Chrome reports them. (Quotas themselves are the real browser's:
 * tests/e2e/sync.test.ts.)
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OwnEntriesSync } from '../../../entrypoints/background/own-sync';
import type { Entry } from '../../../glossary/schema';
import { type SyncRecord, wireEntry } from '../../../glossary/sync-merge';
import { MANIFEST_KEY, packRecords, unpackRecords } from '../../../glossary/sync-pack';
import { loadOwnEntries, saveOwnEntries } from '../../../utils/own-glossary';
import { ownSyncSetting, ownSyncStatusItem } from '../../../utils/own-sync';

const entry = (id: string, definition = `Definitie van ${id}.`): Entry => ({
  id,
  kind: 'term',
  category: 'concept',
  nl: { term: `Term ${id}`, definition },
  en: { term: `Term ${id}`, definition: `Definition of ${id}.` },
  forms: [],
  context: [],
  related: [],
  sources: [],
});

let sync: OwnEntriesSync;

beforeEach(() => {
  fakeBrowser.reset();
  sync = new OwnEntriesSync();
  sync.listen();
});
afterEach(() => vi.restoreAllMocks());

const area = () => fakeBrowser.storage.sync.get(null);
const syncedRecords = async () => {
  const back = await unpackRecords(await area());
  if (back.state !== 'complete') throw new Error(`sync area is ${back.state}`);
  return back.records;
};
const localIds = async () => (await loadOwnEntries()).map((e) => e.id);
/** Waits `ms`, then for the background's steps under way. */
const settle = async (ms: number) => {
  await new Promise((done) => setTimeout(done, ms));
  await sync.idle();
};
/** Waits until `check` passes: the background writes a moment after a change, later on a busy machine. */
const eventually = (check: () => Promise<void>) => vi.waitFor(check, { timeout: 8_000, interval: 50 });

/** Another computer writes its set, as Begrip would there. */
async function otherComputerWrites(records: SyncRecord[]) {
  const result = await packRecords(records, { bytes: 90_000, items: 400, perItem: 8_192 }, Date.now());
  if (!result.fits) throw new Error('test set too big');
  await fakeBrowser.storage.sync.set(result.packed.parts);
  await fakeBrowser.storage.sync.set({ [MANIFEST_KEY]: result.packed.manifest });
}

describe('turning own-entry sync on', () => {
  it('writes the entries to storage.sync, turns the switch on and says how it went', async () => {
    await fakeBrowser.storage.sync.set({ glossLanguage: 'nl' });
    await saveOwnEntries([entry('een'), entry('twee')]);
    const status = await sync.handle({ type: 'begrip:own-sync', action: 'enable' });
    expect(status).toMatchObject({
      state: 'synced',
      entries: 2,
      merged: { added: 0, updated: 0, removed: 0 },
    });
    expect(await ownSyncSetting.getValue()).toBe(true);
    const records = await syncedRecords();
    expect(records.map((r) => [r.id, r.e])).toEqual([
      ['een', wireEntry(entry('een'))],
      ['twee', wireEntry(entry('twee'))],
    ]);
    expect((await area()).glossLanguage).toBe('nl');
  });

  it('merges with what the account holds: both sets kept, the newer version of a shared id', async () => {
    await saveOwnEntries([entry('hier'), entry('samen', 'Oud hier.')]);
    await settle(10);
    const later = Date.now() + 60_000;
    await otherComputerWrites([
      { id: 'daar', t: later, e: wireEntry(entry('daar')) },
      { id: 'samen', t: later, e: wireEntry(entry('samen', 'Nieuwer daar.')) },
    ]);
    const status = await sync.handle({ type: 'begrip:own-sync', action: 'enable' });
    expect(status).toMatchObject({ state: 'synced', entries: 3, merged: { added: 1, updated: 1 } });
    const local = await loadOwnEntries();
    expect(local.map((e) => [e.id, e.nl.definition])).toEqual([
      ['hier', 'Definitie van hier.'],
      ['samen', 'Nieuwer daar.'],
      ['daar', 'Definitie van daar.'],
    ]);
    expect((await syncedRecords()).map((r) => r.id)).toEqual(['daar', 'hier', 'samen']);
  });

  it('writes nothing when the entries do not fit, and keeps the switch off and the entries here', async () => {
    await fakeBrowser.storage.sync.set({ glossLanguage: 'en' });
    const long = (i: number) =>
      entry(
        `lang-${i}`,
        Array.from({ length: 60 }, (_, k) => `woord${(i * 7919 + k * 104729) % 100003}`).join(' '),
      );
    const many = Array.from({ length: 400 }, (_, i) => long(i));
    await saveOwnEntries(many);
    const before = await area();
    const status = await sync.handle({ type: 'begrip:own-sync', action: 'enable' });
    expect(status).toMatchObject({ state: 'too-big', reason: 'bytes' });
    if (status.state !== 'too-big') return;
    expect(status.needBytes).toBeGreaterThan(102_400);
    expect(status.keptBytes).toBe(5_120 + 'glossLanguage'.length + '"en"'.length);
    expect(await area()).toEqual(before);
    expect(await ownSyncSetting.getValue()).toBe(false);
    expect(await localIds()).toHaveLength(400);
  });

  it('ends a quota error from the browser in the same message, taking back the parts it wrote', async () => {
    await saveOwnEntries([entry('een')]);
    const set = fakeBrowser.storage.sync.set.bind(fakeBrowser.storage.sync);
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockImplementation(async (items) => {
      if (MANIFEST_KEY in items) throw new Error('QUOTA_BYTES quota exceeded');
      return set(items);
    });
    const status = await sync.handle({ type: 'begrip:own-sync', action: 'enable' });
    expect(status.state).toBe('too-big');
    expect(await area()).toEqual({});
    expect(await localIds()).toEqual(['een']);
  });
});

describe('the browser’s write limits', () => {
  it('leave the switch off, with a message, when they refuse turning it on', async () => {
    await saveOwnEntries([entry('een')]);
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(
      new Error('Resource::kMaxWriteOperationsPerMinute quota exceeded'),
    );
    const status = await sync.handle({ type: 'begrip:own-sync', action: 'enable' });
    expect(status).toMatchObject({ state: 'error', rate: true });
    expect(await ownSyncSetting.getValue()).toBe(false);
    expect(await localIds()).toEqual(['een']);
  });
});

describe('while syncing', () => {
  beforeEach(async () => {
    await saveOwnEntries([entry('een'), entry('twee')]);
    await sync.handle({ type: 'begrip:own-sync', action: 'enable' });
    // Turning the switch on starts one more (quiet) round.
    await settle(10);
  });

  it('takes in a new set from another computer: new entries, newer versions and deletions', async () => {
    const later = Date.now() + 60_000;
    await otherComputerWrites([
      { id: 'een', t: later, e: wireEntry(entry('een', 'Elders bijgewerkt.')) },
      { id: 'twee', t: later, d: 1 },
      { id: 'drie', t: later, e: wireEntry(entry('drie')) },
    ]);
    await eventually(async () => {
      const local = await loadOwnEntries();
      expect(local.map((e) => [e.id, e.nl.definition])).toEqual([
        ['een', 'Elders bijgewerkt.'],
        ['drie', 'Definitie van drie.'],
      ]);
    });
    expect(await ownSyncStatusItem.getValue()).toMatchObject({ state: 'synced', entries: 2 });
  });

  it('skips a malformed entry from another computer, reports it and leaves it in the account', async () => {
    const later = Date.now() + 60_000;
    const broken = { ...wireEntry(entry('kapot')), category: 'weather' };
    await otherComputerWrites([{ id: 'kapot', t: later, e: broken }]);
    await eventually(async () => {
      const status = await ownSyncStatusItem.getValue();
      expect(status.state === 'synced' && status.skipped).toEqual([
        { id: 'kapot', problems: [expect.stringMatching(/field "category": must be one of/)] },
      ]);
    });
    expect(await localIds()).toEqual(['een', 'twee']);
    expect((await syncedRecords()).find((r) => r.id === 'kapot')?.e).toEqual(broken);
  });

  it('writes a change made here a moment later, rewriting only the parts it touched', async () => {
    const set = vi.spyOn(fakeBrowser.storage.sync, 'set');
    await saveOwnEntries([entry('een', 'Hier bijgewerkt.'), entry('twee')]);
    await settle(50);
    expect(set).not.toHaveBeenCalled();
    await eventually(async () => {
      const records = await syncedRecords();
      expect(records.find((r) => r.id === 'een')?.e).toEqual(wireEntry(entry('een', 'Hier bijgewerkt.')));
    });
    // One write of new parts, one of the manifest.
    expect(set.mock.calls.map(([items]) => Object.keys(items).length)).toEqual([1, 1]);
  }, 10_000);

  it('sends a deletion made here as a tombstone', async () => {
    await saveOwnEntries([entry('een')]);
    await eventually(async () => {
      expect((await syncedRecords()).map((r) => [r.id, r.d ?? 0])).toEqual([
        ['een', 0],
        ['twee', 1],
      ]);
    });
  }, 10_000);

  it('waits for parts that have not arrived, taking nothing for gone and writing nothing over them', async () => {
    const later = Date.now() + 60_000;
    const result = await packRecords(
      [{ id: 'drie', t: later, e: wireEntry(entry('drie')) }],
      { bytes: 90_000, items: 400, perItem: 8_192 },
      later,
    );
    if (!result.fits) throw new Error('test set too big');
    // The manifest arrives first, as sync may deliver it.
    await fakeBrowser.storage.sync.set({ [MANIFEST_KEY]: result.packed.manifest });
    await settle(700);
    expect(await localIds()).toEqual(['een', 'twee']);
    expect((await area())[MANIFEST_KEY]).toEqual(result.packed.manifest);
    await fakeBrowser.storage.sync.set(result.packed.parts);
    await eventually(async () => expect(await localIds()).toEqual(['een', 'twee', 'drie']));
  });

  it('turning off keeps the entries here; removing the synced copy leaves the settings', async () => {
    await fakeBrowser.storage.sync.set({ highlightStyle: 'background' });
    const off = await sync.handle({ type: 'begrip:own-sync', action: 'disable' });
    expect(off).toEqual({ state: 'off' });
    expect(await ownSyncSetting.getValue()).toBe(false);
    expect(await localIds()).toEqual(['een', 'twee']);
    expect(await unpackRecords(await area())).toMatchObject({ state: 'complete' });
    const removed = await sync.handle({ type: 'begrip:own-sync', action: 'remove-synced' });
    expect(removed).toEqual({ state: 'off', removed: true });
    expect(await area()).toEqual({ highlightStyle: 'background', ownEntriesSync: false });
  });
});
