import { describe, expect, it } from 'vitest';
import { CURATED_ENTRIES } from '../../../glossary/data';
import { importGlossary } from '../../../glossary/formats';
import { type Entry, formatIssue, type ParseResult } from '../../../glossary/schema';

const CURATED_IDS = new Set(CURATED_ENTRIES.map((entry) => entry.id));

function entriesOf(result: ParseResult): Entry[] {
  if (!result.ok) throw new Error(result.issues.map(formatIssue).join('\n'));
  return result.entries;
}

describe('short CSV (a spreadsheet’s term, expansion, definition)', () => {
  const csv = [
    'Term,Expansion,Definition',
    'ZPO,Zwaartepuntoverleg,Overleg over het zwaartepunt van de inzet.',
    '"Zwaartepunt\u00adoverleg (ZPO)",,"Het overleg, in het kort."',
    'NMI,NATO Mission Iraq,Een bekende missie.',
    'Rode kaart,,"Een regel\nover twee regels."',
  ].join('\r\n');

  it('makes own entries with ids from the terms, acronyms from capitals with an expansion', () => {
    const entries = entriesOf(importGlossary(csv, 'csv', CURATED_IDS));
    expect(entries.map((e) => [e.id, e.kind, e.category, e.own])).toEqual([
      ['zpo', 'acronym', 'concept', true],
      ['zwaartepuntoverleg-zpo', 'term', 'concept', true],
      // "nmi" is a curated entry: the own one gets the next free id.
      ['nmi-2', 'acronym', 'concept', true],
      ['rode-kaart', 'term', 'concept', true],
    ]);
    const [zpo, , , rode] = entries as [Entry, Entry, Entry, Entry];
    expect(zpo.acronym).toBe('ZPO');
    expect(zpo.nl).toEqual({
      term: 'Zwaartepuntoverleg',
      expansion: 'Zwaartepuntoverleg',
      definition: 'Overleg over het zwaartepunt van de inzet.',
    });
    expect(zpo.en).toEqual(zpo.nl);
    expect(zpo.sources).toEqual([]);
    // A line break typed in a spreadsheet cell becomes a space.
    expect(rode.nl).toEqual({ term: 'Rode kaart', definition: 'Een regel over twee regels.' });
    expect(rode.en).toEqual(rode.nl);
  });

  it('says the defaults it applied, for the preview', () => {
    const result = importGlossary(csv, 'csv', CURATED_IDS);
    expect(result.ok && result.notes?.map((note) => [note.code, note.values])).toEqual([
      ['shortCsv', ['Term, Expansion, Definition']],
      ['category', ['concept']],
      ['kinds', ['2', '2']],
      ['sameTerm', []],
      ['sameDefinition', []],
    ]);
    expect(result.ok && result.notes?.map((note) => note.text)).toContain(
      'the definition used for Dutch and English',
    );
  });

  it('reads the Dutch header, two columns, semicolons, and English columns where English differs', () => {
    const dutch = entriesOf(
      importGlossary(
        'term;uitleg;definitie\r\nCDS;Commandant der Strijdkrachten;De hoogste militair.',
        'csv',
      ),
    );
    expect(dutch[0]).toMatchObject({ id: 'cds', kind: 'acronym', acronym: 'CDS' });
    const two = entriesOf(importGlossary('TERM,DEFINITIE\nAOV,Algemeen overleg.\n', 'csv'));
    // No expansion: an acronym-like term stays a term.
    expect(two[0]).toMatchObject({
      id: 'aov',
      kind: 'term',
      nl: { term: 'AOV', definition: 'Algemeen overleg.' },
    });
    const english = importGlossary(
      'term,definition,en_term,en_definition\nRode kaart,Een weigering.,Red card,A refusal.\n',
      'csv',
    );
    expect(entriesOf(english)[0]?.en).toEqual({ term: 'Red card', definition: 'A refusal.' });
    expect(english.ok && english.notes?.map((note) => note.code)).toEqual(['shortCsv', 'category', 'kinds']);
  });

  it('makes ids unique within the file', () => {
    const entries = entriesOf(importGlossary('term,definition\nStrasse,Een.\nStraße,Twee.\n', 'csv'));
    expect(entries.map((e) => e.id)).toEqual(['strasse', 'strasse-2']);
  });

  it('names a term that two rows share by the row and the term column', () => {
    const result = importGlossary('term,definition\nRode kaart,Een.\nrode kaart,Twee.\n', 'csv');
    expect(!result.ok && result.issues.map(formatIssue)).toEqual([
      expect.stringMatching(
        /^row 3 \(rode kaart\), field "term": form "rode kaart" is also a form of "rode-kaart"/,
      ),
    ]);
  });

  it('a row naming one of the user’s own entries replaces it instead of adding a copy', () => {
    const [mine] = entriesOf(importGlossary('term,definition\nRode kaart,Oud.\n', 'csv'));
    const again = importGlossary(
      'term,definition\nrode kaart,Nieuw.\nGele kaart,Ook nieuw.\n',
      'csv',
      new Set([...CURATED_IDS, 'rode-kaart']),
      [mine as Entry],
    );
    expect(entriesOf(again).map((e) => e.id)).toEqual(['rode-kaart', 'gele-kaart']);
    expect(again.ok && again.notes?.at(-1)).toMatchObject({ code: 'replacesOwn', values: ['1'] });
  });

  it('names problems by the row, its term and the file’s column, once per cell', () => {
    const result = importGlossary(
      ['term,uitleg,definitie', 'ZPO,Zwaartepuntoverleg,', ',,Geen term.', `Lang,,${'x'.repeat(801)}`].join(
        '\n',
      ),
      'csv',
    );
    expect(!result.ok && result.issues.map(formatIssue)).toEqual([
      'row 2 (ZPO), field "definitie": must not be empty',
      'row 3, field "term": must not be empty',
      'row 4 (Lang), field "definitie": must be at most 800 characters',
    ]);
  });

  it('reports unknown, doubled and missing columns before any row', () => {
    const issues = (text: string) => {
      const result = importGlossary(text, 'csv');
      return result.ok ? [] : result.issues.map((issue) => issue.message);
    };
    expect(issues('term,definition,notes\nA,B,C\n')).toEqual([
      expect.stringMatching(/^unknown column\(s\): notes \(a short CSV has term, expansion, definition/),
    ]);
    expect(issues('term,definition,definitie\nA,B,C\n')).toEqual([
      'columns definition and definitie say the same; keep one',
    ]);
    expect(issues('term,expansion\nA,B\n')).toEqual(['missing column: definition (or definitie)']);
  });
});
