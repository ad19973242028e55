/**
 * The glossary and its matcher live here, once per browser session, instead of in every tab: a
 * page's content script sends its text and gets the terms back. Each page is then spared parsing
 * the glossary data and compiling the matcher, and the matching runs off the page's main thread.
 */
import { findDefinitions, type PageDefinition } from '../../glossary/abbreviations';
import {
  type Annotator,
  createAnnotator,
  MAX_DEFINITIONS,
  unknownDefinitions,
} from '../../glossary/annotate';
import { inlineNote } from '../../glossary/inline-note';
import { Matcher } from '../../glossary/matcher';
import type { Entry } from '../../glossary/schema';
import { combine } from '../../utils/all-entries';
import { entryInfo } from '../../utils/dom/describe';
import {
  type AnnotateResponse,
  type DescribeResponse,
  type InlineNotesResponse,
  packTerms,
} from '../../utils/messages';
import { ownEntriesItem, readOwnEntries } from '../../utils/own-entries';

/** Annotators per set of page definitions (most pages define none, or the same few). */
const MAX_CACHED_ANNOTATORS = 20;

interface Compiled {
  matcher: Matcher;
  byId: Map<string, Entry>;
  annotators: Map<string, Annotator>;
}

export class GlossaryService {
  private compiled: Promise<Compiled> | null = null;

  constructor() {
    // Own entries changed in the options page: compile again on the next request.
    ownEntriesItem.watch(() => {
      this.compiled = null;
    });
  }

  private compile(): Promise<Compiled> {
    this.compiled ??= readOwnEntries().then((own) => {
      const entries = combine(own);
      return {
        matcher: new Matcher(entries),
        byId: new Map(entries.map((e) => [e.id, e])),
        annotators: new Map(),
      };
    });
    return this.compiled;
  }

  /**
   * The terms of a page's texts (one batch of its text runs, in order). `known` are the page's own
   * acronym definitions from earlier batches; this batch's are found here, so the page's main
   * thread never scans for them. A definition applies from its batch on.
   */
  async annotate(texts: readonly string[], known: readonly PageDefinition[]): Promise<AnnotateResponse> {
    const { matcher, annotators } = await this.compile();
    const found = known.slice(0, MAX_DEFINITIONS);
    for (const text of texts) {
      if (found.length >= MAX_DEFINITIONS || !text.includes('(')) continue;
      // One by one: a spread of 150,000 definitions overflows the call stack (audit F12).
      for (const definition of findDefinitions(text))
        if (found.length < MAX_DEFINITIONS) found.push(definition);
    }
    const definitions = unknownDefinitions(matcher, found);
    const key = definitions.map((d) => `${d.acronym}=${d.expansion}`).join('\n');
    let annotator = annotators.get(key);
    if (!annotator) {
      annotator = createAnnotator(matcher, definitions);
      if (annotators.size >= MAX_CACHED_ANNOTATORS)
        annotators.delete(annotators.keys().next().value as string);
      annotators.set(key, annotator);
    }
    const used = annotator;
    return { ...packTerms(texts.map((text) => used.annotate(text))), pageDefinitions: [...used.definitions] };
  }

  /** The entry with this id, curated or own. */
  async entry(id: string): Promise<Entry | undefined> {
    return (await this.compile()).byId.get(id);
  }

  async describe(id: string, also: readonly string[] = []): Promise<DescribeResponse | null> {
    return entryInfo((await this.compile()).byId, id, also);
  }

  /** The inline reading mode's notes for these entries (those that have one). */
  async inlineNotes(ids: readonly string[], language: 'nl' | 'en'): Promise<InlineNotesResponse> {
    const { byId } = await this.compile();
    const notes: InlineNotesResponse = {};
    for (const id of ids) {
      const entry = byId.get(id);
      const note = entry && inlineNote(entry, language);
      if (note) notes[id] = note;
    }
    return notes;
  }
}
