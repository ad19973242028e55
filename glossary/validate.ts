/**
 * Whole-glossary checks on top of the per-entry schema: unique ids, related ids that exist, and
 * no surface form claimed by two entries unless both mark it ambiguous.
 */
import { formsOf } from './forms';
import { type Entry, type ParseResult, parseEntry, type ValidationIssue } from './schema';

export function checkGlossary(
  entries: readonly Entry[],
  knownIds: ReadonlySet<string> = new Set(),
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const ids = new Set<string>();
  for (const entry of entries) {
    if (ids.has(entry.id))
      issues.push({ where: `entry ${entry.id}`, field: 'id', message: 'is used by another entry' });
    ids.add(entry.id);
  }
  for (const entry of entries) {
    entry.related.forEach((id, i) => {
      if (!ids.has(id) && !knownIds.has(id)) {
        issues.push({
          where: `entry ${entry.id}`,
          field: `related.${i}`,
          message: `refers to unknown id "${id}"`,
        });
      }
      if (id === entry.id)
        issues.push({ where: `entry ${entry.id}`, field: `related.${i}`, message: 'refers to itself' });
    });
  }
  issues.push(...formClashes(entries));
  return issues;
}

/**
 * Two entries may share a form when both are marked ambiguous, or when they are bound to
 * different countries (the context rules tell "the Dutch Chief of Defence" from the Iraqi one).
 */
function sharable(a: Entry, b: Entry): boolean {
  if (a.match?.ambiguous && b.match?.ambiguous) return true;
  const [x, y] = [a.scope?.country, b.scope?.country];
  return x !== undefined && y !== undefined && x !== y;
}

/** Forms (compared folded) that two entries claim, unless they may share them (see sharable). */
export function formClashes(entries: readonly Entry[]): ValidationIssue[] {
  const owners = new Map<string, Entry>();
  const issues: ValidationIssue[] = [];
  for (const entry of entries) {
    for (const form of formsOf(entry)) {
      const owner = owners.get(form.key);
      if (owner && owner !== entry && !sharable(owner, entry)) {
        issues.push({
          where: `entry ${entry.id}`,
          field: 'variants',
          message: `form "${form.text}" is also a form of "${owner.id}" (mark both ambiguous, or scope them to different countries, if that is intended)`,
        });
      }
      owners.set(form.key, entry);
    }
  }
  return issues;
}

/** A problem a reader found in one entry's raw value (a cell that is not JSON); the bad part is left out. */
export interface ReadProblem {
  field: string;
  message: string;
}

/**
 * Validate raw entries from an import or data file: every entry against the schema, then the
 * whole set. `name(i, raw)` says where entry i came from ("row 3", "conceptEntry 2 (nmi)");
 * `problems[i]` are what the reader already found in entry i (reported first, and not again by
 * the schema). Every problem of every entry is reported at once, so a file is fixed in one go.
 * All or nothing: any issue means no entries are returned.
 */
export function validateEntries(
  raws: readonly unknown[],
  name: (index: number, raw: unknown) => string,
  knownIds?: ReadonlySet<string>,
  problems: readonly (readonly ReadProblem[] | undefined)[] = [],
): ParseResult {
  const entries: Entry[] = [];
  const issues: ValidationIssue[] = [];
  // Ids of entries that failed: related ids pointing at them are not "unknown" as well.
  const failedIds = new Set<string>();
  raws.forEach((raw, index) => {
    const where = name(index, raw);
    const read = problems[index] ?? [];
    issues.push(...read.map((problem) => ({ where, ...problem })));
    const result = parseEntry(raw, where);
    if (result.ok) entries.push(result.entry);
    else {
      const reported = new Set(read.map((problem) => problem.field));
      issues.push(...result.issues.filter((issue) => !reported.has(issue.field)));
      const id = (raw as { id?: unknown } | null)?.id;
      if (typeof id === 'string') failedIds.add(id);
    }
  });
  issues.push(...checkGlossary(entries, new Set([...(knownIds ?? []), ...failedIds])));
  return issues.length ? { ok: false, issues } : { ok: true, entries };
}

/** "entry 4 (nmi)" when the raw value has a usable id. */
export function describeRaw(label: string, index: number, raw: unknown): string {
  const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id ? `${label} ${index + 1} (${id})` : `${label} ${index + 1}`;
}
