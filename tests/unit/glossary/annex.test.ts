import { XMLParser } from 'fast-xml-parser';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  type AnnexInput,
  annexCsv,
  annexFileName,
  annexMarkdown,
  annexRows,
  annexTbx,
  firstOccurrences,
  sentenceAround,
} from '../../../glossary/annex';
import { annotate } from '../../../glossary/annotate';
import { CURATED_ENTRIES } from '../../../glossary/data';
import { importTbx } from '../../../glossary/formats/tbx';
import { Matcher } from '../../../glossary/matcher';
import type { Entry } from '../../../glossary/schema';

type Xml = Record<string, unknown>;
const byId = new Map(CURATED_ENTRIES.map((e) => [e.id, e]));
const entry = (id: string) => byId.get(id) as Entry;
const page = {
  title: 'Voortgangsrapportage Irak',
  url: 'https://www.rijksoverheid.nl/voortgang',
  date: '2025-01-31',
};
const input = (over: Partial<AnnexInput> = {}): AnnexInput => ({
  occurrences: [
    { id: 'nmi', sentence: 'Nederland draagt bij aan NMI.' },
    { id: 'page:XYZ', sentence: 'Het Xylofoon Zorg Team (XYZ) helpt.' },
    { id: 'red-card-holder', sentence: '=De Red Card Holder, "zei" hij | ja.' },
  ],
  entries: byId,
  pageDefined: { 'page:XYZ': 'Xylofoon Zorg Team' },
  language: 'en',
  page,
  ...over,
});

describe('sentenceAround', () => {
  it('cuts at the sentence ends around the term', () => {
    const text = 'Eerste zin. De NMI adviseert Irak. Derde zin!';
    const start = text.indexOf('NMI');
    expect(sentenceAround(text, start, start + 3)).toBe('De NMI adviseert Irak.');
  });
  it('cuts a long sentence near the term at a word, marked with …', () => {
    const text = `${'woord '.repeat(100)}NMI ${'woord '.repeat(100)}`;
    const start = text.indexOf('NMI');
    const sentence = sentenceAround(text, start, start + 3, 40);
    expect(sentence).toMatch(/^…woord .* NMI woord .*woord…$/);
    expect(sentence.length).toBeLessThan(90);
  });
  it('collapses white space and keeps decimals and line breaks inside a sentence', () => {
    const text = 'Zin een.\n  De   NMI kost 1.5\nmiljoen? Ja.';
    const start = text.indexOf('NMI');
    expect(sentenceAround(text, start, start + 3)).toBe('De NMI kost 1.5 miljoen?');
  });
});

describe('firstOccurrences', () => {
  it('gives each entry once, in order of first appearance over the texts', () => {
    const matcher = new Matcher(CURATED_ENTRIES);
    const texts = ['De Red Card Holder sprak.', 'Over NMI. En weer de Red Card Holder en NMI.'];
    const found = firstOccurrences(texts, (text) => annotate(matcher, text));
    expect(found.map((o) => o.id)).toEqual(['red-card-holder', 'nmi']);
    expect(found[1]?.sentence).toBe('Over NMI.');
  });
});

