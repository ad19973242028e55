import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Entry } from '../../../glossary/schema';
import {
  importPlan,
  loadOwnEntries,
  ownEntriesItem,
  saveOwnEntries,
  updateOwnEntries,
  upsert,
} from '../../../utils/own-glossary';

const own = (id: string, term = `Term ${id}`): Entry => ({
  id,
  kind: 'term',
  category: 'concept',
  nl: { term, definition: 'Een eigen term.' },
  en: { term, definition: 'An own term.' },
  forms: [],
  context: [],
  related: [],
  sources: [],
});

beforeEach(() => {
  fakeBrowser.reset();
});

describe('the user’s own glossary', () => {
  it('saves, loads and marks entries as own', async () => {
    expect(await saveOwnEntries([own('mijn-term')])).toMatchObject({ ok: true });
    const loaded = await loadOwnEntries();
    expect(loaded.map((e) => [e.id, e.own])).toEqual([['mijn-term', true]]);
  });

  it('saves nothing when one entry clashes with a curated id or another own entry', async () => {
    await saveOwnEntries([own('eerste')]);
    const result = await saveOwnEntries([own('tweede'), own('nmi')]);
    expect(result).toEqual({
      ok: false,
      errors: [expect.stringMatching(/entry nmi, field "id": is used by a curated entry/)],
    });
    const twice = await saveOwnEntries([own('x', 'Zelfde'), own('y', 'Zelfde')]);
    expect(twice.ok).toBe(false);
    expect((await loadOwnEntries()).map((e) => e.id)).toEqual(['eerste']);
  });

  it('reports a full storage clearly and keeps what was there', async () => {
    await saveOwnEntries([own('eerste')]);
    const original = ownEntriesItem.setValue;
    ownEntriesItem.setValue = () => Promise.reject(new Error('QUOTA_BYTES quota exceeded'));
    try {
      const result = await saveOwnEntries([own('eerste'), own('tweede')]);
      expect(result).toEqual({
        ok: false,
        errors: [expect.stringMatching(/storage for Begrip is full: nothing was saved/)],
      });
    } finally {
      ownEntriesItem.setValue = original;
    }
    expect((await loadOwnEntries()).map((e) => e.id)).toEqual(['eerste']);
  });

  it('applies changes made at the same time one after the other, each to the list as it is then', async () => {
    await saveOwnEntries([own('a')]);
    await Promise.all([
      updateOwnEntries((list) => [...list, own('b')]),
      updateOwnEntries((list) => [...list, own('c')]),
    ]);
    expect((await loadOwnEntries()).map((e) => e.id)).toEqual(['a', 'b', 'c']);
  });

  it('leaves out stored entries that no longer pass the schema', async () => {
    await ownEntriesItem.setValue([own('goed'), { id: 'Kapot!' } as unknown as Entry]);
    expect((await loadOwnEntries()).map((e) => e.id)).toEqual(['goed']);
  });

  it('upserts by id, keeping order', () => {
    const merged = upsert([own('a'), own('b')], [own('b', 'Nieuw'), own('c')]);
    expect(merged.map((e) => [e.id, e.nl.term])).toEqual([
      ['a', 'Term a'],
      ['b', 'Nieuw'],
      ['c', 'Term c'],
    ]);
  });
});

describe('the content script’s light read of own entries', () => {
  it('keeps entries of the right shape and drops the rest', async () => {
    const { readOwnEntries } = await import('../../../utils/own-entries');
    await ownEntriesItem.setValue([
      own('goed'),
      { id: 'kapot', nl: { term: '' } } as unknown as Entry,
      'tekst' as unknown as Entry,
    ]);
    expect((await readOwnEntries()).map((e) => [e.id, e.own])).toEqual([['goed', true]]);
  });
});

describe('an import plan', () => {
  it('says what is added and what replaces which own entry', () => {
    const plan = importPlan([own('a'), own('b')], [own('b', 'B nieuw'), own('c')]);
    expect(plan.added.map((e) => e.id)).toEqual(['c']);
    expect(plan.replaced.map(({ before, after }) => [before.nl.term, after.nl.term])).toEqual([
      ['Term b', 'B nieuw'],
    ]);
  });
});
