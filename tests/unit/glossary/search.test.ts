import { describe, expect, it } from 'vitest';
import { CURATED_ENTRIES } from '../../../glossary/data';
import { GlossarySearch } from '../../../glossary/search';
import { syntheticGlossary } from '../../fixtures/synthetic';

const search = new GlossarySearch(CURATED_ENTRIES);
/** Curated plus 4,873 generated entries: large enough for the trigram prefilter to take over. */
const large = new GlossarySearch(syntheticGlossary(5000));

describe('bilingual fuzzy search', () => {
  // Typos, Dutch, English, partial words, expansions and variants; each must rank its entry first.
  it.each([
    ['jocatn', 'jocat-n'],
    ['artkel 100', 'artikel-100'],
    ['red card', 'red-card-holder'],
    ['peshmerga ministry', 'mopa'],
    ['geintegreerd', 'geintegreerde-inzet'],
    ['nato mission iraq', 'nmi'],
    ['navo missie irak', 'nmi'],
    ['operation inherent resolve', 'oir'],
    ['inherent resolv', 'oir'],
    ['euam', 'euam'],
    ['eu advisory mission', 'euam'],
    ['unami', 'unami'],
    ['unitad', 'unitad'],
    ['anti isis coalitie', 'aic'],
    ['global coalition', 'aic'],
    ['long term objectives', 'lto'],
    ['lange termijndoelstellingen', 'lto'],
    ['security sector reform', 'ssr'],
    ['hervorming veiligheidssector', 'ssr'],
    ['koerdische autonome regio', 'kar'],
    ['kurdistan region', 'kar'],
    ['kdp', 'kdp'],
    ['patriotic union', 'puk'],
    ['shia coordination', 'scf'],
    ['popular mobilization', 'pmf'],
    ['islamic resistance iraq', 'iri'],
    ['iraqi security forces', 'isf'],
    ['syrian democratic forces', 'sdf'],
    ['daesh', 'isis'],
    ['verenigde staten', 'us'],
    ['united nations', 'un'],
    ['migration organisation', 'iom'],
    ['counterterrorism forum', 'gctf'],
    ['joint forces command naples', 'jfc-naples'],
    ['central command', 'centcom'],
    ['air operations centre', 'caoc'],
    ['training development centre', 'mtdc'],
    ['office of security cooperation', 'osc-i'],
    ['higher military commission', 'higher-military-commission'],
    ['force comander', 'force-commander'],
    ['senior national representative', 'snr'],
    ['senior national officer', 'sno'],
    ['commandant der strijdkrachten', 'cds'],
    ['chief of defence', 'cds'],
    ['iraqi chief of defence', 'chod'],
    ['military advisor', 'military-advisor'],
    ['special operations forces', 'sof'],
    ['guardian angel', 'guardian-angel'],
    ['staff officer', 'stafofficier'],
    ['stafofficieren', 'stafofficier'],
    ['toetsingskader', 'toetsingskader-2014'],
    ['national framework', 'nationaal-kader'],
    ['rules of engagement', 'geweldsinstructie'],
    ['full command', 'full-command'],
    ['concept of operations', 'conops'],
    ['wijze van optreden', 'conops'],
    ['house of representatives', 'tweede-kamer'],
    ['senate', 'eerste-kamer'],
    ['progress report', 'voortgangsrapportage'],
    ['international security budget', 'biv'],
    ['official development assistance', 'oda'],
    ['universal periodic review', 'upr'],
    ['camp union', 'camp-union-iii'],
    ['al asad', 'al-asad-air-base'],
    ['ain al-asad', 'al-asad-air-base'],
    ['chinook helicopter', 'chinook'],
    ['green to blue', 'green-to-blue'],
    ['non combat', 'non-combat-missie'],
    ['burden sharing', 'burden-sharing'],
    ['redeployment', 'redeployment'],
    ['stratcom', 'stratcom'],
    ['indirect fire', 'indirect-vuur'],
    ['capacity building', 'capaciteitsopbouw'],
    ['monitoring visit', 'monitoringsbezoek'],
    ['prospects', 'prospects'],
    ['lhbtiq', 'lhbtiq'],
    ['lgbtiq', 'lhbtiq'],
    ['kamerbrief', 'kamerbrief'],
    ['parliamentary paper', 'kamerstuk'],
    ['bagdad', 'baghdad'],
    ['erbil', 'erbil'],
    ['d.d.', 'dd'],
    ['buitenlandse zaken', 'bz'],
    ['justitie en veiligheid', 'jenv'],
    ['helicopter detachment', 'helikopterdetachement'],
    ['infantry company', 'infanteriecompagnie'],
    ['internally displaced', 'intern-ontheemden'],
    ['yezidi', 'jezidi'],
    ['fair share', 'fair-share'],
    ['threat level', 'dreigingsniveau'],
    ['rule of law', 'rule-of-law'],
    ['peshmerga', 'peshmerga'],
    ['artikel 100 brief', 'artikel-100-brief'],
    // Real questions with a country as qualifier (issue 16): the country's entry first.
    ['ministry of defence iraq', 'iraqi-ministry-of-defence'],
    ['iraqi ministry of defence', 'iraqi-ministry-of-defence'],
    ['dutch ministry of defence', 'ministry-of-defence'],
    ['senate netherlands', 'eerste-kamer'],
    ['chief of defence netherlands', 'cds'],
    ['dutch chief of defence', 'cds'],
    ['iraqi chief of defence', 'chod'],
    ['ministry of interior iraq', 'iraqi-ministry-of-interior'],
  ])('"%s" finds %s first, also among 5,000 entries', (query, id) => {
    expect(search.search(query, 5)[0]?.entry.id).toBe(id);
    expect(large.search(query, 5)[0]?.entry.id).toBe(id);
  });

  it('shows at most a few relatives after an exact name', () => {
    expect(search.search('nmi').length).toBeLessThanOrEqual(3);
    expect(search.search('senate').map((h) => h.entry.id)).toEqual([
      'eerste-kamer',
      'voorzitter-eerste-kamer',
    ]);
  });

  it('leaves out chance hits far behind the best one', () => {
    const hits = search.search('jocatn');
    expect(hits.map((h) => h.entry.id)).toEqual(['jocat-n']);
    expect(search.search('koerdische').map((h) => h.entry.id)).toEqual(
      expect.arrayContaining(['kar', 'kdp']),
    );
  });

  it('returns nothing for an empty query and for nonsense', () => {
    expect(search.search('   ')).toEqual([]);
    expect(search.search('qqxzzv')).toEqual([]);
  });

  it('treats fuse.js extended-search operators in user input as plain text', () => {
    expect(search.search("!'^=$ LTO's")[0]?.entry.id).toBe('lto');
  });
});
