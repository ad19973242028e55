import { describe, expect, it } from 'vitest';
import type { SyncRecord } from '../../../glossary/sync-merge';
import {
  encode,
  groupRecords,
  isOwnEntriesKey,
  MANIFEST_KEY,
  type Packed,
  packRecords,
  unlistedParts,
  unpackRecords,
} from '../../../glossary/sync-pack';
import { itemBytes, type SyncBudget } from '../../../glossary/sync-quota';

const NOW = Date.UTC(2026, 11, 1);
const ROOMY: SyncBudget = { bytes: 10_000_000, items: 10_000, perItem: 8_192 };

/** An own entry's record with some text: `size` characters of definition. */
function record(id: string, definition = `Definitie van ${id}.`, t = NOW): SyncRecord {
  return {
    id,
    t,
    e: {
      kind: 'term',
      category: 'concept',
      nl: { term: id, definition },
      en: { term: id, definition: `Definition of ${id}.` },
    },
  };
}

/** Varied, barely compressible text, so tests need many bytes and several groups. */
function prose(seed: number, length: number): string {
  const words = ['missie', 'inzet', 'Kamer', 'brief', 'NAVO', 'mandaat', 'kader', 'steun', 'VN', 'EU'];
  let state = seed;
  let text = '';
  while (text.length < length) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    text += `${words[state % words.length]}${state % 997} `;
  }
  return text.slice(0, length);
}

const records = (count: number, length = 700) =>
  Array.from({ length: count }, (_, i) => record(`term-${String(i).padStart(4, '0')}`, prose(i, length)));

/** What the sync area would hold after writing `packed`. */
const stored = (packed: Packed): Record<string, unknown> => ({
  ...packed.parts,
  [MANIFEST_KEY]: packed.manifest,
});

async function packed(list: SyncRecord[], budget = ROOMY): Promise<Packed> {
  const result = await packRecords(list, budget, NOW);
  if (!result.fits) throw new Error(`did not fit: ${JSON.stringify(result)}`);
  return result.packed;
}

const byId = (a: SyncRecord, b: SyncRecord) => (a.id < b.id ? -1 : 1);

describe('packing own entries into sync items', () => {
  it('unpacks to the same records, with a manifest that counts them', async () => {
    const list = [...records(120), { id: 'weg', t: NOW - 5, d: 1 as const }];
    const result = await packed(list);
    expect(result.manifest.count).toBe(121);
    expect(result.manifest.groups.length).toBeGreaterThan(3);
    const back = await unpackRecords(stored(result));
    expect(back.state).toBe('complete');
    if (back.state !== 'complete') return;
    expect(back.records).toEqual([...list].sort(byId));
    expect(back.missing).toEqual([]);
  });

  it('keeps every item within the per-item limit, counted in UTF-8 as Chrome counts, full parts exactly at it', async () => {
    const multibyte = records(30, 600).map((r, i) => ({
      ...r,
      e: { ...r.e, nl: { term: `Één <${i}> “€”`, definition: `${prose(i, 400)} ĳ 😀 \u2028 <b>` } },
    }));
    const perItem = 700;
    const result = await packed(multibyte, { ...ROOMY, perItem });
    const sizes = Object.entries(result.parts).map(([key, part]) => itemBytes(key, part));
    expect(Math.max(...sizes)).toBe(perItem);
    expect(sizes.every((size) => size <= perItem)).toBe(true);
    expect(itemBytes(MANIFEST_KEY, result.manifest)).toBeLessThanOrEqual(perItem);
    const back = await unpackRecords(stored(result));
    expect(back.state === 'complete' && back.records).toEqual(multibyte);
  });

  it('fits a budget exactly at its size, and falls back to one denser group one byte below', async () => {
    const list = records(60);
    const grouped = await packed(list);
    const groupedBytes = grouped.bytes;
    expect(grouped.manifest.groups.length).toBeGreaterThan(1);
    const exact = await packed(list, { ...ROOMY, bytes: groupedBytes });
    expect(exact.manifest.groups.length).toBe(grouped.manifest.groups.length);

    const dense = await packed(list, { ...ROOMY, bytes: groupedBytes - 1 });
    expect(dense.manifest.groups.length).toBe(1);
    expect(dense.bytes).toBeLessThan(groupedBytes);
    expect((await packed(list, { ...ROOMY, bytes: dense.bytes })).bytes).toBe(dense.bytes);
    expect(await packRecords(list, { ...ROOMY, bytes: dense.bytes - 1 }, NOW)).toEqual({
      fits: false,
      reason: 'bytes',
      bytes: dense.bytes,
      items: dense.items,
    });
  });

  it('reports the item count when many small entries need more items than are left', async () => {
    const small = Array.from({ length: 400 }, (_, i) => record(`k${i}`, prose(i, 60)));
    const perItem = 1_000;
    // One byte fits nothing: the answer gives the figures of the densest pack, the fewest items.
    const dense = await packRecords(small, { items: 1_000, perItem, bytes: 1 }, NOW);
    if (dense.fits) throw new Error('fits in one byte');
    expect(dense.items).toBeGreaterThan(10);
    expect(await packRecords(small, { bytes: 1_000_000, items: dense.items, perItem }, NOW)).toMatchObject({
      fits: true,
    });
    expect(await packRecords(small, { bytes: 1_000_000, items: dense.items - 1, perItem }, NOW)).toEqual({
      fits: false,
      reason: 'items',
      bytes: dense.bytes,
      items: dense.items,
    });
  });

  it('changes only the group an edited, added or deleted entry falls in', async () => {
    const list = records(200);
    const before = await packed(list);
    const keys = (p: Packed) => new Set(p.manifest.groups.map((g) => g.join()));
    const changedGroups = (p: Packed) => [...keys(p)].filter((g) => !keys(before).has(g)).length;

    const edited = list.map((r) => (r.id === 'term-0100' ? record(r.id, 'Nieuwe definitie.', NOW + 1) : r));
    expect(changedGroups(await packed(edited))).toBe(1);
    const added = [...list, record('term-0100a', prose(9_999, 700))];
    expect(changedGroups(await packed(added))).toBeLessThanOrEqual(2);
    const deleted = list.filter((r) => r.id !== 'term-0050');
    expect(changedGroups(await packed(deleted))).toBeLessThanOrEqual(2);
    expect(before.manifest.groups.length).toBeGreaterThan(10);
  });

  it('cuts groups at the same ids whatever order the records come in', () => {
    const list = records(100);
    const ids = (groups: SyncRecord[][]) => groups.map((g) => g.map((r) => r.id));
    expect(ids(groupRecords([...list].reverse()))).toEqual(ids(groupRecords(list)));
  });
});

