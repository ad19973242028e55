/**
 * The own entries' items in `storage.sync`, read and written from an extension page the way
 * docs/formats.md describes them, with the browser's own CompressionStream and SubtleCrypto and
 * none of Begrip's code: what another computer (or another implementation) would do. Functions
 * named `in…` run in the page (Chromium's `chrome` or Firefox's `browser`).
 */

interface SyncArea {
  get(keys: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  getBytesInUse(keys: string | null): Promise<number>;
}
type Api = { storage: { sync: SyncArea } };
declare const chrome: Api;

export interface SyncedRecord {
  id: string;
  t: number;
  e?: Record<string, unknown>;
  d?: 1;
}

export interface OwnSet {
  manifest: { v: number; groups: string[][]; count: number; revision: string } | null;
  records: SyncedRecord[];
  /** Every own-entry item's bytes as the browser counts them. */
  sizes: Record<string, number>;
  /** Whether every part's key is the hash of its content. */
  verified: boolean;
  /** Everything else in the sync area (the settings), by key. */
  others: Record<string, unknown>;
}

/** Runs in the page: the own entries' set in storage.sync, decoded. */
export async function inReadOwnSet(): Promise<OwnSet> {
  const api = (globalThis as { browser?: Api }).browser ?? chrome;
  const area = (await api.storage.sync.get(null)) as Record<string, unknown>;
  const hex = async (text: string) =>
    [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))]
      .map((byte) => byte.toString(16).padStart(2, '0'))
      .join('');
  const own = Object.keys(area).filter((key) => key.startsWith('own:'));
  const sizes: Record<string, number> = {};
  for (const key of own) sizes[key] = await api.storage.sync.getBytesInUse(key);
  const others = Object.fromEntries(Object.entries(area).filter(([key]) => !key.startsWith('own:')));
  const manifest = (area['own:manifest'] as OwnSet['manifest']) ?? null;
  const records: SyncedRecord[] = [];
  let verified = true;
  for (const keys of manifest?.groups ?? []) {
    const parts = keys.map((key) => String(area[key]));
    for (const [i, key] of keys.entries())
      if (key !== `own:${(await hex(parts[i] ?? '')).slice(0, 16)}`) verified = false;
    const bytes = Uint8Array.from(atob(parts.join('')), (char) => char.charCodeAt(0));
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    records.push(...(JSON.parse(await new Response(stream).text()) as SyncedRecord[]));
  }
  return { manifest, records, sizes, verified, others };
}

/** Runs in the page: writes `records` as another computer would, one group, parts then manifest. */
export async function inWriteOwnSet(records: SyncedRecord[]): Promise<void> {
  const api = (globalThis as { browser?: Api }).browser ?? chrome;
  const hex = async (text: string) =>
    [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))]
      .map((byte) => byte.toString(16).padStart(2, '0'))
      .join('');
  const stream = new Blob([JSON.stringify(records)]).stream().pipeThrough(new CompressionStream('gzip'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  const text = btoa(binary);
  const parts: Record<string, string> = {};
  const keys: string[] = [];
  for (let at = 0; at < text.length; at += 8_000) {
    const part = text.slice(at, at + 8_000);
    const key = `own:${(await hex(part)).slice(0, 16)}`;
    parts[key] = part;
    keys.push(key);
  }
  await api.storage.sync.set(parts);
  const manifest = {
    v: 1,
    groups: [keys],
    count: records.length,
    bytes: 0,
    revision: (await hex(JSON.stringify([keys]))).slice(0, 16),
    at: Date.now(),
  };
  await api.storage.sync.set({ 'own:manifest': manifest });
}

/** An own entry as it travels: without the `own` flag and without empty lists. */
export function wire(entry: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(entry).filter(
      ([key, value]) => key !== 'own' && !(Array.isArray(value) && value.length === 0),
    ),
  );
}
