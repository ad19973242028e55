export interface PageTerm {
  id: string;
  label: string;
  gloss: string;
  count: number;
  pageDefined: boolean;
}

export interface PageTermsProps {
  terms: PageTerm[];
  onOpen: (id: string) => void;
  emptyMessage: string;
  pageDefinedLabel: string;
}

/** "Force Commander" needs no English "Force Commander" beside it. */
const sameName = (a: string, b: string) => a.toLocaleLowerCase('nl') === b.toLocaleLowerCase('nl');

/** The terms found in the current tab, most frequent first; choosing one shows it in the page. */
export function PageTerms({ terms, onOpen, emptyMessage, pageDefinedLabel }: PageTermsProps) {
  if (terms.length === 0) return <p class="hint">{emptyMessage}</p>;
  return (
    <ul class="page-terms">
      {terms.map((term) => (
        <li key={term.id}>
          <button type="button" class="page-term" data-term-id={term.id} onClick={() => onOpen(term.id)}>
            <span class="result-term">{term.label}</span>
            <span class="page-term-gloss">
              {sameName(term.gloss, term.label) ? '' : term.gloss}
              {term.pageDefined && <em> ({pageDefinedLabel})</em>}
            </span>
            <span class="count">{term.count}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
