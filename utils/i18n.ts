/**
 * UI strings from public/_locales. The browser's own i18n follows the browser language only, so
 * the messages are also bundled here to honour the "interface language" setting.
 */
import { browser } from 'wxt/browser';
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
