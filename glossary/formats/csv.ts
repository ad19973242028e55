/**
 * CSV (RFC 4180, UTF-8, CRLF, header row), one row per entry; parsed and written with papaparse.
 * List columns hold values separated by " | "; a form may carry its attributes in braces
 * ("0IR {deprecated}", "national framework {en, search-only}"); `sources`, `context` and `match`
 * hold JSON so nothing is lost. Cells that a spreadsheet would run as a formula (= + - @) are
 * written with a leading apostrophe, which import removes. Columns: docs/formats.md. Import also
 * reads the short CSV of a spreadsheet (term, expansion, definition): short-csv.ts.
 */
import Papa from 'papaparse';
import { type Entry, formatIssue, type ParseResult, type ValidationIssue } from '../schema';
import { type ReadProblem, validateEntries } from '../validate';
import { FormSyntaxError, formsText, parseFormsText } from './forms-text';
import { isShortHeader, type RowRead, shortReader } from './short-csv';

export const CSV_COLUMNS = [
  'id',
  'kind',
  'category',
  'acronym',
  'scope_country',
  'scope_organisation',
  'nl_term',
  'nl_expansion',
  'nl_definition',
  'en_term',
  'en_expansion',
  'en_definition',
  'forms',
  'related',
  'sources',
  'context',
  'match',
  'own',
] as const;
type Column = (typeof CSV_COLUMNS)[number];
/** Begrip 0.1 exports had `variants` (a plain list) where `forms` is now. */
const LEGACY_COLUMNS = ['variants'];

const LIST_SEPARATOR = ' | ';

export function exportCsv(entries: readonly Entry[]): string {
  const rows = entries.map(
    (e): Record<Column, string> => ({
      id: e.id,
      kind: e.kind,
      category: e.category,
      acronym: e.acronym ?? '',
      scope_country: e.scope?.country ?? '',
      scope_organisation: e.scope?.organisation ?? '',
      nl_term: e.nl.term,
      nl_expansion: e.nl.expansion ?? '',
      nl_definition: e.nl.definition,
      en_term: e.en.term,
      en_expansion: e.en.expansion ?? '',
      en_definition: e.en.definition,
      forms: formsText(e.forms, LIST_SEPARATOR),
      related: e.related.join(LIST_SEPARATOR),
      sources: e.sources.length ? JSON.stringify(e.sources) : '',
      context: e.context.length ? JSON.stringify(e.context) : '',
      match: e.match ? JSON.stringify(e.match) : '',
      own: e.own === undefined ? '' : String(e.own),
    }),
  );
  return `${Papa.unparse({ fields: [...CSV_COLUMNS], data: rows.map((r) => CSV_COLUMNS.map((c) => r[c])) }, { newline: '\r\n', quotes: false, escapeFormulae: true })}\r\n`;
}

/** papaparse's escapeFormulae writes "'=..." for formula-like cells: read them back as written. */
const unescapeFormula = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

const list = (cell: string) => (cell.trim() ? cell.split('|').map((s) => s.trim()) : []);
const optional = (cell: string) => (cell === '' ? undefined : cell);

/** The parsed cell, or undefined (the cell left out) with the problem noted. */
function json(cell: string, field: string, problems: ReadProblem[]): unknown {
  if (cell.trim() === '') return undefined;
  try {
    return JSON.parse(cell);
  } catch {
    problems.push({ field, message: 'is not valid JSON' });
    return undefined;
  }
}

/** A JSON array, or the forms syntax of forms-text.ts ("0IR {deprecated} | mandate {en, search-only}"). */
function cellForms(cell: string, problems: ReadProblem[]): unknown {
  if (cell.trim().startsWith('[')) return json(cell, 'forms', problems);
  try {
    return parseFormsText(cell, '|');
  } catch (error) {
    if (!(error instanceof FormSyntaxError)) throw error;
    problems.push({ field: 'forms', message: error.message });
    return undefined;
  }
}

function booleanCell(cell: string, problems: ReadProblem[]): boolean | undefined {
  if (cell === '' || cell === 'true' || cell === 'false') return cell === '' ? undefined : cell === 'true';
  problems.push({ field: 'own', message: 'must be "true", "false" or empty' });
  return undefined;
}

/** One row of the full format; a cell that cannot be read is left out and noted, the rest kept. */
function rowToRaw(row: Record<string, string>): RowRead {
  const problems: ReadProblem[] = [];
  const scope = {
    ...(row.scope_country ? { country: row.scope_country } : {}),
    ...(row.scope_organisation ? { organisation: row.scope_organisation } : {}),
  };
  const raw: Record<string, unknown> = {
    id: row.id,
    kind: row.kind,
    category: row.category,
    acronym: optional(row.acronym ?? ''),
    scope: Object.keys(scope).length ? scope : undefined,
    nl: { term: row.nl_term, expansion: optional(row.nl_expansion ?? ''), definition: row.nl_definition },
    en: { term: row.en_term, expansion: optional(row.en_expansion ?? ''), definition: row.en_definition },
    forms: cellForms(row.forms ?? row.variants ?? '', problems),
    related: list(row.related ?? ''),
    sources: json(row.sources ?? '', 'sources', problems),
    context: json(row.context ?? '', 'context', problems),
    match: json(row.match ?? '', 'match', problems),
    own: booleanCell(row.own ?? '', problems),
  };
  for (const key of Object.keys(raw)) if (raw[key] === undefined) delete raw[key];
  for (const lang of ['nl', 'en'] as const) {
    const section = raw[lang] as Record<string, unknown>;
    if (section.expansion === undefined) delete section.expansion;
  }
  return { raw, problems, name: typeof row.id === 'string' ? row.id : '' };
}

