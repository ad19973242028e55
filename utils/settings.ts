/**
 * User settings as typed WXT storage items (one per setting, versioned so later releases can
 * migrate). `sync:` follows the user across browsers; changes reach open tabs via `watch`.
 */
import { storage } from 'wxt/utils/storage';

export type GlossLanguage = 'en' | 'nl' | 'both';
export type MarkMode = 'all' | 'first';

/** 'auto': English for a non-Dutch browser, both languages for a Dutch one. */
export const glossLanguageSetting = storage.defineItem<GlossLanguage | 'auto'>('sync:glossLanguage', {
  fallback: 'auto',
  version: 1,
});

export const markModeSetting = storage.defineItem<MarkMode>('sync:markMode', {
  fallback: 'all',
  version: 1,
});

/** Hostnames (as in location.hostname) where the user switched highlighting off. */
export const disabledHostsSetting = storage.defineItem<string[]>('sync:disabledHosts', {
  fallback: [],
  version: 1,
});

export function resolveGlossLanguage(
  setting: GlossLanguage | 'auto',
  browserLanguage: string,
): GlossLanguage {
  if (setting !== 'auto') return setting;
  return browserLanguage.toLowerCase().startsWith('nl') ? 'both' : 'en';
}
