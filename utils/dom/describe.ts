import type { TooltipContent } from '../../components/Tooltip';
import type { PageDefinition } from '../../glossary/abbreviations';
import { PAGE_ID_PREFIX } from '../../glossary/annotate';
import type { Entry } from '../../glossary/schema';

/** What the gloss shows for a mark: its glossary entry (curated or own), or the page's own expansion. */
export function describeMark(
  mark: HTMLElement,
  byId: ReadonlyMap<string, Entry>,
  definitions: readonly PageDefinition[],
  /** The category's name in the UI language (the content script asks browser.i18n, pages use t()). */
  categoryLabel: (category: string) => string,
): TooltipContent | null {
  const id = mark.dataset.begripId ?? '';
  if (id.startsWith(PAGE_ID_PREFIX)) {
    const acronym = id.slice(PAGE_ID_PREFIX.length);
    const definition = definitions.find((d) => d.acronym === acronym);
    return definition ? { kind: 'page', acronym, expansion: definition.expansion } : null;
  }
  const entry = byId.get(id);
  if (!entry) return null;
  const relatedLabels = entry.related.map((relatedId) => {
    const related = byId.get(relatedId);
    return related ? (related.acronym ?? related.nl.term) : relatedId;
  });
  return { kind: 'entry', entry, categoryLabel: categoryLabel(entry.category), relatedLabels };
}
