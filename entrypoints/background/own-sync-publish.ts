/**
 * Writing the own entries' records to `storage.sync` (glossary/sync-pack.ts has the format):
 * parts first, then the manifest, then the parts no manifest lists any more, so a reader on
 * another computer never takes a half-written set. Nothing is written unless all of it fits
 * beside the settings; when the browser refuses a write anyway, the parts written for it are
 * taken back and the set that was there stays as it was.
 */
import { browser } from 'wxt/browser';
import type { SyncRecord } from '../../glossary/sync-merge';
import { isOwnEntriesKey, MANIFEST_KEY, packRecords, unlistedParts } from '../../glossary/sync-pack';
import {
  isRateQuotaError,
  isSizeQuotaError,
  itemBytes,
  ownEntriesBudget,
  SETTINGS_HEADROOM,
  SYNC_LIMITS,
  writeDelay,
} from '../../glossary/sync-quota';

export type PublishOutcome =
  | { ok: true; revision: string }
  | {
      ok: false;
      kind: 'too-big';
      reason: 'bytes' | 'items';
      needBytes: number;
      keptBytes: number;
      needItems: number;
      keptItems: number;
    }
  /** Too many writes lately (Chrome's per-minute and per-hour limits): try again after `delay` ms. */
  | { ok: false; kind: 'later'; delay: number }
  | { ok: false; kind: 'error'; message: string };

/** The browser's own count of these keys' bytes, where it offers one. */
async function measured(keys: string[] | null): Promise<number | undefined> {
  const sync = browser.storage.sync as { getBytesInUse?: (keys: string[] | null) => Promise<number> };
  try {
    const bytes = await sync.getBytesInUse?.(keys);
    return typeof bytes === 'number' ? bytes : undefined;
  } catch {
    return undefined;
  }
}

const counted = (area: Record<string, unknown>, keys: string[]) =>
  keys.reduce((sum, key) => sum + itemBytes(key, area[key]), 0);

/** What the settings take of the sync area: measured by the browser where it can, else counted. */
export async function settingsUsage(
  area: Record<string, unknown>,
): Promise<{ bytes: number; items: number }> {
  const keys = Object.keys(area).filter((key) => !isOwnEntriesKey(key));
  if (keys.length === 0) return { bytes: 0, items: 0 };
  return { bytes: (await measured(keys)) ?? counted(area, keys), items: keys.length };
}

/** Bytes of the whole sync area in use. */
export async function syncBytesInUse(): Promise<number> {
  const bytes = await measured(null);
  if (bytes !== undefined) return bytes;
  const area = await browser.storage.sync.get(null);
  return counted(area, Object.keys(area));
}

/**
 * Writes `records` over what `area` (the sync area as read just before) holds. `writes` is the
 * times of this worker's earlier writes, for the write limits; the writes made are added to it.
 */
export async function publishRecords(
  records: readonly SyncRecord[],
  area: Record<string, unknown>,
  now: number,
  writes: number[],
): Promise<PublishOutcome> {
  const usage = await settingsUsage(area);
  const budget = ownEntriesBudget(usage.bytes, usage.items);
  const result = await packRecords(records, budget, now);
  if (!result.fits) return tooBig(result, usage);
  const { parts, manifest } = result.packed;

  const fresh = Object.fromEntries(Object.entries(parts).filter(([key, part]) => area[key] !== part));
  const stale = unlistedParts(area, manifest);
  // While the new parts are written the old ones still count: when both would not fit at once,
  // the old ones go first (readers then wait for the new set instead of reading the old one).
  const inUse = Object.entries(area).reduce((sum, [key, value]) => sum + itemBytes(key, value), 0);
  const added = Object.entries(fresh).reduce((sum, [key, part]) => sum + itemBytes(key, part), 0);
  const manifestGrowth =
    itemBytes(MANIFEST_KEY, manifest) - itemBytes(MANIFEST_KEY, area[MANIFEST_KEY] ?? '');
  const removeFirst =
    stale.length > 0 &&
    (inUse + added + Math.max(0, manifestGrowth) > SYNC_LIMITS.quotaBytes ||
      Object.keys(area).length + Object.keys(fresh).length + 1 > SYNC_LIMITS.maxItems);

  const ops = (Object.keys(fresh).length ? 1 : 0) + 1 + (stale.length ? 1 : 0);
  const delay = writeDelay(writes, now, ops);
  if (delay > 0) return { ok: false, kind: 'later', delay };

  const sync = browser.storage.sync;
  const write = async (step: () => Promise<void>) => {
    writes.push(Date.now());
    await step();
  };
  try {
    if (removeFirst) await write(() => sync.remove(stale));
    if (Object.keys(fresh).length) await write(() => sync.set(fresh));
    await write(() => sync.set({ [MANIFEST_KEY]: manifest }));
    if (!removeFirst && stale.length) await write(() => sync.remove(stale));
    return { ok: true, revision: manifest.revision };
  } catch (error) {
    // Parts nobody lists are of no use to anyone: take back those this attempt added.
    const orphans = Object.keys(fresh).filter((key) => !(key in area));
    if (orphans.length) await sync.remove(orphans).catch(() => undefined);
    const message = String((error as Error)?.message ?? error);
    if (isRateQuotaError(message)) return { ok: false, kind: 'later', delay: 60_000 };
    if (isSizeQuotaError(message))
      return tooBig({ reason: 'bytes', bytes: result.packed.bytes, items: result.packed.items }, usage);
    return { ok: false, kind: 'error', message };
  }
}

function tooBig(
  need: { reason: 'bytes' | 'items'; bytes: number; items: number },
  usage: { bytes: number; items: number },
): PublishOutcome {
  return {
    ok: false,
    kind: 'too-big',
    reason: need.reason,
    needBytes: need.bytes,
    keptBytes: usage.bytes + SETTINGS_HEADROOM.bytes,
    needItems: need.items,
    keptItems: usage.items + SETTINGS_HEADROOM.items,
  };
}

/** Removes the synced copy of the own entries from the account; the settings stay. */
export async function removeSyncedEntries(writes: number[]): Promise<void> {
  const area = await browser.storage.sync.get(null);
  const keys = Object.keys(area).filter(isOwnEntriesKey);
  if (keys.length === 0) return;
  writes.push(Date.now());
  await browser.storage.sync.remove(keys);
}
