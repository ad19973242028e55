/**
 * Annotation = glossary matches plus what the text says about its own acronyms ("Shia
 * Coordination Framework (SCF)"). An acronym the glossary lacks is matched by a second, tiny
 * Matcher (the same code, so the same rules: case, whole words, LTO’s) and marked `pageDefined`
 * with the text's own expansion. An acronym the glossary knows but the text defines otherwise
 * ("Chief of Defence Staff (CDS)" in a British text) is the text's, not the glossary's: the text
 * knows what it means (context rule 3, docs/glossary-format.md). Where the text's expansion fits
 * one of the glossary's senses, that sense is chosen.
 */
import { baseOfShortForm, findDefinitions, PAGE_ID_PREFIX, type PageDefinition } from './abbreviations';
import { formsOf } from './forms';
import { type Match, Matcher } from './matcher';
import type { Entry } from './schema';
import { formKey } from './text';

export interface Annotation extends Match {
  /** Set when the acronym is not in the glossary, or means something else here, per the text itself. */
  pageDefined?: { expansion: string };
}

export { PAGE_ID_PREFIX };

/** A page cannot make the background hold more definitions than this (audit F12). */
export const MAX_DEFINITIONS = 1000;

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

const MINOR_WORDS = new Set(['of', 'the', 'and', 'for', 'van', 'de', 'het', 'en', 'voor', 'in']);
/** Folded words without the minor ones, a plural ending dropped: "Long Term Objectives" → long term objective. */
const contentWords = (value: string) =>
  formKey(value)
    .split(' ')
    .filter((w) => w && !MINOR_WORDS.has(w))
    .map((w) => (w.length > 4 ? w.replace(/(?:en|s)$/, '') : w));

/** The text's expansion names this entry: one of its forms, or most of the same words. */
function expansionFits(entry: Entry, expansion: string): boolean {
  const key = formKey(expansion);
  const words = new Set(contentWords(expansion));
  return formsOf(entry).some((form) => {
    if (form.key === key) return true;
    const theirs = contentWords(form.text);
    const shared = theirs.filter((w) => words.has(w)).length;
    // "Chief of Defence Staff" is not "Chief of Defence": all but a quarter of the words must agree.
    return theirs.length > 1 && shared / Math.max(theirs.length, words.size) >= 0.75;
  });
}

/** What the text's own definitions do to the glossary's reading of its acronyms. */
export interface DefinitionReading {
  /** Acronyms the glossary lacks, or that the text defines otherwise: shown as the text says. */
  pageDefined: PageDefinition[];
  /** Acronyms with several senses in the glossary, the sense the text's expansion names. */
  chosen: Map<string, { id: string; expansion: string }>;
  /** Entries whose acronym the text defines as the glossary does: the text confirms them. */
  confirmed: Set<string>;
  /** Acronyms the glossary knows but the text defines otherwise (a subset of pageDefined). */
  redefined: PageDefinition[];
}

/** Read the definitions (first one per acronym) against the glossary. */
export function readDefinitions(matcher: Matcher, found: readonly PageDefinition[]): DefinitionReading {
  const reading: DefinitionReading = {
    pageDefined: [],
    chosen: new Map(),
    confirmed: new Set(),
    redefined: [],
  };
  const seen = new Set<string>();
  const byId = new Map(matcher.entries.map((entry) => [entry.id, entry]));
  for (const definition of found) {
    if (seen.has(definition.acronym) || seen.size >= MAX_DEFINITIONS) continue;
    seen.add(definition.acronym);
    // Every sense of the bare acronym: there is no context around it to choose with.
    const known = matcher
      .match(definition.acronym, { context: false })
      .find((m) => m.text === definition.acronym);
    if (!known) {
      reading.pageDefined.push(definition);
      continue;
    }
    const senses = [known.id, ...(known.alternatives ?? [])].map((id) => byId.get(id) as Entry);
    const fitting = senses.find((entry) => entry && expansionFits(entry, definition.expansion));
    if (!fitting) {
      reading.pageDefined.push(definition);
      reading.redefined.push(definition);
    } else reading.confirmed.add(fitting.id);
    if (fitting && senses.length > 1)
      reading.chosen.set(definition.acronym, { id: fitting.id, expansion: definition.expansion });
  }
  return reading;
}

/** Definitions of acronyms the text uses differently from the glossary, or the glossary lacks. */
export function unknownDefinitions(matcher: Matcher, found: readonly PageDefinition[]): PageDefinition[] {
  return readDefinitions(matcher, found).pageDefined;
}

