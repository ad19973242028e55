import { describe, expect, it } from 'vitest';
import {
  type AnnotateResponse,
  type FoundTerm,
  forEachTerm,
  isAnnotateRequest,
  isClearHistoryRequest,
  isLookedUpMessage,
  isPageSummary,
  isPageSummaryRequest,
  isPageTermsMessage,
  isRevealRequest,
  MAX_ANNOTATE_CHARS,
  packTerms,
} from '../../../utils/messages';

describe('message checks', () => {
  it('accept well-formed messages only', () => {
    expect(isPageTermsMessage({ type: 'begrip:page-terms', distinctTerms: 3 })).toBe(true);
    expect(isPageTermsMessage({ type: 'begrip:page-terms', distinctTerms: -1 })).toBe(false);
    expect(isPageTermsMessage({ type: 'begrip:page-terms', distinctTerms: '3' })).toBe(false);
    expect(isPageSummaryRequest({ type: 'begrip:page-summary' })).toBe(true);
    expect(isRevealRequest({ type: 'begrip:reveal', id: 'nmi' })).toBe(true);
    expect(isRevealRequest({ type: 'begrip:reveal', id: 7 })).toBe(false);
    expect(isPageSummary({ counts: {}, pageDefined: {}, order: [{ id: 'nmi', sentence: 'De NMI.' }] })).toBe(
      true,
    );
    expect(isPageSummary({ counts: {}, pageDefined: {}, order: [{ id: 'nmi' }] })).toBe(false);
    const annotate = (texts: string[], session: unknown = 'lx3-9f') => ({
      type: 'begrip:annotate',
      texts,
      definitions: [],
      session,
    });
    expect(isAnnotateRequest(annotate(['NMI', 'x'.repeat(MAX_ANNOTATE_CHARS - 3)]))).toBe(true);
    expect(isAnnotateRequest(annotate(['NMI'], null))).toBe(false);
    expect(isAnnotateRequest(annotate(['NMI'], 'x'.repeat(65)))).toBe(false);
    // One tab's request is capped: the background serves every tab in turn (audit F3).
    expect(isAnnotateRequest(annotate(['NMI', 'x'.repeat(MAX_ANNOTATE_CHARS)]))).toBe(false);
    for (const junk of [null, undefined, 'begrip:reveal', [], {}]) {
      expect(isRevealRequest(junk) || isPageSummaryRequest(junk) || isPageTermsMessage(junk)).toBe(false);
    }
  });
});

describe('history messages', () => {
  it('accept a lookup of a known kind with short texts, and a clear request', () => {
    const looked = { type: 'begrip:looked-up', id: 'nmi', how: 'hover', term: 'NMI' };
    expect(isLookedUpMessage(looked)).toBe(true);
    expect(isLookedUpMessage({ ...looked, how: 'search', term: '', tabId: 4 })).toBe(true);
    expect(isLookedUpMessage({ ...looked, how: 'reader', page: { title: 'brief.pdf', url: '' } })).toBe(true);
    expect(isLookedUpMessage({ ...looked, how: 'glance' })).toBe(false);
    expect(isLookedUpMessage({ ...looked, id: 'x'.repeat(100) })).toBe(false);
    expect(isLookedUpMessage({ ...looked, term: 'x'.repeat(1001) })).toBe(false);
    expect(isLookedUpMessage({ ...looked, tabId: '4' })).toBe(false);
    expect(isLookedUpMessage({ ...looked, page: { title: 'brief.pdf' } })).toBe(false);
    expect(isClearHistoryRequest({ type: 'begrip:clear-history' })).toBe(true);
    expect(isClearHistoryRequest({ type: 'begrip:clear' })).toBe(false);
  });
});

/** A response's terms per text, as the content script takes them. */
function unpacked(response: AnnotateResponse, texts: number): FoundTerm[][] {
  const perText: FoundTerm[][] = Array.from({ length: texts }, () => []);
  forEachTerm(response, (text, term) => perText[text]?.push(term));
  return perText;
}

describe('annotate responses', () => {
  it('pack terms as flat numbers with each id once, and unpack them as they were', () => {
    const perText = [
      [
        { start: 0, end: 3, id: 'nmi' },
        { start: 10, end: 13, id: 'oir' },
        { start: 20, end: 23, id: 'nmi' },
      ],
      [],
      [{ start: 5, end: 9, id: 'page:SCF' }],
    ];
    const packed = packTerms(perText);
    expect(packed.ids).toEqual(['nmi', 'oir', 'page:SCF']);
    expect([...packed.terms]).toEqual([0, 3, 0, 10, 13, 1, 20, 23, 0, 5, 9, 2]);
    // Bytes, sent as they are (a structured clone copies a typed array whole).
    expect(packed.terms).toBeInstanceOf(Int32Array);
    expect(packed.counts).toEqual([3, 0, 1]);
    expect(unpacked({ ...packed, pageDefinitions: [] }, perText.length)).toEqual(perText);
  });

  it('unpack only as many terms as a response has, whatever its counts say', () => {
    const response = { ids: ['nmi'], terms: Int32Array.of(0, 3, 0), counts: [1, 5, 2], pageDefinitions: [] };
    expect(unpacked(response, 3)).toEqual([[{ start: 0, end: 3, id: 'nmi' }], [], []]);
  });

  it('pack a reading once for each distinct set of other senses and reason', () => {
    const iraqi = { reason: 'qualifier' as const, evidence: 'Iraakse' };
    const perText = [
      [
        { start: 0, end: 3, id: 'mod', alternatives: ['mod-nl'] },
        { start: 5, end: 8, id: 'mod', alternatives: ['mod-nl'], sense: iraqi },
        { start: 10, end: 13, id: 'mod', alternatives: ['mod-nl'] },
        { start: 15, end: 18, id: 'mod' },
      ],
      [
        { start: 0, end: 3, id: 'mod', alternatives: ['mod-nl'], sense: { ...iraqi } },
        { start: 5, end: 8, id: 'mod', alternatives: ['mod-nl', 'mod-uk'] },
        { start: 10, end: 13, id: 'mod', sense: { reason: 'qualifier' as const, evidence: 'Nederlandse' } },
      ],
    ];
    const packed = packTerms(perText);
    expect(packed.ids).toEqual(['mod', 'mod', 'mod', 'mod', 'mod']);
    expect([...packed.terms].filter((_, i) => i % 3 === 2)).toEqual([0, 1, 0, 2, 1, 3, 4]);
    expect(packed.counts).toEqual([4, 3]);
    expect(unpacked({ ...packed, pageDefinitions: [] }, perText.length)).toEqual(perText);
  });
});
