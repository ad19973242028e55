import type { TooltipLabels } from '../components/Tooltip';
import type { PageDefinition } from '../glossary/abbreviations';
import type { Sense } from '../glossary/context';
import { LOOKUP_WAYS, type LookupWay } from '../glossary/history';
import type { EntryInfo } from './dom/describe';

/**
 * Messages between the content script, the popup and the background worker; each receiver checks
 * the shape at run time before acting on it.
 */

/** Content script → background: the badge count. */
export interface PageTermsMessage {
  type: 'begrip:page-terms';
  /** Distinct glossary entries found on the page. */
  distinctTerms: number;
}

/** Popup → content script: which terms are on this page, with counts. */
export interface PageSummaryRequest {
  type: 'begrip:page-summary';
}

export interface PageSummary {
  /** Entry id (or "page:ACRONYM" for acronyms the page defines itself) → occurrences. */
  counts: Record<string, number>;
  /** Expansions the page gives for its own acronyms, by id. */
  pageDefined: Record<string, string>;
  /**
   * Each entry's first shown occurrence, in document order, with the sentence around it: the
   * order of the document's glossary annex (glossary/annex.ts, issue 17).
   */
  order: { id: string; sentence: string }[];
  /** The page's language when it declares Dutch or English (<html lang>): the sentences' language. */
  lang?: 'nl' | 'en';
}

/** Popup → content script: scroll to the first occurrence of a term and open its gloss. */
export interface RevealRequest {
  type: 'begrip:reveal';
  id: string;
}

/** Content script → background: find the terms in these texts (one page's runs, in order). */
export interface AnnotateRequest {
  type: 'begrip:annotate';
  texts: string[];
  /** Acronym definitions found on the page so far (in the answers it has taken). */
  definitions: PageDefinition[];
  /**
   * Which start of the page's content script asks: the background carries the definitions of
   * its earlier requests on to its next (utils/carried-definitions.ts).
   */
  session: string;
}

/**
 * The terms found, compact: a page's annotations can run to tens of thousands, and every message
 * is serialised as JSON on the page's main thread, where flat numbers are far cheaper than objects.
 */
export interface AnnotateResponse {
  /** The readings used in `terms`, each once: the entry id ... */
  ids: string[];
  /** ... and, at the same index, the other senses and why this one was chosen (0: none). */
  readings?: (TermReading | 0)[];
  /**
   * The terms of all the texts, text after text, as flat triples: start, end, index into `ids`.
   * One array, not one per text: a storm's request has 2,000 texts, and every array is an object
   * to make on the page's main thread when the answer arrives. A typed array: messages go as
   * structured clones, which copy its bytes at once but a number array's elements one by one.
   */
  terms: Int32Array;
  /** How many terms each text has, in the order of the texts. */
  counts: number[];
  /** The page's definitions of acronyms the glossary lacks (a subset of those sent). */
  pageDefinitions: PageDefinition[];
}

/** What the context rules said about a term: its other senses and why this entry. */
export interface TermReading {
  alternatives?: string[];
  sense?: Sense;
}

/** A term in a text, as the page marks it. */
export interface FoundTerm extends TermReading {
  start: number;
  end: number;
  id: string;
}

/** Pack annotations (background side) into an AnnotateResponse's `ids`, `terms` and `counts`. */
export function packTerms(
  perText: readonly (readonly FoundTerm[])[],
): Pick<AnnotateResponse, 'ids' | 'readings' | 'terms' | 'counts'> {
  const index = new Map<string, number>();
  const ids: string[] = [];
  const readings: (TermReading | 0)[] = [];
  let total = 0;
  for (const found of perText) total += found.length;
  const terms = new Int32Array(3 * total);
  let k = 0;
  const counts = perText.map((found) => {
    for (const { start, end, id, alternatives, sense } of found) {
      // A key made by hand: JSON.stringify for every term with other senses (a page full of them)
      // was most of the background's time on such a page.
      const key =
        alternatives || sense
          ? `${id}\u0000${alternatives?.join('\u0001') ?? ''}\u0000${sense ? `${sense.reason}\u0001${sense.evidence}` : ''}`
          : id;
      let at = index.get(key);
      if (at === undefined) {
        at = ids.length;
        index.set(key, at);
        ids.push(id);
        readings.push(
          alternatives || sense ? { ...(alternatives && { alternatives }), ...(sense && { sense }) } : 0,
        );
      }
      terms[k++] = start;
      terms[k++] = end;
      terms[k++] = at;
    }
    return found.length;
  });
  return readings.some(Boolean) ? { ids, readings, terms, counts } : { ids, terms, counts };
}

