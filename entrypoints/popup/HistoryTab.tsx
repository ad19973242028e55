import { useEffect, useMemo, useState } from 'preact/hooks';
import { HistoryView } from '../../components/HistoryView';
import { filterHistory, type Lookup } from '../../glossary/history';
import {
  HISTORY_FORMATS,
  type HistoryFormat,
  historyFileName,
  historyToAnkiTsv,
  historyToCsv,
} from '../../glossary/history-export';
import type { Entry } from '../../glossary/schema';
import type { GlossarySearch } from '../../glossary/search';
import { downloadText } from '../../utils/annex-export';
import { clearHistory, readHistory, watchHistory } from '../../utils/history';
import { t, tCount, uiLanguage } from '../../utils/i18n';
import { historyEnabledSetting } from '../../utils/settings';

export interface HistoryTabProps {
  /** The popup's search over the glossary: the history's search finds entries with it. */
  search: () => GlossarySearch;
  byId: ReadonlyMap<string, Entry>;
  onOpen: (entry: Entry) => void;
}

function historyLabels(total: number, query: string) {
  return {
    search: t('historySearchLabel'),
    searchPlaceholder: t('historySearchPlaceholder'),
    today: t('historyToday'),
    yesterday: t('historyYesterday'),
    empty: t('historyEmpty'),
    explain: t('historyExplain'),
    turnOff: t('historyTurnOff'),
    off: t('historyOff'),
    turnOn: t('historyTurnOn'),
    noMatch: t('historyNoMatch', query.trim()),
    export: t('historyExport'),
    exportShown: t('historyExportShown'),
    csv: t('historyCsv'),
    anki: t('historyAnki'),
    clear: t('historyClear'),
    clearQuestion: tCount('historyClearQuestion', total),
    clearConfirm: t('historyClearConfirm'),
    cancel: t('cancel'),
    fromSearch: t('historyFromSearch'),
  };
}

/** The popup's History tab: the stored lookups, searched, exported and cleared. */
export function HistoryTab({ search, byId, onOpen }: HistoryTabProps) {
  const [lookups, setLookups] = useState<Lookup[] | null>(null);
  const [enabled, setEnabled] = useState(true);
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState('');

  useEffect(() => {
    void readHistory().then(setLookups);
    void historyEnabledSetting.getValue().then(setEnabled);
    const unwatch = [watchHistory(setLookups), historyEnabledSetting.watch(setEnabled)];
    return () => {
      for (const stop of unwatch) stop();
    };
  }, []);
  // The glossary's search index is built only once a query needs it.
  const shown = useMemo(
    () => filterHistory(lookups ?? [], query, { search: (q, limit) => search().search(q, limit) }),
    [lookups, query, search],
  );

  if (!lookups) return null;
  const exportAs = (format: HistoryFormat) => {
    const text =
      format === 'csv'
        ? historyToCsv(shown, byId, uiLanguage())
        : historyToAnkiTsv(shown, byId, { seenIn: t('historySeenIn') });
    downloadText(historyFileName(format), text, HISTORY_FORMATS[format].type);
  };
  const clear = () =>
    void clearHistory().then(
      () => {
        setQuery('');
        setStatus(t('historyCleared'));
      },
      () => setStatus(t('historyClearFailed')),
    );
  return (
    <HistoryView
      lookups={shown}
      total={lookups.length}
      query={query}
      onQuery={(value) => {
        setQuery(value);
        setStatus('');
      }}
      entryOf={(id) => byId.get(id)}
      onOpen={onOpen}
      onExport={exportAs}
      onClear={clear}
      enabled={enabled}
      settingsHref="/options.html#history"
      status={status}
      locale={uiLanguage()}
      now={new Date()}
      labels={historyLabels(lookups.length, query)}
    />
  );
}
