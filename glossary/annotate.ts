/**
 * Annotation = glossary matches plus acronyms the text defines itself ("Shia Coordination
 * Framework (SCF)") that the glossary lacks. The page-defined ones are matched by a second,
 * tiny Matcher (the same code, so the same rules: case, whole words, LTO’s) and are marked
 * `pageDefined` with the text's own expansion.
 */
import { findDefinitions, PAGE_ID_PREFIX, type PageDefinition } from './abbreviations';
import { type Match, Matcher } from './matcher';
import type { Entry } from './schema';

export interface Annotation extends Match {
  /** Set when the acronym is not in the glossary but defined in the text itself. */
  pageDefined?: { expansion: string };
}

export { PAGE_ID_PREFIX };

function pageEntry(definition: PageDefinition): Entry {
  const section = { term: definition.acronym, definition: definition.expansion };
  return {
    id: `${PAGE_ID_PREFIX}${definition.acronym}`,
    kind: 'acronym',
    category: 'concept',
    acronym: definition.acronym,
    nl: section,
    en: section,
    forms: [],
    context: [],
    related: [],
    sources: [],
  };
}

/** Definitions of acronyms that the glossary's matcher does not know, first one per acronym. */
export function unknownDefinitions(matcher: Matcher, found: readonly PageDefinition[]): PageDefinition[] {
  const byAcronym = new Map<string, PageDefinition>();
  for (const definition of found) {
    if (byAcronym.has(definition.acronym)) continue;
    const known = matcher.match(definition.acronym).some((m) => m.text === definition.acronym);
    if (!known) byAcronym.set(definition.acronym, definition);
  }
  return [...byAcronym.values()];
}

export interface Annotator {
  /** Acronyms the text defines that the glossary lacks, with the text's own expansion. */
  readonly definitions: readonly PageDefinition[];
  annotate(text: string): Annotation[];
}

/**
 * An annotator for one document: definitions are found once in the document (its whole text, or
 * definitions already found part by part), then any part of it (a paragraph, a text run on a
 * page) is annotated with the glossary and with them.
 */
export function createAnnotator(matcher: Matcher, document: string | readonly PageDefinition[]): Annotator {
  const found = typeof document === 'string' ? findDefinitions(document) : document;
  const definitions = unknownDefinitions(matcher, found);
  const pageMatcher = definitions.length ? new Matcher(definitions.map(pageEntry)) : null;
  const expansions = new Map(definitions.map((d) => [`${PAGE_ID_PREFIX}${d.acronym}`, d.expansion]));
  return {
    definitions,
    annotate(text) {
      const matches: Annotation[] = matcher.match(text);
      if (!pageMatcher) return matches;
      const merged = [...matches];
      for (const match of pageMatcher.match(text)) {
        if (matches.some((m) => m.start < match.end && match.start < m.end)) continue;
        merged.push({ ...match, pageDefined: { expansion: expansions.get(match.id) ?? '' } });
      }
      return merged.sort((a, b) => a.start - b.start);
    },
  };
}

/** Glossary matches and page-defined acronyms, sorted, never overlapping (the glossary wins). */
export function annotate(matcher: Matcher, text: string): Annotation[] {
  return createAnnotator(matcher, text).annotate(text);
}