/**
 * Each term of a response (content-script side), in order, with the index of its text: a new
 * object each, the caller's to keep or change.
 */
export function forEachTerm(
  response: AnnotateResponse,
  visit: (text: number, term: FoundTerm) => void,
): void {
  const { terms, counts, ids, readings } = response;
  let k = 0;
  for (let text = 0; text < counts.length; text++) {
    for (const end = k + 3 * (counts[text] as number); k < end && k + 2 < terms.length; k += 3) {
      const at = terms[k + 2] as number;
      const reading = readings?.[at];
      const term = { start: terms[k] as number, end: terms[k + 1] as number, id: ids[at] ?? '' };
      // Most terms have no reading: no object to spread for each (a storm brings 100,000 terms).
      visit(text, reading ? { ...term, ...reading } : term);
    }
  }
}

/** Content script → background: what the gloss shows for an entry. */
export interface DescribeRequest {
  type: 'begrip:describe';
  id: string;
  /** The other senses of the term, to be named in the gloss. */
  also?: string[];
}

export type DescribeResponse = EntryInfo;

/** Content script → background: inject the gloss's view into this frame (on the first gloss). */
export interface GlossViewRequest {
  type: 'begrip:gloss-view';
}

/** The gloss's labels in the user's interface language, category names in both languages. */
export interface GlossViewResponse {
  labels: TooltipLabels;
  uiLanguage: 'nl' | 'en';
  /** Category id → its name in Dutch and in English. */
  categories: Record<string, { nl: string; en: string }>;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

export function isPageTermsMessage(value: unknown): value is PageTermsMessage {
  return (
    isObject(value) &&
    value.type === 'begrip:page-terms' &&
    typeof value.distinctTerms === 'number' &&
    Number.isInteger(value.distinctTerms) &&
    value.distinctTerms >= 0
  );
}

export function isPageSummaryRequest(value: unknown): value is PageSummaryRequest {
  return isObject(value) && value.type === 'begrip:page-summary';
}

/** Background → content script: the reader pressed a step command (manifest `commands`). */
export interface StepRequest {
  type: 'begrip:step';
  direction: 1 | -1;
}

export function isStepRequest(value: unknown): value is StepRequest {
  return isObject(value) && value.type === 'begrip:step' && (value.direction === 1 || value.direction === -1);
}

/** Content script → background: the short notes the inline reading mode writes after terms. */
export interface InlineNotesRequest {
  type: 'begrip:inline-notes';
  ids: string[];
  language: 'nl' | 'en';
}

/** Entry id → the note's words and their language. */
export type InlineNotesResponse = Record<string, { text: string; lang: 'nl' | 'en' }>;

export function isInlineNotesRequest(value: unknown): value is InlineNotesRequest {
  return (
    isObject(value) &&
    value.type === 'begrip:inline-notes' &&
    Array.isArray(value.ids) &&
    value.ids.length <= 5_000 &&
    value.ids.every((id) => typeof id === 'string') &&
    (value.language === 'nl' || value.language === 'en')
  );
}

/** The step commands of the manifest and their direction. */
export const STEP_COMMANDS: Readonly<Record<string, 1 | -1>> = { 'next-term': 1, 'previous-term': -1 };

export function isRevealRequest(value: unknown): value is RevealRequest {
  return (
    isObject(value) && value.type === 'begrip:reveal' && typeof value.id === 'string' && value.id.length < 100
  );
}

export function isPageSummary(value: unknown): value is PageSummary {
  return (
    isObject(value) &&
    isObject(value.counts) &&
    isObject(value.pageDefined) &&
    Array.isArray(value.order) &&
    value.order.every((o) => isObject(o) && typeof o.id === 'string' && typeof o.sentence === 'string')
  );
}

/**
 * The most text one annotate request may carry: the background matches for every tab in turn, so
 * a request of this size (tens of milliseconds) is the longest another tab waits (audit F3).
 */
export const MAX_ANNOTATE_CHARS = 100_000;

export function isAnnotateRequest(value: unknown): value is AnnotateRequest {
  return (
    isObject(value) &&
    value.type === 'begrip:annotate' &&
    Array.isArray(value.texts) &&
    value.texts.every((text) => typeof text === 'string') &&
    value.texts.reduce((sum: number, text: string) => sum + text.length, 0) <= MAX_ANNOTATE_CHARS &&
    typeof value.session === 'string' &&
    value.session.length <= 64 &&
    Array.isArray(value.definitions) &&
    value.definitions.every(
      (d) => isObject(d) && typeof d.acronym === 'string' && typeof d.expansion === 'string',
    )
  );
}

export function isDescribeRequest(value: unknown): value is DescribeRequest {
  return (
    isObject(value) &&
    value.type === 'begrip:describe' &&
    typeof value.id === 'string' &&
    value.id.length < 100 &&
    (value.also === undefined ||
      (Array.isArray(value.also) &&
        value.also.length < 20 &&
        value.also.every((id) => typeof id === 'string' && id.length < 100)))
  );
}

export function isGlossViewRequest(value: unknown): value is GlossViewRequest {
  return isObject(value) && value.type === 'begrip:gloss-view';
}

/**
 * Options page → background: turn syncing own entries on or off, or remove the synced copy from
 * the browser account. The background does the work (it also takes changes from other computers
 * while no page is open) and answers with the sync status (utils/own-sync.ts).
 */
export interface OwnSyncRequest {
  type: 'begrip:own-sync';
  action: 'enable' | 'disable' | 'remove-synced';
}

export function isOwnSyncRequest(value: unknown): value is OwnSyncRequest {
  return (
    isObject(value) &&
    value.type === 'begrip:own-sync' &&
    (value.action === 'enable' || value.action === 'disable' || value.action === 'remove-synced')
  );
}

/**
 * A term was looked up, for the history (glossary/history.ts). From a content script (hover, tap,
 * keyboard) the background takes the page's title and address from the sender's tab, never from
 * the message. Begrip's own pages add where: the popup the tab it describes (`tabId`, read by the
 * background), the reader the document it shows (`page`).
 */
export interface LookedUpMessage {
  type: 'begrip:looked-up';
  id: string;
  how: LookupWay;
  /** The term as the reader saw it; '' for the entry's own term. */
  term: string;
  tabId?: number;
  page?: { title: string; url: string };
}

/** Popup or options → background: forget every lookup (the background is the history's one writer). */
export interface ClearHistoryRequest {
  type: 'begrip:clear-history';
}

const isShortText = (value: unknown, max: number) => typeof value === 'string' && value.length <= max;

export function isLookedUpMessage(value: unknown): value is LookedUpMessage {
  return (
    isObject(value) &&
    value.type === 'begrip:looked-up' &&
    typeof value.id === 'string' &&
    value.id.length > 0 &&
    value.id.length < 100 &&
    LOOKUP_WAYS.includes(value.how as LookupWay) &&
    isShortText(value.term, 1_000) &&
    (value.tabId === undefined || Number.isInteger(value.tabId)) &&
    (value.page === undefined ||
      (isObject(value.page) && isShortText(value.page.title, 1_000) && isShortText(value.page.url, 4_096)))
  );
}

export function isClearHistoryRequest(value: unknown): value is ClearHistoryRequest {
  return isObject(value) && value.type === 'begrip:clear-history';
}
