import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { EntryView } from '../../components/EntryView';
import { filterEntries, type Group, groupByMission, groupByTopic, listLabel } from '../../glossary/browse';
import type { Entry } from '../../glossary/schema';
import { categoryLabel, t, uiLanguage } from '../../utils/i18n';
import { combine, loadOwnEntries } from '../../utils/own-glossary';
import { useSpeak } from '../../utils/use-speech';

type Mode = 'topic' | 'mission' | 'az';

/** The whole glossary by topic, by mission or A–Z, narrowed by a filter box, with the popup's entry view. */
export function BrowseSection() {
  const [entries, setEntries] = useState<Entry[]>(() => combine([]));
  const [mode, setMode] = useState<Mode>('topic');
  const [filter, setFilter] = useState('');
  const [open, setOpen] = useState<Entry | null>(null);
  const speech = useSpeak();
  const entryPanel = useRef<HTMLDivElement>(null);
  const byId = useMemo(() => new Map(entries.map((e) => [e.id, e])), [entries]);

  useEffect(() => {
    void loadOwnEntries().then((own) => setEntries(combine(own)));
  }, []);
  // The entry opens above the lists: focus moves to it, so it is seen (and read) wherever the list was.
  useEffect(() => {
    if (open) entryPanel.current?.focus();
  }, [open]);

  const groups = useMemo((): Group[] => {
    const shown = filterEntries(entries, filter);
    if (mode === 'topic') return groupByTopic(shown);
    if (mode === 'mission') {
      const ids = new Set(shown.map((e) => e.id));
      // A mission stays when it or one of its entries passes the filter.
      return groupByMission(entries)
        .map((group) => ({ ...group, entries: group.entries.filter((e) => ids.has(e.id)) }))
        .filter((group) => group.entries.length > 0 || (group.mission && ids.has(group.mission.id)));
    }
    const sorted = shown.sort((a, b) =>
      listLabel(a).localeCompare(listLabel(b), 'nl', { sensitivity: 'base' }),
    );
    return [{ key: 'az', entries: sorted }];
  }, [entries, filter, mode]);
  const total = groups.reduce((n, g) => n + g.entries.length + (g.mission ? 1 : 0), 0);

  return (
    <section class="card" id="browse" aria-labelledby="browse-title" tabIndex={-1}>
      <h2 id="browse-title">{t('browseTitle')}</h2>
      <div class="browse-controls">
        <label class="field">
          <span class="field-label">{t('browseFilter')}</span>
          <input
            class="input"
            type="search"
            value={filter}
            onInput={(e) => setFilter(e.currentTarget.value)}
          />
        </label>
        <fieldset class="segmented">
          <legend class="visually-hidden">{t('browseBy')}</legend>
          {(['topic', 'mission', 'az'] as const).map((value) => (
            <label key={value}>
              <input
                type="radio"
                name="browse-mode"
                checked={mode === value}
                onChange={() => setMode(value)}
              />
              {t(`browseBy_${value}`)}
            </label>
          ))}
        </fieldset>
      </div>
      <p class="hint" role="status">
        {t('browseCount', String(total))}
      </p>
      {open && (
        <div class="browse-entry" ref={entryPanel} tabIndex={-1}>
          <EntryView
            entry={open}
            headingLevel={3}
            categoryLabel={categoryLabel(open.category)}
            onOpenRelated={(id) => setOpen(byId.get(id) ?? open)}
            relatedEntry={(id) => byId.get(id)}
            uiLanguage={uiLanguage()}
            labels={{ related: t('related'), sources: t('sources'), own: t('own') }}
            speak={speech}
          />
        </div>
      )}
      {groups.map((group) => (
        <BrowseGroup key={group.key} group={group} mode={mode} onOpen={setOpen} />
      ))}
    </section>
  );
}

function BrowseGroup({ group, mode, onOpen }: { group: Group; mode: Mode; onOpen: (entry: Entry) => void }) {
  const heading =
    mode === 'topic' ? categoryLabel(group.key) : group.mission ? listLabel(group.mission) : undefined;
  const list = (
    <ul class="browse-list">
      {group.entries.map((entry) => (
        <li key={entry.id}>
          <button type="button" onClick={() => onOpen(entry)}>
            {listLabel(entry)}
          </button>
        </li>
      ))}
    </ul>
  );
  if (!heading) return list;
  return (
    <section class="browse-group" aria-label={heading}>
      <h3>
        {group.mission ? (
          <button type="button" class="link" onClick={() => onOpen(group.mission as Entry)}>
            {heading}
          </button>
        ) : (
          heading
        )}{' '}
        <span class="count">({group.entries.length})</span>
      </h3>
      {list}
    </section>
  );
}
