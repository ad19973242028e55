import type { Entry, ParseResult } from '../schema';
import { exportCsv, importCsv } from './csv';
import { exportJson, importJson } from './json';
import { exportTbx, importTbx } from './tbx';

export const FORMATS = ['tbx', 'csv', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export function exportGlossary(entries: readonly Entry[], format: Format): string {
  if (format === 'tbx') return exportTbx(entries);
  if (format === 'csv') return exportCsv(entries);
  return exportJson(entries);
}

/** The format of a file by its name, else by its first characters. */
export function detectFormat(fileName: string, text: string): Format {
  const extension = fileName.toLowerCase().split('.').pop();
  if (extension === 'tbx' || extension === 'xml') return 'tbx';
  if (extension === 'csv') return 'csv';
  if (extension === 'json') return 'json';
  const start = text.trimStart();
  if (start.startsWith('<')) return 'tbx';
  if (start.startsWith('{') || start.startsWith('[')) return 'json';
  return 'csv';
}

/**
 * Parse and validate a whole file: all entries or none, with every issue of the file, each naming
 * its row/entry and field. `knownIds` are ids that exist besides the file's (related ids may point
 * at them; the short CSV makes its ids unique against them); `own` are the user's own entries
 * (a short CSV row naming one replaces it). On success, `notes` list the defaults applied (short
 * CSV), to be shown before anything is saved.
 */
export function importGlossary(
  text: string,
  format: Format,
  knownIds?: ReadonlySet<string>,
  own?: readonly Entry[],
): ParseResult {
  if (format === 'tbx') return importTbx(text, knownIds);
  if (format === 'csv') return importCsv(text, knownIds, own);
  return importJson(text, knownIds);
}
