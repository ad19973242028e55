/**
 * User settings as typed WXT storage items (one per setting, versioned so later releases can
 * migrate). `sync:` follows the user across browsers; changes reach open tabs via `watch`.
 * Keys and fallbacks come from setting-values.ts, which the content script reads directly.
 */
import { storage } from 'wxt/utils/storage';
import { SYNC_FALLBACKS } from './setting-values';

export type {
  GlossLanguage,
  HighlightStyle,
  MarkMode,
  UiLanguage,
} from './setting-values';

const syncItem = <K extends keyof typeof SYNC_FALLBACKS>(key: K) =>
  storage.defineItem<(typeof SYNC_FALLBACKS)[K]>(`sync:${key}`, {
    fallback: SYNC_FALLBACKS[key],
    version: 1,
  });

export const glossLanguageSetting = syncItem('glossLanguage');
export const markModeSetting = syncItem('markMode');
/** How marks look: dotted underline, a light background, or nothing until hovered. */
export const highlightStyleSetting = syncItem('highlightStyle');
export const uiLanguageSetting = syncItem('uiLanguage');
/**
 * Sites (a default site's domain such as "rijksoverheid.nl", or a host the user added) where the
 * user switched highlighting off.
 */
export const disabledSitesSetting = syncItem('disabledSites');
/** Hosts the user added ("www.nato.int"); each needs its host permission, granted at run time. */
export const userSitesSetting = syncItem('userSites');
/** Sites where the inline reading mode is on ("NMI (NATO Mission Iraq)" in the text itself). */
export const inlineSitesSetting = syncItem('inlineSites');

/**
 * Whether the terms the reader looks up are kept (the history itself is device-local,
 * utils/history.ts); a preference, so it follows the reader's other choices across browsers.
 */
export const historyEnabledSetting = syncItem('historyEnabled');

/** Ids of entries opened in the popup, most recent first (device-local). */
export const recentEntriesSetting = storage.defineItem<string[]>('local:recentEntries', {
  fallback: [],
  version: 1,
});
