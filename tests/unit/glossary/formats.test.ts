import { describe, expect, it } from 'vitest';
import { CURATED_ENTRIES } from '../../../glossary/data';
import { detectFormat, exportGlossary, FORMATS, importGlossary } from '../../../glossary/formats';
import { toPlain } from '../../../glossary/formats/plain';
import { type Entry, formatIssue } from '../../../glossary/schema';

const hostile: Entry = {
  id: 'hostile-test',
  kind: 'term',
  category: 'concept',
  nl: { term: 'Test "quotes", commas & <tags>', definition: '<img src=x onerror=alert(1)> ; "x", y\nz' },
  en: {
    term: 'Tést ü ☃',
    expansion: 'A | B? no: A, B',
    definition: 'Line one. Ünïcödé, "quoted", <b>bold</b>.',
  },
  forms: [
    { text: 'vär-iant', status: 'admitted' },
    { text: 'x;y', status: 'deprecated', lang: 'en', highlight: false, note: 'a {note}' },
  ],
  scope: { country: 'NL', organisation: 'NATO' },
  context: [
    {
      nl: 'In 2024 "iets" | <b>x</b>.',
      en: 'In 2024 something, =1+1.',
      sources: [{ corpus: '001-openkamer-kst-27925-452-ao-eindevaluatie-isaf.txt', date: '2012-03-06' }],
    },
  ],
  related: ['nmi'],
  sources: [
    { seed: '000_0bc7f43dc9c984f1.txt', kamerstuk: '27 925, nr. 980', date: '2024-11-22', title: 'a, "b"' },
  ],
  match: { ambiguous: true, caseSensitive: false, note: 'note with | pipe' },
  own: true,
};

describe('import/export round trips', () => {
  for (const format of FORMATS) {
    it(`${format}: the whole curated glossary comes back unchanged`, () => {
      const text = exportGlossary(CURATED_ENTRIES, format);
      const result = importGlossary(text, format);
      if (!result.ok) throw new Error(result.issues.map(formatIssue).join('\n'));
      expect(result.entries.map(toPlain)).toEqual(CURATED_ENTRIES.map(toPlain));
    });

    it(`${format}: markup, quotes, separators and unicode survive`, () => {
      // The definition contains a line break, which the schema rejects; keep the rest hostile.
      const entry = {
        ...hostile,
        nl: { ...hostile.nl, definition: hostile.nl.definition.replace('\n', ' ') },
      };
      const result = importGlossary(exportGlossary([entry], format), format, new Set(['nmi']));
      if (!result.ok) throw new Error(result.issues.map(formatIssue).join('\n'));
      expect(result.entries.map(toPlain)).toEqual([toPlain(entry)]);
    });
  }

  it('detects the format from the file name, else from the content', () => {
    expect(detectFormat('a.tbx', '')).toBe('tbx');
    expect(detectFormat('a.CSV', '')).toBe('csv');
    expect(detectFormat('-', '  [{}]')).toBe('json');
    expect(detectFormat('-', '<?xml version="1.0"?>')).toBe('tbx');
  });
});

const CURATED_IDS = new Set(CURATED_ENTRIES.map((entry) => entry.id));

