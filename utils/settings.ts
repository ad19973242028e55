/**
 * User settings as typed WXT storage items (one per setting, versioned so later releases can
 * migrate). `sync:` follows the user across browsers; changes reach open tabs via `watch`.
 */
import { storage } from 'wxt/utils/storage';

export type GlossLanguage = 'en' | 'nl' | 'both';
export type MarkMode = 'all' | 'first';
export type HighlightStyle = 'underline' | 'background' | 'hover';
export type UiLanguage = 'auto' | 'en' | 'nl';

/** 'auto': English for a non-Dutch browser, both languages for a Dutch one. */
export const glossLanguageSetting = storage.defineItem<GlossLanguage | 'auto'>('sync:glossLanguage', {
  fallback: 'auto',
  version: 1,
});

export const markModeSetting = storage.defineItem<MarkMode>('sync:markMode', {
  fallback: 'all',
  version: 1,
});

/** How marks look: dotted underline, a light background, or nothing until hovered. */
export const highlightStyleSetting = storage.defineItem<HighlightStyle>('sync:highlightStyle', {
  fallback: 'underline',
  version: 1,
});

export const uiLanguageSetting = storage.defineItem<UiLanguage>('sync:uiLanguage', {
  fallback: 'auto',
  version: 1,
});

/**
 * Sites (a default site's domain such as "rijksoverheid.nl", or a host the user added) where the
 * user switched highlighting off.
 */
export const disabledSitesSetting = storage.defineItem<string[]>('sync:disabledSites', {
  fallback: [],
  version: 1,
});

/** Hosts the user added ("www.nato.int"); each needs its host permission, granted at run time. */
export const userSitesSetting = storage.defineItem<string[]>('sync:userSites', {
  fallback: [],
  version: 1,
});

/** Ids of entries opened in the popup, most recent first (device-local). */
export const recentEntriesSetting = storage.defineItem<string[]>('local:recentEntries', {
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