describe('annex', () => {
  it('keeps the order, takes page-defined acronyms with their expansion, and leaves unknown ids out', () => {
    const rows = annexRows(
      input({ occurrences: [...input().occurrences, { id: 'no-such-id', sentence: 'x' }] }),
    );
    expect(rows.map((r) => r.term)).toEqual(['NMI', 'XYZ', entry('red-card-holder').nl.term]);
    expect(rows[0]?.expansion).toBe(entry('nmi').en.expansion);
    expect(rows[1]).toMatchObject({ expansion: 'Xylofoon Zorg Team', sources: `${page.title} ${page.url}` });
    expect(rows[0]?.definitionNl).toBe('');
    // A Dutch acronym: what its letters stand for, and its English name.
    const cds = annexRows(input({ occurrences: [{ id: 'cds', sentence: 'De CDS.' }] }));
    expect(cds[0]?.expansion).toBe('Commandant der Strijdkrachten — Chief of Defence');
    const cdsBoth = annexRows(input({ occurrences: [{ id: 'cds', sentence: 'De CDS.' }], language: 'both' }));
    expect(cdsBoth[0]?.expansion).toBe('Commandant der Strijdkrachten / Chief of Defence');
    expect(annexRows(input({ language: 'nl' }))[0]?.definitionEn).toBe('');
  });

  it('writes Markdown: heading with title, URL and date, one table row per term in order, the source line', () => {
    const markdown = annexMarkdown(input());
    expect(markdown).toContain('# Glossary: Voortgangsrapportage Irak');
    expect(markdown).toContain(`${page.url} — ${page.date}`);
    expect(markdown).toContain('Source: Begrip glossary, with the entry’s sources.');
    const rows = markdown.split('\n').filter((l) => l.startsWith('| **'));
    expect(rows.map((l) => /\*\*(.+?)\*\*/.exec(l)?.[1])).toEqual(['NMI', 'XYZ', 'Red Card Holder']);
    expect(rows[0]).toContain('“Nederland draagt bij aan NMI.”');
    // A pipe in the context cannot break the table.
    expect(rows[2]?.split(/(?<!\\)\|/).length).toBe(rows[0]?.split(/(?<!\\)\|/).length);
    const both = annexMarkdown(input({ language: 'both' }));
    expect(both).toContain('| Definition (EN) | Definitie (NL) |');
  });

  it('writes CSV with the annex columns, formula-safe, that reads back', () => {
    const csv = annexCsv(input({ language: 'both' }));
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true });
    expect(parsed.meta.fields).toEqual([
      'term',
      'expansion',
      'definition_en',
      'definition_nl',
      'context',
      'sources',
    ]);
    expect(parsed.data.map((r) => r.term)).toEqual(['NMI', 'XYZ', 'Red Card Holder']);
    expect(parsed.data[2]?.context).toBe(`'=De Red Card Holder, "zei" hij | ja.`);
    // The short definition: its first sentence, cut at a word when longer.
    const short = parsed.data[0]?.definition_nl ?? '';
    expect(entry('nmi').nl.definition.startsWith(short.replace(/…$/, ''))).toBe(true);
    expect(short.length).toBeLessThan(320);
  });

  it('writes TBX with the entries in order, which reads back as valid entries', () => {
    const tbx = annexTbx(input());
    // Related ids point into the glossary, beyond the annex.
    const read = importTbx(tbx, new Set(byId.keys()));
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    expect(read.entries.map((e) => e.id)).toEqual(['nmi', 'page-xyz', 'red-card-holder']);
    // The entries read back as they are: the page's sentence is not taken for a context note.
    expect(read.entries[0]?.context).toEqual(entry('nmi').context);
  });

  it('gives each TBX term the sentence it was met in, in the page language, with the page as source', () => {
    const parser = new XMLParser({
      ignoreAttributes: false,
      isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
    });
    const termSecsOf = (tbx: string) => {
      const concepts = parser.parse(tbx).tbx[0].text[0].body[0].conceptEntry as Xml[];
      return concepts.map((concept) =>
        Object.fromEntries(
          (concept.langSec as Xml[]).map((sec) => [sec['@_xml:lang'], (sec.termSec as Xml[])[0]]),
        ),
      );
    };
    const contextOf = (termSec: Xml | undefined) => {
      const group = (termSec?.descripGrp as Xml[] | undefined)?.[0];
      if (!group) return null;
      const [descrip] = group.descrip as Xml[];
      const [admin] = group.admin as Xml[];
      return [descrip?.['@_type'], descrip?.['#text'], admin?.['@_type'], admin?.['#text']];
    };
    const dutch = termSecsOf(annexTbx(input()));
    expect(contextOf(dutch[0]?.nl)).toEqual([
      'context',
      'Nederland draagt bij aan NMI.',
      'source',
      'Voortgangsrapportage Irak, https://www.rijksoverheid.nl/voortgang, 2025-01-31',
    ]);
    expect(contextOf(dutch[0]?.en)).toBeNull();
    // Markup in a sentence is text, escaped by the writer.
    expect(contextOf(dutch[2]?.nl)?.[1]).toBe('=De Red Card Holder, "zei" hij | ja.');
    const english = termSecsOf(annexTbx(input({ page: { ...page, lang: 'en' } })));
    expect(contextOf(english[0]?.en)?.[1]).toBe('Nederland draagt bij aan NMI.');
    expect(contextOf(english[0]?.nl)).toBeNull();
  });

  it('names the file after the page', () => {
    expect(annexFileName(page, 'csv')).toBe('glossary-voortgangsrapportage-irak.csv');
    expect(annexFileName({ ...page, title: '' }, 'tbx')).toBe('glossary-page.tbx');
  });
});