const REQUIRED_COLUMNS = ['id', 'kind', 'category', 'nl_term', 'nl_definition', 'en_term', 'en_definition'];

function fullHeaderIssues(fields: readonly string[]): string[] {
  const missing = REQUIRED_COLUMNS.filter((column) => !fields.includes(column));
  const unknown = fields.filter(
    (f) => !(CSV_COLUMNS as readonly string[]).includes(f) && !LEGACY_COLUMNS.includes(f),
  );
  return [
    ...(missing.length ? [`missing column(s): ${missing.join(', ')}`] : []),
    ...(unknown.length ? [`unknown column(s): ${unknown.join(', ')}`] : []),
  ];
}

/**
 * The full format (docs/formats.md), or the short one of a spreadsheet (short-csv.ts: a `term`
 * column, no `id`). `own` are the user's own entries: a short row naming one replaces it.
 */
export function importCsv(
  text: string,
  knownIds: ReadonlySet<string> = new Set(),
  own: readonly Entry[] = [],
): ParseResult {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
  });
  const fields = parsed.meta.fields ?? [];
  const short = isShortHeader(fields) ? shortReader(fields, knownIds, own) : undefined;
  const header = short ? short.headerIssues : fullHeaderIssues(fields);
  // Without its columns (or with a broken file) no row can be read: say that first.
  const issues: ValidationIssue[] = [
    ...parsed.errors
      .filter((error) => error.row === undefined)
      .map((error) => ({ where: 'file', field: '', message: error.message })),
    ...header.map((message) => ({ where: 'header', field: '', message })),
  ];
  if (issues.length) return { ok: false, issues };
  const result = validateRows(parsed, short?.read ?? rowToRaw, knownIds);
  return result.ok && short ? { ...result, notes: short.notes() } : result;
}

/**
 * Every row at once: rows papaparse could not split are reported as such, all others go through
 * the schema, with their unreadable cells left out (and reported once, as the cell's problem).
 */
function validateRows(
  parsed: Papa.ParseResult<Record<string, string>>,
  read: (row: Record<string, string>) => RowRead,
  knownIds: ReadonlySet<string>,
): ParseResult {
  const broken = new Map<number, string>();
  for (const error of parsed.errors) if (error.row !== undefined) broken.set(error.row, error.message);
  const rows: { number: number; read: RowRead }[] = [];
  parsed.data.forEach((cells, index) => {
    if (broken.has(index)) return;
    const row = Object.fromEntries(
      Object.entries(cells).map(([key, cell]) => [
        key,
        unescapeFormula(typeof cell === 'string' ? cell : ''),
      ]),
    );
    // Row numbers count the header as row 1, as spreadsheets do.
    rows.push({ number: index + 2, read: read(row) });
  });
  const where = (i: number) => {
    const row = rows[i] as (typeof rows)[number];
    return `row ${row.number}${row.read.name ? ` (${row.read.name})` : ''}`;
  };
  const result = validateEntries(
    rows.map((row) => row.read.raw),
    where,
    knownIds,
    rows.map((row) => row.read.problems),
  );
  const brokenIssues = [...broken].map(([index, message]) => ({
    where: `row ${index + 2}`,
    field: '',
    message,
  }));
  if (result.ok && brokenIssues.length === 0) return result;
  const issues = inRowTerms(
    [...brokenIssues, ...(result.ok ? [] : result.issues)],
    rows.map((row) => row.read),
    where,
  );
  return { ok: false, issues: sortByRow(issues) };
}

/**
 * Issues as the file's reader sees them: whole-glossary problems ("entry zpo: form … is also a
 * form of …") named by their row (unless two rows share the id), fields by the file's column
 * (short CSV), each problem once (one short cell can feed a Dutch and an English field).
 */
function inRowTerms(
  issues: readonly ValidationIssue[],
  reads: readonly RowRead[],
  where: (i: number) => string,
): ValidationIssue[] {
  const rowOfId = new Map<unknown, number | null>();
  reads.forEach((read, i) => {
    const id = (read.raw as { id?: unknown }).id;
    rowOfId.set(id, rowOfId.has(id) ? null : i);
  });
  const byWhere = new Map(reads.map((read, i) => [where(i), read]));
  const seen = new Set<string>();
  return issues
    .map((issue) => {
      const i = issue.where.startsWith('entry ') ? rowOfId.get(issue.where.slice(6)) : undefined;
      return typeof i === 'number' ? { ...issue, where: where(i) } : issue;
    })
    .map((issue) => {
      const column = byWhere.get(issue.where)?.columnOf?.(issue.field);
      return column === undefined ? issue : { ...issue, field: column };
    })
    .filter((issue) => {
      const key = formatIssue(issue);
      return !seen.has(key) && seen.add(key);
    });
}

const rowOf = (issue: ValidationIssue) =>
  Number(/^row (\d+)/.exec(issue.where)?.[1] ?? Number.MAX_SAFE_INTEGER);
/** Issues in row order (a stable sort: within a row, in the order found); whole-file ones last. */
const sortByRow = (issues: ValidationIssue[]) => issues.sort((a, b) => rowOf(a) - rowOf(b));
