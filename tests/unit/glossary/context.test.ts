import { describe, expect, it } from 'vitest';
import { annotate } from '../../../glossary/annotate';
import { qualifierAt } from '../../../glossary/context';
import { Matcher } from '../../../glossary/matcher';
import type { Entry } from '../../../glossary/schema';

/** A small glossary with the hard cases: national institutions of several countries, homonyms. */
function entry(id: string, forms: string[], extra: Partial<Entry> = {}): Entry {
  const [term, ...rest] = forms as [string, ...string[]];
  return {
    id,
    kind: 'term',
    category: 'organisation',
    nl: { term, definition: `${id} (nl)` },
    en: { term, definition: `${id} (en)` },
    forms: rest.map((text) => ({ text, status: 'admitted' as const })),
    context: [],
    related: [],
    sources: [],
    ...extra,
  };
}

const NL = { scope: { country: 'NL' } };
const GLOSSARY: Entry[] = [
  entry('ministry-of-defence', ['ministerie van Defensie', 'Ministry of Defence', 'Ministry of Defense'], NL),
  entry('cds', ['Commandant der Strijdkrachten', 'Chief of Defence', 'CDS'], NL),
  entry('chod', ['Iraqi Chief of Defence', 'Chief of Defence', 'Iraakse CHOD'], { scope: { country: 'IQ' } }),
  entry('bz', ['ministerie van Buitenlandse Zaken', 'Buitenlandse Zaken', 'Foreign Affairs'], NL),
  entry(
    'jenv',
    ['ministerie van Justitie en Veiligheid', 'Justitie en Veiligheid', 'Justice and Security'],
    NL,
  ),
  entry('tweede-kamer', ['Tweede Kamer', 'House of Representatives'], NL),
  entry('eerste-kamer', ['Eerste Kamer', 'Senate'], { ...NL, match: { caseSensitive: true } }),
  entry('mopa', ['Ministry of Peshmerga Affairs', 'ministerie van Peshmerga-zaken'], {
    scope: { country: 'IQ-KR' },
  }),
  entry('ao-overleg', ['algemeen overleg', 'AO'], {
    category: 'parliament',
    match: { ambiguous: true, caseSensitive: true, cues: ['Kamer', 'commissie', 'minister', 'debat'] },
  }),
  entry('ao-area', ['area of operations', 'AO'], {
    category: 'military',
    match: {
      ambiguous: true,
      caseSensitive: true,
      cues: ['troepen', 'eenheden', 'troops', 'units', 'patrouilles'],
    },
  }),
  entry('nmi', ['NAVO-missie in Irak', 'NMI', 'NATO Mission Iraq'], { scope: { organisation: 'NATO' } }),
];
const matcher = new Matcher(GLOSSARY);
/** The entry each term of the sentence gets (in order), as [matched text, id]. */
const glossed = (text: string) => matcher.match(text).map((m) => [m.text, m.id]);

