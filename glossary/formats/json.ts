import type { Entry, ParseResult } from '../schema';
import { describeRaw, validateEntries } from '../validate';
import { toPlain } from './plain';

export const JSON_FORMAT = 'begrip-glossary';

/** `{ format, version, entries }`, 2-space indented, fields in a stable order. */
export function exportJson(entries: readonly Entry[]): string {
  return `${JSON.stringify({ format: JSON_FORMAT, version: 1, entries: entries.map(toPlain) }, null, 2)}\n`;
}

/** Accepts the export format or a bare array of entries. */
export function importJson(text: string, knownIds?: ReadonlySet<string>): ParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      issues: [{ where: 'file', field: '', message: `is not valid JSON: ${(error as Error).message}` }],
    };
  }
  const raws = Array.isArray(data) ? data : (data as { entries?: unknown } | null)?.entries;
  if (!Array.isArray(raws)) {
    return {
      ok: false,
      issues: [
        {
          where: 'file',
          field: 'entries',
          message: 'must be an array of entries (or the file a bare array)',
        },
      ],
    };
  }
  return validateEntries(raws, (i, raw) => describeRaw('entry', i, raw), knownIds);
}
