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

/**
 * Real questions (issue 16): what an embassy officer, a NATO colleague or a journalist reading
 * Kamerbrieven types, in English and Dutch, about what the seeds and the corpus speak of.
 */
const REAL_WORLD_QUERIES: readonly [query: string, id: string][] = [
  // Institutions by their English or Dutch name, with a country as qualifier ("dutch chod":
  // corpus 034, "The Netherlands Chief of Defence (CHOD)").
  ['dutch senate', 'eerste-kamer'],
  ['house of representatives netherlands', 'tweede-kamer'],
  ['tweede kamer', 'tweede-kamer'],
  ['second chamber netherlands', 'tweede-kamer'],
  ['ministry of defense netherlands', 'ministry-of-defence'],
  ['nederlandse ministerie van defensie', 'ministry-of-defence'],
  ['iraqi ministry of defense', 'iraqi-ministry-of-defence'],
  ['ministerie van defensie irak', 'iraqi-ministry-of-defence'],
  ['dutch ministry of interior', 'bzk'],
  ['iraqi interior ministry', 'iraqi-ministry-of-interior'],
  ['dutch defence minister', 'minister-van-defensie'],
  ['netherlands prime minister', 'minister-president'],
  ['dutch air force', 'koninklijke-luchtmacht'],
  ['nederlandse luchtmacht', 'koninklijke-luchtmacht'],
  ['dutch army', 'royal-netherlands-army'],
  ['nederlandse landmacht', 'royal-netherlands-army'],
  ['nederlandse marine', 'koninklijke-marine'],
  ['dutch marechaussee', 'kmar'],
  ['dutch military intelligence', 'mivd'],
  ['dutch intelligence service', 'mivd'],
  ['dutch chod', 'cds'],
  ['iraqi cds', 'chod'],
  ['dutch force commander', 'force-commander'],
  ['dutch helicopter detachment', 'helikopterdetachement'],
  // Missions and bodies by their organisation and country, in either language and word order.
  ['nato iraq mission', 'nmi'],
  ['training mission iraq nato', 'ntm-i'],
  ['un mission mali', 'minusma'],
  ['vn missie mali', 'minusma'],
  ['vn bijstandsmissie irak', 'unami'],
  ['vn missie zuid soedan', 'unmiss'],
  ['eu police mission afghanistan', 'eupol-afghanistan'],
  ['eu training mission mali', 'eutm-mali'],
  ['eu naval operation red sea', 'aspides'],
  ['un observers golan', 'undof'],
  ['nato air policing baltic', 'baltic-air-policing'],
  ['kurdistan region iraq', 'kar'],
  ['baghdad iraq', 'baghdad'],
  ['isaf afghanistan', 'isaf'],
  ['security sector reform iraq', 'ssr'],
  ['popular mobilisation forces iraq', 'pmf'],
  ['undp iraq', 'undp'],
  ['status of forces agreement iraq', 'sofa'],
  ['internally displaced persons iraq', 'intern-ontheemden'],
  ['islamic state iraq', 'isis'],
  ['coalition against isis', 'aic'],
  ['anti-isis coalitie irak', 'aic'],
  ['article 5 nato', 'artikel-5'],
  ['spearhead force nato', 'vjtf'],
  ['nato summit the hague', 'hague-summit'],
  ['navo top den haag', 'hague-summit'],
  ['oostflank navo', 'navo-oostflank'],
  ['un peacekeepers', 'blauwhelm'],
  ['defense budget netherlands', 'defensiebegroting'],
  ['progress report iraq', 'voortgangsrapportage'],
  ['piracy somalia', 'atalanta'],
  // Abbreviations written out, and written without hyphens.
  ['european union advisory mission', 'euam'],
  ['very high readiness joint task force', 'vjtf'],
  ['permanent structured cooperation', 'pesco'],
  ['european external action service', 'edeo'],
  ['organization for security and cooperation in europe', 'ovse'],
  ['supreme allied commander europe', 'saceur'],
  ['osci', 'osc-i'],
  ['ch47', 'chinook'],
  // Typos: a letter or two wrong, missing diacritics, hyphens or spaces.
  ['nato misson iraq', 'nmi'],
  ['minsuma', 'minusma'],
  ['kurdistan regoin', 'kar'],
  ['inherrent resolve', 'oir'],
  ['chinnok', 'chinook'],
  ['force proteciton', 'force-protection'],
  ['liaison oficer', 'liaison-officer'],
  ['senior national represenative', 'snr'],
  ['commandant der strijdkrachen', 'cds'],
  ['geweldsinstuctie', 'geweldsinstructie'],
  ['helikopterdetachment', 'helikopterdetachement'],
  ['marechausee', 'kmar'],
  ['toetsingkader', 'toetsingskader-2014'],
  ['noordoost syrie', 'north-east-syria'],
  ['artikel100 brief', 'artikel-100-brief'],
  ['redcard holder', 'red-card-holder'],
  ['staf officier', 'stafofficier'],
  ['peshmerga ministery', 'mopa'],
  // Dutch and English plurals, as the seeds write them ("artikel-100 brieven", "nationale kaders").
  ['artikel 100 brieven', 'artikel-100-brief'],
  ['artikel-100 brieven', 'artikel-100-brief'],
  ['kamerbrieven', 'kamerbrief'],
  ['voortgangsrapportages', 'voortgangsrapportage'],
  ['reservisten', 'reservist'],
  ['detachementen', 'detachement'],
  ['bataljons', 'bataljon'],
  ['blauwhelmen', 'blauwhelm'],
  ['moties', 'motie'],
  ['fregatten', 'fregat'],
  ['militaire adviseurs', 'military-advisor'],
  ['liaisonofficieren', 'liaison-officer'],
  ['eindevaluaties', 'eindevaluatie'],
  ['nationale kaders', 'nationaal-kader'],
  ['red card holders', 'red-card-holder'],
  ['apache helicopters', 'apache'],
  ['chinook helicopters', 'chinook'],
  // Keywords for what the reader looks for.
  ['letters to parliament', 'kamerbrief'],
  ['committee on foreign affairs house', 'vaste-commissie-buitenlandse-zaken'],
  ['plenary debate', 'plenaire-vergadering'],
  ['speaker of the house', 'voorzitter-tweede-kamer'],
  ['standing committee defence', 'vaste-commissie-defensie'],
  ['troop contributing countries', 'troepenbijdragend-land'],
  ['police training mission afghanistan', 'politietrainingsmissie-kunduz'],
];

