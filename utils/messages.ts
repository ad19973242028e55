/** Messages between the content script and the background worker, checked at the receiving end. */
export interface PageTermsMessage {
  type: 'begrip:page-terms';
  /** Distinct glossary entries found on the page. */
  distinctTerms: number;
}

export function isPageTermsMessage(value: unknown): value is PageTermsMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as Partial<PageTermsMessage>;
  return (
    message.type === 'begrip:page-terms' &&
    typeof message.distinctTerms === 'number' &&
    Number.isInteger(message.distinctTerms) &&
    message.distinctTerms >= 0
  );
}
