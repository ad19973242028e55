import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { EntryView } from '../../components/EntryView';
import { type PageTerm, PageTerms } from '../../components/PageTerms';
import { SearchResults } from '../../components/SearchResults';
import { SiteSwitch } from '../../components/SiteSwitch';
import { PAGE_ID_PREFIX } from '../../glossary/annotate';
import { byListLabel, groupByMission, groupByTopic } from '../../glossary/browse';
import { nameIn } from '../../glossary/names';
import type { Category, Entry } from '../../glossary/schema';
import { GlossarySearch, type SearchHit } from '../../glossary/search';
import { recordFromPage } from '../../utils/history';
import { categoryLabel, setUiLanguage, t, uiLanguage } from '../../utils/i18n';
import { isPdfUrl, readerPath } from '../../utils/lookup';
import type { PageSummary } from '../../utils/messages';
import { recentEntriesSetting, uiLanguageSetting } from '../../utils/settings';
import { readShortcuts, type Shortcut } from '../../utils/shortcuts';
import { useSpeak } from '../../utils/use-speech';
import { HistoryTab } from './HistoryTab';
import { PageAnnex } from './PageAnnex';
import { PopupHeader, ShortcutFooter } from './PopupChrome';
import { StartView } from './StartView';
import {
  activeTab,
  lookupTabId,
  pageSummary,
  requestSite,
  revealInTab,
  setSiteEnabled,
  type TabInfo,
} from './tab';

const RECENT_MAX = 8;

function closeOnEscape(event: KeyboardEvent, close: () => void) {
  if (event.key !== 'Escape') return;
  event.preventDefault();
  close();
}

