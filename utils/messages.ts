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
}

/** Popup → content script: scroll to the first occurrence of a term and open its gloss. */
export interface RevealRequest {
  type: 'begrip:reveal';
  id: string;
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

export function isRevealRequest(value: unknown): value is RevealRequest {
  return (
    isObject(value) && value.type === 'begrip:reveal' && typeof value.id === 'string' && value.id.length < 100
  );
}

export function isPageSummary(value: unknown): value is PageSummary {
  return isObject(value) && isObject(value.counts) && isObject(value.pageDefined);
}
