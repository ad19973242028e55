/**
 * CSV (RFC 4180, UTF-8, CRLF, header row), one row per entry; parsed and written with papaparse.
 * List columns hold values separated by " | "; a form may carry its attributes in braces
 * ("0IR {deprecated}", "national framework {en, search-only}"); `sources`, `context` and `match`
 * hold JSON so nothing is lost. Cells that a spreadsheet would run as a formula (= + - @) are
 * written with a leading apostrophe, which import removes. Columns: docs/formats.md.
 */
import Papa from 'papaparse';
import type { Entry, ParseResult } from '../schema';
import { validateEntries } from '../validate';
import { FormSyntaxError, formsText, parseFormsText } from './forms-text';

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

class CellError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

const list = (cell: string) => (cell.trim() ? cell.split('|').map((s) => s.trim()) : []);
const optional = (cell: string) => (cell === '' ? undefined : cell);

function json(cell: string, field: string): unknown {
  if (cell.trim() === '') return undefined;
  try {
    return JSON.parse(cell);
  } catch {
    throw new CellError(field, 'is not valid JSON');
  }
}

/** A JSON array, or the forms syntax of forms-text.ts ("0IR {deprecated} | mandate {en, search-only}"). */
function cellForms(cell: string): unknown {
  if (cell.trim().startsWith('[')) return json(cell, 'forms');
  try {
    return parseFormsText(cell, '|');
  } catch (error) {
    if (error instanceof FormSyntaxError) throw new CellError('forms', error.message);
    throw error;
  }
}

function booleanCell(cell: string): boolean | undefined {
  if (cell === '') return undefined;
  if (cell === 'true' || cell === 'false') return cell === 'true';
  throw new CellError('own', 'must be "true", "false" or empty');
}

function rowToRaw(cells: Record<string, string>): Record<string, unknown> {
  const row = Object.fromEntries(
    Object.entries(cells).map(([key, cell]) => [key, unescapeFormula(cell ?? '')]),
  );
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
    forms: cellForms(row.forms ?? row.variants ?? ''),
    related: list(row.related ?? ''),
    sources: json(row.sources ?? '', 'sources') ?? [],
    context: json(row.context ?? '', 'context') ?? [],
    match: json(row.match ?? '', 'match'),
    own: booleanCell(row.own ?? ''),
  };
  for (const key of Object.keys(raw)) if (raw[key] === undefined) delete raw[key];
  for (const lang of ['nl', 'en'] as const) {
    const section = raw[lang] as Record<string, unknown>;
    if (section.expansion === undefined) delete section.expansion;
  }
  return raw;
}

export function importCsv(text: string, knownIds?: ReadonlySet<string>): ParseResult {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
  });
  const issues = parsed.errors.map((error) => ({
    where: error.row === undefined ? 'file' : `row ${error.row + 2}`,
    field: '',
    message: error.message,
  }));
  const missing = ['id', 'kind', 'category', 'nl_term', 'nl_definition', 'en_term', 'en_definition'].filter(
    (column) => !parsed.meta.fields?.includes(column),
  );
  if (missing.length)
    issues.push({ where: 'header', field: '', message: `missing column(s): ${missing.join(', ')}` });
  const unknown = (parsed.meta.fields ?? []).filter(
    (f) => !(CSV_COLUMNS as readonly string[]).includes(f) && !LEGACY_COLUMNS.includes(f),
  );
  if (unknown.length)
    issues.push({ where: 'header', field: '', message: `unknown column(s): ${unknown.join(', ')}` });
  if (issues.length) return { ok: false, issues };

  const raws: unknown[] = [];
  parsed.data.forEach((row, index) => {
    try {
      raws.push(rowToRaw(row));
    } catch (error) {
      if (!(error instanceof CellError)) throw error;
      issues.push({ where: `row ${index + 2}`, field: error.field, message: error.message });
      raws.push(null);
    }
  });
  if (issues.length) return { ok: false, issues };
  // Row numbers count the header as row 1, as spreadsheets do.
  return validateEntries(raws, (i, raw) => `row ${i + 2}${describeId(raw)}`, knownIds);
}

function describeId(raw: unknown): string {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id ? ` (${id})` : '';
}
