/**
 * TBX (TermBase eXchange, ISO 30042:2019), TBX-Basic dialect, written and read with
 * fast-xml-parser. One conceptEntry per entry (id = entry id); subjectField = category;
 * crossReference = related; langSec nl and en each with the definition, the context notes
 * (descripGrp: descrip type="context" + admin type="source") and one termSec per form:
 *   preferred term   administrativeStatus preferredTerm-admn-sts
 *   acronym          termType acronym (in both langSecs)
 *   expansion        termType fullForm, administrativeStatus admittedTerm-admn-sts
 *   other forms      termType variant, administrativeStatus of the form, in the langSec of its
 *                    language (Dutch when it has none); "highlight: false" as a termSec note
 * Sources, scope and matching rules are conceptEntry notes ("source: {json}", "scope: {json}",
 * "match: {json}"), so a round trip through TBX loses nothing. Details: docs/formats.md.
 */
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import type { Entry, Form, ParseResult } from '../schema';
import { type ReadProblem, validateEntries } from '../validate';

type Xml = Record<string, unknown>;
const LANGS = ['nl', 'en'] as const;
type Lang = (typeof LANGS)[number];
const TBX_NAMESPACE = 'urn:iso:std:iso:30042:ed-2';
const STATUS_VALUE = {
  preferred: 'preferredTerm-admn-sts',
  admitted: 'admittedTerm-admn-sts',
  deprecated: 'deprecatedTerm-admn-sts',
} as const;

const termSec = (term: string, notes: [string, string][], extra: Xml = {}): Xml => ({
  term,
  termNote: notes.map(([type, value]) => ({ '@_type': type, '#text': value })),
  ...extra,
});

/** A form's attributes beyond its status, as a termSec note (only when it has some). */
function formNote(form: Form): Xml {
  const { highlight, note } = form;
  const rest = { ...(highlight !== undefined && { highlight }), ...(note !== undefined && { note }) };
  return Object.keys(rest).length ? { note: [`form: ${JSON.stringify(rest)}`] } : {};
}

/**
 * Where a term was met, for a document's glossary (glossary/annex.ts): the sentence, in the
 * language of the document, and the document it came from.
 */
export interface TermContext {
  sentence: string;
  lang: Lang;
  /** The document: its title, address and date. */
  source: string;
}

/** A context sentence at term level (TBX-Basic: descrip type="context" with its source). */
const contextOf = (context: TermContext): Xml => ({
  descripGrp: {
    descrip: { '@_type': 'context', '#text': context.sentence },
    admin: { '@_type': 'source', '#text': context.source },
  },
});

function langSec(entry: Entry, lang: Lang, metIn?: TermContext): Xml {
  const section = entry[lang];
  const met = metIn?.lang === lang && metIn.sentence ? contextOf(metIn) : {};
  const terms: Xml[] = [termSec(section.term, [['administrativeStatus', STATUS_VALUE.preferred]], met)];
  if (entry.acronym) terms.push(termSec(entry.acronym, [['termType', 'acronym']]));
  if (section.expansion !== undefined) {
    terms.push(
      termSec(section.expansion, [
        ['termType', 'fullForm'],
        ['administrativeStatus', STATUS_VALUE.admitted],
      ]),
    );
  }
  for (const form of entry.forms.filter((f) => (f.lang ?? 'nl') === lang)) {
    const notes: [string, string][] = [
      ['termType', 'variant'],
      ['administrativeStatus', STATUS_VALUE[form.status]],
    ];
    if (form.lang) notes.push(['usage', `lang:${form.lang}`]);
    terms.push(termSec(form.text, notes, formNote(form)));
  }
  const context = entry.context.map((note) => ({
    descrip: { '@_type': 'context', '#text': note[lang] },
    admin: note.sources.map((source) => ({ '@_type': 'source', '#text': JSON.stringify(source) })),
  }));
  return {
    '@_xml:lang': lang,
    descrip: { '@_type': 'definition', '#text': section.definition },
    ...(context.length && { descripGrp: context }),
    termSec: terms,
  };
}