export interface Annotator {
  /** Acronyms the text defines that the glossary lacks or means otherwise, with the text's expansion. */
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
  const reading = readDefinitions(matcher, found);
  const definitions = reading.pageDefined;
  const pageMatcher = definitions.length ? new Matcher(definitions.map(pageEntry)) : null;
  const expansions = new Map(definitions.map((d) => [d.acronym, d.expansion]));
  const pageDefined = new Map(definitions.map((d) => [d.acronym, { expansion: d.expansion }]));
  const rereading = expansions.size > 0 || reading.chosen.size > 0;
  return {
    definitions,
    annotate(text) {
      let glossary = matcher.match(text, { confirmed: reading.confirmed });
      // Only where the text redefines an acronym the glossary knows can a glossary form sit inside
      // the text's long form and mean something else there.
      if (reading.redefined.length) {
        const inLongForm = insideSpans(longFormSpans(text, reading.redefined));
        glossary = glossary.filter((match) => !inLongForm(match));
      }
      // Most pages define nothing: their matches are taken as they are (a storm's 100,000 short
      // texts each made two arrays and looked up every acronym for nothing).
      if (rereading) glossary = glossary.map((match) => reread(match, reading, expansions));
      return pageMatcher ? merge(glossary, pageOnly(pageMatcher.match(text), pageDefined)) : glossary;
    },
  };
}

/** At most this many long forms are looked for in each text (a page's definitions are few). */
const MAX_LONG_FORMS = 20;

/**
 * Where the text spells out its own acronyms ("Chief of Defence Staff" before "(CDS)"): the
 * glossary's shorter forms inside them ("Chief of Defence") are not what the text means there.
 */
function longFormSpans(
  text: string,
  definitions: readonly PageDefinition[],
): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const { expansion } of definitions.slice(0, MAX_LONG_FORMS)) {
    if (expansion.length < 4) continue;
    for (let at = text.indexOf(expansion); at >= 0; at = text.indexOf(expansion, at + expansion.length))
      spans.push({ start: at, end: at + expansion.length });
  }
  return spans;
}

/** A test for matches given in order of start: one pass over the spans, sorted once. */
function insideSpans(
  spans: { start: number; end: number }[],
): (match: { start: number; end: number }) => boolean {
  spans.sort((a, b) => a.start - b.start);
  let next = 0;
  let reach = -1;
  return (match) => {
    while (next < spans.length && (spans[next] as { start: number }).start <= match.start) {
      reach = Math.max(reach, (spans[next] as { end: number }).end);
      next++;
    }
    return match.end <= reach;
  };
}

function pageOnly(matches: Match[], pageDefined: ReadonlyMap<string, { expansion: string }>): Annotation[] {
  // Built field by field, with one `pageDefined` per acronym, shared: a page may use each of its
  // acronyms thousands of times, and a spread per use was a good part of the background's work.
  return matches.map((match) => {
    const { start, end, text, id, alternatives, sense } = match;
    const annotation: Annotation = {
      start,
      end,
      text,
      id,
      pageDefined: pageDefined.get(id.slice(PAGE_ID_PREFIX.length)) ?? { expansion: '' },
    };
    if (alternatives) annotation.alternatives = alternatives;
    if (sense) annotation.sense = sense;
    return annotation;
  });
}

/** A glossary match of an acronym the text defines: the text's sense, or its own expansion. */
function reread(
  match: Match,
  reading: DefinitionReading,
  expansions: ReadonlyMap<string, string>,
): Annotation {
  const acronym = baseOfShortForm(match.text);
  const redefined = expansions.get(acronym);
  if (redefined !== undefined) {
    const { alternatives: _senses, sense: _why, ...rest } = match;
    return { ...rest, id: `${PAGE_ID_PREFIX}${acronym}`, pageDefined: { expansion: redefined } };
  }
  const chosen = reading.chosen.get(acronym);
  if (!chosen || (chosen.id === match.id && match.sense?.reason === 'definition')) return match;
  const others = [match.id, ...(match.alternatives ?? [])].filter((id) => id !== chosen.id);
  return {
    ...match,
    id: chosen.id,
    ...(others.length ? { alternatives: others } : {}),
    sense: { reason: 'definition', evidence: chosen.expansion },
  };
}

/** Both lists sorted by start: one pass, the glossary's match winning where they overlap. */
function merge(glossary: Annotation[], page: Annotation[]): Annotation[] {
  const merged: Annotation[] = [];
  let g = 0;
  for (const match of page) {
    while (g < glossary.length && (glossary[g] as Annotation).end <= match.start)
      merged.push(glossary[g++] as Annotation);
    const next = glossary[g];
    if (next && next.start < match.end) continue;
    merged.push(match);
  }
  while (g < glossary.length) merged.push(glossary[g++] as Annotation);
  return merged;
}

/** Glossary matches and page-defined acronyms, sorted, never overlapping (the glossary wins). */
export function annotate(matcher: Matcher, text: string): Annotation[] {
  return createAnnotator(matcher, text).annotate(text);
}
