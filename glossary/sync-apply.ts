/**
 * Taking a merged record set into this computer's own entries. What arrives is checked with the
 * options page's own rules (one entry by the schema, then the whole set: ids, related ids, forms
 * claimed twice); an entry that fails is skipped and reported, and this computer keeps what it
 * had for that id. The record itself stays in the synced set, untouched: it may come from a newer
 * Begrip that knows a field this one does not, and skipping here must not delete it there.
 */
import {
  canonicalJson,
  entryHash,
  expireTombstones,
  localRecords,
  type SyncMeta,
  type SyncRecord,
  sameRecord,
  wireEntry,
} from './sync-merge';

export interface ApplyRules<E extends { id: string }> {
  /** The schema check of one arriving entry. */
  parse(raw: unknown): { ok: true; entry: E } | { ok: false; problems: string[] };
  /** The whole-set checks; each problem names the id of the entry it is about. */
  problems(entries: readonly E[]): { id: string; message: string }[];
}

export interface Skipped {
  id: string;
  problems: string[];
}

export interface Applied<E> {
  entries: E[];
  meta: SyncMeta;
  /** Ids added here, replaced by a newer version, and deleted. */
  added: string[];
  updated: string[];
  removed: string[];
  skipped: Skipped[];
  /** Whether the entries or the meta differ from what was passed in. */
  changed: boolean;
}

type Change<E> =
  | { kind: 'add' | 'update'; entry: E; record: SyncRecord }
  | { kind: 'remove'; record: SyncRecord };

export function applyRecords<E extends { id: string }>(
  current: readonly E[],
  meta: SyncMeta,
  merged: readonly SyncRecord[],
  rules: ApplyRules<E>,
  now: number,
): Applied<E> {
  const byId = new Map(current.map((entry) => [entry.id, entry]));
  const mine = new Map(localRecords(current, meta).map((record) => [record.id, record]));
  const nextMeta: SyncMeta = { ...meta };
  const changes = new Map<string, Change<E>>();
  const skipped: Skipped[] = [];

  for (const record of merged) {
    if (sameRecord(mine.get(record.id), record)) continue;
    const local = byId.get(record.id);
    if (record.d) {
      if (local) changes.set(record.id, { kind: 'remove', record });
      else nextMeta[record.id] = { t: record.t, d: 1 };
      continue;
    }
    // The same entry with a later time (re-stamped when it was kept against a tombstone).
    if (local && canonicalJson(wireEntry(local)) === canonicalJson(record.e)) {
      nextMeta[record.id] = { t: record.t, h: entryHash(local) };
      continue;
    }
    const parsed = rules.parse({ ...record.e, id: record.id });
    if (!parsed.ok) skipped.push({ id: record.id, problems: parsed.problems });
    else if (parsed.entry.id !== record.id)
      skipped.push({ id: record.id, problems: ['has another id inside'] });
    else changes.set(record.id, { kind: local ? 'update' : 'add', entry: parsed.entry, record });
  }

  skipped.push(...rejectProblems(current, changes, rules));
  const entries = withChanges(current, changes);
  for (const [id, change] of changes) {
    nextMeta[id] =
      change.kind === 'remove'
        ? { t: change.record.t, d: 1 }
        : { t: change.record.t, h: entryHash(change.entry) };
  }
  const finalMeta = expireTombstones(nextMeta, now);
  const ids = (kind: Change<E>['kind']) =>
    [...changes].filter(([, change]) => change.kind === kind).map(([id]) => id);
  return {
    entries,
    meta: finalMeta,
    added: ids('add'),
    updated: ids('update'),
    removed: ids('remove'),
    skipped,
    changed: changes.size > 0 || canonicalJson(finalMeta) !== canonicalJson(meta),
  };
}

/** The local entries in their order with the changes made; added entries at the end. */
function withChanges<E extends { id: string }>(current: readonly E[], changes: Map<string, Change<E>>): E[] {
  const entries: E[] = [];
  for (const entry of current) {
    const change = changes.get(entry.id);
    if (!change) entries.push(entry);
    else if (change.kind === 'update') entries.push(change.entry);
  }
  for (const change of changes.values()) if (change.kind === 'add') entries.push(change.entry);
  return entries;
}

/**
 * Takes back the changes that make the set fail the whole-set checks, and says why: first the
 * arriving entries a new problem names, then deletions (another entry may still refer to the
 * deleted one), then, should problems remain, every change. Problems the local set had before
 * are not the arriving entries' fault and are left alone.
 */
function rejectProblems<E extends { id: string }>(
  current: readonly E[],
  changes: Map<string, Change<E>>,
  rules: ApplyRules<E>,
): Skipped[] {
  const key = (problem: { id: string; message: string }) => `${problem.id}\n${problem.message}`;
  const before = new Set(rules.problems(current).map(key));
  const newProblems = () =>
    changes.size === 0
      ? []
      : rules.problems(withChanges(current, changes)).filter((problem) => !before.has(key(problem)));
  const skipped: Skipped[] = [];
  const reject = (ids: Iterable<string>, why: (id: string) => string[]) => {
    for (const id of ids) {
      if (!changes.delete(id)) continue;
      skipped.push({ id, problems: why(id) });
    }
  };

  let problems = newProblems();
  while (problems.length) {
    const named = [...new Set(problems.map((problem) => problem.id))].filter(
      (id) => changes.get(id)?.kind !== undefined && changes.get(id)?.kind !== 'remove',
    );
    if (named.length === 0) break;
    const messages = (id: string) => problems.filter((p) => p.id === id).map((p) => p.message);
    reject(named, messages);
    problems = newProblems();
  }
  if (problems.length) {
    const removals = [...changes].filter(([, change]) => change.kind === 'remove').map(([id]) => id);
    const reasons = problems.map((problem) => problem.message);
    reject(removals, () => reasons);
    problems = newProblems();
  }
  if (problems.length) {
    const reasons = problems.map((problem) => problem.message);
    reject([...changes.keys()], () => reasons);
  }
  return skipped;
}
