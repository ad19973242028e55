import type { TooltipContent } from '../../components/Tooltip';
import { PAGE_ID_PREFIX, type PageDefinition } from '../../glossary/abbreviations';
import type { Entry } from '../../glossary/schema';

/** An entry with the short labels of its related entries, as the gloss shows them. */
export interface EntryInfo {
  entry: Entry;
  relatedLabels: string[];
}

export function entryInfo(byId: ReadonlyMap<string, Entry>, id: string): EntryInfo | null {
  const entry = byId.get(id);
  if (!entry) return null;
  const relatedLabels = entry.related.map((relatedId) => {
    const related = byId.get(relatedId);
    return related ? (related.acronym ?? related.nl.term) : relatedId;
  });
  return { entry, relatedLabels };
}

/**
 * What the gloss shows for a mark: its glossary entry (curated or own), looked up by `lookup`
 * (locally in the reader, in the background for the content script), or the page's own expansion.
 */
export async function describeMark(
  mark: HTMLElement,
  lookup: (id: string) => EntryInfo | null | Promise<EntryInfo | null>,
  definitions: readonly PageDefinition[],
  /** The category's name in the UI language (the content script asks browser.i18n, pages use t()). */
  categoryLabel: (category: string) => string,
): Promise<TooltipContent | null> {
  const id = mark.dataset.begripId ?? '';
  if (id.startsWith(PAGE_ID_PREFIX)) {
    const acronym = id.slice(PAGE_ID_PREFIX.length);
    const definition = definitions.find((d) => d.acronym === acronym);
    return definition ? { kind: 'page', acronym, expansion: definition.expansion } : null;
  }
  const info = await lookup(id);
  return info ? { kind: 'entry', ...info, categoryLabel: categoryLabel(info.entry.category) } : null;
}
