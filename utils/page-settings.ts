/**
 * The settings as the content script sees them: read with one `storage.sync.get` and watched
 * with `storage.onChanged`, without bundling WXT storage into every page. The WXT items in
 * settings.ts own the same keys (and run any migration in the background and extension pages);
 * this module only reads their values, checking each and falling back as the items do.
 */
import { browser } from 'wxt/browser';
import {
  GLOSS_LANGUAGES,
  HIGHLIGHT_STYLES,
  MARK_MODES,
  OWN_ENTRIES_KEY,
  SYNC_FALLBACKS,
} from './setting-values';

export type PageSettings = typeof SYNC_FALLBACKS;
type Key = keyof PageSettings;

const isOneOf =
  <T extends string>(allowed: readonly T[]) =>
  (value: unknown): value is T =>
    allowed.includes(value as T);
const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

const VALID: Record<Key, (value: unknown) => boolean> = {
  glossLanguage: isOneOf(GLOSS_LANGUAGES),
  markMode: isOneOf(MARK_MODES),
  highlightStyle: isOneOf(HIGHLIGHT_STYLES),
  uiLanguage: isOneOf(['auto', 'en', 'nl']),
  disabledSites: isStringList,
  userSites: isStringList,
  inlineSites: isStringList,
  historyEnabled: (value) => typeof value === 'boolean',
};
const KEYS = Object.keys(SYNC_FALLBACKS) as Key[];

function checked<K extends Key>(key: K, stored: unknown): PageSettings[K] {
  return VALID[key](stored) ? (stored as PageSettings[K]) : SYNC_FALLBACKS[key];
}

export async function readPageSettings(): Promise<PageSettings> {
  const stored = await browser.storage.sync.get(KEYS);
  const settings = { ...SYNC_FALLBACKS };
  for (const key of KEYS) (settings as Record<Key, unknown>)[key] = checked(key, stored[key]);
  return settings;
}

export interface SettingsChange {
  /** The settings that changed, with their new values. */
  settings: Partial<PageSettings>;
  /** Whether the user's own glossary entries changed. */
  ownEntries: boolean;
}

/** Calls `onChange` for every change of these settings or of the own entries; returns the unwatch. */
export function watchPageSettings(onChange: (change: SettingsChange) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change: SettingsChange = { settings: {}, ownEntries: false };
    if (area === 'sync') {
      for (const key of KEYS) {
        if (key in changes)
          (change.settings as Record<Key, unknown>)[key] = checked(key, changes[key]?.newValue);
      }
    }
    if (area === 'local' && OWN_ENTRIES_KEY in changes) change.ownEntries = true;
    if (change.ownEntries || Object.keys(change.settings).length) onChange(change);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