/** Sentence → what a reader must see: [text, entry] per highlighted term. */
const TABLE: [string, [string, string][]][] = [
  // Dutch institutions in Dutch text: the default.
  [
    'De minister van Defensie stuurt het ministerie van Defensie een brief.',
    [['ministerie van Defensie', 'ministry-of-defence']],
  ],
  [
    'Het Nederlandse ministerie van Defensie leidt de missie.',
    [['ministerie van Defensie', 'ministry-of-defence']],
  ],
  ['Brief van de ministers van Buitenlandse Zaken en Defensie', [['Buitenlandse Zaken', 'bz']]],
  ['BRIEF VAN DE MINISTERS VAN BUITENLANDSE ZAKEN EN DEFENSIE', [['BUITENLANDSE ZAKEN', 'bz']]],
  ['MINISTERIE VAN JUSTITIE EN VEILIGHEID', [['MINISTERIE VAN JUSTITIE EN VEILIGHEID', 'jenv']]],
  [
    'De CDS bezocht de Tweede Kamer.',
    [
      ['CDS', 'cds'],
      ['Tweede Kamer', 'tweede-kamer'],
    ],
  ],
  ['Onze Commandant der Strijdkrachten sprak.', [['Commandant der Strijdkrachten', 'cds']]],
  // Another country's institution in Dutch text: never the Dutch entry.
  ['Het Iraakse ministerie van Defensie vroeg om advies.', []],
  ['NMI adviseert het ministerie van Defensie van Irak.', [['NMI', 'nmi']]],
  ['Het Amerikaanse ministerie van Buitenlandse Zaken reageerde.', []],
  ['Hun ministerie van Defensie ontving de adviseurs.', []],
  [
    'De missie in Irak alsmede het ministerie van Defensie.',
    [['ministerie van Defensie', 'ministry-of-defence']],
  ],
  ['De leden van hun fracties in de Tweede Kamer.', [['Tweede Kamer', 'tweede-kamer']]],
  [
    'Het Koerdische ministerie van Peshmerga-zaken wordt hervormd.',
    [['ministerie van Peshmerga-zaken', 'mopa']],
  ],
  ['Het Iraakse en Koerdische ministerie van Peshmerga-zaken.', [['ministerie van Peshmerga-zaken', 'mopa']]],
  // English pages: qualifiers decide.
  ['NMI advises the Iraqi Ministry of Defence in Baghdad.', [['NMI', 'nmi']]],
  ["NMI advises Iraq's Ministry of Defence.", [['NMI', 'nmi']]],
  ['The mission advises the Ministry of Defence of Iraq.', []],
  [
    'The Dutch Ministry of Defence announced the deployment.',
    [['Ministry of Defence', 'ministry-of-defence']],
  ],
  [
    'The Ministry of Defence of the Netherlands announced it.',
    [['Ministry of Defence', 'ministry-of-defence']],
  ],
  [
    'The Netherlands Ministry of Defense published its budget.',
    [['Ministry of Defense', 'ministry-of-defence']],
  ],
  ['The US Senate passed the bill.', []],
  ['The Dutch Senate approved the deployment.', [['Senate', 'eerste-kamer']]],
  ['The House of Representatives debated the mission.', [['House of Representatives', 'tweede-kamer']]],
  ['The American House of Representatives debated the mission.', []],
  ['The British Foreign Affairs committee met.', []],
  ['The minister of Foreign Affairs of the Netherlands travelled.', [['Foreign Affairs', 'bz']]],
  ['Their Ministry of Justice and Security was informed.', []],
  ['The Dutch ministries of Justice and Security and Defence agreed.', [['Justice and Security', 'jenv']]],
  // Chief of Defence: two countries, one form.
  ['The Dutch Chief of Defence visited the troops.', [['Chief of Defence', 'cds']]],
  [
    'The Iraqi Chief of Defence met the NMI commander.',
    [
      ['Iraqi Chief of Defence', 'chod'],
      ['NMI', 'nmi'],
    ],
  ],
  ['The Chief of Defence of Iraq met the commander.', [['Chief of Defence', 'chod']]],
  [
    'In Baghdad, Iraqi officers said the Chief of Defence would attend; Iraq agreed.',
    [['Chief of Defence', 'chod']],
  ],
  [
    'The Netherlands sent troops; the Chief of Defence of the Netherlands said so.',
    [['Chief of Defence', 'cds']],
  ],
  ['De Nederlandse Chief of Defence sprak in Den Haag.', [['Chief of Defence', 'cds']]],
  [
    'De Iraakse CHOD sprak met de Commandant der Strijdkrachten.',
    [
      ['Iraakse CHOD', 'chod'],
      ['Commandant der Strijdkrachten', 'cds'],
    ],
  ],
  // English paragraph about other countries only: no Dutch gloss on a bare institution name.
  ['In Iraq, the Ministry of Defence and the Ministry of Interior lead the reform.', []],
  ['Germany and France agreed; the Ministry of Defence will pay.', []],
  ['The Ministry of Defence will publish the white paper.', [['Ministry of Defence', 'ministry-of-defence']]],
  [
    'The Dutch contribution: the Ministry of Defence will publish the white paper.',
    [['Ministry of Defence', 'ministry-of-defence']],
  ],
  // Homonymous acronyms: cue words in the paragraph.
  [
    'Het AO met de vaste commissie voor Defensie; de Kamer vroeg de minister om een brief.',
    [['AO', 'ao-overleg']],
  ],
  ['De eenheden patrouilleren in het AO; de troepen blijven daar.', [['AO', 'ao-area']]],
  ['Units on patrol left the AO after the troops rotated.', [['AO', 'ao-area']]],
  ['Het AO werd verplaatst.', [['AO', 'ao-overleg']]],
  // Headings in capitals: proper names found, ordinary words not.
  ['TWEEDE KAMER DER STATEN-GENERAAL', [['TWEEDE KAMER', 'tweede-kamer']]],
  ['MINISTERIE VAN DEFENSIE', [['MINISTERIE VAN DEFENSIE', 'ministry-of-defence']]],
  ['VERSLAG VAN EEN ALGEMEEN OVERLEG', []],
];

