import type { Sense, SenseReason } from '../glossary/context';
import { entryName } from '../glossary/names';
import type { Entry } from '../glossary/schema';
import { formKey } from '../glossary/text';
import type { GlossLanguage } from '../utils/settings';
import { SayButton } from './SayButton';
import { SourceList } from './SourceList';

/** Another entry the gloss names (related, or another sense of the form), in both languages. */
export interface EntryLink {
  id: string;
  label: { nl: string; en: string };
}

export type TooltipContent =
  | {
      kind: 'entry';
      entry: Entry;
      /** The category's name in both languages: the gloss uses its own language's. */
      category: { nl: string; en: string };
      related: EntryLink[];
      /** The text as it stands on the page, when it differs from the headword. */
      matched?: string;
      /** Why the context rules chose this entry, and the other senses of the form. */
      sense?: Sense;
      also?: EntryLink[];
    }
  | { kind: 'page'; acronym: string; expansion: string };

/** The gloss's own words, in the interface language. */
export interface TooltipLabels {
  pageDefined: string;
  own: string;
  /** "also:" before the other senses. */
  also: string;
  back: string;
  /** "In the text: “$1”". */
  inText: string;
  /** Per rule, with $1 for the words of the text that decided: "chosen from “$1”". */
  why: Record<SenseReason, string>;
  sources: string;
  /** "In context": the folded list of dated notes. */
  context: string;
  /** The speak buttons' names: "Say it in Dutch", "Say it in English". */
  say?: { nl: string; en: string };
}

export const ENGLISH_LABELS: TooltipLabels = {
  pageDefined: 'defined on this page',
  own: 'own',
  also: 'also',
  back: 'Back',
  inText: 'In the text: “$1”',
  why: {
    qualifier: 'Chosen from “$1” in the text',
    paragraph: 'Chosen from “$1” in this paragraph',
    definition: 'As the text defines it: “$1”',
    cue: 'Chosen from “$1” nearby',
  },
  sources: 'Sources',
  context: 'In context',
  say: { nl: 'Say it in Dutch', en: 'Say it in English' },
};

export interface TooltipProps {
  id: string;
  content: TooltipContent;
  language: GlossLanguage;
  /** The interface language: first when the gloss shows both. */
  uiLanguage?: 'nl' | 'en';
  labels?: TooltipLabels;
  /** Open another entry in the gloss (related terms, other senses). */
  onOpen?: (id: string) => void;
  /** Shown when the gloss has been moved on from the term's own entry. */
  onBack?: () => void;
  onPointerEnter?: () => void;
  onPointerLeave?: () => void;
  /** Speak a text in a language; only for the languages with a voice on this device. */
  speak?: { languages: readonly ('nl' | 'en')[]; say: (text: string, lang: 'nl' | 'en') => void };
}

const LANGUAGE_NAMES = { en: 'English', nl: 'Nederlands' } as const;

/** The languages of the gloss, the interface language first when it shows both. */
export function glossLanguages(language: GlossLanguage, ui: 'nl' | 'en' = 'en'): readonly ('nl' | 'en')[] {
  if (language !== 'both') return [language];
  return ui === 'nl' ? ['nl', 'en'] : ['en', 'nl'];
}

const fill = (template: string, value: string) => template.replace('$1', value);

/** The gloss shown on the page. Props only; all glossary text is rendered as text, never as HTML. */
export function Tooltip(props: TooltipProps) {
  const { id, content, onPointerEnter, onPointerLeave } = props;
  const labels = props.labels ?? ENGLISH_LABELS;
  return (
    <div id={id} class="tooltip" role="tooltip" onMouseEnter={onPointerEnter} onMouseLeave={onPointerLeave}>
      {props.onBack && (
        <button type="button" class="back" onClick={props.onBack}>
          ← {labels.back}
        </button>
      )}
      {content.kind === 'page' ? (
        <>
          <p class="head">
            <strong class="term">{content.acronym}</strong>
            <span class="badge">{labels.pageDefined}</span>
          </p>
          <p class="expansion">{content.expansion}</p>
        </>
      ) : (
        <EntryGloss {...props} content={content} labels={labels} />
      )}
    </div>
  );
}

function EntryGloss({
  content,
  language,
  uiLanguage,
  labels,
  onOpen,
  speak,
}: TooltipProps & { content: Extract<TooltipContent, { kind: 'entry' }>; labels: TooltipLabels }) {
  const { entry } = content;
  const languages = glossLanguages(language, uiLanguage);
  const first = languages[0] as 'nl' | 'en';
  const headword = entry.acronym ?? entry[first].term;
  const shownMatch =
    content.matched && formKey(content.matched) !== formKey(headword) ? content.matched : undefined;
  return (
    <>
      <p class="head">
        <strong class="term" lang={entry.acronym ? undefined : first}>
          {headword}
        </strong>
        <span class="badge">{content.category[first]}</span>
        {entry.own && <span class="badge">{labels.own}</span>}
        {speak?.languages.map((lang) => (
          <SayButton
            key={lang}
            entry={entry}
            lang={lang}
            label={(labels.say ?? ENGLISH_LABELS.say)?.[lang] ?? ''}
            say={speak.say}
          />
        ))}
      </p>
      {shownMatch && <p class="matched">{fill(labels.inText, shownMatch)}</p>}
      {languages.map((lang) => (
        <LanguageSection
          key={lang}
          entry={entry}
          lang={lang}
          headword={headword}
          labelled={languages.length > 1}
        />
      ))}
      {entry.context.length > 0 && (
        // Dated facts are for the reader who wants them: folded, so the gloss stays short.
        <details class="context">
          <summary>
            {labels.context} ({entry.context.length})
          </summary>
          {entry.context.map((note, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: notes have no id and never reorder
            <p key={i} lang={first}>
              {note[first]}
            </p>
          ))}
        </details>
      )}
      {(content.sense || content.also?.length) && (
        <p class="sense">
          {content.sense && <span>{fill(labels.why[content.sense.reason], content.sense.evidence)}</span>}
          {content.also?.length ? (
            <span>
              {content.sense ? ' · ' : ''}
              {labels.also}: <Links links={content.also} lang={first} onOpen={onOpen} />
            </span>
          ) : null}
        </p>
      )}
      {content.related.length > 0 && (
        <p class="related">
          → <Links links={content.related} lang={first} onOpen={onOpen} />
        </p>
      )}
      <SourceList sources={entry.sources} class="source" />
    </>
  );
}

function LanguageSection({
  entry,
  lang,
  headword,
  labelled,
}: {
  entry: Entry;
  lang: 'nl' | 'en';
  headword: string;
  labelled: boolean;
}) {
  const name = entryName(entry, lang);
  // The headword is not shown twice: the name line only when it says more than the headword.
  const showName = formKey(name) !== formKey(headword);
  return (
    <section lang={lang} class="lang">
      {labelled && <abbr title={LANGUAGE_NAMES[lang]}>{lang.toUpperCase()}</abbr>}
      {showName && <p class="expansion">{name}</p>}
      <p class="definition">{entry[lang].definition}</p>
    </section>
  );
}

function Links({
  links,
  lang,
  onOpen,
}: {
  links: readonly EntryLink[];
  lang: 'nl' | 'en';
  onOpen?: (id: string) => void;
}) {
  return (
    <>
      {links.map((link, i) => (
        <span key={link.id}>
          {i > 0 && ' · '}
          {onOpen ? (
            <button type="button" class="link" onClick={() => onOpen(link.id)}>
              {link.label[lang]}
            </button>
          ) : (
            link.label[lang]
          )}
        </span>
      ))}
    </>
  );
}
