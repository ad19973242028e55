/**
 * The short CSV: a spreadsheet's own columns instead of the schema's. Header `term, expansion,
 * definition` (or the Dutch `term, uitleg, definitie`; the expansion may be left out; any case),
 * optionally `en_term`, `en_expansion`, `en_definition` where English differs. Every row becomes
 * an own entry with defaults, which the import preview states before anything is saved
 * (ImportNote): an id made from the term, kind "acronym" for a term in capitals with an
 * expansion (else "term"), category "concept", the same text for Dutch and English, no sources.
 * Documented in docs/formats.md.
 */
import { slugify, uniqueId } from '../ids';
import type { Category, Entry, ImportNote } from '../schema';
import type { ReadProblem } from '../validate';

/** One row read: the raw entry for the schema, what could not be read, and how to name it. */
export interface RowRead {
  raw: unknown;
  problems: ReadProblem[];
  /** Shown after the row number: "row 3 (ZPO)". */
  name: string;
  /** The file's column a schema field came from ("nl.definition" → "definitie"). */
  columnOf?: (field: string) => string | undefined;
}

type Role = 'term' | 'expansion' | 'definition' | 'enTerm' | 'enExpansion' | 'enDefinition';
const ROLES: Record<string, Role> = {
  term: 'term',
  begrip: 'term',
  expansion: 'expansion',
  uitleg: 'expansion',
  definition: 'definition',
  definitie: 'definition',
  en_term: 'enTerm',
  en_expansion: 'enExpansion',
  en_definition: 'enDefinition',
};
const roleOf = (column: string): Role | undefined => ROLES[column.trim().toLowerCase()];

/** The category of every short-CSV entry: the most general one. */
export const SHORT_CSV_CATEGORY: Category = 'concept';

/** All capitals or digits, 2 to 10 of them, at least one letter: "ZPO", "F35", "CDS". */
const ACRONYM = /^(?=.*\p{Lu})[\p{Lu}\d]{2,10}$/u;

/** A short header has a term column; the full format has nl_term and id instead. */
export function isShortHeader(fields: readonly string[]): boolean {
  return fields.some((field) => roleOf(field) === 'term') && !fields.includes('id');
}

function headerProblems(fields: readonly string[], columns: Map<Role, string>): string[] {
  const problems: string[] = [];
  const unknown = fields.filter((field) => roleOf(field) === undefined);
  if (unknown.length)
    problems.push(
      `unknown column(s): ${unknown.join(', ')} (a short CSV has term, expansion, definition — or term, uitleg, definitie — and optionally en_term, en_expansion, en_definition)`,
    );
  for (const role of new Set(fields.map(roleOf))) {
    const same = fields.filter((field) => role && roleOf(field) === role);
    if (same.length > 1) problems.push(`columns ${same.join(' and ')} say the same; keep one`);
  }
  if (!columns.has('definition')) problems.push('missing column: definition (or definitie)');
  return problems;
}

const fold = (text: string) => text.trim().toLowerCase();
const headword = (entry: Entry) => entry.acronym ?? entry.nl.term;

/**
 * Reads short rows one by one. Ids are unique in the file and against `knownIds`, except that a
 * row whose term is the headword of one of the user's `own` entries takes its id, so importing
 * an edited spreadsheet again replaces those entries (the preview shows which) instead of
 * adding copies.
 */
export function shortReader(fields: readonly string[], knownIds: ReadonlySet<string>, own: readonly Entry[]) {
  const columns = new Map<Role, string>();
  for (const field of fields) {
    const role = roleOf(field);
    if (role && !columns.has(role)) columns.set(role, field);
  }
  const taken = new Set(knownIds);
  /** Ids given to a row of this file. */
  const claimed = new Set<string>();
  const ownByTerm = new Map(own.map((entry) => [fold(headword(entry)), entry]));
  const counts = { acronym: 0, term: 0, replaced: 0 };

  const read = (row: Record<string, string>): RowRead => {
    // A spreadsheet cell may hold line breaks (Alt+Enter); an entry's texts are one line.
    const cell = (role: Role) => {
      const column = columns.get(role);
      return column === undefined ? '' : (row[column] ?? '').replace(/\s+/g, ' ').trim();
    };
    const term = cell('term');
    const expansion = cell('expansion');
    const enExpansion = cell('enExpansion') || expansion;
    const acronym = ACRONYM.test(term) && expansion !== '';
    counts[acronym ? 'acronym' : 'term']++;
    const mine = ownByTerm.get(fold(term));
    const replaces = mine !== undefined && !claimed.has(mine.id);
    const id = replaces ? mine.id : uniqueId(slugify(term), taken);
    if (replaces) counts.replaced++;
    taken.add(id);
    claimed.add(id);
    const raw = {
      id,
      kind: acronym ? 'acronym' : 'term',
      category: SHORT_CSV_CATEGORY,
      ...(acronym && { acronym: term }),
      nl: {
        term: acronym ? expansion : term,
        ...(expansion && { expansion }),
        definition: cell('definition'),
      },
      en: {
        term: cell('enTerm') || (acronym ? enExpansion : term),
        ...(enExpansion && { expansion: enExpansion }),
        definition: cell('enDefinition') || cell('definition'),
      },
      own: true,
    };
    // Problems are named by the file's columns: "field "definitie"", not "nl.definition".
    const enExpansionRole: Role = cell('enExpansion') ? 'enExpansion' : 'expansion';
    const from: Record<string, Role> = {
      id: 'term',
      // The whole-glossary check names a form that two entries claim under "variants".
      variants: 'term',
      acronym: 'term',
      'nl.term': acronym ? 'expansion' : 'term',
      'nl.expansion': 'expansion',
      'nl.definition': 'definition',
      'en.term': cell('enTerm') ? 'enTerm' : acronym ? enExpansionRole : 'term',
      'en.expansion': enExpansionRole,
      'en.definition': cell('enDefinition') ? 'enDefinition' : 'definition',
    };
    const columnOf = (field: string) => {
      const role = from[field];
      return role && (columns.get(role) ?? role);
    };
    return { raw, problems: [], name: term, columnOf };
  };

  const notes = (): ImportNote[] => {
    const header = fields.join(', ');
    const list: ImportNote[] = [
      { code: 'shortCsv', values: [header], text: `short CSV (${header}): ids made from the terms` },
      {
        code: 'category',
        values: [SHORT_CSV_CATEGORY],
        text: `category "${SHORT_CSV_CATEGORY}" for all rows`,
      },
      {
        code: 'kinds',
        values: [String(counts.acronym), String(counts.term)],
        text: `kind "acronym" for ${counts.acronym} row(s) whose term is in capitals with an expansion, "term" for ${counts.term}`,
      },
    ];
    if (!columns.has('enTerm'))
      list.push({ code: 'sameTerm', values: [], text: 'the term and expansion used for Dutch and English' });
    if (!columns.has('enDefinition'))
      list.push({ code: 'sameDefinition', values: [], text: 'the definition used for Dutch and English' });
    if (counts.replaced)
      list.push({
        code: 'replacesOwn',
        values: [String(counts.replaced)],
        text: `${counts.replaced} row(s) name one of your own entries and replace it`,
      });
    return list;
  };

  return { headerIssues: headerProblems(fields, columns), read, notes };
}
