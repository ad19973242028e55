/**
 * UI strings from public/_locales. The browser's own i18n follows the browser language only, so
 * the messages are also bundled here to honour the "interface language" setting.
 */
import { browser } from 'wxt/browser';
import type { TooltipLabels } from '../components/Tooltip';
import en from '../public/_locales/en/messages.json';
import nl from '../public/_locales/nl/messages.json';
import { interfaceLanguage } from './setting-values';
import type { UiLanguage } from './settings';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const BUNDLED: Record<'en' | 'nl', Messages> = { en, nl };
let override: 'en' | 'nl' | null = null;

export function setUiLanguage(language: UiLanguage): void {
  override = language === 'auto' ? null : language;
  if (typeof document !== 'undefined') document.documentElement.lang = uiLanguage();
}

/** The language the UI is shown in: the setting, else the browser's. */
export function uiLanguage(): 'en' | 'nl' {
  return interfaceLanguage(override ?? 'auto', browser.i18n.getUILanguage());
}

function format(entry: Messages[string], substitutions: string[]): string {
  let text = entry.message;
  for (const [name, { content }] of Object.entries(entry.placeholders ?? {})) {
    const index = Number(content.replace('$', '')) - 1;
    text = text.replaceAll(`$${name.toUpperCase()}$`, substitutions[index] ?? '');
  }
  return text;
}

const pluralRules = new Map<string, Intl.PluralRules>();

/**
 * Counted messages ("1 page has it", "2 pages have it"; "1 pagina", "2 pagina’s"): the extension
 * i18n API has no plurals, so each form is a message of its own, `<key>_one` and `<key>_other`
 * (and `_zero`, `_two`, `_few`, `_many` where a language needs them), chosen with
 * Intl.PluralRules. Returns the key of the form for `count`, `_other` where the language has no
 * message for its form; null when `key` has no plural forms in `language`.
 */
export function pluralKey(language: 'en' | 'nl', key: string, count: number): string | null {
  const messages = BUNDLED[language];
  if (!messages[`${key}_other`]) return null;
  let rules = pluralRules.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(language);
    pluralRules.set(language, rules);
  }
  const form = `${key}_${rules.select(count)}`;
  return messages[form] ? form : `${key}_other`;
}

/**
 * Message `key` in `language`; for a counted message, the form for the number its `count`
 * placeholder gets, so `t('termsInGlossary', '1')` says "1 term".
 */
function entryFor(language: 'en' | 'nl', key: string, substitutions: string[]) {
  const messages = BUNDLED[language];
  const other = messages[key] ? null : messages[`${key}_other`];
  if (!other) return messages[key];
  const at = Number(other.placeholders?.count?.content.slice(1)) - 1;
  return messages[pluralKey(language, key, Number(substitutions[at])) ?? `${key}_other`];
}

/** A UI string; falls back to English, then to the key, so a missing message is visible, not blank. */
export function t(key: string, substitutions?: string | string[]): string {
  const subs = substitutions === undefined ? [] : [substitutions].flat();
  const entry = entryFor(uiLanguage(), key, subs) ?? entryFor('en', key, subs);
  return entry ? format(entry, subs) : key;
}

/**
 * A counted UI string (see pluralKey): the form of `key` for `count`, with `substitutions` for
 * its placeholders (by default the count alone).
 */
export function tCount(key: string, count: number, substitutions: string[] = [String(count)]): string {
  const language = pluralKey(uiLanguage(), key, count) ? uiLanguage() : 'en';
  const form = pluralKey(language, key, count);
  return form ? t(form, substitutions) : t(key, substitutions);
}

export function categoryLabel(category: string): string {
  return t(`category_${category.replace(/-/g, '_')}`);
}

/** A UI string in a given language, whatever the interface language (the gloss's own language). */
export function tIn(language: 'en' | 'nl', key: string): string {
  const entry = BUNDLED[language][key] ?? BUNDLED.en[key];
  return entry ? entry.message : key;
}

/** A category's name in Dutch and in English. */
export function categoryNames(category: string): { nl: string; en: string } {
  const key = `category_${category.replace(/-/g, '_')}`;
  return { nl: tIn('nl', key), en: tIn('en', key) };
}

/** The gloss's own words in the interface language ("$1" stands for the words of the text). */
export function glossLabels(): TooltipLabels {
  return {
    pageDefined: t('pageDefined'),
    own: t('own'),
    also: t('glossAlso'),
    back: t('glossBack'),
    inText: t('glossInText', '$1'),
    why: {
      qualifier: t('glossWhyQualifier', '$1'),
      paragraph: t('glossWhyParagraph', '$1'),
      definition: t('glossWhyDefinition', '$1'),
      cue: t('glossWhyCue', '$1'),
    },
    sources: t('glossSources'),
    context: t('glossContext'),
    say: { nl: t('glossSayDutch'), en: t('glossSayEnglish') },
  };
}