describe('reading the synced set back', () => {
  it('says empty when there is no manifest, and names the own entries’ keys', async () => {
    expect(await unpackRecords({ glossLanguage: 'nl' })).toEqual({ state: 'empty' });
    const result = await packed(records(3));
    const keys = Object.keys(stored(result));
    expect(keys.every(isOwnEntriesKey)).toBe(true);
    expect(isOwnEntriesKey('glossLanguage')).toBe(false);
    expect(isOwnEntriesKey('own:notahash')).toBe(false);
  });

  it('takes no missing or altered part for real: the set is incomplete and those records absent', async () => {
    const result = await packed(records(120));
    const [first = '', second = ''] = result.manifest.groups.map((keys) => keys[0]);
    const area = stored(result);
    delete area[first];
    area[second] = `${String(area[second]).slice(0, -4)}AAAA`;
    const back = await unpackRecords(area);
    expect(back.state).toBe('incomplete');
    if (back.state !== 'incomplete') return;
    expect(back.missing).toEqual([first, second]);
    expect(back.records.length).toBeLessThan(120);
    expect(back.records.length).toBeGreaterThan(0);
  });

  it('leaves alone a set written in a newer format', async () => {
    const result = await packed(records(2));
    const area = { ...stored(result), [MANIFEST_KEY]: { ...result.manifest, v: 2 } };
    expect(await unpackRecords(area)).toEqual({ state: 'unsupported', version: 2 });
  });

  it('lists records it cannot use and keeps the rest', async () => {
    const text = await encode(JSON.stringify([record('goed'), { id: 'zonder-tijd', e: {} }, 'tekst']));
    const key = `own:${'0'.repeat(16)}`;
    // A hand-made part: its key is not its hash, so it first reads as missing ...
    const manifest = { v: 1, groups: [[key]], count: 3, bytes: 0, revision: 'x', at: NOW };
    expect((await unpackRecords({ [MANIFEST_KEY]: manifest, [key]: text })).state).toBe('incomplete');
    // ... and with the right key, the good record is read and the others named.
    const { sha256Hex } = await import('../../../glossary/sync-pack');
    const real = `own:${(await sha256Hex(text)).slice(0, 16)}`;
    const back = await unpackRecords({ [MANIFEST_KEY]: { ...manifest, groups: [[real]] }, [real]: text });
    expect(back.state === 'complete' && back.records.map((r) => r.id)).toEqual(['goed']);
    expect(back.state === 'complete' && back.invalid).toEqual(['zonder-tijd', '(no id)']);
  });

  it('refuses a part that would unpack to megabytes', async () => {
    const { sha256Hex } = await import('../../../glossary/sync-pack');
    const bomb = await encode(`["${'a'.repeat(5_000_000)}"]`);
    expect(bomb.length).toBeLessThan(20_000);
    const key = `own:${(await sha256Hex(bomb)).slice(0, 16)}`;
    const manifest = { v: 1, groups: [[key]], count: 1, bytes: 0, revision: 'x', at: NOW };
    const back = await unpackRecords({ [MANIFEST_KEY]: manifest, [key]: bomb });
    expect(back.state === 'incomplete' && back.missing).toEqual([key]);
  });

  it('finds the parts no manifest lists any more', async () => {
    const old = await packed(records(40));
    const next = await packed(records(41));
    const area = { ...old.parts, ...stored(next), glossLanguage: 'nl' };
    const unlisted = unlistedParts(area, next.manifest);
    expect(unlisted.length).toBeGreaterThan(0);
    expect(unlisted.every((key) => key in old.parts && !(key in next.parts))).toBe(true);
  });
});
