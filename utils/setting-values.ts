/**
 * The settings' keys, allowed values and fallbacks, without any storage code: utils/settings.ts
 * defines the WXT storage items from them (and owns their migrations); utils/page-settings.ts
 * reads the same stored values for the content script with one storage call.
 */

export type GlossLanguage = 'en' | 'nl' | 'both';
export type MarkMode = 'all' | 'first';
export type HighlightStyle = 'underline' | 'background' | 'hover';
export type UiLanguage = 'auto' | 'en' | 'nl';

export const GLOSS_LANGUAGES = ['auto', 'en', 'nl', 'both'] as const;
export const MARK_MODES = ['all', 'first'] as const;
export const HIGHLIGHT_STYLES = ['underline', 'background', 'hover'] as const;

/** Settings in `storage.sync`, by key, with their fallbacks. */
export const SYNC_FALLBACKS = {
  glossLanguage: 'auto' as GlossLanguage | 'auto',
  markMode: 'all' as MarkMode,
  highlightStyle: 'underline' as HighlightStyle,
  uiLanguage: 'auto' as UiLanguage,
  disabledSites: [] as string[],
  userSites: [] as string[],
};

/** The user's own glossary entries, in `storage.local`. */
export const OWN_ENTRIES_KEY = 'ownEntries';

/** 'auto': English for a non-Dutch browser, both languages for a Dutch one. */
export function resolveGlossLanguage(
  setting: GlossLanguage | 'auto',
  browserLanguage: string,
): GlossLanguage {
  if (setting !== 'auto') return setting;
  return browserLanguage.toLowerCase().startsWith('nl') ? 'both' : 'en';
}
