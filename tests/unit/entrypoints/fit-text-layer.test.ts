import { describe, expect, it } from 'vitest';
import { fontWeightOf } from '../../../entrypoints/reader/fit-text-layer';

describe('the text layer of bold lines', () => {
  it('takes the weight of the PDF font from its name or its bold flag', () => {
    expect(fontWeightOf('Helvetica-Bold')).toBe(700);
    expect(fontWeightOf('ABCDEF+RijksoverheidSansText-Bold')).toBe(700);
    expect(fontWeightOf('ABCDEF+RijksoverheidSansHeading-BoldItalic')).toBe(700);
    expect(fontWeightOf('Arial-Black')).toBe(900);
    expect(fontWeightOf('OpenSans-SemiBold')).toBe(600);
    expect(fontWeightOf('MyriadPro-Demi')).toBe(600);
    expect(fontWeightOf('F1', true)).toBe(700);
    expect(fontWeightOf('Helvetica')).toBeNull();
    expect(fontWeightOf('ABCDEF+RijksoverheidSansText-Regular')).toBeNull();
    expect(fontWeightOf('')).toBeNull();
  });
});
