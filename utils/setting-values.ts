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
  /** Sites where the inline reading mode writes explanations into the text (utils/dom/inline-notes.ts). */
  inlineSites: [] as string[],
  /** Whether the background keeps the history of lookups (utils/history.ts); the history itself is local. */
  historyEnabled: true as boolean,
};

/** The user's own glossary entries, in `storage.local`. */
export const OWN_ENTRIES_KEY = 'ownEntries';

/** The interface language: the setting when it names one, else the browser's language. */
export function interfaceLanguage(setting: UiLanguage, browserLanguage: string): 'nl' | 'en' {
  if (setting !== 'auto') return setting;
  return browserLanguage.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

/**
 * The gloss's language(s) for the gloss-language setting. 'auto' follows the interface language
 * (`interfaceLanguage`: the interface-language setting when it is set to Nederlands or English,
 * else the browser's language): Dutch → both languages, Dutch first (the gloss orders them with
 * components/Tooltip.tsx glossLanguages, the interface language first); anything else → English
 * only. An explicit gloss language always wins. Callers pass the stored interface-language
 * setting; without it (the default 'auto') only the browser's language counts.
 *
 * The entry view (popup, options) is not a gloss: it always shows both languages, the interface
 * language first (components/EntryView.tsx).
 */
export function resolveGlossLanguage(
  setting: GlossLanguage | 'auto',
  browserLanguage: string,
  uiLanguage: UiLanguage = 'auto',
): GlossLanguage {
  if (setting !== 'auto') return setting;
  return interfaceLanguage(uiLanguage, browserLanguage) === 'nl' ? 'both' : 'en';
}
