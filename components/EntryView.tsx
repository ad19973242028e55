import type { Entry } from '../glossary/schema';
import type { GlossLanguage } from '../utils/settings';

export interface EntryViewProps {
  entry: Entry;
  language: GlossLanguage;
  categoryLabel: string;
  /** Called with a related entry's id; omitted where related terms are not clickable. */
  onOpenRelated?: (id: string) => void;
  relatedLabel?: (id: string) => string;
  labels?: { related: string; sources: string; own: string };
}

function sourceLabel(source: Entry['sources'][number]): string {
  const parts = [
    source.kamerstuk ? `Kamerstuk ${source.kamerstuk}` : (source.title ?? source.seed),
    source.date,
  ];
  return parts.filter(Boolean).join(', ');
}

/** One glossary entry in the chosen language(s). All text is rendered as text, never as HTML. */
export function EntryView({
  entry,
  language,
  categoryLabel,
  onOpenRelated,
  relatedLabel,
  labels,
}: EntryViewProps) {
  const sections = language === 'both' ? (['en', 'nl'] as const) : ([language] as const);
  return (
    <article class="entry" lang={language === 'both' ? undefined : language}>
      <header class="entry-head">
        <h2 class="entry-term">{entry.acronym ?? entry[sections[0]].term}</h2>
        <span class="entry-category">{categoryLabel}</span>
        {entry.own && <span class="entry-own">{labels?.own ?? 'own'}</span>}
      </header>
      {sections.map((lang) => (
        <section key={lang} class="entry-lang" lang={lang}>
          <p class="entry-name">
            <abbr title={lang === 'en' ? 'English' : 'Nederlands'}>{lang.toUpperCase()}</abbr>{' '}
            <strong>{entry[lang].expansion ?? entry[lang].term}</strong>
          </p>
          <p class="entry-definition">{entry[lang].definition}</p>
        </section>
      ))}
      {entry.related.length > 0 && (
        <div class="entry-related">
          <span class="label">{labels?.related ?? 'Related'}:</span>
          {entry.related.map((id) =>
            onOpenRelated ? (
              <button key={id} type="button" class="link" onClick={() => onOpenRelated(id)}>
                {relatedLabel?.(id) ?? id}
              </button>
            ) : (
              <span key={id}>{relatedLabel?.(id) ?? id}</span>
            ),
          )}
        </div>
      )}
      {entry.sources.length > 0 && (
        <p class="entry-source">
          {labels?.sources ?? 'Sources'}: {entry.sources.map(sourceLabel).join(' · ')}
        </p>
      )}
    </article>
  );
}
