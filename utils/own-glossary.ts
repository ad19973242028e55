/**
 * The user's own glossary: entries validated by the same schema as the curated ones, kept in
 * `storage.local` (on this computer; synced through the browser only when the reader turns that
 * on, see entrypoints/background/own-sync.ts), marked `own`, matched and searched exactly like
 * curated entries. Saving is all or nothing: one storage write of the whole list.
 */
import { CURATED_ENTRIES } from '../glossary/data';
import { type Entry, formatIssue, parseEntry } from '../glossary/schema';
import type { ApplyRules } from '../glossary/sync-apply';
import { checkGlossary } from '../glossary/validate';
import { combine } from './all-entries';
import { ownEntriesItem } from './own-entries';
import { withOwnEntriesLock } from './own-entries-lock';

export { combine, ownEntriesItem };

const CURATED_IDS = new Set(CURATED_ENTRIES.map((entry) => entry.id));

export type SaveResult = { ok: true; entries: Entry[] } | { ok: false; errors: string[] };

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

/** Problems that stop a set of own entries from being saved, each with the id of its entry. */
export function ownEntryProblems(entries: readonly Entry[]): { id: string; message: string }[] {
  const clashes = entries
    .filter((entry) => CURATED_IDS.has(entry.id))
    .map((entry) => ({
      id: entry.id,
      message: `entry ${entry.id}, field "id": is used by a curated entry; choose another id`,
    }));
  const issues = checkGlossary(entries, CURATED_IDS).map((issue) => ({
    id: issue.where.replace(/^entry /, ''),
    message: formatIssue(issue),
  }));
  return [...clashes, ...issues];
}

/** Problems that stop a set of own entries from being saved, as readable sentences. */
export function checkOwnEntries(entries: readonly Entry[]): string[] {
  return ownEntryProblems(entries).map((problem) => problem.message);
}

/** The options page's checks, for entries that arrive from another computer. */
export const ownEntryRules: ApplyRules<Entry> = {
  parse(raw) {
    const id = (raw as { id?: unknown }).id;
    const result = parseEntry(raw, `synced entry ${String(id)}`);
    return result.ok
      ? { ok: true, entry: { ...result.entry, own: true } }
      : { ok: false, problems: result.issues.map(formatIssue) };
  },
  problems: ownEntryProblems,
};

/** The list as stored: every entry marked own. */
export const storedOwnEntries = (entries: readonly Entry[]): Entry[] =>
  entries.map((entry) => ({ ...entry, own: true }));

/**
 * Changes the stored list with `change`, which gets the list as it is now (not as a page last
 * showed it: another computer's entries may have arrived since). Validated and written at once;
 * on any problem (or a full storage) nothing changes.
 */
export function updateOwnEntries(change: (current: Entry[]) => Entry[]): Promise<SaveResult> {
  return withOwnEntriesLock(async () => write(change(await loadOwnEntries())));
}

/** Replaces the whole list (see updateOwnEntries). */
export const saveOwnEntries = (entries: readonly Entry[]): Promise<SaveResult> =>
  updateOwnEntries(() => [...entries]);

async function write(entries: Entry[]): Promise<SaveResult> {
  const errors = checkOwnEntries(entries);
  if (errors.length) return { ok: false, errors };
  try {
    const stored = storedOwnEntries(entries);
    await ownEntriesItem.setValue(stored);
    return { ok: true, entries: stored };
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
