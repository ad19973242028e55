import type { SearchHit } from '../glossary/search';

export interface SearchResultsProps {
  hits: SearchHit[];
  activeIndex: number;
  onOpen: (hit: SearchHit) => void;
  onHover: (index: number) => void;
}

/** A listbox of hits showing both languages; the active one follows the arrow keys. */
export function SearchResults({ hits, activeIndex, onOpen, onHover }: SearchResultsProps) {
  return (
    // The search field owns the keyboard (aria-activedescendant), as in the ARIA combobox pattern.
    <div class="results" role="listbox" id="results" aria-label="Results">
      {hits.map((hit, index) => (
        // biome-ignore lint/a11y/useKeyWithClickEvents: keys are handled by the search field (combobox pattern)
        // biome-ignore lint/a11y/useFocusableInteractive: options are never focused; the field keeps focus
        <div
          key={hit.entry.id}
          id={`result-${hit.entry.id}`}
          role="option"
          aria-selected={index === activeIndex}
          class={index === activeIndex ? 'result active' : 'result'}
          onClick={() => onOpen(hit)}
          onMouseEnter={() => onHover(index)}
        >
          <span class="result-term">{hit.entry.acronym ?? hit.entry.nl.term}</span>
          <span class="result-names">
            <span lang="nl">{hit.entry.nl.expansion ?? hit.entry.nl.term}</span>
            <span lang="en">{hit.entry.en.expansion ?? hit.entry.en.term}</span>
          </span>
        </div>
      ))}
    </div>
  );
}
