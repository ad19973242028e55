import type { PageDefinition } from '../glossary/abbreviations';
import type { Annotation } from '../glossary/annotate';
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
  /** Acronym definitions found on the page so far. */
  definitions: PageDefinition[];
}

export interface AnnotateResponse {
  /** Per text, its annotations. */
  annotations: Annotation[][];
  /** The page's definitions of acronyms the glossary lacks (a subset of those sent). */
  pageDefinitions: PageDefinition[];
}

/** Content script → background: what the gloss shows for an entry. */
export interface DescribeRequest {
  type: 'begrip:describe';
  id: string;
}

export type DescribeResponse = EntryInfo;

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

export function isAnnotateRequest(value: unknown): value is AnnotateRequest {
  return (
    isObject(value) &&
    value.type === 'begrip:annotate' &&
    Array.isArray(value.texts) &&
    value.texts.every((text) => typeof text === 'string') &&
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
    value.id.length < 100
  );
}