/** Acronyms and official names: the query names one entry precisely. */
const PRECISE_NAMES: readonly [query: string, id: string][] = [
  ['NMI', 'nmi'],
  ['EUAM', 'euam'],
  ['UNAMI', 'unami'],
  ['OIR', 'oir'],
  ['MoPA', 'mopa'],
  ['JOCAT-N', 'jocat-n'],
  ['LTO', 'lto'],
  ['CDS', 'cds'],
  ['CHoD', 'chod'],
  ['KDP', 'kdp'],
  ['MINUSMA', 'minusma'],
  ['KMar', 'kmar'],
  ['NAVO', 'nato'],
  ['VN', 'un'],
  ['Tweede Kamer', 'tweede-kamer'],
  ['Eerste Kamer', 'eerste-kamer'],
  ['NATO Mission Iraq', 'nmi'],
  ['Operation Inherent Resolve', 'oir'],
  ['Ministry of Peshmerga Affairs', 'mopa'],
  ['Koninklijke Marechaussee', 'kmar'],
  ['Red Card Holder', 'red-card-holder'],
  ['Commandant der Strijdkrachten', 'cds'],
  ['Budget Internationale Veiligheid', 'biv'],
  ['artikel 100-brief', 'artikel-100-brief'],
  ['Kurdistan Region of Iraq', 'kar'],
  ['Global Coalition against Daesh', 'aic'],
];
/** "A few": the entry a precise name names and at most three relatives. */
const A_FEW = 4;
/** No real question gets a longer list than this. */
const AT_MOST = 8;

describe('real-world questions (issue 16)', () => {
  it.each(REAL_WORLD_QUERIES)(
    '"%s" finds %s first, among at most 8 results, also among 5,000 entries',
    (query, id) => {
      for (const glossary of [search, large]) {
        const hits = glossary.search(query);
        expect(hits[0]?.entry.id).toBe(id);
        expect(hits.length).toBeLessThanOrEqual(AT_MOST);
      }
    },
  );

  it.each(PRECISE_NAMES)('the precise name "%s" shows %s and at most three relatives', (query, id) => {
    for (const glossary of [search, large]) {
      const hits = glossary.search(query);
      expect(hits[0]?.entry.id).toBe(id);
      expect(hits.length).toBeLessThanOrEqual(A_FEW);
    }
  });

  it('ranks the namesake of the qualifier\'s country first: CDS for "dutch chod", CHoD for "iraqi cds"', () => {
    expect(search.search('dutch chod').map((h) => h.entry.id)).toEqual(['cds', 'chod']);
    expect(search.search('iraqi cds').map((h) => h.entry.id)).toEqual(['chod', 'cds']);
  });

  it('after a name given with its qualifiers shows only relatives that fit them all', () => {
    expect(search.search('nato iraq mission').map((h) => h.entry.id)).toEqual(['nmi', 'ntm-i']);
  });
});
