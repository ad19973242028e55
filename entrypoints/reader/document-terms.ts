/** The reader's annotation helpers: marks in a rendered page, and the document's term counts and order. */
import type { PageTerm } from '../../components/PageTerms';
import type { PageDefinition } from '../../glossary/abbreviations';
import { type Occurrence, sentenceAround } from '../../glossary/annex';
import { type Annotator, PAGE_ID_PREFIX } from '../../glossary/annotate';
import { nameIn } from '../../glossary/names';
import type { Entry } from '../../glossary/schema';
import { markRun, walkRuns } from '../../utils/dom/highlighter';

/** Mark every term in `root` (a text layer or the text view) with `annotator`. */
export function annotateElement(root: Element, annotator: Annotator): void {
  for (const run of [...walkRuns(root)]) {
    const annotations = annotator.annotate(run.text);
    if (annotations.length) markRun(run, annotations);
  }
}

/**
 * Term counts over all pages, a few pages per task so a 200-page document never blocks the page;
 * and each term's first occurrence with its sentence, in order (the document's glossary annex).
 */
export async function countTerms(texts: string[], annotator: Annotator, cancelled: () => boolean) {
  const counts = new Map<string, number>();
  const order: Occurrence[] = [];
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i] as string;
    for (const a of [...annotator.annotate(text)].sort((x, y) => x.start - y.start)) {
      const count = counts.get(a.id) ?? 0;
      if (count === 0) order.push({ id: a.id, sentence: sentenceAround(text, a.start, a.end) });
      counts.set(a.id, count + 1);
    }
    if (i % 5 === 4) await new Promise((resolve) => setTimeout(resolve, 0));
    if (cancelled()) return null;
  }
  return { counts, order };
}

export function termsOf(
  counts: Map<string, number>,
  byId: Map<string, Entry>,
  definitions: readonly PageDefinition[],
) {
  return [...counts]
    .map(([id, count]): PageTerm => {
      const entry = byId.get(id);
      const acronym = id.slice(PAGE_ID_PREFIX.length);
      return {
        id,
        count,
        pageDefined: !entry,
        label: entry ? (entry.acronym ?? entry.nl.term) : acronym,
        gloss: entry
          ? nameIn(entry, 'en')
          : (definitions.find((d) => d.acronym === acronym)?.expansion ?? ''),
      };
    })
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

/**
 * The document as the annex and the history name it: the last part of its name or address
 * ("brief.pdf"), decoded where it can be, and its address (empty for a local file or pasted text).
 */
export function documentPage(name: string, url: string): { title: string; url: string } {
  const last = name.split('/').pop() || name;
  try {
    return { title: decodeURIComponent(last), url };
  } catch {
    return { title: last, url };
  }
}
