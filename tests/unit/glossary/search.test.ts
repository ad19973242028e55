import { describe, expect, it } from 'vitest';
import { CURATED_ENTRIES } from '../../../glossary/data';
import { GlossarySearch } from '../../../glossary/search';

const search = new GlossarySearch(CURATED_ENTRIES);

describe('bilingual fuzzy search', () => {
  it.each([
    ['jocatn', 'jocat-n'],
    ['artkel 100', 'artikel-100'],
    ['red card', 'red-card-holder'],
    ['peshmerga ministry', 'mopa'],
    ['geintegreerd', 'geintegreerde-inzet'],
    ['nato mission', 'nmi'],
    ['force protecton', 'force-protection'],
    ['rules of engagement', 'geweldsinstructie'],
    ['article 100 letter', 'artikel-100-brief'],
    ['counter terrorism', 'ct'],
    ['islamic state', 'isis'],
    ['NMI', 'nmi'],
    ['lange termijn', 'lto'],
  ])('"%s" finds %s first', (query, id) => {
    expect(search.search(query, 5)[0]?.entry.id).toBe(id);
  });

  it('returns nothing for an empty query and for nonsense', () => {
    expect(search.search('   ')).toEqual([]);
    expect(search.search('qqxzzv')).toEqual([]);
  });

  it('treats fuse.js extended-search operators in user input as plain text', () => {
    expect(search.search("!'^=$ LTO's")[0]?.entry.id).toBe('lto');
  });
});
