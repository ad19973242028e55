import { describe, expect, it } from 'vitest';
import { filterEntries, groupByMission, groupByTopic, listLabel } from '../../../glossary/browse';
import { CURATED_ENTRIES } from '../../../glossary/data';

describe('browsing the glossary', () => {
  it('groups by topic in the glossary’s order, every entry once, A–Z within', () => {
    const groups = groupByTopic(CURATED_ENTRIES);
    expect(groups.map((g) => g.key)[0]).toBe('mission');
    expect(groups.reduce((n, g) => n + g.entries.length, 0)).toBe(CURATED_ENTRIES.length);
    for (const group of groups) {
      const labels = group.entries.map(listLabel);
      expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, 'nl', { sensitivity: 'base' })));
    }
  });

  it('groups by mission: a mission with the entries it names and that name it', () => {
    const groups = groupByMission(CURATED_ENTRIES);
    const nmi = groups.find((g) => g.key === 'nmi');
    const ids = nmi?.entries.map((e) => e.id) ?? [];
    for (const id of CURATED_ENTRIES.find((e) => e.id === 'nmi')?.related ?? []) expect(ids).toContain(id);
    const naming = CURATED_ENTRIES.filter((e) => e.related.includes('nmi') && e.id !== 'nmi').map(
      (e) => e.id,
    );
    for (const id of naming) expect(ids).toContain(id);
    expect(groups.every((g) => g.mission?.category === 'mission')).toBe(true);
  });

  it('filters on names, acronyms and forms, without case or accents', () => {
    expect(filterEntries(CURATED_ENTRIES, 'jocat').map((e) => e.id)).toContain('jocat-n');
    expect(filterEntries(CURATED_ENTRIES, 'HOUSE OF REPRESENTATIVES').map((e) => e.id)).toContain(
      'tweede-kamer',
    );
    expect(filterEntries(CURATED_ENTRIES, 'noordoost-syrie').map((e) => e.id)).toEqual(['north-east-syria']);
    expect(filterEntries(CURATED_ENTRIES, '  ')).toHaveLength(CURATED_ENTRIES.length);
  });
});
