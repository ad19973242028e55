import { useEffect, useMemo, useRef } from 'preact/hooks';
import { daysAgo, equivalentOf, groupByDay, hostOf, type Lookup, linkableUrl } from '../glossary/history';
import type { HistoryFormat } from '../glossary/history-export';
import type { Entry } from '../glossary/schema';
import { fold } from '../glossary/text';
import { ConfirmAction } from './ConfirmAction';

export interface HistoryLabels {
  search: string;
  searchPlaceholder: string;
  today: string;
  yesterday: string;
  empty: string;
  /** What is kept, where, and that private windows are left out. */
  explain: string;
  /** The link to the setting: "Turn it off in the settings". */
  turnOff: string;
  off: string;
  turnOn: string;
  /** "No lookups match “$1”." */
  noMatch: string;
  export: string;
  exportShown: string;
  csv: string;
  anki: string;
  clear: string;
  /** "Clear all 12 lookups? …" for the lookups stored. */
  clearQuestion: string;
  clearConfirm: string;
  cancel: string;
  /** Where a lookup has no page: a search in Begrip's popup. */
  fromSearch: string;
}

export interface HistoryViewProps {
  /** The lookups to show (the search applied), newest first. */
  lookups: readonly Lookup[];
  /** How many are stored: none shows what the history is. */
  total: number;
  query: string;
  onQuery: (query: string) => void;
  entryOf: (id: string) => Entry | undefined;
  onOpen: (entry: Entry) => void;
  onExport: (format: HistoryFormat) => void;
  onClear: () => void;
  /** Whether new lookups are kept (the setting). */
  enabled: boolean;
  /** The options page's history settings. */
  settingsHref: string;
  /** What the last action said ("History cleared."). */
  status: string;
  /** The interface language, for dates and times. */
  locale: 'nl' | 'en';
  now: Date;
  labels: HistoryLabels;
}

const FORMATS: HistoryFormat[] = ['csv', 'anki'];

/** The equivalent beside a term: English, or Dutch where the term seen is the English one. */
function besideTerm(lookup: Lookup, entry: Entry | undefined): string {
  if (!entry) return '';
  const seen = fold(lookup.term);
  return [equivalentOf(entry, 'en'), equivalentOf(entry, 'nl')].find((name) => fold(name) !== seen) ?? '';
}

/** The page of a lookup: its title as a link to its address (http and https only), or its name. */
function PageOf({ lookup, fromSearch }: { lookup: Lookup; fromSearch: string }) {
  const href = linkableUrl(lookup.url);
  const name = lookup.title || hostOf(lookup.url) || (lookup.how === 'search' ? fromSearch : '');
  if (!name) return null;
  return (
    <span class="history-page">
      {href ? (
        <a href={href} target="_blank" rel="noopener noreferrer" title={`${name}\n${href}`}>
          {name}
        </a>
      ) : (
        name
      )}
    </span>
  );
}

/**
 * The history of lookups (issue 17): a search field, the lookups by day (Today, Yesterday, a
 * date), each with its term (opening the entry), the equivalent, the page as a link and the time;
 * export as CSV or for Anki, and clearing, confirmed in place. Every text is rendered as text.
 */
export function HistoryView(props: HistoryViewProps) {
  const { lookups, total, labels, locale, now } = props;
  const empty = useRef<HTMLDivElement>(null);
  // Cleared: focus moves to what says the history is empty, not to the page's start.
  const hadLookups = useRef(total > 0);
  useEffect(() => {
    if (hadLookups.current && total === 0) empty.current?.focus();
    hadLookups.current = total > 0;
  }, [total]);
  const days = useMemo(() => groupByDay(lookups), [lookups]);
  const formats = useMemo(() => {
    // British English, as Begrip's English is ("Tuesday 24 November", "14:05").
    const tag = locale === 'nl' ? 'nl-NL' : 'en-GB';
    return {
      time: new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit' }),
      day: new Intl.DateTimeFormat(tag, { weekday: 'long', day: 'numeric', month: 'long' }),
      dayOfYear: new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric' }),
    };
  }, [locale]);
  const dayLabel = (day: string) => {
    const ago = daysAgo(day, now);
    if (ago === 0) return labels.today;
    if (ago === 1) return labels.yesterday;
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    const date = new Date(y, m - 1, d);
    return (y === now.getFullYear() ? formats.day : formats.dayOfYear).format(date);
  };
  const setting = (text: string) => (
    <a href={props.settingsHref} target="_blank" rel="noopener">
      {text}
    </a>
  );

  if (total === 0)
    return (
      <div class="history-empty" ref={empty} tabIndex={-1}>
        <p>
          <strong>{labels.empty}</strong>
        </p>
        <p class="hint">{labels.explain}</p>
        <p>
          {props.enabled ? (
            setting(labels.turnOff)
          ) : (
            <>
              {labels.off} {setting(labels.turnOn)}
            </>
          )}
        </p>
        {props.status && (
          <p class="hint" role="status">
            {props.status}
          </p>
        )}
      </div>
    );
  return (
    <div class="history">
      <input
        class="search"
        type="search"
        value={props.query}
        placeholder={labels.searchPlaceholder}
        aria-label={labels.search}
        onInput={(event) => props.onQuery(event.currentTarget.value)}
      />
      {!props.enabled && (
        <p class="hint history-off">
          {labels.off} {setting(labels.turnOn)}
        </p>
      )}
      <div class="history-actions">
        <span class="annex-title">{props.query.trim() ? labels.exportShown : labels.export}</span>
        {FORMATS.map((format) => (
          <button
            key={format}
            type="button"
            class="button"
            data-history-export={format}
            disabled={lookups.length === 0}
            onClick={() => props.onExport(format)}
          >
            {labels[format]}
          </button>
        ))}
      </div>
      <p class="hint" role="status">
        {lookups.length === 0 ? labels.noMatch : props.status}
      </p>
      {days.map(({ day, lookups: ofDay }) => (
        <section key={day} class="history-day" aria-labelledby={`day-${day}`}>
          <h2 id={`day-${day}`}>{dayLabel(day)}</h2>
          <ul class="history-list">
            {ofDay.map((lookup) => {
              const entry = props.entryOf(lookup.entryId);
              const beside = besideTerm(lookup, entry);
              return (
                <li key={`${lookup.entryId}@${lookup.at}`} class="history-item">
                  <span class="history-line">
                    {entry ? (
                      <button type="button" class="history-term" onClick={() => props.onOpen(entry)}>
                        {lookup.term}
                      </button>
                    ) : (
                      <span class="history-term">{lookup.term}</span>
                    )}
                    {beside && <span class="history-beside">{beside}</span>}
                    <time dateTime={lookup.at}>{formats.time.format(new Date(lookup.at))}</time>
                  </span>
                  <PageOf lookup={lookup} fromSearch={labels.fromSearch} />
                </li>
              );
            })}
          </ul>
        </section>
      ))}
      {/* After the list: rarely wanted, and never next to the exports by mistake. */}
      <div class="history-clear">
        <ConfirmAction
          label={labels.clear}
          question={labels.clearQuestion}
          confirm={labels.clearConfirm}
          cancel={labels.cancel}
          onConfirm={props.onClear}
        />
      </div>
    </div>
  );
}