function toPageTerms(summary: PageSummary, byId: Map<string, Entry>): PageTerm[] {
  return Object.entries(summary.counts)
    .map(([id, count]) => {
      const entry = byId.get(id);
      const pageDefined = id.startsWith(PAGE_ID_PREFIX);
      return {
        id,
        count,
        pageDefined,
        label: entry ? (entry.acronym ?? entry.nl.term) : id.slice(PAGE_ID_PREFIX.length),
        gloss: entry ? nameIn(entry, 'en') : (summary.pageDefined[id] ?? ''),
      };
    })
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

export function App() {
  // The glossary (about 1 MB of data) loads after the popup's first frame, off its critical path:
  // the search field is usable at once, and the entries follow a few frames later.
  const [entries, setEntries] = useState<Entry[]>([]);
  const speech = useSpeak();
  // The search index is built just after the first paint, so the field is usable at once.
  // One search index per set of entries, built when idle or at the first keystroke, whichever
  // comes first (never once per keystroke).
  const searchIndex = useMemo(() => {
    let built: GlossarySearch | null = null;
    return () => {
      built ??= new GlossarySearch(entries);
      return built;
    };
  }, [entries]);
  const byId = useMemo(() => new Map(entries.map((entry) => [entry.id, entry])), [entries]);
  const [query, setQuery] = useState(new URLSearchParams(location.search).get('q') ?? '');
  // What the empty search shows: a topic's entries or a mission's (the mission first).
  const [category, setCategory] = useState<Category | null>(null);
  const [mission, setMission] = useState<string | null>(null);
  const missions = useMemo(() => groupByMission(entries), [entries]);
  const topics = useMemo(() => groupByTopic(entries), [entries]);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState<Entry | null>(null);
  const [view, setView] = useState<'search' | 'page' | 'history'>('search');
  const [shortcuts, setShortcuts] = useState<Shortcut[]>([]);
  const [recent, setRecent] = useState<string[]>([]);
  const [tab, setTab] = useState<TabInfo | null>(null);
  const [summary, setSummary] = useState<PageSummary | null>(null);
  const [status, setStatus] = useState('');
  const [, setLocaleVersion] = useState(0);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    // When idle after the first frames (the field is focused and painted by then).
    const handle = requestIdleCallback(() => searchIndex(), { timeout: 300 });
    return () => cancelIdleCallback(handle);
  }, [searchIndex]);
  const hits = useMemo(() => {
    if (query.trim()) return searchIndex().search(query, 30);
    const asHits = (list: Entry[]) => list.map((entry) => ({ entry, score: 0, matches: [] }));
    if (mission) {
      const group = missions.find((g) => g.key === mission);
      return group?.mission ? asHits([group.mission, ...group.entries]) : [];
    }
    if (!category) return [];
    return asHits(entries.filter((e) => e.category === category).sort(byListLabel));
  }, [searchIndex, query, category, mission, missions, entries]);

  useEffect(() => {
    // Own entries (possibly thousands, validated on load) come after the field is usable.
    const glossary = import('../../utils/own-glossary');
    void glossary.then(({ combine }) => setEntries((current) => (current.length ? current : combine([]))));
    const idle = requestIdleCallback(
      () =>
        void glossary.then(({ combine, loadOwnEntries }) =>
          loadOwnEntries().then((own) => setEntries(combine(own))),
        ),
      { timeout: 300 },
    );
    void readShortcuts().then(setShortcuts);
    void recentEntriesSetting.getValue().then(setRecent);
    void uiLanguageSetting.getValue().then((v) => {
      setUiLanguage(v);
      setLocaleVersion((n) => n + 1);
    });
    void activeTab().then(async (info) => {
      setTab(info);
      if (info?.enabled) setSummary(await pageSummary(info.id));
    });
    return () => cancelIdleCallback(idle);
  }, []);
  useEffect(() => {
    if (!open && view === 'search') input.current?.focus();
  }, [open, view]);

  /** A lookup made in the popup, for the history, with the page the popup was opened on. */
  const recordLookup = async (id: string, tabId?: number) => {
    const page = tabId ?? (await lookupTabId());
    await recordFromPage({ id, how: 'search', term: '', ...(page !== undefined && { tabId: page }) });
  };
  const openEntry = (entry: Entry, fromSearch = false) => {
    if (fromSearch) void recordLookup(entry.id);
    setOpen(entry);
    const next = [entry.id, ...recent.filter((id) => id !== entry.id)].slice(0, RECENT_MAX);
    setRecent(next);
    void recentEntriesSetting.setValue(next);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') setActive((i) => Math.min(i + 1, hits.length - 1));
    else if (event.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
    else if (event.key === 'Enter' && hits[active]) openEntry(hits[active].entry, true);
    else if (event.key === 'Escape' && (query || category || mission)) {
      setQuery('');
      setCategory(null);
      setMission(null);
    } else return;
    event.preventDefault();
  };
  const toggleSite = async (enabled: boolean) => {
    if (!tab) return;
    // The permission request must come first, while the click still counts as a user gesture.
    const granted = enabled ? await requestSite(tab.site) : true;
    if (!granted) return setStatus(t('permissionDenied'));
    await setSiteEnabled(tab, enabled);
    setTab({ ...tab, enabled });
    setStatus('');
    setSummary(null);
    if (enabled) setTimeout(() => void pageSummary(tab.id).then(setSummary), 800);
  };
  const copy = async (entry: Entry) => {
    const text = `${entry.acronym ?? entry.nl.term} — ${nameIn(entry, 'en')}: ${entry.en.definition}`;
    await navigator.clipboard.writeText(text);
    setStatus(t('copied'));
  };

  if (open) {
    return (
      <main class="popup" onKeyDown={(e) => closeOnEscape(e, () => setOpen(null))}>
        <PopupHeader />
        <div class="toolbar">
          <button type="button" class="back" onClick={() => setOpen(null)} autofocus>
            ← {t('back')}
          </button>
          <button type="button" class="button" onClick={() => void copy(open)}>
            {t('copy')}
          </button>
        </div>
        <EntryView
          entry={open}
          categoryLabel={categoryLabel(open.category)}
          onOpenRelated={(id) => {
            const related = byId.get(id);
            if (related) openEntry(related);
          }}
          relatedEntry={(id) => byId.get(id)}
          uiLanguage={uiLanguage()}
          labels={{ related: t('related'), sources: t('sources'), own: t('own') }}
          speak={speech}
        />
        <p class="hint" role="status">
          {status}
        </p>
      </main>
    );
  }
  const pageTerms = summary ? toPageTerms(summary, byId) : [];
  return (
    <main class="popup">
      <PopupHeader />
      <div class="tabs-bar">
        <div class="tabs" role="tablist">
          {(
            [
              ['search', t('tabSearch')],
              ['page', summary ? `${t('tabOnPage')} (${pageTerms.length})` : t('tabOnPage')],
              ['history', t('tabHistory')],
            ] as const
          ).map(([name, label]) => (
            <button
              key={name}
              type="button"
              role="tab"
              aria-selected={view === name}
              onClick={() => setView(name)}
            >
              {label}
            </button>
          ))}
        </div>
      </div>
      {tab && isPdfUrl(tab.url) && (
        <a class="button pdf-link" href={readerPath(tab.url)} target="_blank" rel="noopener">
          {t('openPdfInReader')}
        </a>
      )}
      {view === 'search' ? (
        <>
          <input
            ref={input}
            autofocus
            class="search"
            type="search"
            value={query}
            placeholder={t('searchPlaceholder')}
            aria-label={t('searchLabel')}
            aria-controls="results"
            aria-activedescendant={hits[active] ? `result-${hits[active].entry.id}` : undefined}
            onInput={(e) => {
              setQuery(e.currentTarget.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
          />
          {hits.length > 0 ? (
            <SearchResults
              hits={hits as SearchHit[]}
              activeIndex={active}
              onOpen={(hit) => openEntry(hit.entry, true)}
              onHover={setActive}
              ownLabel={t('own')}
            />
          ) : query.trim() ? (
            <p class="hint" role="status">
              {t('noResults', query)}
            </p>
          ) : (
            <StartView
              recent={recent.map((id) => byId.get(id)).filter((e): e is Entry => !!e)}
              onOpen={openEntry}
              onCategory={(value) => {
                setMission(null);
                setCategory(value);
              }}
              onMission={(value) => {
                setCategory(null);
                setMission(value);
              }}
              topics={topics}
              missions={missions}
              count={entries.length}
            />
          )}
        </>
      ) : view === 'history' ? (
        <section aria-label={t('tabHistory')}>
          <HistoryTab search={searchIndex} byId={byId} onOpen={openEntry} />
        </section>
      ) : (
        <section aria-label={t('tabOnPage')}>
          {tab && (
            <SiteSwitch
              label={t('highlightOnSite', tab.site)}
              checked={tab.enabled}
              onChange={(checked) => void toggleSite(checked)}
              message={status}
            />
          )}
          {!tab ? (
            <p class="hint">{t('notAvailableHere')}</p>
          ) : !tab.enabled ? (
            <p class="hint">{t('pageOff')}</p>
          ) : (
            <>
              {summary && entries.length > 0 && <PageAnnex summary={summary} byId={byId} page={tab} />}
              <PageTerms
                terms={pageTerms}
                emptyMessage={t('noTermsOnPage')}
                pageDefinedLabel={t('pageDefined')}
                onOpen={(id) => {
                  // Chosen from the page's terms in the popup: a lookup there, as a search is
                  // (recorded before the popup closes).
                  const recorded = byId.has(id) ? recordLookup(id, tab.id) : null;
                  void Promise.all([recorded, revealInTab(tab.id, id)]).then(() => window.close());
                }}
              />
            </>
          )}
        </section>
      )}
      <ShortcutFooter shortcuts={shortcuts} />
    </main>
  );
}
