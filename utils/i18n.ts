import { browser } from 'wxt/browser';

/** A UI string from _locales; falls back to the key so a missing message is visible, not blank. */
export function t(key: string, substitutions?: string | string[]): string {
  // Keys are checked by WXT's generated types; dynamic keys (categories) are plain strings.
  const getMessage = browser.i18n.getMessage as (key: string, substitutions?: string | string[]) => string;
  return getMessage(key, substitutions) || key;
}

export function categoryLabel(category: string): string {
  return t(`category_${category.replace(/-/g, '_')}`);
}