describe('imports that are not valid store nothing and say where', () => {
  const csv = exportGlossary(CURATED_ENTRIES.slice(0, 3), 'csv');

  it('CSV: names the row and the field', () => {
    const lines = csv.split('\r\n');
    lines[2] = (lines[2] as string)
      .replace(/^([^,]+),term,/, '$1,bogus,')
      .replace(/^([^,]+),acronym,/, '$1,bogus,');
    const result = importGlossary(lines.join('\r\n'), 'csv', CURATED_IDS);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map(formatIssue)).toEqual([
      expect.stringMatching(/^row 3 \(.+\), field "kind": must be one of/),
    ]);
  });

  it('CSV: reports missing columns before rows', () => {
    const result = importGlossary('id,kind\nx,term\n', 'csv');
    expect(!result.ok && result.issues[0]?.message).toMatch(/missing column\(s\): category/);
  });

  it('JSON: names the entry and the nested field, and unknown related ids in the same pass', () => {
    const entries = JSON.parse(exportGlossary(CURATED_ENTRIES.slice(0, 2), 'json')).entries;
    entries[1].en.definition = '';
    entries[0].related = ['no-such-id'];
    const result = importGlossary(JSON.stringify(entries), 'json', CURATED_IDS);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map(formatIssue)).toEqual([
      expect.stringMatching(/^entry 2 \(.+\), field "en.definition": must not be empty$/),
      expect.stringMatching(/field "related.0": refers to unknown id "no-such-id"/),
    ]);
  });

  it('JSON: a related id naming an entry of the file that has problems is not called unknown', () => {
    const entries = JSON.parse(exportGlossary(CURATED_ENTRIES.slice(0, 2), 'json')).entries;
    entries[0].related = [entries[1].id];
    entries[1].category = 'weather';
    const result = importGlossary(JSON.stringify(entries), 'json', CURATED_IDS);
    expect(!result.ok && result.issues.map(formatIssue)).toEqual([
      expect.stringMatching(/^entry 2 \(.+\), field "category": must be one of/),
    ]);
  });

  it('JSON: not JSON at all', () => {
    const result = importGlossary('{"entries": [', 'json');
    expect(!result.ok && result.issues[0]?.message).toMatch(/^is not valid JSON/);
  });

  it('TBX: names the conceptEntry and field; malformed XML is reported', () => {
    const tbx = exportGlossary(CURATED_ENTRIES.slice(0, 2), 'tbx').replace(
      /<descrip type="subjectField">[^<]+<\/descrip>/,
      '<descrip type="subjectField">weather</descrip>',
    );
    const result = importGlossary(tbx, 'tbx', CURATED_IDS);
    expect(!result.ok && result.issues.map(formatIssue)).toEqual([
      expect.stringMatching(/^conceptEntry 1 \(.+\), field "category": must be one of/),
    ]);
    const broken = importGlossary('<tbx><text><body><conceptEntry id="x">', 'tbx');
    expect(broken.ok).toBe(false);
  });

  it('rejects a duplicate id across the file', () => {
    const one = CURATED_ENTRIES[0] as Entry;
    const result = importGlossary(exportGlossary([one, one], 'json'), 'json');
    expect(!result.ok && result.issues.map(formatIssue)).toContainEqual(
      expect.stringMatching(/field "id": is used by another entry/),
    );
  });
});

