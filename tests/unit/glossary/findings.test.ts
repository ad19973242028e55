/**
 * Every wrong gloss, false highlight and miss named in issue 13 ("Glosses a staff officer can
 * trust") and the terminologist's review (../shared/review/glossary-2026-11-30.md), on the
 * curated glossary as shipped.
 */
import { describe, expect, it } from 'vitest';
import { annotate } from '../../../glossary/annotate';
import { CURATED_ENTRIES } from '../../../glossary/data';
import { Matcher } from '../../../glossary/matcher';
import { parseEntry } from '../../../glossary/schema';
import { GlossarySearch } from '../../../glossary/search';

const matcher = new Matcher(CURATED_ENTRIES);
const byId = new Map(CURATED_ENTRIES.map((e) => [e.id, e]));
const glossed = (text: string) => annotate(matcher, text).map((a) => [a.text, a.id]);

describe('wrong in context: another country’s institution is never glossed as the Dutch one', () => {
  it.each([
    [
      'NATO Mission Iraq advises the Iraqi Ministry of Defence and the Ministry of Interior.',
      'ministry-of-defence',
    ],
    ['Het Iraakse ministerie van Defensie ontvangt advies.', 'ministry-of-defence'],
    ['The Iraqi Chief of Defence met the mission commander.', 'cds'],
    ['The Iraqi Minister of Foreign Affairs spoke in Baghdad.', 'bz'],
    ['De Iraakse minister van Buitenlandse Zaken sprak in Bagdad.', 'minister-van-buitenlandse-zaken'],
    ['The Iraqi Ministry of Justice and Security reform was discussed.', 'jenv'],
    ['Het Iraakse ministerie van Buitenlandse Zaken reageerde.', 'bz'],
    ['De Amerikaanse minister van Buitenlandse Zaken bezocht Bagdad.', 'bz'],
    ['The US Senate and the House of Representatives voted.', 'eerste-kamer'],
  ])('%s (not %s)', (sentence, wrong) => {
    expect(glossed(sentence).map(([, id]) => id)).not.toContain(wrong);
  });

  it('the Dutch Chief of Defence is the CDS; the Iraqi one is the CHoD', () => {
    expect(glossed('The Dutch Chief of Defence visited Erbil.')).toContainEqual(['Chief of Defence', 'cds']);
    expect(glossed('The Iraqi Chief of Defence visited Erbil.')).toContainEqual([
      'Iraqi Chief of Defence',
      'chod',
    ]);
  });

  it('the Dutch institutions are glossed where the text is Dutch or says so', () => {
    expect(glossed('De minister van Buitenlandse Zaken en de CDS.')).toEqual([
      ['minister van Buitenlandse Zaken', 'minister-van-buitenlandse-zaken'],
      ['CDS', 'cds'],
    ]);
    expect(glossed('Het ministerie van Buitenlandse Zaken.')).toEqual([
      ['ministerie van Buitenlandse Zaken', 'bz'],
    ]);
    expect(glossed('The Netherlands Ministry of Defence and the House of Representatives.')).toEqual([
      ['Netherlands Ministry of Defence', 'ministry-of-defence'],
      ['House of Representatives', 'tweede-kamer'],
    ]);
    expect(glossed('The Dutch Senate approved.')).toEqual([['Dutch Senate', 'eerste-kamer']]);
  });
});

