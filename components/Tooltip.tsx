import type { Entry } from '../glossary/schema';
import type { GlossLanguage } from '../utils/settings';

export type TooltipContent =
  | { kind: 'entry'; entry: Entry; categoryLabel: string; relatedLabels: string[] }
  | { kind: 'page'; acronym: string; expansion: string };

export interface TooltipProps {
  id: string;
  content: TooltipContent;
  language: GlossLanguage;
  /** Label for page-defined acronyms, in the UI language. */
  pageDefinedLabel: string;
  /** Label for the user's own entries ("own"). */
  ownLabel?: string;
  onPointerEnter?: () => void;
  onPointerLeave?: () => void;
}

const LANGUAGE_NAMES = { en: 'English', nl: 'Nederlands' } as const;

function sourceLabel(source: Entry['sources'][number]): string {
  if (source.kamerstuk) return `Kamerstuk ${source.kamerstuk}${source.date ? `, ${source.date}` : ''}`;
  return source.date ? `${source.title ?? 'Rijksoverheid'}, ${source.date}` : (source.title ?? '');
}

/** The gloss shown on the page. Props only; all glossary text is rendered as text, never as HTML. */
export function Tooltip({
  id,
  content,
  language,
  pageDefinedLabel,
  ownLabel = 'own',
  onPointerEnter,
  onPointerLeave,
}: TooltipProps) {
  return (
    <div id={id} class="tooltip" role="tooltip" onMouseEnter={onPointerEnter} onMouseLeave={onPointerLeave}>
      {content.kind === 'page' ? (
        <>
          <p class="head">
            <strong class="term">{content.acronym}</strong>
            <span class="badge">{pageDefinedLabel}</span>
          </p>
          <p class="expansion">{content.expansion}</p>
        </>
      ) : (
        <EntryGloss {...content} language={language} ownLabel={ownLabel} />
      )}
    </div>
  );
}

function EntryGloss({
  entry,
  categoryLabel,
  relatedLabels,
  language,
  ownLabel,
}: Extract<TooltipContent, { kind: 'entry' }> & { language: GlossLanguage; ownLabel: string }) {
  const languages = language === 'both' ? (['en', 'nl'] as const) : ([language] as const);
  // Kamerstuk references are what a reader can look up; news items only when there is none.
  const kamerstukken = entry.sources.filter((source) => source.kamerstuk);
  const sources = (kamerstukken.length ? kamerstukken : entry.sources).map(sourceLabel).filter(Boolean);
  return (
    <>
      <p class="head">
        <strong class="term">{entry.acronym ?? entry[languages[0]].term}</strong>
        <span class="badge">{categoryLabel}</span>
        {entry.own && <span class="badge">{ownLabel}</span>}
      </p>
      {languages.map((lang) => (
        <section key={lang} lang={lang} class="lang">
          {languages.length > 1 && <abbr title={LANGUAGE_NAMES[lang]}>{lang.toUpperCase()}</abbr>}
          <p class="expansion">{entry[lang].expansion ?? entry[lang].term}</p>
          <p class="definition">{entry[lang].definition}</p>
        </section>
      ))}
      {relatedLabels.length > 0 && <p class="related">→ {relatedLabels.join(' · ')}</p>}
      {sources.length > 0 && <p class="source">{sources.join(' · ')}</p>}
    </>
  );
}
