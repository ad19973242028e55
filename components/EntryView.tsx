import { entryName } from '../glossary/names';
import type { Entry } from '../glossary/schema';
import { formKey } from '../glossary/text';
import { SayButton } from './SayButton';
import { SourceList } from './SourceList';
import { glossLanguages } from './Tooltip';

export interface EntryViewProps {
  entry: Entry;
  /** The interface language: shown first (both languages are always shown). */
  uiLanguage?: 'nl' | 'en';
  /** The category's name in the entry's first language. */
  categoryLabel: string;
  /** Called with a related entry's id; omitted where related terms are not clickable. */
  onOpenRelated?: (id: string) => void;
  /** A related entry, so it is named in the view's language. */
  relatedEntry?: (id: string) => Entry | undefined;
  labels?: { related: string; sources: string; own: string; context?: string };
  /** The headword's heading level: 2 in the popup, 3 inside a page section (the options). */
  headingLevel?: 2 | 3;
  /**
   * "Say it": a speaker button in each language's section that has a voice on this device, named
   * by `labels` ("Say it in Dutch"). Omitted: no buttons.
   */
  speak?: {
    languages: readonly ('nl' | 'en')[];
    say: (text: string, lang: 'nl' | 'en') => void;
    labels: { nl: string; en: string };
  };
}

/**
 * One glossary entry in both languages, the interface language first, ordered as the gloss orders
 * them (glossLanguages). The entry view is where a reader looks a term up, so unlike the gloss on
 * a page it does not follow the gloss-language setting. All text is rendered as text, never as HTML.
 */
export function EntryView({
  entry,
  uiLanguage,
  categoryLabel,
  onOpenRelated,
  relatedEntry,
  labels,
  headingLevel = 2,
  speak,
}: EntryViewProps) {
  const Heading = headingLevel === 3 ? 'h3' : 'h2';
  const sections = glossLanguages('both', uiLanguage);
  const first = sections[0] as 'nl' | 'en';
  const headword = entry.acronym ?? entry[first].term;
  const nameOf = (id: string) => {
    const related = relatedEntry?.(id);
    return related ? (related.acronym ?? related[first].term) : id;
  };
  return (
    <article class="entry">
      <header class="entry-head">
        <Heading class="entry-term">{headword}</Heading>
        <span class="entry-category">{categoryLabel}</span>
        {entry.own && <span class="entry-own">{labels?.own ?? 'own'}</span>}
      </header>
      {sections.map((lang) => {
        const name = entryName(entry, lang);
        const label = <abbr title={lang === 'en' ? 'English' : 'Nederlands'}>{lang.toUpperCase()}</abbr>;
        // The language's label leads its name, or its definition where the name is the headword.
        const named = formKey(name) !== formKey(headword);
        const sayButton = speak?.languages.includes(lang) && (
          <SayButton entry={entry} lang={lang} label={speak.labels[lang]} say={speak.say} />
        );
        return (
          <section key={lang} class="entry-lang" lang={lang}>
            {named && (
              <p class="entry-name">
                {label} <strong>{name}</strong> {sayButton}
              </p>
            )}
            <p class="entry-definition">
              {!named && (
                <>
                  {label} {sayButton && <>{sayButton} </>}
                </>
              )}
              {entry[lang].definition}
            </p>
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
