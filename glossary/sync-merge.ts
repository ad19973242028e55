/**
 * Merging own entries between computers (issue 17, item 5). Each computer keeps, beside its own
 * entries, when each entry id last changed there (`SyncMeta`, device-local; not part of the
 * glossary schema). What is synced is one record per id: the entry and that time, or a tombstone
 * saying when it was deleted. Two sets merge per id, the later record winning, so an edit is
 * never undone by an older copy and a deletion is not undone by a computer that still had the
 * entry. Tombstones are kept for 30 days; a computer away longer than that may bring back an
 * entry deleted elsewhere (it is not lost either way).
 */

/** One synced own entry: its id, when it last changed (ms since 1970), and the entry or a tombstone. */
export interface SyncRecord {
  id: string;
  t: number;
  /** The entry, without the fields every own entry has anyway (see wireEntry). */
  e?: Record<string, unknown>;
  /** Present (1) on a tombstone: the entry was deleted at `t`. */
  d?: 1;
}

/** Per entry id: when it last changed on this computer, a hash of its stored form, or its deletion. */
export type SyncMeta = Record<string, { t: number; h?: string; d?: 1 }>;

export const TOMBSTONE_DAYS = 30;
const DAY = 86_400_000;

/** JSON with every object's keys sorted: the browser may hand stored objects back in another key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

/** A 53-bit hash (cyrb53) as hex: tells whether an entry changed, not a security measure. */
export function hashText(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16);
}

/**
 * The entry as it travels: without `own` (every synced entry is one) and without empty lists
 * (the schema gives them back), so more entries fit in the browser's small sync area.
 */
export function wireEntry(entry: object): Record<string, unknown> {
  const wire: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entry)) {
    if (key === 'own' || value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    wire[key] = value;
  }
  return wire;
}

/** Tells whether an entry changed; compares what travels, so stored defaults make no difference. */
export const entryHash = (entry: object): string => hashText(canonicalJson(wireEntry(entry)));

/**
 * Brings `meta` up to date with the stored entries: an entry that is new or whose content
 * changed is stamped `now`; an id that is gone gets a tombstone. Returns the same object when
 * nothing changed.
 */
export function stampChanges(
  entries: readonly { id: string }[],
  meta: SyncMeta,
  now: number,
): { meta: SyncMeta; changed: boolean } {
  const next: SyncMeta = { ...meta };
  let changed = false;
  const present = new Set<string>();
  for (const entry of entries) {
    present.add(entry.id);
    const h = entryHash(entry);
    const known = next[entry.id];
    if (known && !known.d && known.h === h) continue;
    // A deletion and a re-creation within the same millisecond still order after each other.
    next[entry.id] = { t: Math.max(now, (known?.t ?? 0) + 1), h };
    changed = true;
  }
  for (const [id, known] of Object.entries(next)) {
    if (present.has(id) || known.d) continue;
    next[id] = { t: Math.max(now, known.t + 1), d: 1 };
    changed = true;
  }
  return { meta: changed ? next : meta, changed };
}

/** This computer's records: its entries with their times, and its tombstones. */
export function localRecords(entries: readonly { id: string }[], meta: SyncMeta): SyncRecord[] {
  const records: SyncRecord[] = entries.map((entry) => ({
    id: entry.id,
    t: meta[entry.id]?.t ?? 0,
    e: wireEntry(entry),
  }));
  const live = new Set(entries.map((entry) => entry.id));
  for (const [id, known] of Object.entries(meta))
    if (known.d && !live.has(id)) records.push({ id, t: known.t, d: 1 });
  return records;
}

/** Drops tombstones older than TOMBSTONE_DAYS. */
export function expireTombstones<T extends { t: number; d?: 1 }>(
  items: Record<string, T>,
  now: number,
): Record<string, T> {
  const cutoff = now - TOMBSTONE_DAYS * DAY;
  return Object.fromEntries(Object.entries(items).filter(([, item]) => !(item.d && item.t < cutoff)));
}

/**
 * Whether record `a` wins over `b` for the same id: the later one; on equal times a tombstone,
 * then the greater content, so that every computer settles a tie the same way.
 */
export function wins(a: SyncRecord, b: SyncRecord): boolean {
  if (a.t !== b.t) return a.t > b.t;
  if (!!a.d !== !!b.d) return !!a.d;
  return canonicalJson(a.e) > canonicalJson(b.e);
}

export const sameRecord = (a: SyncRecord | undefined, b: SyncRecord | undefined): boolean =>
  a === b ||
  (!!a && !!b && a.t === b.t && !!a.d === !!b.d && canonicalJson(a.e ?? null) === canonicalJson(b.e ?? null));

/** Whether two record sets hold the same records (in any order). */
export function sameRecords(a: readonly SyncRecord[], b: readonly SyncRecord[]): boolean {
  if (a.length !== b.length) return false;
  const byId = new Map(b.map((record) => [record.id, record]));
  return a.every((record) => sameRecord(record, byId.get(record.id)));
}

export interface MergeOptions {
  now: number;
  /**
   * This computer starts syncing (turned on here, or on another computer with the same account):
   * its entries are kept even where the account has a newer tombstone for the same id. They were
   * never synced from here, so the tombstone is not about them; dropping them would lose them
   * without a word.
   */
  initial?: boolean;
  /**
   * The account's set was read whole: this computer's tombstones for ids the account never held
   * tell no other computer anything (an entry added and deleted before it was synced), and are
   * left out. With parts still missing, the account may hold the id in one of them.
   */
  complete?: boolean;
}

/** Both sets merged per id (the winning record), sorted by id, old tombstones dropped. */
export function mergeRecords(
  local: readonly SyncRecord[],
  remote: readonly SyncRecord[],
  { now, initial = false, complete = false }: MergeOptions,
): SyncRecord[] {
  const merged = new Map<string, SyncRecord>();
  for (const record of remote) {
    const known = merged.get(record.id);
    if (!known || wins(record, known)) merged.set(record.id, record);
  }
  for (const record of local) {
    const other = merged.get(record.id);
    if (!other && record.d && complete) continue;
    if (!other || wins(record, other)) merged.set(record.id, record);
    else if (initial && other.d && !record.d)
      merged.set(record.id, { ...record, t: Math.max(now, other.t + 1) });
  }
  const kept = expireTombstones(Object.fromEntries(merged), now);
  return Object.values(kept).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
