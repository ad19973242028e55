/**
 * Syncing own entries through the browser's own sync, on request (issue 17, item 5). Runs in the
 * background, so changes from another computer arrive while no Begrip page is open:
 * - an own-entries change here is stamped with its time (always, so the times are real when
 *   syncing is turned on later) and, while syncing, written to `storage.sync` a moment later;
 * - a new set from another computer (storage.onChanged for the sync area) is merged with this
 *   computer's entries, per entry the later version, and what changed is written to the local
 *   own entries, from where the matcher and open tabs take it;
 * - turning syncing on merges both sets; a set that does not fit is not written at all.
 * All of it runs one step at a time, under the same lock as the options page's saves.
 */
import { browser } from 'wxt/browser';
import type { Entry } from '../../glossary/schema';
import { type Applied, applyRecords } from '../../glossary/sync-apply';
import {
  localRecords,
  mergeRecords,
  type SyncMeta,
  sameRecords,
  stampChanges,
} from '../../glossary/sync-merge';
import { isOwnEntriesKey, MANIFEST_KEY, unpackRecords } from '../../glossary/sync-pack';
import { recentWrites } from '../../glossary/sync-quota';
import type { OwnSyncRequest } from '../../utils/messages';
import { withOwnEntriesLock } from '../../utils/own-entries-lock';
import { loadOwnEntries, ownEntryRules, storedOwnEntries } from '../../utils/own-glossary';
import {
  OWN_SYNC_META_KEY,
  OWN_SYNC_SETTING_KEY,
  type OwnSyncStatus,
  ownSyncMetaItem,
  ownSyncSetting,
  ownSyncStatusItem,
} from '../../utils/own-sync';
import { OWN_ENTRIES_KEY } from '../../utils/setting-values';
import { type PublishOutcome, publishRecords, removeSyncedEntries, syncBytesInUse } from './own-sync-publish';

/** Edits and imports come in bursts: write once they settle. */
const AFTER_LOCAL_CHANGE = 2_000;
/** Another computer's set arrives as several items. */
const AFTER_REMOTE_CHANGE = 500;
/** Parts listed but not there yet: wait this long for them before writing over the set. */
const WAIT_FOR_PARTS = 15_000;

type Why = 'local' | 'remote' | 'start';

interface SyncOptions {
  why: Why;
  /** This computer starts syncing: its entries are kept against tombstones (see mergeRecords). */
  initial?: boolean;
  /** Turning syncing on: run although the switch is still off. */
  enabling?: boolean;
}

