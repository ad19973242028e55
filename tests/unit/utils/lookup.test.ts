import { describe, expect, it } from 'vitest';
import { lookupPath, MAX_LOOKUP_LENGTH } from '../../../utils/lookup';

describe('lookupPath', () => {
  it('collapses whitespace and encodes the selection for the popup page', () => {
    expect(lookupPath('  Red Card\n Holder ')).toBe('/popup.html?q=Red%20Card%20Holder');
    expect(lookupPath('LTO’s & <b>')).toBe(`/popup.html?q=${encodeURIComponent('LTO’s & <b>')}`);
  });

  it('keeps a long selection to a term-sized query', () => {
    const query = decodeURIComponent(lookupPath('x'.repeat(500)).split('=')[1] as string);
    expect(query).toHaveLength(MAX_LOOKUP_LENGTH);
  });
});
