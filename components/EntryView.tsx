import type { Entry } from '../glossary/schema';
import { formKey } from '../glossary/text';
import type { GlossLanguage } from '../utils/settings';
import { SourceList } from './SourceList';
import { entryName, glossLanguages } from './Tooltip';

export interface EntryViewProps {
  entry: Entry;
  language: GlossLanguage;
  /** The interface language: first when both languages are shown. */
  uiLanguage?: 'nl' | 'en';
  /** The category's name in the entry's first language. */
  categoryLabel: string;
  /** Called with a related entry's id; omitted where related terms are not clickable. */
  onOpenRelated?: (id: string) => void;
  /** A related entry, so it is named in the view's language. */
  relatedEntry?: (id: string) => Entry | undefined;
  labels?: { related: string; sources: string; own: string; context?: string };
}

/** One glossary entry in the chosen language(s). All text is rendered as text, never as HTML. */
export function EntryView({
  entry,
  language,
  uiLanguage,
  categoryLabel,
  onOpenRelated,
  relatedEntry,
  labels,
}: EntryViewProps) {
  const sections = glossLanguages(language, uiLanguage);
  const first = sections[0] as 'nl' | 'en';
  const headword = entry.acronym ?? entry[first].term;
  const nameOf = (id: string) => {
    const related = relatedEntry?.(id);
    return related ? (related.acronym ?? related[first].term) : id;
  };
  return (
    <article class="entry" lang={language === 'both' ? undefined : language}>
      <header class="entry-head">
        <h2 class="entry-term">{headword}</h2>
        <span class="entry-category">{categoryLabel}</span>
        {entry.own && <span class="entry-own">{labels?.own ?? 'own'}</span>}
      </header>
      {sections.map((lang) => {
        const name = entryName(entry, lang);
        return (
          <section key={lang} class="entry-lang" lang={lang}>
            <p class="entry-name">
              <abbr title={lang === 'en' ? 'English' : 'Nederlands'}>{lang.toUpperCase()}</abbr>{' '}
              {formKey(name) !== formKey(headword) && <strong>{name}</strong>}
            </p>
            <p class="entry-definition">{entry[lang].definition}</p>
            {entry.context.map((note, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: notes have no id and never reorder
              <p key={i} class="entry-context">
                {note[lang]}
              </p>
            ))}
          </section>
        );
      })}
      {entry.related.length > 0 && (
        <div class="entry-related">
          <span class="label">{labels?.related ?? 'Related'}:</span>
          {entry.related.map((id) =>
            onOpenRelated ? (
              <button key={id} type="button" class="link" onClick={() => onOpenRelated(id)}>
                {nameOf(id)}
              </button>
            ) : (
              <span key={id}>{nameOf(id)}</span>
            ),
          )}
        </div>
      )}
      {entry.sources.length > 0 && (
        <div class="entry-source">
          <span class="label">{labels?.sources ?? 'Sources'}:</span>
          <SourceList sources={entry.sources} class="entry-source-list" max={6} />
        </div>
      )}
    </article>
  );
}
