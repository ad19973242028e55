import type { EntryLink, TooltipContent } from '../../components/Tooltip';
import { PAGE_ID_PREFIX, type PageDefinition } from '../../glossary/abbreviations';
import type { Entry } from '../../glossary/schema';
import type { MarkReading } from './highlighter';

/** An entry with its related entries and other senses named in both languages, as the gloss shows them. */
export interface EntryInfo {
  entry: Entry;
  related: EntryLink[];
  also?: EntryLink[];
}

function linkTo(byId: ReadonlyMap<string, Entry>, id: string): EntryLink {
  const entry = byId.get(id);
  if (!entry) return { id, label: { nl: id, en: id } };
  return { id, label: { nl: entry.acronym ?? entry.nl.term, en: entry.acronym ?? entry.en.term } };
}

export function entryInfo(
  byId: ReadonlyMap<string, Entry>,
  id: string,
  also: readonly string[] = [],
): EntryInfo | null {
  const entry = byId.get(id);
  if (!entry) return null;
  const info: EntryInfo = { entry, related: entry.related.map((relatedId) => linkTo(byId, relatedId)) };
  const senses = also.filter((other) => byId.has(other));
  if (senses.length) info.also = senses.map((other) => linkTo(byId, other));
  return info;
}

/** Category id → its name in both languages. */
export type CategoryNames = (category: string) => { nl: string; en: string };

/**
 * What the gloss shows for a term: its glossary entry (curated or own), looked up by `lookup`
 * (locally in the reader, in the background for the content script), or the page's own expansion.
 * What the context rules said (other senses, why) comes with the term, never from the DOM.
 */
export async function describeTerm(
  reading: MarkReading,
  lookup: (id: string, also: readonly string[]) => EntryInfo | null | Promise<EntryInfo | null>,
  definitions: readonly PageDefinition[],
  categories: CategoryNames,
): Promise<TooltipContent | null> {
  const { id } = reading;
  if (id.startsWith(PAGE_ID_PREFIX)) {
    const acronym = id.slice(PAGE_ID_PREFIX.length);
    const definition = definitions.find((d) => d.acronym === acronym);
    return definition ? { kind: 'page', acronym, expansion: definition.expansion } : null;
  }
  const info = await describeId(id, reading.alternatives ?? [], lookup, categories);
  if (info?.kind !== 'entry') return info;
  return {
    ...info,
    ...(reading.text && { matched: reading.text }),
    ...(reading.sense && { sense: reading.sense }),
  };
}

/** The gloss of an entry by id: what a related term or another sense opens. */
export async function describeId(
  id: string,
  also: readonly string[],
  lookup: (id: string, also: readonly string[]) => EntryInfo | null | Promise<EntryInfo | null>,
  categories: CategoryNames,
): Promise<TooltipContent | null> {
  const info = await lookup(id, also);
  if (!info) return null;
  return {
    kind: 'entry',
    entry: info.entry,
    category: categories(info.entry.category),
    related: info.related,
    ...(info.also && { also: info.also }),
  };
}
