/**
 * The browser's limits on `storage.sync`, and how it counts against them. Chrome and Firefox
 * document the same figures (developer.chrome.com storage API, MDN storage.sync; Firefox's
 * application-services webext_storage SYNC_QUOTA_BYTES / SYNC_QUOTA_BYTES_PER_ITEM /
 * SYNC_MAX_ITEMS): 102,400 bytes in all, 8,192 per item, 512 items, each item counted as the
 * length of its key plus the JSON of its value. Chrome also limits writes: 120 a minute, 1,800
 * an hour (set, remove and clear each count as one, however many keys they carry).
 */

export const SYNC_LIMITS = {
  quotaBytes: 102_400,
  perItemBytes: 8_192,
  maxItems: 512,
  writesPerMinute: 120,
  writesPerHour: 1_800,
} as const;

/**
 * Kept free for the preferences, which share the area: own entries that fill it to the last
 * byte would make the next site the reader switches off fail to save.
 */
export const SETTINGS_HEADROOM = { bytes: 5_120, items: 16 } as const;

/** Writes are kept this far below Chrome's limits, for the preferences' own writes. */
const WRITE_HEADROOM = { minute: 20, hour: 200 } as const;

const encoder = new TextEncoder();

/** Bytes of `text` in UTF-8, as the browser stores it. */
export function utf8Bytes(text: string): number {
  return encoder.encode(text).length;
}

/**
 * Bytes of `value` as JSON, counted the way Chrome's writer serialises it: UTF-8, with `<` as
 * `\u003C` and U+2028/U+2029 as `\u2028`/`\u2029`, six bytes each (measured in Chromium 156 by
 * tests/e2e/sync.test.ts). Firefox writes these as they are (measured in Firefox ESR 153: a `<`
 * costs one byte), so this count is never below either browser's.
 */
export function jsonBytes(value: unknown): number {
  const json = JSON.stringify(value) ?? 'null';
  let extra = 0;
  for (const char of json) {
    if (char === '<') extra += 5;
    else if (char === '\u2028' || char === '\u2029') extra += 3;
  }
  return utf8Bytes(json) + extra;
}

/** What one item costs against the quota: its key plus its value as JSON. */
export function itemBytes(key: string, value: unknown): number {
  return utf8Bytes(key) + jsonBytes(value);
}

/** The room left for own entries once the preferences (and their headroom) are counted. */
export interface SyncBudget {
  /** Bytes the own entries' items may take in all (manifest included). */
  bytes: number;
  /** Items they may take (manifest included). */
  items: number;
  /** Bytes one item may take. */
  perItem: number;
}

/** The budget for own entries beside settings that take `settingsBytes` in `settingsItems` items. */
export function ownEntriesBudget(settingsBytes: number, settingsItems: number): SyncBudget {
  return {
    bytes: SYNC_LIMITS.quotaBytes - settingsBytes - SETTINGS_HEADROOM.bytes,
    items: SYNC_LIMITS.maxItems - settingsItems - SETTINGS_HEADROOM.items,
    perItem: SYNC_LIMITS.perItemBytes,
  };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * How long to wait before `ops` more writes keep within the write limits, given the times of the
 * writes already made (`log`, any order). 0: write now.
 */
export function writeDelay(log: readonly number[], now: number, ops: number): number {
  const limits: [number, number][] = [
    [MINUTE, SYNC_LIMITS.writesPerMinute - WRITE_HEADROOM.minute],
    [HOUR, SYNC_LIMITS.writesPerHour - WRITE_HEADROOM.hour],
  ];
  let delay = 0;
  for (const [window, allowed] of limits) {
    const recent = log.filter((at) => at > now - window).sort((a, b) => a - b);
    const over = recent.length + ops - allowed;
    // The window must first drop the `over` oldest writes: wait until the last of those leaves it.
    const leaving = recent[over - 1];
    if (over > 0 && leaving !== undefined) delay = Math.max(delay, leaving + window - now);
  }
  return Math.max(0, delay);
}

/** Keeps only the writes that still count (the last hour). */
export function recentWrites(log: readonly number[], now: number): number[] {
  return log.filter((at) => at > now - HOUR);
}

/** Whether a storage error is the browser refusing the data for its size or number of items. */
export function isSizeQuotaError(message: string): boolean {
  return /quota/i.test(message) && !isRateQuotaError(message);
}

/**
 * Whether a storage error is the browser refusing a write for coming too soon after others
 * (Chrome 156: "Resource::kMaxWriteOperationsPerMinute quota exceeded"; older Chromes named the
 * constant, MAX_WRITE_OPERATIONS_PER_MINUTE).
 */
export function isRateQuotaError(message: string): boolean {
  return /WRITE_?OPERATIONS/i.test(message);
}
