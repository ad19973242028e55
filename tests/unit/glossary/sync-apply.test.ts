import { describe, expect, it } from 'vitest';
import { type Entry, formatIssue, parseEntry } from '../../../glossary/schema';
import { type ApplyRules, applyRecords } from '../../../glossary/sync-apply';
import {
  entryHash,
  localRecords,
  mergeRecords,
  type SyncRecord,
  stampChanges,
  wireEntry,
} from '../../../glossary/sync-merge';
import { checkGlossary } from '../../../glossary/validate';

const NOW = Date.UTC(2026, 11, 1, 12);

/** The options page's checks, without the curated glossary (utils/own-glossary.ts adds that). */
const rules: ApplyRules<Entry> = {
  parse(raw) {
    const result = parseEntry(raw, 'synced');
    return result.ok
      ? { ok: true, entry: { ...result.entry, own: true } }
      : { ok: false, problems: result.issues.map(formatIssue) };
  },
  problems: (entries) =>
    checkGlossary(entries).map((issue) => ({
      id: issue.where.replace(/^entry /, ''),
      message: issue.message,
    })),
};

const entry = (id: string, term = id.toUpperCase(), extra: Partial<Entry> = {}): Entry => ({
  id,
  kind: 'term',
  category: 'concept',
  nl: { term, definition: `Definitie van ${id}.` },
  en: { term, definition: `Definition of ${id}.` },
  forms: [],
  context: [],
  related: [],
  sources: [],
  own: true,
  ...extra,
});
const live = (e: Entry, t: number): SyncRecord => ({ id: e.id, t, e: wireEntry(e) });

/** This computer: its entries and their times. */
function computer(entries: Entry[], at = NOW - 1_000) {
  return { entries, meta: stampChanges(entries, {}, at).meta };
}

function take(local: ReturnType<typeof computer>, remote: SyncRecord[]) {
  const merged = mergeRecords(localRecords(local.entries, local.meta), remote, { now: NOW });
  return applyRecords(local.entries, local.meta, merged, rules, NOW);
}

describe('taking synced records into this computer’s entries', () => {
  it('adds new entries, replaces older ones and deletes by tombstone, with their times', () => {
    const here = computer([entry('blijft'), entry('oud'), entry('weg')]);
    const newer = entry('oud', 'OUD', { nl: { term: 'OUD', definition: 'Bijgewerkt.' } });
    const result = take(here, [live(entry('nieuw'), NOW), live(newer, NOW), { id: 'weg', t: NOW, d: 1 }]);
    expect(result.entries.map((e) => [e.id, e.nl.definition])).toEqual([
      ['blijft', 'Definitie van blijft.'],
      ['oud', 'Bijgewerkt.'],
      ['nieuw', 'Definitie van nieuw.'],
    ]);
    expect([result.added, result.updated, result.removed]).toEqual([['nieuw'], ['oud'], ['weg']]);
    expect(result.meta).toEqual({
      blijft: here.meta.blijft,
      oud: { t: NOW, h: entryHash(newer) },
      nieuw: { t: NOW, h: entryHash(entry('nieuw')) },
      weg: { t: NOW, d: 1 },
    });
    expect(result.entries.every((e) => e.own)).toBe(true);
    expect(result.changed).toBe(true);
  });

  it('changes nothing when the account holds what this computer has', () => {
    const here = computer([entry('a'), entry('b')]);
    const result = take(here, localRecords(here.entries, here.meta));
    expect(result.changed).toBe(false);
    expect(result.entries).toEqual(here.entries);
  });

  it('skips and reports a malformed entry, keeping what this computer had for that id', () => {
    const here = computer([entry('a')]);
    const broken: SyncRecord = { id: 'a', t: NOW, e: { ...wireEntry(entry('a')), category: 'weather' } };
    const noTerm: SyncRecord = { id: 'b', t: NOW, e: { kind: 'term', category: 'concept' } };
    const result = take(here, [broken, noTerm, live(entry('c'), NOW)]);
    expect(result.entries.map((e) => e.id)).toEqual(['a', 'c']);
    expect(result.entries[0]).toEqual(entry('a'));
    expect(result.meta.a).toEqual(here.meta.a);
    expect(result.skipped).toEqual([
      { id: 'a', problems: [expect.stringMatching(/field "category": must be one of/)] },
      { id: 'b', problems: expect.arrayContaining([expect.stringMatching(/field "nl"/)]) },
    ]);
  });

  it('skips an entry whose form another entry here already claims, and names the clash', () => {
    const here = computer([entry('kvo', 'KVO')]);
    const result = take(here, [live(entry('andere-kvo', 'KVO'), NOW), live(entry('los'), NOW)]);
    expect(result.entries.map((e) => e.id)).toEqual(['kvo', 'los']);
    expect(result.skipped).toEqual([
      { id: 'andere-kvo', problems: [expect.stringMatching(/form "KVO" is also a form of "kvo"/)] },
    ]);
  });

  it('keeps an entry another one here still refers to, though the account deleted it', () => {
    const here = computer([entry('doel'), entry('verwijst', 'VERWIJST', { related: ['doel'] })]);
    const result = take(here, [{ id: 'doel', t: NOW, d: 1 }]);
    expect(result.entries.map((e) => e.id)).toEqual(['doel', 'verwijst']);
    expect(result.removed).toEqual([]);
    expect(result.skipped).toEqual([{ id: 'doel', problems: ['refers to unknown id "doel"'] }]);
  });

  it('takes only the later time for an entry kept against a tombstone when it started syncing', () => {
    const here = computer([entry('eigen')]);
    const merged = mergeRecords(localRecords(here.entries, here.meta), [{ id: 'eigen', t: NOW - 10, d: 1 }], {
      now: NOW,
      initial: true,
    });
    const result = applyRecords(here.entries, here.meta, merged, rules, NOW);
    expect(result.entries).toEqual(here.entries);
    expect([result.added, result.updated, result.removed]).toEqual([[], [], []]);
    expect(result.meta.eigen?.t).toBe(NOW);
  });
});
