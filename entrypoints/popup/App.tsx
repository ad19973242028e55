import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { EntryView } from '../../components/EntryView';
import { SearchResults } from '../../components/SearchResults';
import { CURATED_ENTRIES } from '../../glossary/data';
import type { Entry } from '../../glossary/schema';
import { GlossarySearch, type SearchHit } from '../../glossary/search';
import { categoryLabel, t } from '../../utils/i18n';
import { type GlossLanguage, glossLanguageSetting, resolveGlossLanguage } from '../../utils/settings';

function closeOnEscape(event: KeyboardEvent, close: () => void) {
  if (event.key !== 'Escape') return;
  event.preventDefault();
  close();
}

const byId = new Map(CURATED_ENTRIES.map((entry) => [entry.id, entry]));

export function App() {
  const search = useMemo(() => new GlossarySearch(CURATED_ENTRIES), []);
  const [query, setQuery] = useState(new URLSearchParams(location.search).get('q') ?? '');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState<Entry | null>(null);
  const [language, setLanguage] = useState<GlossLanguage>('both');
  const input = useRef<HTMLInputElement>(null);
  const hits = useMemo(() => search.search(query, 30), [search, query]);

  useEffect(() => {
    glossLanguageSetting
      .getValue()
      .then((value) => setLanguage(resolveGlossLanguage(value, navigator.language)));
  }, []);
  useEffect(() => {
    if (!open) input.current?.focus();
  }, [open]);

  const openHit = (hit: SearchHit) => setOpen(hit.entry);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') setActive((i) => Math.min(i + 1, hits.length - 1));
    else if (event.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
    else if (event.key === 'Enter' && hits[active]) openHit(hits[active]);
    else if (event.key === 'Escape' && query) setQuery('');
    else return;
    event.preventDefault();
  };

  if (open) {
    return (
      <main class="popup" onKeyDown={(e) => closeOnEscape(e, () => setOpen(null))}>
        <button type="button" class="back" onClick={() => setOpen(null)} autofocus>
          ← {t('searchLabel')}
        </button>
        <EntryView
          entry={open}
          language={language}
          categoryLabel={categoryLabel(open.category)}
          onOpenRelated={(id) => setOpen(byId.get(id) ?? open)}
          relatedLabel={(id) => byId.get(id)?.acronym ?? byId.get(id)?.nl.term ?? id}
        />
      </main>
    );
  }
  return (
    <main class="popup">
      <input
        ref={input}
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
      {query.trim() === '' ? (
        <p class="hint">{t('termsInGlossary', String(CURATED_ENTRIES.length))}</p>
      ) : hits.length === 0 ? (
        <p class="hint" role="status">
          {t('noResults', query)}
        </p>
      ) : (
        <SearchResults hits={hits} activeIndex={active} onOpen={openHit} onHover={setActive} />
      )}
    </main>
  );
}