function conceptEntry(entry: Entry, context?: TermContext): Xml {
  const notes = [
    ...(entry.scope ? [`scope: ${JSON.stringify(entry.scope)}`] : []),
    ...entry.sources.map((source) => `source: ${JSON.stringify(source)}`),
    ...(entry.match ? [`match: ${JSON.stringify(entry.match)}`] : []),
    ...(entry.own !== undefined ? [`own: ${entry.own}`] : []),
  ];
  return {
    '@_id': entry.id,
    descrip: { '@_type': 'subjectField', '#text': entry.category },
    ...(entry.related.length && {
      ref: entry.related.map((id) => ({ '@_type': 'crossReference', '@_target': id, '#text': id })),
    }),
    ...(notes.length && { note: notes }),
    langSec: LANGS.map((lang) => langSec(entry, lang, context)),
  };
}

/** TBX of `entries`; `contexts` (by entry id) adds where each was met, for a document's glossary. */
export function exportTbx(entries: readonly Entry[], contexts?: ReadonlyMap<string, TermContext>): string {
  const builder = new XMLBuilder({
    ignoreAttributes: false,
    format: true,
    indentBy: '  ',
    suppressEmptyNode: true,
  });
  const document = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    tbx: {
      '@_style': 'dca',
      '@_type': 'TBX-Basic',
      '@_xml:lang': 'en',
      '@_xmlns': TBX_NAMESPACE,
      tbxHeader: {
        fileDesc: {
          titleStmt: { title: 'Begrip — NL/EN glossary of Dutch government texts on military missions' },
          sourceDesc: {
            p: 'Curated from public Dutch government documents; see the source notes of each entry.',
          },
        },
      },
      text: { body: { conceptEntry: entries.map((entry) => conceptEntry(entry, contexts?.get(entry.id))) } },
    },
  };
  return builder.build(document);
}

const ARRAYS = new Set([
  'conceptEntry',
  'langSec',
  'termSec',
  'termNote',
  'ref',
  'note',
  'descrip',
  'descripGrp',
  'admin',
]);
const JSON_NOTES = new Set(['source', 'match', 'scope', 'form']);

const textOf = (node: unknown): string | undefined => {
  if (typeof node === 'string') return node;
  if (node && typeof node === 'object' && '#text' in node) return String((node as Xml)['#text']);
  return undefined;
};
const asArray = (value: unknown): Xml[] => (Array.isArray(value) ? (value as Xml[]) : []);
const noteValue = (sec: Xml, type: string) =>
  textOf(asArray(sec.termNote).find((note) => note['@_type'] === type));

/** A note's key and value; a JSON note that does not parse is noted under `field` and has no value. */
function readNote(note: string, problems: ReadProblem[], field = 'note'): [string, unknown] {
  const colon = note.indexOf(':');
  const key = note.slice(0, colon).trim();
  const value = note.slice(colon + 1).trim();
  if (key === 'own') return [key, value === 'true'];
  if (!JSON_NOTES.has(key)) return [key, value];
  try {
    return [key, JSON.parse(value)];
  } catch {
    problems.push({ field, message: `note "${key}" is not valid JSON` });
    return [key, undefined];
  }
}

const STATUS_OF = new Map<string, string>(
  Object.entries(STATUS_VALUE).map(([status, value]) => [value, status]),
);

function readForm(term: Xml, lang: Lang, problems: ReadProblem[]): Xml {
  const form: Xml = { text: textOf(term.term) };
  const status = STATUS_OF.get(noteValue(term, 'administrativeStatus') ?? '');
  if (status) form.status = status;
  const usage = noteValue(term, 'usage');
  if (usage?.startsWith('lang:')) form.lang = usage.slice(5);
  else if (lang === 'en') form.lang = 'en';
  for (const note of asArray(term.note).map(textOf)) {
    const [key, value] = readNote(note ?? '', problems);
    if (key === 'form' && value && typeof value === 'object') Object.assign(form, value);
  }
  return form;
}

