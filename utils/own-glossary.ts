/**
 * The user's own glossary: entries validated by the same schema as the curated ones, kept in
 * `storage.local` (device-local; sync storage is too small), marked `own`, matched and searched
 * exactly like curated entries. Saving is all or nothing: one storage write of the whole list.
 */
import { CURATED_ENTRIES } from '../glossary/data';
import { type Entry, formatIssue, parseEntry } from '../glossary/schema';
import { checkGlossary } from '../glossary/validate';
import { combine } from './all-entries';
import { ownEntriesItem } from './own-entries';

export { combine, ownEntriesItem };

const CURATED_IDS = new Set(CURATED_ENTRIES.map((entry) => entry.id));

export type SaveResult = { ok: true } | { ok: false; errors: string[] };

/** Stored own entries; anything that no longer passes the schema is left out (and reported). */
export async function loadOwnEntries(): Promise<Entry[]> {
  const raws = await ownEntriesItem.getValue();
  const entries: Entry[] = [];
  raws.forEach((raw, index) => {
    const result = parseEntry(raw, `own entry ${index + 1}`);
    if (result.ok) entries.push({ ...result.entry, own: true });
    else console.warn('Begrip: skipped an invalid own entry:', result.issues.map(formatIssue).join('; '));
  });
  return entries;
}

/** Problems that stop a set of own entries from being saved, as readable sentences. */
export function checkOwnEntries(entries: readonly Entry[]): string[] {
  const clashes = entries
    .filter((entry) => CURATED_IDS.has(entry.id))
    .map((entry) => `entry ${entry.id}, field "id": is used by a curated entry; choose another id`);
  const issues = checkGlossary(entries, CURATED_IDS).map(formatIssue);
  return [...clashes, ...issues];
}

/** Validate and store the whole list at once; on any problem (or a full storage) nothing changes. */
export async function saveOwnEntries(entries: readonly Entry[]): Promise<SaveResult> {
  const errors = checkOwnEntries(entries);
  if (errors.length) return { ok: false, errors };
  try {
    await ownEntriesItem.setValue(entries.map((entry) => ({ ...entry, own: true })));
    return { ok: true };
  } catch (error) {
    const message = String((error as Error)?.message ?? error);
    const full = /quota|QUOTA_BYTES|storage.*(full|limit)/i.test(message);
    return {
      ok: false,
      errors: [
        full
          ? 'The browser’s storage for Begrip is full: nothing was saved. Remove or export some of your own entries first.'
          : `Could not save your entries (nothing was saved): ${message}`,
      ],
    };
  }
}

/** What an import would do: the entries it adds, and those it replaces (with what they were). */
export interface ImportPlan {
  added: Entry[];
  replaced: { before: Entry; after: Entry }[];
}

export function importPlan(existing: readonly Entry[], incoming: readonly Entry[]): ImportPlan {
  const byId = new Map(existing.map((entry) => [entry.id, entry]));
  const plan: ImportPlan = { added: [], replaced: [] };
  for (const entry of incoming) {
    const before = byId.get(entry.id);
    if (before) plan.replaced.push({ before, after: entry });
    else plan.added.push(entry);
  }
  return plan;
}

/** Add or replace entries by id (an import or an edit), keeping the order of the existing ones. */
export function upsert(existing: readonly Entry[], incoming: readonly Entry[]): Entry[] {
  const byId = new Map(incoming.map((entry) => [entry.id, entry]));
  const merged = existing.map((entry) => byId.get(entry.id) ?? entry);
  const existingIds = new Set(existing.map((entry) => entry.id));
  return [...merged, ...incoming.filter((entry) => !existingIds.has(entry.id))];
}
