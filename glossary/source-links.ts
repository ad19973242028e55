/**
 * How a source is named and linked in the gloss and the entry view. A link is one the reader
 * chooses to follow: Begrip itself never requests it.
 */
import type { Source } from './schema';

/** "29 521, nr. 471" → the document on officielebekendmakingen.nl; "36 410 X, nr. 49" too. */
export function kamerstukUrl(kamerstuk: string): string | undefined {
  const parts = /^([\d ]+?)(?: ([A-Z]+))?, nr\. ([\dA-Z]+)$/.exec(kamerstuk);
  if (!parts) return undefined;
  const [, dossier, letter, number] = parts as unknown as [string, string, string | undefined, string];
  const id = [dossier.replace(/ /g, ''), letter, number].filter(Boolean).join('-');
  return `https://zoek.officielebekendmakingen.nl/kst-${id}.html`;
}

export function sourceHref(source: Source): string | undefined {
  if (source.url) return source.url;
  return source.kamerstuk ? kamerstukUrl(source.kamerstuk) : undefined;
}

export function sourceLabel(source: Source): string {
  const name = source.kamerstuk
    ? `Kamerstuk ${source.kamerstuk}`
    : (source.title ?? source.corpus ?? source.seed ?? source.url ?? '');
  return [name, source.date && source.date !== 'unknown' ? source.date : ''].filter(Boolean).join(', ');
}

/**
 * The sources worth showing first: those a reader can open (a Kamerstuk or a URL), at most `max`,
 * each document once.
 */
export function citableSources(sources: readonly Source[], max = 3): Source[] {
  const linked = sources.filter((s) => sourceHref(s));
  const chosen = (linked.length ? linked : sources).filter(
    (source, i, all) => all.findIndex((other) => sourceLabel(other) === sourceLabel(source)) === i,
  );
  return chosen.slice(0, max);
}
