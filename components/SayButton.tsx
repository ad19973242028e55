import { nameIn } from '../glossary/names';
import type { Entry } from '../glossary/schema';

/** Speaks the term (an acronym's expansion too) in one language. */
export function SayButton({
  entry,
  lang,
  label,
  say,
}: {
  entry: Entry;
  lang: 'nl' | 'en';
  label: string;
  say: (text: string, lang: 'nl' | 'en') => void;
}) {
  // An acronym with its name in this language: an English voice reads no Dutch expansion.
  const text = entry.acronym ? `${entry.acronym}, ${nameIn(entry, lang)}` : entry[lang].term;
  return (
    <button type="button" class="say" aria-label={label} title={label} onClick={() => say(text, lang)}>
      {/* A drawn speaker: emoji fonts are missing on many Linux desktops. */}
      <svg class="say-icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
        <path d="M2 6h3l4-3v10l-4-3H2z" fill="currentColor" />
        <path
          d="M11 5.5a3.5 3.5 0 0 1 0 5M12.5 3.5a6 6 0 0 1 0 9"
          fill="none"
          stroke="currentColor"
          stroke-width="1.4"
        />
      </svg>
      <span class="say-lang" aria-hidden="true">
        {lang.toUpperCase()}
      </span>
    </button>
  );
}