/**
 * Context notes: the i-th descripGrp of each langSec is one note; sources from the Dutch one.
 * A source that is not JSON is left out and noted on the note's sources (the schema would
 * otherwise report the same list again when it is left empty).
 */
function readContext(sections: Map<Lang, Xml>, problems: ReadProblem[]): Xml[] {
  const groups = (lang: Lang) => asArray(sections.get(lang)?.descripGrp);
  return groups('nl').map((group, i) => ({
    nl: textOf(asArray(group.descrip)[0]),
    en: textOf(asArray(groups('en')[i]?.descrip)[0]),
    sources: asArray(group.admin)
      .filter((admin) => admin['@_type'] === 'source')
      .map((admin) => readNote(`source: ${textOf(admin) ?? ''}`, problems, `context.${i}.sources`)[1])
      .filter((source) => source !== undefined),
  }));
}

/** One conceptEntry as a raw entry; notes that cannot be read are left out and noted. */
function readConcept(concept: Xml, problems: ReadProblem[]): Xml {
  const raw: Xml = { id: concept['@_id'], forms: [], related: [], sources: [] };
  raw.category = textOf(asArray(concept.descrip).find((d) => d['@_type'] === 'subjectField'));
  raw.related = asArray(concept.ref)
    .filter((ref) => ref['@_type'] === 'crossReference')
    .map((ref) => ref['@_target']);
  for (const note of asArray(concept.note).map(textOf)) {
    const [key, value] = readNote(note ?? '', problems);
    if (value === undefined) continue;
    if (key === 'source') (raw.sources as unknown[]).push(value);
    else if (key === 'match' || key === 'own' || key === 'scope') raw[key] = value;
  }
  const sections = new Map<Lang, Xml>();
  for (const sec of asArray(concept.langSec)) {
    const lang = sec['@_xml:lang'];
    if (lang !== 'nl' && lang !== 'en') continue;
    sections.set(lang, sec);
    const section: Xml = {
      definition: textOf(asArray(sec.descrip).find((d) => d['@_type'] === 'definition')),
    };
    for (const term of asArray(sec.termSec)) {
      const value = textOf(term.term);
      const type = noteValue(term, 'termType');
      if (noteValue(term, 'administrativeStatus') === STATUS_VALUE.preferred && type === undefined)
        section.term = value;
      else if (type === 'acronym') raw.acronym = value;
      else if (type === 'fullForm') section.expansion = value;
      else if (type === 'variant') (raw.forms as unknown[]).push(readForm(term, lang, problems));
    }
    raw[lang] = section;
  }
  const context = readContext(sections, problems);
  if (context.length) raw.context = context;
  raw.kind = raw.acronym === undefined ? 'term' : 'acronym';
  return raw;
}

export function importTbx(text: string, knownIds?: ReadonlySet<string>): ParseResult {
  const parser = new XMLParser({
    ignoreAttributes: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    isArray: (name) => ARRAYS.has(name),
  });
  let document: Xml;
  try {
    document = parser.parse(text, true) as Xml;
  } catch (error) {
    return {
      ok: false,
      issues: [{ where: 'file', field: '', message: `is not well-formed XML: ${(error as Error).message}` }],
    };
  }
  const tbx = document.tbx as Xml | undefined;
  const concepts = asArray(((tbx?.text as Xml | undefined)?.body as Xml | undefined)?.conceptEntry);
  if (!tbx || concepts.length === 0) {
    return {
      ok: false,
      issues: [{ where: 'file', field: 'tbx/text/body', message: 'has no conceptEntry elements' }],
    };
  }
  // Every conceptEntry is read and checked, unreadable notes and all: every problem at once.
  const problems = concepts.map((): ReadProblem[] => []);
  const raws = concepts.map((concept, index) => readConcept(concept, problems[index] as ReadProblem[]));
  return validateEntries(
    raws,
    (i, raw) => {
      const id = (raw as Xml).id;
      return `conceptEntry ${i + 1}${typeof id === 'string' && id ? ` (${id})` : ''}`;
    },
    knownIds,
    problems,
  );
}
