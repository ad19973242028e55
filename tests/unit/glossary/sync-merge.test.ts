import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  entryHash,
  localRecords,
  mergeRecords,
  type SyncRecord,
  sameRecords,
  stampChanges,
  TOMBSTONE_DAYS,
  wins,
  wireEntry,
} from '../../../glossary/sync-merge';

const NOW = Date.UTC(2026, 11, 1, 12);
const DAY = 86_400_000;

const entry = (id: string, definition = `Definitie van ${id}.`) => ({
  id,
  kind: 'term',
  category: 'concept',
  nl: { term: id, definition },
  en: { term: id, definition: 'A definition.' },
  forms: [],
  context: [],
  related: [],
  sources: [],
  own: true,
});
const live = (id: string, t: number, definition?: string): SyncRecord => ({
  id,
  t,
  e: wireEntry(entry(id, definition)),
});
const dead = (id: string, t: number): SyncRecord => ({ id, t, d: 1 });

describe('the times the sync layer keeps per entry', () => {
  it('stamps new and changed entries with the time of the change, and deletions with a tombstone', () => {
    const first = stampChanges([entry('a'), entry('b')], {}, NOW);
    expect(first.changed).toBe(true);
    expect(first.meta).toEqual({
      a: { t: NOW, h: entryHash(entry('a')) },
      b: { t: NOW, h: entryHash(entry('b')) },
    });
    const later = stampChanges([entry('a', 'Nieuw.')], first.meta, NOW + 5_000);
    expect(later.meta.a?.t).toBe(NOW + 5_000);
    expect(later.meta.b).toEqual({ t: NOW + 5_000, d: 1 });
    // Coming back after a deletion, the entry is newer than its tombstone even in the same millisecond.
    const back = stampChanges([entry('a', 'Nieuw.'), entry('b')], later.meta, NOW + 5_000);
    expect(back.meta.b).toEqual({ t: NOW + 5_001, h: entryHash(entry('b')) });
  });

  it('sees no change in what the browser hands back in another key order, or without empty lists', () => {
    const { meta } = stampChanges([entry('a')], {}, NOW);
    const reordered = JSON.parse(canonicalJson(entry('a')));
    const { forms, context, related, sources, own, ...bare } = entry('a');
    for (const same of [reordered, bare]) {
      const again = stampChanges([same], meta, NOW + 1);
      expect(again.changed).toBe(false);
      expect(again.meta).toBe(meta);
    }
  });

  it('turns entries and tombstones into records, sending no empty lists and no own flag', () => {
    const { meta } = stampChanges([entry('a'), entry('b')], {}, NOW);
    const after = stampChanges([entry('a')], meta, NOW + 1).meta;
    expect(localRecords([entry('a')], after)).toEqual([
      {
        id: 'a',
        t: NOW,
        e: {
          id: 'a',
          kind: 'term',
          category: 'concept',
          nl: entry('a').nl,
          en: entry('a').en,
        },
      },
      { id: 'b', t: NOW + 1, d: 1 },
    ]);
  });
});

describe('merging two computers’ records', () => {
  it('keeps the later version of each entry, from either side', () => {
    const local = [live('a', NOW, 'Hier nieuwer.'), live('b', NOW - 10, 'Hier ouder.'), live('c', NOW)];
    const remote = [live('a', NOW - 10, 'Daar ouder.'), live('b', NOW, 'Daar nieuwer.'), live('d', NOW)];
    const merged = mergeRecords(local, remote, { now: NOW });
    expect(merged.map((r) => [r.id, (r.e?.nl as { definition?: string } | undefined)?.definition])).toEqual([
      ['a', 'Hier nieuwer.'],
      ['b', 'Daar nieuwer.'],
      ['c', 'Definitie van c.'],
      ['d', 'Definitie van d.'],
    ]);
  });

  it('lets a newer deletion win over an older entry, and a newer edit over an older deletion', () => {
    const merged = mergeRecords(
      [live('weg', NOW - 100), dead('terug', NOW - 100)],
      [dead('weg', NOW), live('terug', NOW)],
      { now: NOW },
    );
    expect(merged).toEqual([live('terug', NOW), dead('weg', NOW)]);
  });

  it('settles a tie the same way on both computers', () => {
    const a = [live('x', NOW, 'Eerste.'), dead('y', NOW)];
    const b = [live('x', NOW, 'Tweede.'), live('y', NOW)];
    expect(mergeRecords(a, b, { now: NOW })).toEqual(mergeRecords(b, a, { now: NOW }));
    expect(wins(dead('y', NOW), live('y', NOW))).toBe(true);
  });

  it(`forgets tombstones after ${TOMBSTONE_DAYS} days`, () => {
    const merged = mergeRecords(
      [dead('oud', NOW - (TOMBSTONE_DAYS + 1) * DAY)],
      [dead('recent', NOW - (TOMBSTONE_DAYS - 1) * DAY)],
      { now: NOW },
    );
    expect(merged.map((r) => r.id)).toEqual(['recent']);
  });

  it('keeps this computer’s entries when it starts syncing, even against a newer tombstone', () => {
    const local = [live('eigen', NOW - DAY)];
    const remote = [dead('eigen', NOW - 10)];
    expect(mergeRecords(local, remote, { now: NOW })).toEqual([dead('eigen', NOW - 10)]);
    const first = mergeRecords(local, remote, { now: NOW, initial: true });
    expect(first).toEqual([{ ...live('eigen', NOW), t: NOW }]);
    // A newer edit from the account still wins on the first sync: conflicts go to the newer one.
    expect(mergeRecords(local, [live('eigen', NOW - 5, 'Daar.')], { now: NOW, initial: true })).toEqual([
      live('eigen', NOW - 5, 'Daar.'),
    ]);
  });

  it('leaves out tombstones of entries the account never held, once it was read whole', () => {
    const local = [dead('nooit-gesynct', NOW), dead('bekend', NOW)];
    const remote = [live('bekend', NOW - 10)];
    expect(mergeRecords(local, remote, { now: NOW, complete: true })).toEqual([dead('bekend', NOW)]);
    expect(mergeRecords(local, remote, { now: NOW })).toEqual([
      dead('bekend', NOW),
      dead('nooit-gesynct', NOW),
    ]);
  });

  it('compares record sets by content, in any order', () => {
    const set = [live('a', NOW), dead('b', NOW)];
    expect(sameRecords(set, [...set].reverse())).toBe(true);
    expect(sameRecords(set, [live('a', NOW), dead('b', NOW + 1)])).toBe(false);
    expect(sameRecords(set, [live('a', NOW, 'Anders.'), dead('b', NOW)])).toBe(false);
  });
});
