/**
 * The document's glossary, ready to use (issue 17): the terms of one page or PDF, in the order
 * they first appear, as an annex for a cable, an article or a paper: Markdown (a table under the
 * page's title, URL and date), CSV (papaparse, formula-safe) and TBX (formats/tbx.ts, entries in
 * that order). Each term has its expansion, a short definition in the chosen language(s), the
 * sentence it first appears in, and the entry's sources.
 *
 * Acronyms the page defines itself (ids "page:ACRONYM") come in with the page's own expansion and
 * the page as their source: they are part of what the reader met, and their expansion is all the
 * page says of them.
 */
import Papa from 'papaparse';
import { PAGE_ID_PREFIX } from './abbreviations';
import { exportTbx } from './formats/tbx';
import { entryName, nameIn } from './names';
import type { Entry, Source } from './schema';
import { formKey } from './text';

export type AnnexLanguage = 'en' | 'nl' | 'both';

/** An entry's first occurrence: its id and the sentence around it. */
export interface Occurrence {
  id: string;
  sentence: string;
}

export interface AnnexPage {
  title: string;
  url: string;
  /** YYYY-MM-DD. */
  date: string;
  /** The language of the page's text, and so of the context sentences; Dutch when unknown. */
  lang?: 'nl' | 'en';
}

export interface AnnexInput {
  /** In order of first appearance, one per entry. */
  occurrences: readonly Occurrence[];
  /** The glossary's entries by id (curated and own). */
  entries: ReadonlyMap<string, Entry>;
  /** The page's expansions of the acronyms it defines itself, by "page:" id. */
  pageDefined?: Readonly<Record<string, string>>;
  language: AnnexLanguage;
  page: AnnexPage;
}

export interface AnnexRow {
  entry: Entry;
  term: string;
  expansion: string;
  definitionEn: string;
  definitionNl: string;
  context: string;
  sources: string;
}

export const ANNEX_CSV_COLUMNS = [
  'term',
  'expansion',
  'definition_en',
  'definition_nl',
  'context',
  'sources',
] as const;

const SENTENCE_MAX = 200;
const SENTENCE_END = /[.?!…]/;

/**
 * The sentence of `text` around [start, end): from just after the last . ? ! (followed by a
 * space) before it to the next one after it, at most ~SENTENCE_MAX characters either side
 * (cut at a word, marked …), white space collapsed.
 */
export function sentenceAround(text: string, start: number, end: number, max = SENTENCE_MAX): string {
  let from = Math.max(0, start - max);
  let cutBefore = from > 0;
  for (let i = start - 1; i >= from; i--) {
    if (SENTENCE_END.test(text[i] as string) && /\s/.test(text[i + 1] ?? '')) {
      from = i + 1;
      cutBefore = false;
      break;
    }
  }
  let to = Math.min(text.length, end + max);
  let cutAfter = to < text.length;
  for (let i = end; i < to; i++) {
    if (SENTENCE_END.test(text[i] as string) && (i + 1 === text.length || /\s/.test(text[i + 1] as string))) {
      to = i + 1;
      cutAfter = false;
      break;
    }
  }
  let sentence = text.slice(from, to);
  if (cutBefore) sentence = sentence.replace(/^\S*\s/, '');
  if (cutAfter) sentence = sentence.replace(/\s\S*$/, '');
  sentence = sentence.replace(/\s+/g, ' ').trim();
  return `${cutBefore ? '…' : ''}${sentence}${cutAfter ? '…' : ''}`;
}

/** The first occurrence of each id, in order, over texts in document order. */
export function firstOccurrences(
  texts: readonly string[],
  annotate: (text: string) => readonly { id: string; start: number; end: number }[],
): Occurrence[] {
  const seen = new Set<string>();
  const found: Occurrence[] = [];
  for (const text of texts) {
    const terms = [...annotate(text)].sort((a, b) => a.start - b.start);
    for (const { id, start, end } of terms) {
      if (seen.has(id)) continue;
      seen.add(id);
      found.push({ id, sentence: sentenceAround(text, start, end) });
    }
  }
  return found;
}

/** A definition's first sentence (the short definition an annex or the history's export wants). */
export const shortDefinition = (definition: string) =>
  sentenceAround(definition, 0, 0, 300).replace(/^…/, '');

function sourceText(source: Source): string {
  const name = source.kamerstuk
    ? `Kamerstuk ${source.kamerstuk}`
    : (source.title ?? source.url ?? source.corpus ?? source.seed ?? '');
  const date = source.date ? ` (${source.date})` : '';
  const url = source.url && source.url !== name ? ` ${source.url}` : '';
  return `${name}${date}${url}`;
}