describe('every problem of a file at once, each with its row and field', () => {
  const header = 'id,kind,category,nl_term,nl_definition,en_term,en_definition,forms,sources,match,own';
  const good = 'goed,term,concept,Goed,Een definitie.,Good,A definition.,,,,';

  it('CSV: unreadable cells and schema problems of every row, once each, in row order', () => {
    const csv = [
      header,
      'rij-twee,term,weather,,Een definitie.,Two,A definition.,x {zz},[not json,,maybe',
      good,
      'rij-vier,bogus,concept,Vier,Een definitie.,Four,,,,{bad,',
    ].join('\r\n');
    const result = importGlossary(csv, 'csv');
    expect(!result.ok && result.issues.map(formatIssue)).toEqual([
      expect.stringMatching(/^row 2 \(rij-twee\), field "forms": "x \{zz\}": unknown attribute "zz"/),
      'row 2 (rij-twee), field "sources": is not valid JSON',
      'row 2 (rij-twee), field "own": must be "true", "false" or empty',
      expect.stringMatching(/^row 2 \(rij-twee\), field "category": must be one of/),
      'row 2 (rij-twee), field "nl.term": must not be empty',
      'row 4 (rij-vier), field "match": is not valid JSON',
      expect.stringMatching(/^row 4 \(rij-vier\), field "kind": must be one of/),
      'row 4 (rij-vier), field "en.definition": must not be empty',
    ]);
  });

  it('CSV: a row papaparse cannot split is named, and the other rows are still checked', () => {
    const csv = [header, `${good},extra`, good.replace('Goed,', ',').replace('goed', 'leeg')].join('\r\n');
    const result = importGlossary(csv, 'csv');
    expect(!result.ok && result.issues.map(formatIssue)).toEqual([
      expect.stringMatching(/^row 2: Too many fields/),
      'row 3 (leeg), field "nl.term": must not be empty',
    ]);
  });

  it('CSV: duplicate ids are reported with the other problems', () => {
    const csv = [header, good, good, good.replace('goed', 'ander').replace(',Good,', ',,')].join('\r\n');
    const result = importGlossary(csv, 'csv');
    const issues = !result.ok && result.issues.map(formatIssue);
    expect(issues).toContain('row 4 (ander), field "en.term": must not be empty');
    expect(issues).toContain('entry goed, field "id": is used by another entry');
  });

  it('TBX: a note that is not JSON is reported with the schema problems of its entry', () => {
    const [first] = CURATED_ENTRIES;
    const tbx = exportGlossary([{ ...(first as Entry), related: [] }], 'tbx')
      .replace(
        /<descrip type="subjectField">[^<]+<\/descrip>/,
        '<descrip type="subjectField">weather</descrip>',
      )
      .replace(/<note>source: \{/, '<note>source: {{');
    const result = importGlossary(tbx, 'tbx');
    expect(!result.ok && result.issues.map(formatIssue)).toEqual([
      expect.stringMatching(/^conceptEntry 1 \(.+\), field "note": note "source" is not valid JSON$/),
      expect.stringMatching(/^conceptEntry 1 \(.+\), field "category": must be one of/),
    ]);
  });

  it('TBX: a context source that is not JSON is reported once, not again as a missing source', () => {
    const entry: Entry = {
      ...(CURATED_ENTRIES[0] as Entry),
      related: [],
      context: [{ nl: 'Een feit.', en: 'A fact.', sources: [{ title: 'Een bron' }] }],
    };
    const tbx = exportGlossary([entry], 'tbx').replace(/<admin type="source">\{/, '<admin type="source">{{');
    const result = importGlossary(tbx, 'tbx');
    expect(!result.ok && result.issues.map(formatIssue)).toEqual([
      expect.stringMatching(
        /^conceptEntry 1 \(.+\), field "context.0.sources": note "source" is not valid JSON$/,
      ),
    ]);
  });
});

describe('Begrip 0.1 exports (variants, no forms) still import', () => {
  const old = {
    id: 'oude-term',
    kind: 'term',
    category: 'concept',
    nl: { term: 'oude term', definition: 'Een term uit een oude export.' },
    en: { term: 'old term', definition: 'A term from an old export.' },
    variants: ['oude-term', 'ouwe term'],
    related: [],
    sources: [{ seed: '000_0bc7f43dc9c984f1.txt', date: '2023-09' }],
  };
  const expectForms = (result: ReturnType<typeof importGlossary>) => {
    if (!result.ok) throw new Error(result.issues.map(formatIssue).join('\n'));
    expect(result.entries[0]?.forms).toEqual([
      { text: 'oude-term', status: 'admitted' },
      { text: 'ouwe term', status: 'admitted' },
    ]);
  };

  it('JSON with variants', () => {
    expectForms(
      importGlossary(JSON.stringify({ format: 'begrip-glossary', version: 1, entries: [old] }), 'json'),
    );
  });

  it('CSV with a variants column', () => {
    const csv = [
      'id,kind,category,acronym,nl_term,nl_expansion,nl_definition,en_term,en_expansion,en_definition,variants,related,sources,match,own',
      `oude-term,term,concept,,oude term,,Een term uit een oude export.,old term,,A term from an old export.,oude-term | ouwe term,,,,`,
    ].join('\r\n');
    expectForms(importGlossary(csv, 'csv'));
  });

  it('TBX with variant termSecs in the Dutch langSec', () => {
    const variant = (term: string) =>
      `<termSec><term>${term}</term><termNote type="termType">variant</termNote><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></termSec>`;
    const preferred = (term: string) =>
      `<termSec><term>${term}</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>`;
    const tbx = `<?xml version="1.0" encoding="UTF-8"?><tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>
      <conceptEntry id="oude-term"><descrip type="subjectField">concept</descrip>
      <langSec xml:lang="nl"><descrip type="definition">Een term uit een oude export.</descrip>${preferred('oude term')}${variant('oude-term')}${variant('ouwe term')}</langSec>
      <langSec xml:lang="en"><descrip type="definition">A term from an old export.</descrip>${preferred('old term')}</langSec>
      </conceptEntry></body></text></tbx>`;
    expectForms(importGlossary(tbx, 'tbx'));
  });
});

describe('CSV formula cells', () => {
  it('are written with a leading apostrophe and read back as written', () => {
    const entry: Entry = {
      ...hostile,
      nl: { ...hostile.nl, definition: '=HYPERLINK("https://x.example")' },
      own: undefined,
    };
    const csv = exportGlossary([{ ...entry, en: { ...entry.en, definition: '+cmd' } }], 'csv');
    expect(csv).toContain(`'=HYPERLINK`);
    expect(csv).toContain(`'+cmd`);
    const result = importGlossary(csv, 'csv', new Set(['nmi']));
    if (!result.ok) throw new Error(result.issues.map(formatIssue).join('\n'));
    expect(result.entries[0]?.nl.definition).toBe('=HYPERLINK("https://x.example")');
    expect(result.entries[0]?.en.definition).toBe('+cmd');
  });
});