describe('context rules: the entry a form means, from the text around it', () => {
  it('has a table of at least 40 sentences', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(40);
  });

  for (const [sentence, expected] of TABLE) {
    it(sentence, () => {
      expect(glossed(sentence)).toEqual(expected);
    });
  }
});

describe('what the gloss is told', () => {
  it('names the qualifier that decided, and the other senses', () => {
    const [match] = matcher.match('The Dutch Chief of Defence spoke.');
    expect(match?.sense).toEqual({ reason: 'qualifier', evidence: 'Dutch' });
    expect(match?.alternatives).toEqual(['chod']);
  });

  it('names the cue word for a homonymous acronym', () => {
    const [match] = matcher.match('De troepen verlieten het AO.');
    expect(match?.id).toBe('ao-area');
    expect(match?.sense).toEqual({ reason: 'cue', evidence: 'troepen' });
    expect(match?.alternatives).toEqual(['ao-overleg']);
  });

  it('leaves a form with one meaning alone', () => {
    const [match] = matcher.match('De Tweede Kamer stemde in.');
    expect(match?.sense).toBeUndefined();
    expect(match?.alternatives).toBeUndefined();
  });
});

describe('qualifiers', () => {
  const at = (text: string, term: string) => {
    const start = text.indexOf(term);
    return qualifierAt(text, start, start + term.length)?.country;
  };

  it('reads the word before, a possessive, or "of/van" after', () => {
    expect(at('the Iraqi Ministry', 'Ministry')).toBe('IQ');
    expect(at("Iraq's Ministry", 'Ministry')).toBe('IQ');
    expect(at('het Nederlandse ministerie', 'ministerie')).toBe('NL');
    expect(at('the Ministry of Iraq', 'Ministry')).toBe('IQ');
    expect(at('het ministerie van Irak', 'ministerie')).toBe('IQ');
    expect(at('the US Senate', 'Senate')).toBe('US');
    expect(at('their Ministry', 'Ministry')).toBe('OTHER');
  });

  it('does not read across a sentence end or far back', () => {
    expect(at('It was Iraqi. Ministry staff left.', 'Ministry')).toBeUndefined();
    expect(at('Iraqi officials, the advisers and the staff of the Ministry', 'Ministry')).toBeUndefined();
    expect(at('the us Senate', 'Senate')).toBeUndefined();
  });
});

describe('the text’s own definitions (rule 3)', () => {
  it('an acronym the text defines otherwise is the text’s, not the glossary’s', () => {
    const text = 'The Chief of Defence Staff (CDS) of the United Kingdom met the CDS of Canada.';
    const terms = annotate(matcher, text).map((a) => [a.text, a.id, a.pageDefined?.expansion]);
    expect(terms).toEqual([
      ['CDS', 'page:CDS', 'Chief of Defence Staff'],
      ['CDS', 'page:CDS', 'Chief of Defence Staff'],
    ]);
  });

  it('an acronym defined as the glossary defines it stays the glossary’s', () => {
    const text = 'De Commandant der Strijdkrachten (CDS) sprak. De CDS bleef.';
    expect(annotate(matcher, text).map((a) => [a.text, a.id])).toEqual([
      ['Commandant der Strijdkrachten', 'cds'],
      ['CDS', 'cds'],
      ['CDS', 'cds'],
    ]);
  });

  it('a shared acronym takes the sense whose expansion the text gives, and says so', () => {
    const text = 'Het area of operations (AO) werd groter. Daarna bleef het AO rustig.';
    const last = annotate(matcher, text).at(-1);
    expect([last?.text, last?.id, last?.sense]).toEqual([
      'AO',
      'ao-area',
      { reason: 'definition', evidence: 'area of operations' },
    ]);
    expect(last?.alternatives).toEqual(['ao-overleg']);
  });

  it('keeps glossary and page-defined terms sorted and apart', () => {
    const text = 'De Zwaluw Quux Base (ZQB) en NMI; ZQB, NMI, ZQB.';
    expect(annotate(matcher, text).map((a) => a.text)).toEqual(['ZQB', 'NMI', 'ZQB', 'NMI', 'ZQB']);
  });
});
