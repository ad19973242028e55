import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import en from '../../../public/_locales/en/messages.json';
import nl from '../../../public/_locales/nl/messages.json';
import { pluralKey, setUiLanguage, t, tCount } from '../../../utils/i18n';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const LOCALES: Record<'en' | 'nl', Messages> = { en, nl };

beforeEach(() => {
  // The fake browser has no i18n of its own: the browser speaks English unless a test says otherwise.
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-GB');
});
afterEach(() => {
  setUiLanguage('auto');
  vi.restoreAllMocks();
});

describe('counted messages', () => {
  it('say the singular for one and the plural for other counts, in English', () => {
    setUiLanguage('en');
    expect(tCount('readerFoundOn', 1, ['3', '1'])).toBe('Page 3 (1 page has it)');
    expect(tCount('readerFoundOn', 2, ['3', '2'])).toBe('Page 3 (2 pages have it)');
    expect(tCount('readerFoundHit', 1, ['3', '1', '2', '1'])).toBe('Page 3: 1 of 2 here (1 page has it)');
    expect(tCount('readerFoundHit', 4, ['3', '1', '2', '4'])).toBe('Page 3: 1 of 2 here (4 pages have it)');
    expect(tCount('termsInGlossary', 0)).toBe('0 terms in the glossary');
    expect(tCount('termsInGlossary', 1)).toBe('1 term in the glossary');
    expect(tCount('ownImported', 1)).toBe('Imported 1 entry.');
    expect(tCount('ownImported', 2)).toBe('Imported 2 entries.');
    expect(tCount('browseCount', 1)).toBe('1 entry shown');
    expect(tCount('browseCount', 540)).toBe('540 entries shown');
  });

  it('say the singular for one and the plural for other counts, in Dutch', () => {
    setUiLanguage('nl');
    expect(tCount('readerFoundOn', 1, ['3', '1'])).toBe('Pagina 3 (op 1 pagina)');
    expect(tCount('readerFoundOn', 2, ['3', '2'])).toBe('Pagina 3 (op 2 pagina’s)');
    expect(tCount('readerFoundHit', 1, ['3', '1', '1', '1'])).toBe('Pagina 3: 1 van 1 hier (op 1 pagina)');
    expect(tCount('termsInGlossary', 1)).toBe('1 term in de woordenlijst');
    expect(tCount('termsInGlossary', 0)).toBe('0 termen in de woordenlijst');
    expect(tCount('ownImported', 1)).toBe('1 term geïmporteerd.');
    expect(tCount('browseCount', 12)).toBe('12 termen getoond');
  });

  it('are chosen by t() too, from the number its "count" placeholder gets', () => {
    setUiLanguage('en');
    expect(t('termsInGlossary', '1')).toBe('1 term in the glossary');
    expect(t('termsInGlossary', '540')).toBe('540 terms in the glossary');
    expect(t('ownImported', '1')).toBe('Imported 1 entry.');
    expect(t('readerFoundHit', ['2', '1', '3', '1'])).toBe('Page 2: 1 of 3 here (1 page has it)');
    setUiLanguage('nl');
    expect(t('readerFoundOn', ['2', '1'])).toBe('Pagina 2 (op 1 pagina)');
    expect(t('browseCount', '1')).toBe('1 term getoond');
  });

  it('follow the browser language when the interface language is automatic', () => {
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('nl-NL');
    expect(tCount('readerFoundOn', 1, ['1', '1'])).toBe('Pagina 1 (op 1 pagina)');
  });

  it('pick the form with Intl.PluralRules, and `_other` where a language has no message for a form', () => {
    expect(pluralKey('en', 'readerFoundOn', 1)).toBe('readerFoundOn_one');
    expect(pluralKey('en', 'readerFoundOn', 0)).toBe('readerFoundOn_other');
    expect(pluralKey('nl', 'readerFoundOn', 1.5)).toBe('readerFoundOn_other');
    expect(pluralKey('nl', 'readerFoundOn', Number.NaN)).toBe('readerFoundOn_other');
    expect(pluralKey('en', 'readerTitle', 1)).toBeNull();
  });
});

describe('the message files', () => {
  const keys = (language: 'en' | 'nl') => Object.keys(LOCALES[language]);

  it('give every counted message its forms in both languages, and no form-less version', () => {
    for (const language of ['en', 'nl'] as const) {
      const messages = LOCALES[language];
      const counted = keys(language).filter((key) => key.endsWith('_other'));
      expect(counted.length).toBeGreaterThanOrEqual(5);
      for (const other of counted) {
        const key = other.slice(0, -'_other'.length);
        expect(messages[`${key}_one`], `${language} ${key}_one`).toBeDefined();
        expect(messages[key], `${language} ${key}`).toBeUndefined();
        expect(messages[other]?.placeholders?.count, `${language} ${other} has a "count"`).toBeDefined();
        expect(LOCALES[language === 'en' ? 'nl' : 'en'][other], `${other} in both`).toBeDefined();
      }
    }
  });

  it('put no noun after a count outside a plural form ("$COUNT$ entries" has a "_one" sibling)', () => {
    for (const language of ['en', 'nl'] as const) {
      for (const [key, { message }] of Object.entries(LOCALES[language])) {
        if (/_(zero|one|two|few|many|other)$/.test(key)) continue;
        expect(message, `${language} ${key}`).not.toMatch(/\$(COUNT|ADDED|REPLACED)\$ \p{L}/u);
      }
    }
  });
});
