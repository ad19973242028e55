import { nameIn } from '../glossary/names';
import type { SearchHit } from '../glossary/search';
import { Highlighted, type Range } from './Highlighted';

export interface SearchResultsProps {
  hits: SearchHit[];
  activeIndex: number;
  onOpen: (hit: SearchHit) => void;
  onHover: (index: number) => void;
  ownLabel: string;
}

/** Ranges of the query's match inside one displayed string (fuse reports them per field value). */
function rangesFor(hit: SearchHit, text: string): readonly Range[] {
  return hit.matches.filter((m) => m.value === text).flatMap((m) => m.indices as readonly Range[]);
}

/** A listbox of hits showing both languages (a name the same in both once) with the matched part marked. */
export function SearchResults({ hits, activeIndex, onOpen, onHover, ownLabel }: SearchResultsProps) {
  return (
    // The search field owns the keyboard (aria-activedescendant), as in the ARIA combobox pattern.
    <div class="results" role="listbox" id="results" aria-label="Results">
      {hits.map((hit, index) => {
        const { entry } = hit;
        const term = entry.acronym ?? entry.nl.term;
        const nl = nameIn(entry, 'nl');
        const en = nameIn(entry, 'en');
        return (
          // biome-ignore lint/a11y/useKeyWithClickEvents: keys are handled by the search field (combobox pattern)
          // biome-ignore lint/a11y/useFocusableInteractive: options are never focused; the field keeps focus
          <div
            key={entry.id}
            id={`result-${entry.id}`}
            role="option"
            aria-selected={index === activeIndex}
            class={index === activeIndex ? 'result active' : 'result'}
            onClick={() => onOpen(hit)}
            onMouseEnter={() => onHover(index)}
          >
            <span class="result-term">
              <Highlighted text={term} ranges={rangesFor(hit, term)} />
              {entry.own && <span class="entry-own">{ownLabel}</span>}
            </span>
            <span class="result-names">
              <span lang="nl">
                <Highlighted text={nl} ranges={rangesFor(hit, nl)} />
              </span>
              {/* The same name in both languages (NMI, JOCAT-N) is shown once. */}
              {en !== nl && (
                <span lang="en">
                  <Highlighted text={en} ranges={rangesFor(hit, en)} />
                </span>
              )}
            </span>
          </div>
        );
      })}
    </div>
  );
}
