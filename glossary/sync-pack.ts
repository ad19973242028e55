/**
 * Own entries as `storage.sync` items, and back (issue 17, item 5). The records (sync-merge.ts),
 * sorted by id, are cut into groups; each group is JSON, gzip-compressed and base64-encoded, and
 * the text is stored in parts of at most one item each. A part's key is the hash of its content,
 * so:
 * - a part never changes under its key: a reader cannot meet half of an old and half of a new
 *   version, and verifies what it reads against the key;
 * - a part that did not change keeps its key and is not written again;
 * - two computers writing at once never overwrite each other's parts.
 * The manifest, written last, lists the parts by group with the number of records, their bytes
 * and a revision (the hash of the list). A reader only takes a set whose every part is there and
 * intact; parts no manifest lists any more are removed after the manifest is written.
 *
 * Groups end where a record's id hashes to a boundary (content-defined, as rsync and backup tools
 * cut files): adding, editing or deleting one entry changes the group it falls in, not the rest.
 * When the groups would not fit, everything goes into one group instead: that compresses better
 * (measured on the 541 curated entries as own entries, 931 kB of JSON: 398 kB in groups, 307 kB
 * as one; see the commit) but rewrites every part on each change.
 */

import type { SyncRecord } from './sync-merge';
import { itemBytes, type SyncBudget } from './sync-quota';

export const MANIFEST_KEY = 'own:manifest';
const PART_PREFIX = 'own:';
const PART_KEY = /^own:[0-9a-f]{16}$/;
export const FORMAT_VERSION = 1;

export interface Manifest {
  v: number;
  /** Part keys, per group, in order. */
  groups: string[][];
  /** Records in all groups (entries and tombstones). */
  count: number;
  /** Bytes the parts take against the quota. */
  bytes: number;
  /** A hash of `groups`: the same revision is the same set. */
  revision: string;
  /** When it was written (ms since 1970). */
  at: number;
}

export interface Packed {
  /** Part key → part text. */
  parts: Record<string, string>;
  manifest: Manifest;
  /** Bytes of the parts and the manifest against the quota. */
  bytes: number;
  /** Items: the parts and the manifest. */
  items: number;
}

export type PackResult =
  | { fits: true; packed: Packed }
  | { fits: false; reason: 'bytes' | 'items'; bytes: number; items: number };

/** Where groups are cut: the JSON characters a group has at least and at most, and one id in this many ends one. */
const GROUPING = { min: 6_000, max: 18_000, every: 8 };
const DENSE = { min: Number.POSITIVE_INFINITY, max: Number.POSITIVE_INFINITY, every: 1 };

