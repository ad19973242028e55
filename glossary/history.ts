/**
 * The reader's history of lookups (issue 17): which terms were looked up, how, on which page and
 * when; kept on the device and searched in the popup with the glossary's one search. Exported by
 * history-export.ts. Pure: the background stores it (utils/history.ts), the popup and options
 * show it. No dependencies beyond the glossary's text helpers: the message guards that the content
 * script bundles name LOOKUP_WAYS.
 */
import type { Entry } from './schema';
import type { SearchHit } from './search';
import { fold } from './text';

/** How a term was looked up: a gesture on a web page, the popup's search, or Begrip's reader. */
export const LOOKUP_WAYS = ['hover', 'tap', 'keyboard', 'search', 'reader'] as const;
export type LookupWay = (typeof LOOKUP_WAYS)[number];

export interface Lookup {
  entryId: string;
  /** The form the reader saw ("artikel 100-brieven"), or the entry's own term. */
  term: string;
  how: LookupWay;
  /** The page's title (a PDF's name in the reader); may be empty. */
  title: string;
  /** The page's address without its #fragment; empty for a local file or pasted text. */
  url: string;
  /** ISO 8601 date-time (UTC). */
  at: string;
}

/**
 * The most lookups kept, the oldest dropped first. A record is about 250 bytes as JSON, so a
 * full history is about 250 kB of the 10 MB storage.local gives an extension, and the whole list
 * is rewritten on each lookup in a few milliseconds; a thousand lookups, repeats on the same page
 * counted once, are months of reading for someone who looks up a few dozen terms a day.
 */
export const HISTORY_CAP = 1_000;
/** Looking the same entry up again on the same page within this time is the same lookup. */
export const SAME_VISIT_MS = 30 * 60_000;
export const MAX_TERM_LENGTH = 160;
export const MAX_TITLE_LENGTH = 300;
export const MAX_URL_LENGTH = 2_048;

const oneLine = (text: string, max: number) => text.replace(/\s+/g, ' ').trim().slice(0, max);

/** An address as the history keeps it: http(s) only, without its #fragment; anything else is ''. */
export function historyUrl(url: string): string {
  if (!/^https?:\/\//i.test(url) || url.length > MAX_URL_LENGTH) return '';
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}

/** The page a lookup was made on: its address, or its title where it has none (a local file). */
const pageKey = (lookup: Pick<Lookup, 'url' | 'title'>) =>
  lookup.url ? `url:${lookup.url}` : `title:${lookup.title}`;

export interface RecordOptions {
  cap?: number;
  now?: Date;
}

/**
 * The history with `lookup` added, newest first. The same entry on the same page within
 * SAME_VISIT_MS is one lookup: moved to the top with the new time, not listed twice. Trimmed to
 * `cap`.
 */
export function recordLookup(
  list: readonly Lookup[],
  lookup: Omit<Lookup, 'at'>,
  { cap = HISTORY_CAP, now = new Date() }: RecordOptions = {},
): Lookup[] {
  const record: Lookup = {
    entryId: lookup.entryId,
    term: oneLine(lookup.term, MAX_TERM_LENGTH),
    how: lookup.how,
    title: oneLine(lookup.title, MAX_TITLE_LENGTH),
    url: historyUrl(lookup.url),
    at: now.toISOString(),
  };
  const page = pageKey(record);
  const since = now.getTime() - SAME_VISIT_MS;
  const sameVisit = (old: Lookup) =>
    old.entryId === record.entryId && pageKey(old) === page && Date.parse(old.at) >= since;
  return [record, ...list.filter((old) => !sameVisit(old))].slice(0, Math.max(0, cap));
}

const isText = (value: unknown, max: number): value is string =>
  typeof value === 'string' && value.length <= max;

/** Whether a stored value is a lookup (storage may hold anything an older or damaged build left). */
export function isLookup(value: unknown): value is Lookup {
  if (typeof value !== 'object' || value === null) return false;
  const l = value as Record<string, unknown>;
  return (
    isText(l.entryId, 100) &&
    l.entryId.length > 0 &&
    isText(l.term, MAX_TERM_LENGTH) &&
    LOOKUP_WAYS.includes(l.how as LookupWay) &&
    isText(l.title, MAX_TITLE_LENGTH) &&
    isText(l.url, MAX_URL_LENGTH) &&
    typeof l.at === 'string' &&
    !Number.isNaN(Date.parse(l.at))
  );
}

/** The valid lookups of a stored value, in order; anything else is left out. */
export function validLookups(stored: unknown): Lookup[] {
  return Array.isArray(stored) ? stored.filter(isLookup) : [];
}

/** An address fit for a link: http or https only (never javascript:, data: or file:); else null. */
export function linkableUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/**
 * The lookups the popup's history search keeps: those of the entries the glossary's search finds
 * for `query` (typo-tolerant, both languages; glossary/search.ts), and those on a page whose
 * title or host contains it.
 */
export function filterHistory(
  list: readonly Lookup[],
  query: string,
  search: { search(query: string, limit?: number): SearchHit[] },
): Lookup[] {
  const wanted = query.trim();
  if (!wanted) return [...list];
  const entries = new Set(search.search(wanted, 100).map((hit) => hit.entry.id));
  const needle = fold(wanted);
  return list.filter(
    (lookup) =>
      entries.has(lookup.entryId) ||
      fold(lookup.title).includes(needle) ||
      fold(hostOf(lookup.url)).includes(needle),
  );
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A date as YYYY-MM-DD in local time. */
export function localDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A date-time as "YYYY-MM-DD HH:MM" in local time (what a spreadsheet reads as a date). */
export function localDateTime(date: Date): string {
  return `${localDate(date)} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export interface HistoryDay {
  /** YYYY-MM-DD, local time. */
  day: string;
  lookups: Lookup[];
}

/** Lookups (newest first) in groups by local day, newest day first. */
export function groupByDay(lookups: readonly Lookup[]): HistoryDay[] {
  const days: HistoryDay[] = [];
  for (const lookup of lookups) {
    const day = localDate(new Date(lookup.at));
    const last = days[days.length - 1];
    if (last?.day === day) last.lookups.push(lookup);
    else days.push({ day, lookups: [lookup] });
  }
  return days;
}

/** How many calendar days `day` (YYYY-MM-DD) lies before `now`'s local day: 0 today, 1 yesterday. */
export function daysAgo(day: string, now: Date): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const then = Date.UTC(y, m - 1, d);
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  return Math.round((today - then) / 86_400_000);
}

/**
 * The entry's name in English or Dutch, beside a looked-up term: its term in that language, for an
 * acronym its full name ("Chief of Defence" for CDS, whose expansion spells out the Dutch letters
 * even in English); the expansion only where the term is the bare acronym.
 */
export function equivalentOf(entry: Entry, language: 'en' | 'nl'): string {
  const { term, expansion } = entry[language];
  return term === entry.acronym && expansion ? expansion : term;
}
