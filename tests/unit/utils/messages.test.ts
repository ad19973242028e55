import { describe, expect, it } from 'vitest';
import {
  isPageSummary,
  isPageSummaryRequest,
  isPageTermsMessage,
  isRevealRequest,
} from '../../../utils/messages';

describe('message checks', () => {
  it('accept well-formed messages only', () => {
    expect(isPageTermsMessage({ type: 'begrip:page-terms', distinctTerms: 3 })).toBe(true);
    expect(isPageTermsMessage({ type: 'begrip:page-terms', distinctTerms: -1 })).toBe(false);
    expect(isPageTermsMessage({ type: 'begrip:page-terms', distinctTerms: '3' })).toBe(false);
    expect(isPageSummaryRequest({ type: 'begrip:page-summary' })).toBe(true);
    expect(isRevealRequest({ type: 'begrip:reveal', id: 'nmi' })).toBe(true);
    expect(isRevealRequest({ type: 'begrip:reveal', id: 7 })).toBe(false);
    expect(isPageSummary({ counts: {}, pageDefined: {} })).toBe(true);
    for (const junk of [null, undefined, 'begrip:reveal', [], {}]) {
      expect(isRevealRequest(junk) || isPageSummaryRequest(junk) || isPageTermsMessage(junk)).toBe(false);
    }
  });
});