/** A page-defined acronym as an entry, so that every format handles it the same way. */
function pageEntry(id: string, expansion: string, page: AnnexPage): Entry {
  const acronym = id.slice(PAGE_ID_PREFIX.length);
  const section = { term: acronym, expansion, definition: expansion };
  const source = page.url.startsWith('https://')
    ? { url: page.url, title: page.title }
    : { title: page.title };
  return {
    id: `page-${acronym.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
    kind: 'acronym',
    category: 'concept',
    acronym,
    nl: section,
    en: section,
    forms: [],
    context: [],
    related: [],
    sources: [source],
  };
}

function expansionOf(entry: Entry, language: AnnexLanguage): string {
  const { nl, en } = entry;
  if (entry.kind === 'acronym') {
    // What the letters stand for, and the English name where that is not it: a Dutch acronym's
    // expansion is Dutch in both sections ("Commandant der Strijdkrachten / Chief of Defence").
    if (language === 'en') return entryName(entry, 'en');
    if (language === 'nl') return nl.expansion ?? '';
    const names = [nl.expansion, en.expansion, nameIn(entry, 'en')].filter((x): x is string => !!x);
    return names
      .filter((name, i) => names.findIndex((other) => formKey(other) === formKey(name)) === i)
      .join(' / ');
  }
  // A term's "expansion" is its English name, when the annex is in English and it differs.
  return language !== 'nl' && en.term !== nl.term ? en.term : '';
}

/** The annex's rows, in the order of `occurrences`; ids with neither entry nor page expansion are left out. */
export function annexRows({
  occurrences,
  entries,
  pageDefined = {},
  language,
  page,
}: AnnexInput): AnnexRow[] {
  const rows: AnnexRow[] = [];
  for (const { id, sentence } of occurrences) {
    const defined = pageDefined[id];
    const entry = entries.get(id) ?? (defined ? pageEntry(id, defined, page) : undefined);
    if (!entry) continue;
    rows.push({
      entry,
      term: entry.acronym ?? entry.nl.term,
      expansion: expansionOf(entry, language),
      definitionEn: language === 'nl' ? '' : shortDefinition(entry.en.definition),
      definitionNl: language === 'en' ? '' : shortDefinition(entry.nl.definition),
      context: sentence,
      sources: entry.sources.map(sourceText).join('; '),
    });
  }
  return rows;
}

/** A Markdown table cell: one line, no column breaks. */
const cell = (value: string) =>
  value.replace(/\s+/g, ' ').replace(/\\/g, '\\\\').replace(/\|/g, '\\|').trim();

export function annexMarkdown(input: AnnexInput): string {
  const rows = annexRows(input);
  const { page, language } = input;
  const definitions: [string, (row: AnnexRow) => string][] =
    language === 'both'
      ? [
          ['Definition (EN)', (r) => r.definitionEn],
          ['Definitie (NL)', (r) => r.definitionNl],
        ]
      : language === 'nl'
        ? [['Definitie', (r) => r.definitionNl]]
        : [['Definition', (r) => r.definitionEn]];
  const columns: [string, (row: AnnexRow) => string][] = [
    ['Term', (r) => `**${cell(r.term)}**`],
    ['Expansion', (r) => cell(r.expansion)],
    ...definitions.map(([name, read]): [string, (row: AnnexRow) => string] => [name, (r) => cell(read(r))]),
    ['Context', (r) => (r.context ? `“${cell(r.context)}”` : '')],
    ['Sources', (r) => cell(r.sources)],
  ];
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    `# Glossary: ${page.title || page.url}`,
    '',
    `${page.url} — ${page.date}`,
    '',
    line(columns.map(([name]) => name)),
    line(columns.map(() => '---')),
    ...rows.map((row) => line(columns.map(([, read]) => read(row)))),
    '',
    'Source: Begrip glossary, with the entry’s sources.',
    '',
  ].join('\n');
}

export function annexCsv(input: AnnexInput): string {
  const rows = annexRows(input).map((r) => [
    r.term,
    r.expansion,
    r.definitionEn,
    r.definitionNl,
    r.context,
    r.sources,
  ]);
  return Papa.unparse(
    { fields: [...ANNEX_CSV_COLUMNS], data: rows },
    { escapeFormulae: true, newline: '\r\n' },
  );
}

/**
 * TBX of the entries in order of appearance, each with the sentence it was met in (at term level,
 * in the page's language) and the page as that sentence's source.
 */
export function annexTbx(input: AnnexInput): string {
  const rows = annexRows(input);
  const { page } = input;
  const source = [page.title, page.url, page.date].filter(Boolean).join(', ');
  const contexts = new Map(
    rows.map((row) => [row.entry.id, { sentence: row.context, lang: page.lang ?? 'nl', source }] as const),
  );
  return exportTbx(
    rows.map((row) => row.entry),
    contexts,
  );
}

export const ANNEX_FORMATS = {
  markdown: { extension: 'md', type: 'text/markdown', write: annexMarkdown },
  csv: { extension: 'csv', type: 'text/csv', write: annexCsv },
  tbx: { extension: 'tbx', type: 'application/x-tbx+xml', write: annexTbx },
} as const;
export type AnnexFormat = keyof typeof ANNEX_FORMATS;

/** A file name from the page's title: "glossary-voortgangsrapportage-irak.md". */
export function annexFileName(page: AnnexPage, format: AnnexFormat): string {
  const slug = (page.title || 'page')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return `glossary-${slug || 'page'}.${ANNEX_FORMATS[format].extension}`;
}
