/**
 * The history's exports (issue 17): CSV (papaparse, formula-safe, like the annex) and a text file
 * that Anki imports, one note per entry.
 */
import Papa from 'papaparse';
import { shortDefinition } from './annex';
import { equivalentOf, hostOf, type Lookup, localDate, localDateTime } from './history';
import type { Entry } from './schema';

export const HISTORY_CSV_COLUMNS = (language: 'en' | 'nl') =>
  [
    'date',
    'term',
    'expansion',
    `equivalent_${language}`,
    `definition_${language}`,
    'how',
    'title',
    'url',
  ] as const;

/**
 * The history as CSV, one row per lookup, newest first: its local date and time, the term seen,
 * the acronym's expansion, the entry's term and short definition in `language`, how it was
 * looked up and the page. Lookups of entries that no longer exist (an own entry deleted) keep
 * their row, with what the history itself knows. Formula-like fields are escaped (a page titled
 * "=HYPERLINK(…)" stays text in a spreadsheet).
 */
export function historyToCsv(
  lookups: readonly Lookup[],
  entries: ReadonlyMap<string, Entry>,
  language: 'en' | 'nl',
): string {
  const data = lookups.map((lookup) => {
    const entry = entries.get(lookup.entryId);
    const section = entry?.[language];
    return [
      localDateTime(new Date(lookup.at)),
      lookup.term,
      (entry?.acronym && section?.expansion) ?? '',
      section?.term ?? '',
      section ? shortDefinition(section.definition) : '',
      lookup.how,
      lookup.title,
      lookup.url,
    ];
  });
  return Papa.unparse(
    { fields: [...HISTORY_CSV_COLUMNS(language)], data },
    { escapeFormulae: true, newline: '\r\n' },
  );
}

/**
 * Anki's text-import headers (Anki 2.1.55+, "Importing → Text Files → File Headers" in its
 * manual): tab-separated, fields as HTML, three columns with the tags in the third. The first
 * field is the note's key, so importing a newer export updates the notes instead of doubling them.
 */
const ANKI_HEADERS = [
  '#separator:tab',
  '#html:true',
  '#notetype:Basic',
  '#deck:Begrip',
  '#columns:Front\tBack\tTags',
  '#tags column:3',
];
/** The pages named on a card's back, most recent first. */
const ANKI_PAGES = 3;

/**
 * A field as Anki reads it with #html:true: the text on one line, with & < > " as entities, so
 * neither a tab nor a line break nor a quote can break the row, and a page title cannot add markup.
 */
const ankiText = (text: string) =>
  text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

/** The Dutch term a card asks for, with an acronym's Dutch expansion. */
function ankiFront(entry: Entry): string {
  const expansion = entry.acronym ? entry.nl.expansion : undefined;
  const front = entry.acronym ?? entry.nl.term;
  return ankiText(expansion && expansion !== front ? `${front} (${expansion})` : front);
}

/** The English equivalent, the short English definition, and where the term was met. */
function ankiBack(entry: Entry, seen: readonly Lookup[], seenIn: string): string {
  const pages = [...new Set(seen.map((lookup) => lookup.title || hostOf(lookup.url)).filter(Boolean))];
  const where = pages.slice(0, ANKI_PAGES).map(ankiText).join('; ');
  return [
    `<b>${ankiText(equivalentOf(entry, 'en'))}</b>`,
    ankiText(shortDefinition(entry.en.definition)),
    ...(where ? [`<small>${ankiText(seenIn)}: ${where}</small>`] : []),
  ].join('<br>');
}

export interface AnkiLabels {
  /** Before the pages a term was met on: "Seen in". */
  seenIn: string;
}

/**
 * The looked-up entries as notes for Anki, one per entry (not per lookup), most recently looked
 * up first: the Dutch term on the front, the English equivalent and short definition on the back
 * with the pages it was met on, tagged `begrip` and `begrip::<category>`. Lookups of entries that
 * no longer exist are left out: there is nothing to learn from them.
 */
export function historyToAnkiTsv(
  lookups: readonly Lookup[],
  entries: ReadonlyMap<string, Entry>,
  labels: AnkiLabels,
): string {
  const seen = new Map<string, Lookup[]>();
  for (const lookup of lookups) {
    if (!entries.has(lookup.entryId)) continue;
    const list = seen.get(lookup.entryId);
    if (list) list.push(lookup);
    else seen.set(lookup.entryId, [lookup]);
  }
  const notes = [...seen].map(([id, lookupsOfEntry]) => {
    const entry = entries.get(id) as Entry;
    const tags = `begrip begrip::${entry.category.replace(/[^\w-]/g, '')}`;
    return [ankiFront(entry), ankiBack(entry, lookupsOfEntry, labels.seenIn), tags].join('\t');
  });
  return `${[...ANKI_HEADERS, ...notes].join('\n')}\n`;
}

export const HISTORY_FORMATS = {
  csv: { extension: 'csv', type: 'text/csv' },
  anki: { extension: 'txt', type: 'text/tab-separated-values' },
} as const;
export type HistoryFormat = keyof typeof HISTORY_FORMATS;

/** "begrip-history-2026-11-30.csv", "begrip-history-anki-2026-11-30.txt". */
export function historyFileName(format: HistoryFormat, now = new Date()): string {
  const name = format === 'anki' ? 'begrip-history-anki' : 'begrip-history';
  return `${name}-${localDate(now)}.${HISTORY_FORMATS[format].extension}`;
}
