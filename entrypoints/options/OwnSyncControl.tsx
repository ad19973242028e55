import { useEffect, useState } from 'preact/hooks';
import { OwnSyncPanel, type SyncNotice } from '../../components/OwnSyncPanel';
import { SYNC_LIMITS } from '../../glossary/sync-quota';
import { t, tCount, uiLanguage } from '../../utils/i18n';
import { type OwnSyncStatus, ownSyncSetting, ownSyncStatusItem, requestOwnSync } from '../../utils/own-sync';

/** The status line's "3 minutes ago" moves on while the page is open. */
const TICK = 30_000;

/** The own entries' sync switch: reads the setting and this computer's status, asks the background to act. */
export function OwnSyncControl() {
  const [setting, setSetting] = useState(false);
  const [status, setStatus] = useState<OwnSyncStatus>({ state: 'off' });
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<SyncNotice | null>(null);
  const [offerRemoval, setOfferRemoval] = useState(false);
  const [now, setNow] = useState(Date.now());

  // A notice says what an action did; once the state moves on (a set that no longer fits, the
  // switch turned on from another computer), it would contradict the state.
  useEffect(() => {
    if (notice?.kind === 'turned-on' && status.state !== 'synced') setNotice(null);
    if (notice && notice.kind !== 'turned-on' && status.state !== 'off') setNotice(null);
  }, [status, notice]);

  useEffect(() => {
    void ownSyncSetting.getValue().then(setSetting);
    void ownSyncStatusItem.getValue().then(setStatus);
    const unwatch = [ownSyncSetting.watch(setSetting), ownSyncStatusItem.watch(setStatus)];
    const timer = setInterval(() => setNow(Date.now()), TICK);
    return () => {
      for (const stop of unwatch) stop();
      clearInterval(timer);
    };
  }, []);

  const act = async (action: Parameters<typeof requestOwnSync>[0]) => {
    setBusy(true);
    try {
      const next = await requestOwnSync(action);
      setStatus(next);
      setNow(Date.now());
      return next;
    } catch (error) {
      const failed: OwnSyncStatus = { state: 'error', at: Date.now(), message: String(error) };
      setStatus(failed);
      return failed;
    } finally {
      setBusy(false);
    }
  };
  const toggle = async (on: boolean) => {
    setNotice(null);
    setOfferRemoval(false);
    if (on) {
      const next = await act('enable');
      if (next.state === 'synced')
        setNotice({ kind: 'turned-on', added: next.merged?.added ?? 0, updated: next.merged?.updated ?? 0 });
      return;
    }
    await act('disable');
    setNotice({ kind: 'turned-off' });
    setOfferRemoval(true);
  };
  const remove = async () => {
    setOfferRemoval(false);
    const next = await act('remove-synced');
    if (next.state === 'off' && next.removed) setNotice({ kind: 'removed' });
  };

  return (
    <OwnSyncPanel
      on={setting && status.state === 'synced'}
      busy={busy}
      status={status}
      notice={notice}
      offerRemoval={offerRemoval}
      quotaBytes={SYNC_LIMITS.quotaBytes}
      maxItems={SYNC_LIMITS.maxItems}
      language={uiLanguage()}
      now={now}
      label={t}
      labelCount={tCount}
      onToggle={(on) => void toggle(on)}
      onRemove={() => void remove()}
      onKeep={() => setOfferRemoval(false)}
    />
  );
}
