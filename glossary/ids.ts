/**
 * Entry ids made from a term, so nobody has to type one in the schema's format (issue "Own
 * entries for people, not for the schema"): the own-entry form and the short CSV import.
 */

/** Longest id the schema accepts (IdSchema). */
const MAX_ID_LENGTH = 64;

/** Letters that Unicode decomposition does not turn into ASCII. */
const LETTERS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/** Cut to at most `max` characters, at a hyphen when there is one, without a trailing hyphen. */
function cut(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const head = slug.slice(0, max);
  const hyphen = head.lastIndexOf('-');
  return (slug[max] === '-' || hyphen <= 0 ? head : head.slice(0, hyphen)).replace(/-+$/, '');
}

/**
 * A term as an id: lowercase, accents removed, apostrophes and invisible characters (soft
 * hyphens) dropped, any other run of non-alphanumerics one hyphen, trimmed:
 * "Zwaartepuntoverleg (ZPO)" → "zwaartepuntoverleg-zpo". Empty when the term has no letter or
 * digit of the Latin alphabet.
 */
export function slugify(term: string): string {
  const slug = term
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[\p{M}\p{Cf}'’`]/gu, '')
    .replace(/[ßæœøłđðþı]/g, (letter) => LETTERS[letter] ?? letter)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return cut(slug, MAX_ID_LENGTH);
}

/**
 * `base` if no entry has it, else `base-2`, `base-3`… (shortened to fit the schema's length);
 * "entry" when the base is empty.
 */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  const start = base || 'entry';
  if (!taken.has(start)) return start;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const id = `${cut(start, MAX_ID_LENGTH - suffix.length)}${suffix}`;
    if (!taken.has(id)) return id;
  }
}

/** An id for a new entry named `term`, unused by the `taken` ids; empty for an empty term. */
export function idFromTerm(term: string, taken: ReadonlySet<string>): string {
  return term.trim() ? uniqueId(slugify(term), taken) : '';
}
