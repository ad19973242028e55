/**
 * Acronyms defined in the text itself — "Shia Coordination Framework (SCF)", "Long Term
 * Objectives (LTO’s)", "EUAM (European Union Advisory Mission)" — found with the algorithm of
 * Schwartz & Hearst (2003), "A simple algorithm for identifying abbreviation definitions in
 * biomedical text": the short form's characters must appear, in order and right to left, in the
 * words just before the parenthesis, its first character at the start of a word.
 */

/** Id prefix of acronyms a text defines itself ("page:SCF"), as opposed to glossary entry ids. */
export const PAGE_ID_PREFIX = 'page:';

export interface PageDefinition {
  /** The short form as written, without a plural/possessive ending: "LTO". */
  acronym: string;
  /** The long form as written in the text: "Long Term Objectives". */
  expansion: string;
  /** Span of the whole definition "Long Term Objectives (LTO’s)". */
  start: number;
  end: number;
}

const PARENTHESIS = /\(([^()]{1,80})\)/g;
const SHORT_FORM = /^[\p{L}\p{N}][\p{L}\p{N}&.\-/]{0,11}$/u;
const PLURAL_END = /(?:['’]s|(?<=\p{Lu})s)$/u;
const STOP_BEFORE = /[.;:!?()[\]«»"“”]/u;
const isAlphanumeric = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

/** Strip a plural or possessive ending: "LTO’s" → "LTO", "NGOs" → "NGO". */
export function baseOfShortForm(shortForm: string): string {
  return shortForm.replace(PLURAL_END, '');
}

function isShortFormCandidate(value: string): boolean {
  const base = baseOfShortForm(value);
  if (!SHORT_FORM.test(base) || base.length < 2) return false;
  const capitals = [...base].filter((ch) => ch !== ch.toLowerCase()).length;
  return capitals >= 2 && /^\p{L}/u.test(base);
}

/** Schwartz–Hearst: the shortest long form at the end of `candidate` whose letters cover the short form. */
export function bestLongForm(shortForm: string, candidate: string): string | undefined {
  const short = shortForm.toLowerCase();
  const long = candidate.toLowerCase();
  let s = short.length - 1;
  let l = long.length - 1;
  for (; s >= 0; s--) {
    const ch = short[s] as string;
    if (!isAlphanumeric(ch)) continue;
    while (l >= 0 && (long[l] !== ch || (s === 0 && isAlphanumeric(long[l - 1])))) l--;
    if (l < 0) return undefined;
    l--;
  }
  const start = long.lastIndexOf(' ', l) + 1;
  const result = candidate.slice(start).trim();
  if (result.length <= shortForm.length || result.toLowerCase().includes(short)) return undefined;
  return result;
}

/** The words before a parenthesis, up to min(|SF| + 5, 2|SF|) of them, within the same clause. */
function wordsBefore(text: string, end: number, shortForm: string): string {
  const limit = Math.min(shortForm.length + 5, shortForm.length * 2);
  let start = end;
  let words = 0;
  while (start > 0 && words < limit) {
    const previous = text[start - 1] as string;
    if (STOP_BEFORE.test(previous)) break;
    start--;
    if (/\s/.test(previous) && !/\s/.test(text[start + 1] ?? ' ')) words++;
  }
  return text.slice(start, end).replace(/\s+/g, ' ').trim();
}

/** Every acronym definition in `text`, in order of appearance. */
export function findDefinitions(text: string): PageDefinition[] {
  const definitions: PageDefinition[] = [];
  for (const found of text.matchAll(PARENTHESIS)) {
    const inside = (found[1] as string).trim();
    const open = found.index;
    const close = open + found[0].length;
    if (isShortFormCandidate(inside)) {
      // "Long Form (SF)"
      const shortForm = baseOfShortForm(inside);
      const candidate = wordsBefore(text, open, shortForm);
      const expansion = bestLongForm(shortForm, candidate);
      if (expansion) {
        const start = text.lastIndexOf(expansion.split(' ')[0] as string, open);
        definitions.push({ acronym: shortForm, expansion, start: Math.max(0, start), end: close });
      }
      continue;
    }
    // "SF (Long Form)"
    const before = /([\p{L}\p{N}][\p{L}\p{N}&.\-/’']*)\s*$/u.exec(text.slice(Math.max(0, open - 16), open));
    const shortForm = before ? baseOfShortForm(before[1] as string) : '';
    if (shortForm && isShortFormCandidate(shortForm) && inside.split(/\s+/).length >= 2) {
      const expansion = bestLongForm(shortForm, inside);
      if (expansion === inside) {
        definitions.push({
          acronym: shortForm,
          expansion,
          start: open - (before?.[0].length ?? 0),
          end: close,
        });
      }
    }
  }
  return definitions;
}
