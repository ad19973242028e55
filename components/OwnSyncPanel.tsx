import type { OwnSyncStatus } from '../utils/own-sync';
import { Switch } from './SiteSwitch';

type Label = (key: string, substitutions?: string | string[]) => string;
type LabelCount = (key: string, count: number, substitutions?: string[]) => string;

/** What the last action did, said once (the status line says how things stand). */
export type SyncNotice =
  | { kind: 'turned-on'; added: number; updated: number }
  | { kind: 'turned-off' }
  | { kind: 'removed' };

export interface OwnSyncPanelProps {
  /** Whether this computer syncs its own entries (the switch). */
  on: boolean;
  /** A request is under way. */
  busy: boolean;
  status: OwnSyncStatus;
  notice: SyncNotice | null;
  /** After turning off: ask whether to remove the synced copy from the account too. */
  offerRemoval: boolean;
  /** The sync area's size ("31 kB of 100 kB") and its number of items. */
  quotaBytes: number;
  maxItems: number;
  language: 'en' | 'nl';
  now: number;
  label: Label;
  labelCount: LabelCount;
  onToggle: (on: boolean) => void;
  onRemove: () => void;
  onKeep: () => void;
}

const KB = 1024;

/** "3 minutes ago", "yesterday" in the interface language; "just now" under a minute. */
export function relativeTime(at: number, now: number, language: 'en' | 'nl', label: Label): string {
  const seconds = Math.round((now - at) / 1000);
  if (seconds < 60) return label('ownSyncJustNow');
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return format.format(-minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 24) return format.format(-hours, 'hour');
  return format.format(-Math.round(hours / 24), 'day');
}

/** Bytes as whole kB in the interface language; `round` up for what is needed, so it never looks as if it fits. */
export function kilobytes(bytes: number, language: 'en' | 'nl', round: 'up' | 'nearest' = 'nearest'): string {
  const kb = round === 'up' ? Math.ceil(bytes / KB) : Math.round(bytes / KB);
  return `${new Intl.NumberFormat(language).format(kb)} kB`;
}

/** The switch for syncing own entries through the browser's own sync, with how it stands. */
export function OwnSyncPanel(props: OwnSyncPanelProps) {
  const { on, busy, status, offerRemoval, label, onToggle } = props;
  return (
    <section class="own-sync" aria-labelledby="own-sync-title" aria-busy={busy}>
      <h3 id="own-sync-title">{label('ownSyncTitle')}</h3>
      <Switch
        label={label('ownSyncSwitch')}
        checked={on}
        describedBy="own-sync-hint"
        onChange={(next) => {
          if (!busy) onToggle(next);
        }}
      />
      <p class="hint own-sync-hint" id="own-sync-hint">
        {label('ownSyncHint')}
      </p>
      <p role="status" class="own-sync-notice">
        {noticeText(props)}
      </p>
      {(busy || showsState(props)) && (
        <p class="own-sync-state">{busy ? label('ownSyncBusy') : stateLine(props)}</p>
      )}
      {status.state === 'too-big' && (
        <p class="errors" role="alert">
          {tooBigText(status, props)}
        </p>
      )}
      {status.state === 'synced' && status.skipped && status.skipped.length > 0 && (
        <div class="errors own-sync-skipped" role="alert">
          <p>{label('ownSyncSkipped')}</p>
          <ul>
            {status.skipped.map((skipped) => (
              <li key={skipped.id}>
                <code>{skipped.id}</code>: {skipped.problems.join('; ')}
              </li>
            ))}
          </ul>
        </div>
      )}
      {offerRemoval && (
        <fieldset class="own-sync-offer">
          <legend>{label('ownSyncOfferRemoval')}</legend>
          <div class="toolbar">
            <button type="button" class="button danger" onClick={props.onRemove}>
              {label('ownSyncRemove')}
            </button>
            <button type="button" class="button" onClick={props.onKeep}>
              {label('ownSyncKeep')}
            </button>
          </div>
        </fieldset>
      )}
    </section>
  );
}

/** The state line, unless the notice or the alert already says it. */
const showsState = ({ status, notice }: OwnSyncPanelProps) =>
  status.state !== 'too-big' && notice?.kind !== 'turned-off' && notice?.kind !== 'removed';

function stateLine({ status, language, now, quotaBytes, label, labelCount }: OwnSyncPanelProps): string {
  switch (status.state) {
    case 'synced':
      return label('ownSyncSynced', [
        relativeTime(status.at, now, language, label),
        labelCount('ownSyncEntries', status.entries),
        kilobytes(status.usedBytes, language),
        kilobytes(quotaBytes, language),
      ]);
    case 'off':
      return label(status.removed ? 'ownSyncOffRemoved' : 'ownSyncOff');
    case 'newer-format':
      return label('ownSyncNewerFormat');
    case 'error':
      return status.rate ? label('ownSyncRateLimited') : label('ownSyncError', status.message);
    case 'too-big':
      return '';
  }
}

function noticeText({ notice, label, labelCount }: OwnSyncPanelProps): string {
  if (!notice) return '';
  if (notice.kind === 'turned-off') return label('ownSyncTurnedOff');
  if (notice.kind === 'removed') return label('ownSyncRemoved');
  const parts = [label('ownSyncTurnedOn')];
  if (notice.added) parts.push(labelCount('ownSyncAdded', notice.added));
  if (notice.updated) parts.push(labelCount('ownSyncUpdated', notice.updated));
  return parts.join(' ');
}

function tooBigText(
  status: Extract<OwnSyncStatus, { state: 'too-big' }>,
  { language, quotaBytes, maxItems, label }: OwnSyncPanelProps,
): string {
  if (status.reason === 'items')
    return label('ownSyncTooManyItems', [
      String(status.needItems),
      String(maxItems),
      String(status.keptItems),
    ]);
  return label('ownSyncTooBig', [
    kilobytes(status.needBytes, language, 'up'),
    kilobytes(quotaBytes, language),
    kilobytes(status.keptBytes, language, 'up'),
  ]);
}
