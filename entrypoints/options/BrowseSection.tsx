import { useEffect, useMemo, useState } from 'preact/hooks';
import { CategoryOptions } from '../../components/CategoryOptions';
import { EntryView } from '../../components/EntryView';
import type { Category, Entry } from '../../glossary/schema';
import { categoryLabel, t, uiLanguage } from '../../utils/i18n';
import { combine, loadOwnEntries } from '../../utils/own-glossary';
import { type GlossLanguage, resolveGlossLanguage } from '../../utils/setting-values';
import { glossLanguageSetting } from '../../utils/settings';

const label = (entry: Entry) => entry.acronym ?? entry.nl.term;

/** The whole glossary, A–Z or by category, with the same entry view as the popup. */
export function BrowseSection() {
  const [entries, setEntries] = useState<Entry[]>(() => combine([]));
  const [category, setCategory] = useState<Category | 'all'>('all');
  const [open, setOpen] = useState<Entry | null>(null);
  const [language, setLanguage] = useState<GlossLanguage>('both');
  const byId = useMemo(() => new Map(entries.map((e) => [e.id, e])), [entries]);

  useEffect(() => {
    void loadOwnEntries().then((own) => setEntries(combine(own)));
    void glossLanguageSetting
      .getValue()
      .then((v) => setLanguage(resolveGlossLanguage(v, navigator.language)));
  }, []);

  const shown = entries
    .filter((e) => category === 'all' || e.category === category)
    .sort((a, b) => label(a).localeCompare(label(b), 'nl', { sensitivity: 'base' }));
  return (
    <section class="card" aria-labelledby="browse-title">
      <h2 id="browse-title">{t('browseTitle')}</h2>
      <label>
        {t('fieldCategory')}{' '}
        <select value={category} onChange={(e) => setCategory(e.currentTarget.value as Category | 'all')}>
          <option value="all">{t('allCategories')}</option>
          <CategoryOptions label={categoryLabel} />
        </select>
      </label>
      {open && (
        <EntryView
          entry={open}
          language={language}
          categoryLabel={categoryLabel(open.category)}
          onOpenRelated={(id) => setOpen(byId.get(id) ?? open)}
          relatedEntry={(id) => byId.get(id)}
          uiLanguage={uiLanguage()}
          labels={{ related: t('related'), sources: t('sources'), own: t('own') }}
        />
      )}
      <ul class="browse-list">
        {shown.map((entry) => (
          <li key={entry.id}>
            <button type="button" onClick={() => setOpen(entry)}>
              {label(entry)}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
