/**
 * CSV (RFC 4180, UTF-8, CRLF, header row), one row per entry; parsed and written with papaparse.
 * List columns hold values separated by " | "; `sources` and `match` hold JSON so nothing is lost.
 * Columns are documented in docs/formats.md.
 */
import Papa from 'papaparse';
import type { Entry, ParseResult } from '../schema';
import { validateEntries } from '../validate';

export const CSV_COLUMNS = [
  'id',
  'kind',
  'category',
  'acronym',
  'nl_term',
  'nl_expansion',
  'nl_definition',
  'en_term',
  'en_expansion',
  'en_definition',
  'variants',
  'related',
  'sources',
  'match',
  'own',
] as const;
type Column = (typeof CSV_COLUMNS)[number];

const LIST_SEPARATOR = ' | ';

export function exportCsv(entries: readonly Entry[]): string {
  const rows = entries.map(
    (e): Record<Column, string> => ({
      id: e.id,
      kind: e.kind,
      category: e.category,
      acronym: e.acronym ?? '',
      nl_term: e.nl.term,
      nl_expansion: e.nl.expansion ?? '',
      nl_definition: e.nl.definition,
      en_term: e.en.term,
      en_expansion: e.en.expansion ?? '',
      en_definition: e.en.definition,
      variants: e.variants.join(LIST_SEPARATOR),
      related: e.related.join(LIST_SEPARATOR),
      sources: e.sources.length ? JSON.stringify(e.sources) : '',
      match: e.match ? JSON.stringify(e.match) : '',
      own: e.own === undefined ? '' : String(e.own),
    }),
  );
  return `${Papa.unparse({ fields: [...CSV_COLUMNS], data: rows.map((r) => CSV_COLUMNS.map((c) => r[c])) }, { newline: '\r\n', quotes: false })}\r\n`;
}

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

function booleanCell(cell: string): boolean | undefined {
  if (cell === '') return undefined;
  if (cell === 'true' || cell === 'false') return cell === 'true';
  throw new CellError('own', 'must be "true", "false" or empty');
}

function rowToRaw(row: Record<string, string>): Record<string, unknown> {
  const raw: Record<string, unknown> = {
    id: row.id,
    kind: row.kind,
    category: row.category,
    acronym: optional(row.acronym ?? ''),
    nl: { term: row.nl_term, expansion: optional(row.nl_expansion ?? ''), definition: row.nl_definition },
    en: { term: row.en_term, expansion: optional(row.en_expansion ?? ''), definition: row.en_definition },
    variants: list(row.variants ?? ''),
    related: list(row.related ?? ''),
    sources: json(row.sources ?? '', 'sources') ?? [],
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
  const unknown = (parsed.meta.fields ?? []).filter((f) => !(CSV_COLUMNS as readonly string[]).includes(f));
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
