import { describe, expect, it } from 'vitest';
import { interfaceLanguage, resolveGlossLanguage } from '../../../utils/setting-values';

describe('the gloss language', () => {
  it('is the setting when it names one, whatever the languages', () => {
    for (const setting of ['en', 'nl', 'both'] as const) {
      expect(resolveGlossLanguage(setting, 'nl-NL', 'en')).toBe(setting);
      expect(resolveGlossLanguage(setting, 'en-GB', 'nl')).toBe(setting);
    }
  });

  it('"auto" follows the browser’s language while the interface language follows the browser', () => {
    expect(resolveGlossLanguage('auto', 'nl-NL')).toBe('both');
    expect(resolveGlossLanguage('auto', 'nl')).toBe('both');
    expect(resolveGlossLanguage('auto', 'en-US')).toBe('en');
    expect(resolveGlossLanguage('auto', 'de-DE', 'auto')).toBe('en');
  });

  it('"auto" follows an interface language set explicitly, not the browser’s', () => {
    expect(resolveGlossLanguage('auto', 'en-US', 'nl')).toBe('both');
    expect(resolveGlossLanguage('auto', 'nl-NL', 'en')).toBe('en');
  });
});

describe('the interface language', () => {
  it('is the setting, else the browser’s language (Dutch or English)', () => {
    expect(interfaceLanguage('nl', 'en-US')).toBe('nl');
    expect(interfaceLanguage('en', 'nl-BE')).toBe('en');
    expect(interfaceLanguage('auto', 'nl-BE')).toBe('nl');
    expect(interfaceLanguage('auto', 'fr-FR')).toBe('en');
  });
});
