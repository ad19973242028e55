/**
 * Syncing own entries, as the options page and the background share it: the switch (a
 * preference, so in `storage.sync` and the same on every computer of the account), this
 * computer's sync status and the per-entry times (both device-local). The work itself is the
 * background's (entrypoints/background/own-sync.ts); the options page asks for it by message.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { Skipped } from '../glossary/sync-apply';
import type { SyncMeta } from '../glossary/sync-merge';
import type { OwnSyncRequest } from './messages';

/** The switch "Sync my own entries through my browser account" (off until the reader turns it on). */
export const OWN_SYNC_SETTING_KEY = 'ownEntriesSync';
export const ownSyncSetting = storage.defineItem<boolean>(`sync:${OWN_SYNC_SETTING_KEY}`, {
  fallback: false,
  version: 1,
});

export type OwnSyncStatus =
  /** Not syncing; `removed` once the synced copy was removed from the account. */
  | { state: 'off'; removed?: boolean }
  | {
      state: 'synced';
      at: number;
      /** Own entries on this computer. */
      entries: number;
      /** Bytes of the whole sync area in use (own entries and settings). */
      usedBytes: number;
      /** The manifest's revision last written or taken. */
      revision: string | null;
      /** What turning sync on took from the account (only after it was turned on). */
      merged?: { added: number; updated: number; removed: number };
      /** Entries from the account that did not pass the checks, and why. */
      skipped?: Skipped[];
    }
  /** Nothing was synced: the entries do not fit beside the settings. */
  | {
      state: 'too-big';
      at: number;
      reason: 'bytes' | 'items';
      needBytes: number;
      /** Bytes of the area used by the settings, and kept free for them. */
      keptBytes: number;
      needItems: number;
      keptItems: number;
    }
  /** The account holds entries in a newer format (a newer Begrip wrote them): left alone. */
  | { state: 'newer-format'; at: number }
  /** `rate`: the browser took no more writes for a while (Chrome: 120 a minute, 1,800 an hour). */
  | { state: 'error'; at: number; message: string; rate?: boolean };

export const ownSyncStatusItem = storage.defineItem<OwnSyncStatus>('local:ownSyncStatus', {
  fallback: { state: 'off' },
  version: 1,
});

/** When each own entry last changed on this computer, and its deletions (glossary/sync-merge.ts). */
export const OWN_SYNC_META_KEY = 'ownSyncMeta';
export const ownSyncMetaItem = storage.defineItem<SyncMeta>(`local:${OWN_SYNC_META_KEY}`, {
  fallback: {},
  version: 1,
});

/** Asks the background to turn syncing on or off, or to remove the synced copy; answers the new status. */
export function requestOwnSync(action: OwnSyncRequest['action']): Promise<OwnSyncStatus> {
  const request: OwnSyncRequest = { type: 'begrip:own-sync', action };
  return browser.runtime.sendMessage(request) as Promise<OwnSyncStatus>;
}
