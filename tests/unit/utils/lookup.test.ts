import { describe, expect, it } from 'vitest';
import { isPdfUrl, lookupPath, MAX_LOOKUP_LENGTH, readerPath } from '../../../utils/lookup';

describe('lookupPath', () => {
  it('collapses whitespace and encodes the selection for the popup page', () => {
    expect(lookupPath('  Red Card\n Holder ')).toBe('/popup.html?q=Red%20Card%20Holder');
    expect(lookupPath('LTO’s & <b>')).toBe(`/popup.html?q=${encodeURIComponent('LTO’s & <b>')}`);
  });

  it('names the tab the text was selected in', () => {
    expect(lookupPath('NMI', 12)).toBe('/popup.html?q=NMI&tab=12');
  });

  it('keeps a long selection to a term-sized query', () => {
    const query = decodeURIComponent(lookupPath('x'.repeat(500)).split('=')[1] as string);
    expect(query).toHaveLength(MAX_LOOKUP_LENGTH);
  });
});

describe('readerPath and isPdfUrl', () => {
  it('opens https documents in the reader, anything else as the empty reader', () => {
    expect(readerPath('https://www.rijksoverheid.nl/a b.pdf')).toBe(
      `/reader.html?url=${encodeURIComponent('https://www.rijksoverheid.nl/a b.pdf')}`,
    );
    expect(readerPath('javascript:alert(1)')).toBe('/reader.html');
    expect(readerPath('http://example.org/x.pdf')).toBe('/reader.html');
  });

  it('recognises PDF URLs by their path', () => {
    expect(isPdfUrl('https://www.rijksoverheid.nl/documenten/brief.PDF?download=1')).toBe(true);
    expect(isPdfUrl('https://www.rijksoverheid.nl/pdf/overzicht')).toBe(false);
    expect(isPdfUrl(undefined)).toBe(false);
  });
});
