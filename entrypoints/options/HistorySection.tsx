import { useEffect, useRef, useState } from 'preact/hooks';
import { ConfirmAction } from '../../components/ConfirmAction';
import { Switch } from '../../components/SiteSwitch';
import { clearHistory, readHistory, watchHistory } from '../../utils/history';
import { t, tCount } from '../../utils/i18n';
import { historyEnabledSetting } from '../../utils/settings';

/**
 * The history of lookups (issue 17): on or off, how many are kept, and clearing them. Switching
 * it off keeps what is there, and says so; clearing is a step of its own, confirmed in place.
 */
export function HistorySection() {
  const [enabled, setEnabled] = useState<boolean | null>(null);
  const [count, setCount] = useState(0);
  const [status, setStatus] = useState('');
  const countLine = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    void historyEnabledSetting.getValue().then(setEnabled);
    void readHistory().then((lookups) => setCount(lookups.length));
    const unwatch = [
      historyEnabledSetting.watch(setEnabled),
      watchHistory((lookups) => setCount(lookups.length)),
    ];
    return () => {
      for (const stop of unwatch) stop();
    };
  }, []);

  const clear = () =>
    void clearHistory().then(
      () => {
        setStatus(t('historyCleared'));
        // The button is gone with the history: focus stays in the section, on what changed.
        countLine.current?.focus();
      },
      () => setStatus(t('historyClearFailed')),
    );
  return (
    <section class="card" id="history" aria-labelledby="history-title" tabIndex={-1}>
      <h2 id="history-title">{t('historySettingsTitle')}</h2>
      <p class="section-intro">{t('historySettingsHint')}</p>
      {enabled !== null && (
        <Switch
          label={t('historyEnabled')}
          checked={enabled}
          onChange={(on) => {
            setStatus('');
            void historyEnabledSetting.setValue(on);
          }}
        />
      )}
      <div class="history-count">
        <p ref={countLine} tabIndex={-1}>
          {tCount('historyCount', count)}
        </p>
        <ConfirmAction
          label={t('historyClear')}
          question={tCount('historyClearQuestion', count)}
          confirm={t('historyClearConfirm')}
          cancel={t('cancel')}
          onConfirm={clear}
          disabled={count === 0}
        />
      </div>
      <p class="hint" role="status">
        {status}
      </p>
    </section>
  );
}
