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
    ...(entry.scope !== undefined && { scope: { ...entry.scope } }),
    nl: language(entry.nl),
    en: language(entry.en),
    forms: entry.forms.map((form) => ({ ...form })),
    ...(entry.context.length > 0 && {
      context: entry.context.map((note) => ({ ...note, sources: note.sources.map((s) => ({ ...s })) })),
    }),
    related: [...entry.related],
    sources: entry.sources.map((s) => ({ ...s })),
    ...(entry.match !== undefined && { match: { ...entry.match } }),
    ...(entry.own !== undefined && { own: entry.own }),
  };
}
