import { describe, expect, it } from 'vitest';
import { annotate } from '../../../glossary/annotate';
import { CURATED_ENTRIES } from '../../../glossary/data';
import { Matcher } from '../../../glossary/matcher';

const matcher = new Matcher(CURATED_ENTRIES);
/** [text, id] of every match, for compact expectations. */
const found = (text: string) => matcher.match(text).map((m) => [m.text, m.id]);
const ids = (text: string) => matcher.match(text).map((m) => m.id);

describe('acronyms: case-sensitive whole words', () => {
  it('matches NMI but not nmi, NMIS or a token inside a word', () => {
    expect(found('NMI draagt bij aan de versterking')).toEqual([['NMI', 'nmi']]);
    expect(found('nmi draagt bij; NMIS en ADNMI niet')).toEqual([]);
  });

  it('in headings in capitals, finds names of two or more words but no ordinary words', () => {
    expect(found('BRIEF VAN DE MINISTERS VAN BUITENLANDSE ZAKEN EN DEFENSIE')).toEqual([
      ['BUITENLANDSE ZAKEN', 'bz'],
    ]);
    expect(found('MANDAAT EN ROTATIE VAN DE UITZENDING')).toEqual([]);
  });

  it('finds an acronym lower-cased inside a hyphenated compound (PDF text), not on its own', () => {
    expect(found('de anti-isis-coalitie en de anti-ISIS-coalitie')).toEqual([
      ['anti-isis-coalitie', 'aic'],
      ['anti-ISIS-coalitie', 'aic'],
    ]);
    expect(found('isis en nmi')).toEqual([]);
  });

  it('follows an ambiguous entry’s rule: VS only as a capitalised standalone word', () => {
    expect(ids('de positie van de VS sinds het aantreden')).toEqual(['us']);
    expect(ids('Ajax vs Feyenoord')).toEqual([]);
    expect(ids('VERSLAG VS IRAK')).toEqual([]);
  });

  it('keeps the case of mixed-case acronyms: MoPA and the seed’s MoPa, not mopa', () => {
    expect(ids('hervorming van MoPA en (MoPa) maar niet mopa')).toEqual(['mopa', 'mopa']);
  });
});

describe('phrases', () => {
  it('of a case-sensitive entry need their capitals, in running text or a heading', () => {
    const entries = [
      {
        id: 'rs',
        kind: 'term' as const,
        category: 'mission' as const,
        nl: { term: 'Resolute Support', definition: 'x' },
        en: { term: 'Resolute Support', definition: 'x' },
        forms: [],
        context: [],
        related: [],
        sources: [],
        match: { caseSensitive: true },
      },
    ];
    const phrases = new Matcher(entries);
    const found = (text: string) => phrases.match(text).map((m) => m.text);
    expect(found('de missie Resolute Support; RESOLUTE SUPPORT')).toEqual([
      'Resolute Support',
      'RESOLUTE SUPPORT',
    ]);
    expect(found('with resolute support from allies')).toEqual([]);
  });

  it('match case-insensitively', () => {
    expect(ids('als Force Protection voor de missie; force protection in Bagdad')).toEqual([
      'force-protection',
      'force-protection',
      'baghdad',
    ]);
  });

  it('span line breaks, repeated spaces and non-breaking spaces', () => {
    expect(found('De Nederlandse Senior National Representative is de Red Card\nHolder.')).toEqual([
      ['Senior National Representative', 'snr'],
      ['Red Card\nHolder', 'red-card-holder'],
    ]);
    expect(ids('de Red  Card\u00A0Holder')).toEqual(['red-card-holder']);
  });
});

describe('Dutch morphology', () => {
  it('plural and possessive forms', () => {
    expect(found("De LTO’s en LTO's, Kamerbrieven, Kamerstukken en stafofficieren")).toEqual([
      ['LTO’s', 'lto'],
      ["LTO's", 'lto'],
      ['Kamerbrieven', 'kamerbrief'],
      ['Kamerstukken', 'kamerstuk'],
      ['stafofficieren', 'stafofficier'],
    ]);
  });

  it('matches the term part of hyphenated compounds', () => {
    expect(found('door de NMI-adviseurs, de force protection-compagnie en talrijke ISIS-strijders')).toEqual([
      ['NMI', 'nmi'],
      ['force protection', 'force-protection'],
      ['compagnie', 'compagnie'],
      ['ISIS', 'isis'],
    ]);
  });

  it('reads every spelling of an article 100 letter as one term', () => {
    for (const text of [
      'artikel 100-brief',
      'artikel-100 brief',
      'artikel 100-brieven',
      'artikel\n100-brief',
    ]) {
      expect(ids(text), text).toEqual(['artikel-100-brief']);
    }
    expect(ids('Artikel 100-inzet')).toEqual(['artikel-100']);
  });
});

