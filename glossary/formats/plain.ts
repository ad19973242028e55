import type { Entry } from '../schema';

/**
 * An entry as plain data in the canonical field order of the data files, without empty optional
 * fields, so exports diff cleanly and round trips compare equal.
 */
export function toPlain(entry: Entry): Record<string, unknown> {
  const language = (section: Entry['nl']) => ({
    term: section.term,
    ...(section.expansion !== undefined && { expansion: section.expansion }),
    definition: section.definition,
  });
  return {
    id: entry.id,
    kind: entry.kind,
    category: entry.category,
    ...(entry.acronym !== undefined && { acronym: entry.acronym }),
    nl: language(entry.nl),
    en: language(entry.en),
    variants: [...entry.variants],
    related: [...entry.related],
    sources: entry.sources.map((s) => ({ ...s })),
    ...(entry.match !== undefined && { match: { ...entry.match } }),
    ...(entry.own !== undefined && { own: entry.own }),
  };
}