describe('ordinary words are not highlighted (search still finds them)', () => {
  const search = new GlossarySearch(CURATED_ENTRIES);
  it.each([
    ['the mandate of the mission', 'mandate'],
    ['a legal basis in international law', 'legal basis'],
    ['the command structure of the unit', 'command structure'],
    ['the annual progress report', 'progress report'],
    ['a national framework for schools', 'national framework'],
    ['a monitoring visit to the site', 'monitoring visit'],
    ['interoperability of software', 'interoperability'],
    ['self-sufficiency in food', 'self-sufficiency'],
    ['the Global Coalition for Vaccines', 'Global Coalition'],
    ['the redeployment of staff', 'redeployment'],
    ['in de omgeving van Bagdad', 'omgeving van Bagdad'],
    ['het toetsingskader voor subsidies', 'toetsingskader'],
    ['het mandaat van de commissie', 'mandaat'],
    ['de rechtsbasis van het besluit', 'rechtsbasis'],
    ['de voortgangsrapportage van het project', 'voortgangsrapportage'],
  ])('“%s”: no mark on “%s”', (sentence, phrase) => {
    const marked = glossed(sentence).map(([text]) => text?.toLowerCase());
    expect(marked.some((text) => text?.includes(phrase.toLowerCase().split(' ')[0] as string))).toBe(false);
  });

  it.each([
    ['mandaat', 'mandaat'],
    ['national framework', 'nationaal-kader'],
    ['progress report', 'voortgangsrapportage'],
    ['toetsingskader', 'toetsingskader-2014'],
  ])('search for “%s” still finds %s', (query, id) => {
    expect(search.search(query, 5).map((h) => h.entry.id)).toContain(id);
  });
});

describe('names and claims put right', () => {
  it('JOCAT-N is the Joint Operations Command Advisory Team – North', () => {
    expect(byId.get('jocat-n')?.en.term).toBe('Joint Operations Command Advisory Team – North');
  });

  it('the CDS is the Chief of Defence in English, and Commander of the Armed Forces is deprecated', () => {
    const cds = byId.get('cds');
    expect(cds?.en.term).toBe('Chief of Defence');
    expect(cds?.forms.find((f) => f.text === 'Commander of the Armed Forces')?.status).toBe('deprecated');
  });

  it('JFC Naples carries its official name, the seed’s “Joint Forces” only as deprecated', () => {
    const naples = byId.get('jfc-naples');
    expect(naples?.en.term).toBe('Allied Joint Force Command Naples');
    expect(naples?.forms.find((f) => f.text === 'Joint Forces Command Naples')?.status).toBe('deprecated');
  });

  it('LTO’s preferred Dutch form is langetermijndoelstelling', () => {
    expect(byId.get('lto')?.nl.term).toBe('langetermijndoelstelling');
    expect(glossed('de lange termijndoelstellingen (LTO’s)').map(([, id]) => id)).toContain('lto');
  });

  it('general terms are defined generally: Red Card Holder, CJTF, SNR are not Dutch-only', () => {
    for (const id of ['red-card-holder', 'cjtf', 'snr']) {
      const entry = byId.get(id);
      expect(entry?.scope?.country, id).toBeUndefined();
      expect(entry?.en.definition, id).not.toMatch(/\bDutch\b|\bNetherlands\b|Iraq/);
    }
  });
});

describe('recall on real text', () => {
  it.each([
    ['BRIEF VAN DE MINISTERS VAN BUITENLANDSE ZAKEN EN DEFENSIE', ['BUITENLANDSE ZAKEN', 'bz']],
    ['MINISTERIE VAN JUSTITIE EN VEILIGHEID', ['MINISTERIE VAN JUSTITIE EN VEILIGHEID', 'jenv']],
    ['de anti-isis-coalitie blijft actief', ['anti-isis-coalitie', 'aic']],
    ['in de Koerdistan Autonome Regio', ['Koerdistan Autonome Regio', 'kar']],
    [
      'The House of Representatives of the Netherlands debated it.',
      ['House of Representatives', 'tweede-kamer'],
    ],
    ['The Senate of the Netherlands approved it.', ['Senate', 'eerste-kamer']],
  ])('%s', (text, expected) => {
    expect(glossed(text)).toContainEqual(expected);
  });

  it('ordinary capitalised words in headings stay unmarked', () => {
    expect(glossed('VERSLAG VAN EEN ALGEMEEN OVERLEG OVER HET MANDAAT EN DE ROTATIE')).toEqual([]);
  });
});

describe('the record', () => {
  it('rejects a context note without a source', () => {
    const nmi = byId.get('nmi');
    const result = parseEntry(
      { ...nmi, context: [{ nl: 'Sinds 2024 …', en: 'Since 2024 …', sources: [] }] },
      'x',
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.field).toBe('context.0.sources');
  });

  it('gives every entry a general definition in both languages', () => {
    expect(CURATED_ENTRIES.filter((e) => !e.nl.definition || !e.en.definition).map((e) => e.id)).toEqual([]);
  });
});
