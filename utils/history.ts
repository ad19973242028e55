/**
 * Where the history of lookups lives (glossary/history.ts, issue 17): `storage.local`, on this
 * device only, never `storage.sync`. The background is its one writer
 * (entrypoints/background/history-recorder.ts), so that lookups in several tabs at once are all
 * kept; Begrip's own pages read and watch it, and ask the background to record or to clear.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { type Lookup, validLookups } from '../glossary/history';
import type { ClearHistoryRequest, LookedUpMessage } from './messages';

export const historyItem = storage.defineItem<Lookup[]>('local:history', {
  fallback: [],
  version: 1,
});

/** The stored lookups, newest first; anything stored that is not a lookup is left out. */
export async function readHistory(): Promise<Lookup[]> {
  return validLookups(await historyItem.getValue());
}

/** Calls `onChange` with the history whenever it changes; returns the unwatch. */
export function watchHistory(onChange: (lookups: Lookup[]) => void): () => void {
  return historyItem.watch((stored) => onChange(validLookups(stored)));
}

/** Ask the background to record a lookup made on one of Begrip's own pages (popup, reader). */
export async function recordFromPage(lookup: Omit<LookedUpMessage, 'type'>): Promise<void> {
  const message: LookedUpMessage = { type: 'begrip:looked-up', ...lookup };
  await browser.runtime.sendMessage(message).catch(() => {
    // The worker may be restarting: one lookup less in the history, nothing the reader must see.
  });
}

/** Ask the background to forget every lookup; resolves once it has. */
export async function clearHistory(): Promise<void> {
  const request: ClearHistoryRequest = { type: 'begrip:clear-history' };
  await browser.runtime.sendMessage(request);
}