describe('layout noise from pages and PDF text', () => {
  it('joins words hyphenated at a line end', () => {
    expect(ids('de Iraakse veiligheidstroe-\npen en het helikopterdeta-\nchement')).toEqual([
      'isf',
      'helikopterdetachement',
    ]);
  });

  it('ignores soft hyphens inside words', () => {
    expect(found('het helikopter\u00ADdetachement')).toEqual([
      ['helikopter\u00ADdetachement', 'helikopterdetachement'],
    ]);
  });

  it('ignores footnote digits glued to a word', () => {
    expect(found('onder verwijzing naar de artikel 100-brieven1 over Irak')).toEqual([
      ['artikel 100-brieven', 'artikel-100-brief'],
    ]);
  });

  it('matches with or without diacritics', () => {
    expect(ids('in Noordoost-Syrië en in Noordoost-Syrie')).toEqual(['north-east-syria', 'north-east-syria']);
  });

  it('knows the extraction errors listed as variants', () => {
    expect(found('Resolve (0IR) in Irak; de transitie van O0IR')).toEqual([
      ['0IR', 'oir'],
      ['O0IR', 'oir'],
    ]);
  });
});

describe('overlaps', () => {
  it('lets the longest form win', () => {
    expect(found('de NAVO-missie in Irak')).toEqual([['NAVO-missie in Irak', 'nmi']]);
    expect(found('Joint Command Advisory Team North (JOCAT-N)').map(([, id]) => id)).toEqual([
      'jocat-n',
      'jocat-n',
    ]);
    expect(found('in overeenstemming met het Toetsingskader 2014')).toEqual([
      ['Toetsingskader 2014', 'toetsingskader-2014'],
    ]);
  });

  it('gives a full form followed by its acronym two matches', () => {
    expect(found('De NAVO-missie in Irak (NMI) is actief')).toEqual([
      ['NAVO-missie in Irak', 'nmi'],
      ['NMI', 'nmi'],
    ]);
  });

  it('returns UTF-16 offsets into the text as given', () => {
    const text = '☃ 👍 De NMI';
    const [match] = matcher.match(text);
    expect(match && text.slice(match.start, match.end)).toBe('NMI');
  });
});

describe('acronyms defined in the text itself', () => {
  const unknownGlossary = new Matcher(CURATED_ENTRIES.filter((e) => e.id !== 'scf' && e.id !== 'lto'));

  it('explains an acronym the glossary lacks with the page’s own expansion', () => {
    const text = 'steunpilaar het Shia Coordination Framework (SCF) aanhouden. Binnen het SCF vond';
    const scf = annotate(unknownGlossary, text).filter((a) => a.pageDefined);
    expect(scf.map((a) => [a.text, a.pageDefined?.expansion])).toEqual([
      ['SCF', 'Shia Coordination Framework'],
      ['SCF', 'Shia Coordination Framework'],
    ]);
  });

  it('strips the plural of the short form: Long Term Objectives (LTO’s)', () => {
    const text = 'geformuleerd (Long Term Objectives (LTO’s)). Uit de voortgang op de LTO’s blijkt';
    const lto = annotate(unknownGlossary, text).filter((a) => a.pageDefined);
    expect(lto.map((a) => [a.text, a.id, a.pageDefined?.expansion])).toEqual([
      ['LTO’s', 'page:LTO', 'Long Term Objectives'],
      ['LTO’s', 'page:LTO', 'Long Term Objectives'],
    ]);
  });

  it('leaves glossary acronyms to the glossary', () => {
    expect(annotate(matcher, 'Shia Coordination Framework (SCF)').every((a) => !a.pageDefined)).toBe(true);
  });
});

describe('case rules inside multi-word forms', () => {
  it('keeps the case of the acronym word only', () => {
    expect(ids('de NAVO missie Irak')).toEqual(['nmi']);
    expect(ids('de navo Missie Irak')).toEqual([]);
  });

  it('keeps the spelling of a word with a glued footnote digit', () => {
    expect(found('bijdrage aan de NAVO Missie Irak3 ontvangt u')).toEqual([['NAVO Missie Irak', 'nmi']]);
  });
});