/** FNV-1a: a cheap, stable hash of an id to place group boundaries. */
function boundaryHash(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

export function groupRecords(
  records: readonly SyncRecord[],
  cut: { min: number; max: number; every: number } = GROUPING,
): SyncRecord[][] {
  const sorted = [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const groups: SyncRecord[][] = [];
  let group: SyncRecord[] = [];
  let size = 0;
  for (const record of sorted) {
    group.push(record);
    size += JSON.stringify(record).length;
    const boundary = size >= cut.min && boundaryHash(record.id) % cut.every === 0;
    if (boundary || size >= cut.max) {
      groups.push(group);
      group = [];
      size = 0;
    }
  }
  if (group.length) groups.push(group);
  return groups;
}

/** Packs the records and says whether they fit `budget`: in groups if they can, else as one. */
export async function packRecords(
  records: readonly SyncRecord[],
  budget: SyncBudget,
  now: number,
): Promise<PackResult> {
  const grouped = await pack(groupRecords(records), budget.perItem, now);
  if (fits(grouped, budget)) return { fits: true, packed: grouped };
  const dense = await pack(groupRecords(records, DENSE), budget.perItem, now);
  if (fits(dense, budget)) return { fits: true, packed: dense };
  const smaller = dense.bytes <= grouped.bytes ? dense : grouped;
  const reason = smaller.bytes > budget.bytes || !manifestFits(smaller, budget) ? 'bytes' : 'items';
  return { fits: false, reason, bytes: smaller.bytes, items: smaller.items };
}

const manifestFits = (packed: Packed, budget: SyncBudget) =>
  itemBytes(MANIFEST_KEY, packed.manifest) <= budget.perItem;

export const fits = (packed: Packed, budget: SyncBudget): boolean =>
  packed.bytes <= budget.bytes && packed.items <= budget.items && manifestFits(packed, budget);

async function pack(groups: SyncRecord[][], perItem: number, now: number): Promise<Packed> {
  const parts: Record<string, string> = {};
  const keys: string[][] = [];
  let count = 0;
  for (const group of groups) {
    count += group.length;
    const text = await encode(JSON.stringify(group));
    keys.push(await storeParts(text, perItem, parts));
  }
  const partBytes = Object.entries(parts).reduce((sum, [key, part]) => sum + itemBytes(key, part), 0);
  const manifest: Manifest = {
    v: FORMAT_VERSION,
    groups: keys,
    count,
    bytes: partBytes,
    revision: (await sha256Hex(JSON.stringify(keys))).slice(0, 16),
    at: now,
  };
  const items = Object.keys(parts).length + 1;
  return { parts, manifest, bytes: partBytes + itemBytes(MANIFEST_KEY, manifest), items };
}

/** Cuts `text` (base64: one byte a character) into parts that each fit one item; returns their keys. */
async function storeParts(text: string, perItem: number, parts: Record<string, string>): Promise<string[]> {
  const keyLength = PART_PREFIX.length + 16;
  const room = perItem - keyLength - 2; // the value's two quotes
  const keys: string[] = [];
  for (let at = 0; at < text.length || at === 0; at += room) {
    const part = text.slice(at, at + room);
    const key = await partKey(part);
    parts[key] = part;
    keys.push(key);
  }
  return keys;
}

const partKey = async (part: string) => PART_PREFIX + (await sha256Hex(part)).slice(0, 16);

export type Unpacked =
  | { state: 'empty' }
  /** Written by a newer Begrip, in a format this one does not know: leave it alone. */
  | { state: 'unsupported'; version: unknown }
  | {
      state: 'complete' | 'incomplete';
      manifest: Manifest;
      /** The records of every group that could be read. */
      records: SyncRecord[];
      /** Parts listed but absent, or not matching their key. */
      missing: string[];
      /** Records without a usable id, time and entry or tombstone. */
      invalid: string[];
    };

/** Reads the own entries' items back from everything in the sync area. */
export async function unpackRecords(stored: Record<string, unknown>): Promise<Unpacked> {
  const manifest = stored[MANIFEST_KEY];
  if (manifest === undefined) return { state: 'empty' };
  const version = (manifest as { v?: unknown } | null)?.v;
  if (version !== FORMAT_VERSION) return { state: 'unsupported', version };
  if (!isManifest(manifest)) return { state: 'unsupported', version };
  const records: SyncRecord[] = [];
  const missing: string[] = [];
  const invalid: string[] = [];
  for (const keys of manifest.groups) {
    const parts = await readParts(keys, stored, missing);
    if (!parts) continue;
    const group = await decodeGroup(parts.join(''));
    if (!group) {
      missing.push(...keys);
      continue;
    }
    for (const value of group) {
      if (isRecord(value)) records.push(value);
      else invalid.push(describe(value));
    }
  }
  const complete = missing.length === 0 && records.length + invalid.length === manifest.count;
  return { state: complete ? 'complete' : 'incomplete', manifest, records, missing, invalid };
}

async function readParts(
  keys: string[],
  stored: Record<string, unknown>,
  missing: string[],
): Promise<string[] | null> {
  const parts: string[] = [];
  for (const key of keys) {
    const part = stored[key];
    if (typeof part !== 'string' || (await partKey(part)) !== key) missing.push(key);
    else parts.push(part);
  }
  return parts.length === keys.length ? parts : null;
}

async function decodeGroup(text: string): Promise<unknown[] | null> {
  try {
    const value = JSON.parse(await decode(text));
    return Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

/** The own entries' keys among the sync area's (parts and manifest; not the preferences). */
export const isOwnEntriesKey = (key: string): boolean => key === MANIFEST_KEY || PART_KEY.test(key);

/** Parts in `stored` that `manifest` does not list (left by an older set or a lost race). */
export function unlistedParts(stored: Record<string, unknown>, manifest: Manifest | null): string[] {
  const listed = new Set(manifest?.groups.flat() ?? []);
  return Object.keys(stored).filter((key) => PART_KEY.test(key) && !listed.has(key));
}

function isManifest(value: unknown): value is Manifest {
  const m = value as Manifest;
  return (
    typeof m === 'object' &&
    m !== null &&
    Array.isArray(m.groups) &&
    m.groups.every((keys) => Array.isArray(keys) && keys.every((key) => PART_KEY.test(String(key)))) &&
    Number.isInteger(m.count) &&
    typeof m.revision === 'string' &&
    Number.isFinite(m.at)
  );
}

function isRecord(value: unknown): value is SyncRecord {
  const r = value as SyncRecord;
  if (typeof r !== 'object' || r === null || typeof r.id !== 'string') return false;
  if (r.id.length === 0 || r.id.length > 200 || !Number.isFinite(r.t) || r.t < 0) return false;
  if (r.d !== undefined) return r.d === 1 && r.e === undefined;
  return typeof r.e === 'object' && r.e !== null && !Array.isArray(r.e);
}

function describe(value: unknown): string {
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id.slice(0, 80) : '(no id)';
}

/** A group's JSON as stored: gzip, then base64. */
export async function encode(json: string): Promise<string> {
  const stream = new Blob([json]).stream().pipeThrough(new CompressionStream('gzip'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** A decompressed group may be at most this large: a few kB of gzip cannot honestly be more. */
const MAX_GROUP_BYTES = 4 * 1024 * 1024;

export async function decode(text: string): Promise<string> {
  const binary = atob(text);
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip')).getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > MAX_GROUP_BYTES) {
      await reader.cancel();
      throw new Error('group too large');
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(await new Blob(chunks).arrayBuffer());
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
