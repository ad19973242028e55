/**
 * UI strings from public/_locales. The browser's own i18n follows the browser language only, so
 * the messages are also bundled here to honour the "interface language" setting.
 */
import { browser } from 'wxt/browser';
import type { TooltipLabels } from '../components/Tooltip';
import en from '../public/_locales/en/messages.json';
import nl from '../public/_locales/nl/messages.json';
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
  return override ?? (browser.i18n.getUILanguage().toLowerCase().startsWith('nl') ? 'nl' : 'en');
}

function format(entry: Messages[string], substitutions: string[]): string {
  let text = entry.message;
  for (const [name, { content }] of Object.entries(entry.placeholders ?? {})) {
    const index = Number(content.replace('$', '')) - 1;
    text = text.replaceAll(`$${name.toUpperCase()}$`, substitutions[index] ?? '');
  }
  return text;
}

/** A UI string; falls back to English, then to the key, so a missing message is visible, not blank. */
export function t(key: string, substitutions?: string | string[]): string {
  const subs = substitutions === undefined ? [] : [substitutions].flat();
  const entry = BUNDLED[uiLanguage()][key] ?? BUNDLED.en[key];
  return entry ? format(entry, subs) : key;
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
  };
}
