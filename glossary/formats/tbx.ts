/**
 * TBX (TermBase eXchange, ISO 30042:2019), TBX-Basic dialect, written and read with
 * fast-xml-parser. One conceptEntry per entry (id = entry id); subjectField = category;
 * crossReference = related; langSec nl and en each with the definition and one termSec per form:
 *   preferred term   administrativeStatus preferredTerm-admn-sts
 *   acronym          termType acronym (in both langSecs)
 *   expansion        termType fullForm, administrativeStatus admittedTerm-admn-sts
 *   variant          termType variant (in the nl langSec: they are forms met in Dutch text)
 * Sources and matching rules are conceptEntry notes ("source: {json}", "match: {json}"), so a
 * round trip through TBX loses nothing. Details: docs/formats.md.
 */
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import type { Entry, ParseResult } from '../schema';
import { validateEntries } from '../validate';

type Xml = Record<string, unknown>;
const LANGS = ['nl', 'en'] as const;
const TBX_NAMESPACE = 'urn:iso:std:iso:30042:ed-2';

const termSec = (term: string, notes: [string, string][]): Xml => ({
  term,
  termNote: notes.map(([type, value]) => ({ '@_type': type, '#text': value })),
});

function langSec(entry: Entry, lang: (typeof LANGS)[number]): Xml {
  const section = entry[lang];
  const terms: Xml[] = [termSec(section.term, [['administrativeStatus', 'preferredTerm-admn-sts']])];
  if (entry.acronym) terms.push(termSec(entry.acronym, [['termType', 'acronym']]));
  if (section.expansion !== undefined) {
    terms.push(
      termSec(section.expansion, [
        ['termType', 'fullForm'],
        ['administrativeStatus', 'admittedTerm-admn-sts'],
      ]),
    );
  }
  if (lang === 'nl') {
    for (const variant of entry.variants) {
      terms.push(
        termSec(variant, [
          ['termType', 'variant'],
          ['administrativeStatus', 'admittedTerm-admn-sts'],
        ]),
      );
    }
  }
  return {
    '@_xml:lang': lang,
    descrip: { '@_type': 'definition', '#text': section.definition },
    termSec: terms,
  };
}

function conceptEntry(entry: Entry): Xml {
  const notes = [
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
    langSec: LANGS.map((lang) => langSec(entry, lang)),
  };
}

export function exportTbx(entries: readonly Entry[]): string {
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
      text: { body: { conceptEntry: entries.map(conceptEntry) } },
    },
  };
  return builder.build(document);
}

const ARRAYS = new Set(['conceptEntry', 'langSec', 'termSec', 'termNote', 'ref', 'note', 'descrip']);

class TbxError extends Error {}

const textOf = (node: unknown): string | undefined => {
  if (typeof node === 'string') return node;
  if (node && typeof node === 'object' && '#text' in node) return String((node as Xml)['#text']);
  return undefined;
};
const asArray = (value: unknown): Xml[] => (Array.isArray(value) ? (value as Xml[]) : []);
const noteValue = (sec: Xml, type: string) =>
  textOf(asArray(sec.termNote).find((note) => note['@_type'] === type));

function readNote(note: string): [string, unknown] {
  const colon = note.indexOf(':');
  const key = note.slice(0, colon).trim();
  const value = note.slice(colon + 1).trim();
  if (key === 'own') return [key, value === 'true'];
  if (key !== 'source' && key !== 'match') return [key, value];
  try {
    return [key, JSON.parse(value)];
  } catch {
    throw new TbxError(`note "${key}" is not valid JSON`);
  }
}

function readConcept(concept: Xml): Xml {
  const raw: Xml = { id: concept['@_id'], variants: [], related: [], sources: [] };
  raw.category = textOf(asArray(concept.descrip).find((d) => d['@_type'] === 'subjectField'));
  raw.related = asArray(concept.ref)
    .filter((ref) => ref['@_type'] === 'crossReference')
    .map((ref) => ref['@_target']);
  for (const note of asArray(concept.note).map(textOf)) {
    const [key, value] = readNote(note ?? '');
    if (key === 'source') (raw.sources as unknown[]).push(value);
    else if (key === 'match' || key === 'own') raw[key] = value;
  }
  for (const sec of asArray(concept.langSec)) {
    const lang = sec['@_xml:lang'];
    if (lang !== 'nl' && lang !== 'en') continue;
    const section: Xml = {
      definition: textOf(asArray(sec.descrip).find((d) => d['@_type'] === 'definition')),
    };
    for (const term of asArray(sec.termSec)) {
      const value = textOf(term.term);
      const type = noteValue(term, 'termType');
      if (noteValue(term, 'administrativeStatus') === 'preferredTerm-admn-sts') section.term = value;
      else if (type === 'acronym') raw.acronym = value;
      else if (type === 'fullForm') section.expansion = value;
      else if (type === 'variant') (raw.variants as unknown[]).push(value);
    }
    raw[lang] = section;
  }
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
  const raws: unknown[] = [];
  const issues = [];
  for (const [index, concept] of concepts.entries()) {
    try {
      raws.push(readConcept(concept));
    } catch (error) {
      if (!(error instanceof TbxError)) throw error;
      issues.push({ where: `conceptEntry ${index + 1}`, field: 'note', message: error.message });
    }
  }
  if (issues.length) return { ok: false, issues };
  return validateEntries(
    raws,
    (i, raw) => {
      const id = (raw as Xml).id;
      return `conceptEntry ${i + 1}${typeof id === 'string' && id ? ` (${id})` : ''}`;
    },
    knownIds,
  );
}