export class OwnEntriesSync {
  /** Times of this worker's writes to the sync area, for the browser's write limits. */
  private writes: number[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending: Set<Why> = new Set();
  private queue: Promise<unknown> = Promise.resolve();
  /** The revision this computer last wrote or took: its own write, coming back, changes nothing. */
  private revision: string | null = null;
  private incompleteSince: number | null = null;

  /** Registers the listeners: call at the background's start, before any await. */
  listen(): void {
    browser.storage.onChanged.addListener((changes, area) => this.onChanged(changes, area));
    browser.runtime.onStartup.addListener(() => this.schedule(0, 'start'));
    browser.runtime.onInstalled.addListener(() => this.schedule(0, 'start'));
  }

  handle(request: OwnSyncRequest): Promise<OwnSyncStatus> {
    if (request.action === 'enable') return this.serial(() => this.enable());
    if (request.action === 'disable') return this.serial(() => this.disable());
    return this.serial(() => this.removeSynced());
  }

  /** Settles every step started so far (for tests). */
  idle(): Promise<unknown> {
    return this.queue;
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch((error) => console.error('Begrip: syncing own entries failed', error));
    return run;
  }

  private onChanged(changes: Record<string, { newValue?: unknown }>, area: string): void {
    if (area === 'local' && OWN_ENTRIES_KEY in changes) void this.serial(() => this.stamp());
    if (area !== 'sync') return;
    const setting = changes[OWN_SYNC_SETTING_KEY];
    if (setting) {
      void this.serial(() => (setting.newValue === true ? this.synchronise({ why: 'start' }) : this.stop()));
    }
    const manifest = changes[MANIFEST_KEY]?.newValue as { revision?: unknown } | null | undefined;
    const newSet = manifest != null && manifest.revision !== this.revision;
    const partsArrived =
      this.incompleteSince !== null &&
      Object.entries(changes).some(([key, change]) => isOwnEntriesKey(key) && change.newValue !== undefined);
    if (newSet || partsArrived) this.schedule(AFTER_REMOTE_CHANGE, 'remote');
  }

  private schedule(delay: number, why: Why): void {
    this.pending.add(why);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      // A local change outranks the others: it retries a set that did not fit.
      const why: Why = this.pending.has('local') ? 'local' : this.pending.has('start') ? 'start' : 'remote';
      this.pending.clear();
      void this.serial(() => this.synchronise({ why }));
    }, delay);
  }

  /** Keeps the per-entry times up to date; while syncing, writes the change a moment later. */
  private stamp(): Promise<void> {
    return withOwnEntriesLock(async () => {
      const [entries, meta] = await Promise.all([loadOwnEntries(), ownSyncMetaItem.getValue()]);
      const stamped = stampChanges(entries, meta, Date.now());
      if (!stamped.changed) return;
      await ownSyncMetaItem.setValue(stamped.meta);
      if (await ownSyncSetting.getValue()) this.schedule(AFTER_LOCAL_CHANGE, 'local');
    });
  }

  private async enable(): Promise<OwnSyncStatus> {
    const status = await this.synchronise({ why: 'start', initial: true, enabling: true });
    if (status.state === 'synced') await ownSyncSetting.setValue(true);
    return status;
  }

  private async disable(): Promise<OwnSyncStatus> {
    await ownSyncSetting.setValue(false);
    return this.stop();
  }

  private async stop(): Promise<OwnSyncStatus> {
    const status = await ownSyncStatusItem.getValue();
    if (status.state === 'off') return status;
    return this.setStatus({ state: 'off' });
  }

  /** Removes the synced copy from the account; only once syncing is off, or others would write it back. */
  private async removeSynced(): Promise<OwnSyncStatus> {
    if (await ownSyncSetting.getValue()) return ownSyncStatusItem.getValue();
    await removeSyncedEntries(this.writes);
    this.revision = null;
    return this.setStatus({ state: 'off', removed: true });
  }

  private async synchronise(options: SyncOptions): Promise<OwnSyncStatus> {
    const previous = await ownSyncStatusItem.getValue();
    if (!options.enabling && !(await ownSyncSetting.getValue())) return previous;
    // Not syncing here (the set did not fit): another computer's changes wait until it does.
    if (options.why === 'remote' && previous.state !== 'synced') return previous;
    const initial = options.initial ?? previous.state !== 'synced';
    try {
      return await withOwnEntriesLock(() => this.merge(initial, previous, options.enabling ?? false));
    } catch (error) {
      return this.setStatus({
        state: 'error',
        at: Date.now(),
        message: String((error as Error)?.message ?? error),
      });
    }
  }

  private async merge(initial: boolean, previous: OwnSyncStatus, enabling: boolean): Promise<OwnSyncStatus> {
    const now = Date.now();
    const [current, storedMeta, area] = await Promise.all([
      loadOwnEntries(),
      ownSyncMetaItem.getValue(),
      browser.storage.sync.get(null),
    ]);
    const { meta } = stampChanges(current, storedMeta, now);
    const saveMeta = () => (meta === storedMeta ? undefined : ownSyncMetaItem.setValue(meta));
    const remote = await unpackRecords(area);
    if (remote.state === 'unsupported') {
      await saveMeta();
      return this.setStatus({ state: 'newer-format', at: now });
    }
    const remoteRecords = remote.state === 'empty' ? [] : remote.records;
    const complete = remote.state === 'complete' || remote.state === 'empty';
    const merged = mergeRecords(localRecords(current, meta), remoteRecords, { now, initial, complete });
    const applied = applyRecords(current, meta, merged, ownEntryRules, now);

    const incomplete = remote.state === 'incomplete';
    this.incompleteSince = incomplete ? (this.incompleteSince ?? now) : null;
    const waitForParts = incomplete && now - (this.incompleteSince ?? now) < WAIT_FOR_PARTS;
    let revision = remote.state === 'empty' ? null : remote.manifest.revision;
    const differs =
      remote.state === 'empty'
        ? merged.length > 0
        : incomplete || remote.invalid.length > 0 || !sameRecords(merged, remote.records);
    if (waitForParts) this.schedule(WAIT_FOR_PARTS, 'remote');
    else if (differs) {
      const outcome = await publishRecords(merged, area, now, this.writes);
      if (!outcome.ok) {
        await saveMeta();
        return this.failed(outcome, previous, enabling);
      }
      revision = outcome.revision;
    }
    // Taken in only now: when the browser refused the set, this computer's entries stay as they were.
    await this.saveLocal(applied, meta, storedMeta);
    this.revision = revision;
    this.writes = recentWrites(this.writes, Date.now());
    return this.setStatus({
      state: 'synced',
      at: now,
      entries: applied.entries.length,
      usedBytes: await syncBytesInUse(),
      revision,
      ...(initial && {
        merged: {
          added: applied.added.length,
          updated: applied.updated.length,
          removed: applied.removed.length,
        },
      }),
      ...(applied.skipped.length > 0 && { skipped: applied.skipped }),
    });
  }

  private async saveLocal(applied: Applied<Entry>, stamped: SyncMeta, stored: SyncMeta): Promise<void> {
    const entriesChanged = applied.added.length + applied.updated.length + applied.removed.length > 0;
    if (entriesChanged) {
      // One write for both, so the times never disagree with the entries they are about.
      await browser.storage.local.set({
        [OWN_ENTRIES_KEY]: storedOwnEntries(applied.entries),
        [OWN_SYNC_META_KEY]: applied.meta,
      });
    } else if (applied.changed || stamped !== stored) await ownSyncMetaItem.setValue(applied.meta);
  }

  private failed(
    outcome: Exclude<PublishOutcome, { ok: true }>,
    previous: OwnSyncStatus,
    enabling: boolean,
  ): Promise<OwnSyncStatus> {
    const at = Date.now();
    if (outcome.kind === 'later') {
      // Syncing goes on by itself once the browser takes writes again; turning it on has to be
      // asked again (the switch stays off until something was synced).
      if (!enabling) {
        this.schedule(outcome.delay, 'local');
        return Promise.resolve(previous);
      }
      return this.setStatus({ state: 'error', at, message: 'write rate', rate: true });
    }
    if (outcome.kind === 'error') return this.setStatus({ state: 'error', at, message: outcome.message });
    return this.setStatus({
      state: 'too-big',
      at,
      reason: outcome.reason,
      needBytes: outcome.needBytes,
      keptBytes: outcome.keptBytes,
      needItems: outcome.needItems,
      keptItems: outcome.keptItems,
    });
  }

  private async setStatus(status: OwnSyncStatus): Promise<OwnSyncStatus> {
    await ownSyncStatusItem.setValue(status);
    return status;
  }
}
