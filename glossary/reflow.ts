/**
 * Reflow text copied from a PDF: the copy keeps the PDF's line ends, so every line of a paragraph
 * ends in a line break and a word split at a line end keeps its hyphen ("verlen-⏎gen"). The
 * reader shows pasted and .txt text as paragraphs again (issue: pasted text kept one-word lines).
 *
 * A line break stays a paragraph break
 * - after a blank line, unless the sentence goes on after it (a page break in the copy): in
 *   lowercase, or after "de", "van", "en"…;
 * - before a list item;
 * - after a line much shorter than the text's lines (a heading, a date line);
 * - after a sentence, before a short line that is no sentence (a heading), or where the next
 *   line's first word would have fit after the sentence: the line was ended on purpose.
 * Other line breaks become a space. A hyphen at a line end is dropped only where it splits a word:
 * lowercase letters on both sides, no clash of vowels, no prefix that keeps its hyphen, and the
 * text not writing the word with a hyphen elsewhere. "artikel 100-⏎brief", "NAVO-⏎missie",
 * "anti-⏎ISIS", "zee-⏎eend" and "non-⏎combat" keep theirs, and so does the hyphen of a word part
 * left out ("bewakings-⏎en beveiligingstaken").
 */

/** A line longer than this was not wrapped by a PDF (an unwrapped paragraph of a web page or .txt). */
const LONGEST_PDF_LINE = 160;
/** A line shorter than this share of the text's line width ends its paragraph (a heading). */
const SHORT_LINE = 0.6;
/**
 * Allowance for proportional fonts and justified lines, whose full lines differ by several
 * characters: a word "fits" after a line only within this share of the text's line width.
 */
const FITS = 0.9;

/** A bullet (PDF copies give Symbol and Wingdings bullets as private-use characters) or "1." "a)" "(ii)". */
const LIST_ITEM = /^(?:[-–—•▪◦‣*·\uE000-\uF8FF]|\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)])\s/u;
const ENDS_SENTENCE = /[.:;?!…]["'”’»)\]]*$/u;
/** Abbreviations end in a full stop but rarely a sentence: "(d.d.⏎28 oktober", "nr.⏎446". */
const ABBREVIATION =
  /(?:^|[\s(])(?:\p{L}\.){2,}$|(?:^|[\s(])(?:nr|jl|ca|bijv|vgl|zgn|resp|art|blz|p|pp|no|mr|dr|drs|ir|prof|dhr|mevr|min|e\.g|i\.e|etc)\.$/iu;
const endsSentence = (line: string) => ENDS_SENTENCE.test(line) && !ABBREVIATION.test(line);
const STARTS_LOWER = /^\p{Ll}/u;
/**
 * A line ending in an article, a conjunction or a preposition that cannot end a Dutch sentence
 * goes on in the next ("…in de⏎Koerdische"); "aan", "op", "in"… can ("past … niet aan").
 */
const GOES_ON = /(?:^|\s)(?:de|het|een|en|of|van|met|tot|te|the|a|an|and|or|with)$/iu;
/** A word broken at a hyphen: the letters or digits before it, the hyphen (or a soft hyphen). */
const BROKEN_WORD = /([\p{L}\p{N}]+)([-\u00AD])$/u;
const FIRST_WORD = /^[\p{L}\p{N}]+/u;
const VOWELS = /^[aeiouyàáâäèéêëìíîïòóôöùúûü]$/u;
/** Prefixes written with a hyphen ("oud-minister", "non-combat"); Dutch writes "anti…" joined. */
const HYPHENATED_PREFIXES = new Set(['ex', 'oud', 'niet', 'non', 'vice']);

/** The paragraphs of `text`, each on one line, in order; blank paragraphs are left out. */
export function reflow(text: string): string[] {
  const blocks = blocksOf(text);
  const width = lineWidth(blocks);
  const words = new WordIndex(text);
  const paragraphs: string[] = [];
  for (const lines of blocks) {
    let paragraph = lines[0] as string;
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i] as string;
      const joined = joinBroken(paragraph, line, words);
      if (joined !== null) paragraph = joined;
      else if (endsParagraph(lines[i - 1] as string, line, width)) {
        paragraphs.push(paragraph);
        paragraph = line;
      } else paragraph = `${paragraph} ${line}`;
    }
    paragraphs.push(paragraph);
  }
  return paragraphs;
}

/**
 * The text's lines, trimmed, in blocks that blank lines separate; not where the sentence goes on
 * after the blank line (a page break in the copy: "…32 gezamenlijke lange⏎⏎termijndoelstellingen").
 */
function blocksOf(text: string): string[][] {
  const blocks: string[][] = [];
  let block: string[] = [];
  for (const raw of text.replace(/\r\n?/g, '\n').split(/[\n\f]/)) {
    const line = raw.trim();
    if (!line) {
      if (block.length) blocks.push(block);
      block = [];
      continue;
    }
    const last = blocks.at(-1)?.at(-1);
    const goesOn = last && ((STARTS_LOWER.test(line) && !endsSentence(last)) || GOES_ON.test(last));
    if (!block.length && goesOn) block = blocks.pop() as string[];
    block.push(line);
  }
  if (block.length) blocks.push(block);
  return blocks;
}

/**
 * The width of the text's full lines, in characters: the 90th percentile of the lines that go on
 * in the next line (so not the last line of a block), leaving out lines no PDF would have wrapped.
 */
function lineWidth(blocks: readonly string[][]): number {
  const lengths = blocks
    .flatMap((lines) => lines.slice(0, -1).map((line) => line.length))
    .filter((length) => length <= LONGEST_PDF_LINE)
    .sort((a, b) => a - b);
  return lengths[Math.floor((lengths.length - 1) * 0.9)] ?? 0;
}

/** Whether the break between `line` and `next` (both non-blank) ends a paragraph. */
function endsParagraph(line: string, next: string, width: number): boolean {
  if (Math.max(line.length, next.length) > LONGEST_PDF_LINE || LIST_ITEM.test(next)) return true;
  if (STARTS_LOWER.test(next) || /[,(\-–]$/u.test(line) || GOES_ON.test(line)) return false;
  if (line.length < width * SHORT_LINE) return true;
  if (!endsSentence(line)) return false;
  // A heading after a full last line: short, and no sentence itself.
  if (next.length < width * SHORT_LINE && !ENDS_SENTENCE.test(next)) return true;
  const word = next.match(/^\S+/u)?.[0] ?? next;
  return line.length + 1 + word.length <= width * FITS;
}

/**
 * `paragraph` and `next` joined at a hyphen that ends the paragraph's last line: without the
 * hyphen where it split a word, with it (and no space) where it belongs to the word; null when
 * the line does not end in a word and a hyphen.
 */
function joinBroken(paragraph: string, next: string, words: WordIndex): string | null {
  const broken = paragraph.match(BROKEN_WORD);
  const after = next.match(FIRST_WORD)?.[0];
  if (!broken || !after) return null;
  const [, before = '', hyphen] = broken;
  const head = paragraph.slice(0, -1);
  // "bewakings-⏎en beveiligingstaken": the hyphen stands for a word part left out.
  if (hyphen === '-' && /^(?:en|of|tot|and|or|to)$/u.test(after)) return `${paragraph} ${next}`;
  return hyphen === '\u00AD' || splitsWord(before, after, words) ? head + next : paragraph + next;
}

/** Whether a line-end hyphen between `before` and `after` only split one word. */
function splitsWord(before: string, after: string, words: WordIndex): boolean {
  const last = before.slice(-1);
  if (!/\p{Ll}/u.test(last) || !STARTS_LOWER.test(after)) return false;
  if (before.length < 2) return false;
  if (words.joined(before, after)) return true;
  if (HYPHENATED_PREFIXES.has(before.toLowerCase())) return false;
  // Dutch writes a hyphen where two vowels would read as one sound ("zee-eend", "auto-ongeluk").
  if (VOWELS.test(last) && VOWELS.test(after.charAt(0))) return false;
  return !words.hyphenated(before, after);
}

/** How the text writes its words inside lines: whole, or with a hyphen ("force protection-inzet"). */
class WordIndex {
  #index: { words: Set<string>; pairs: Set<string> } | null = null;
  constructor(private readonly text: string) {}

  joined(before: string, after: string): boolean {
    return this.#built().words.has(`${before}${after}`.toLowerCase());
  }

  hyphenated(before: string, after: string): boolean {
    return this.#built().pairs.has(`${before}-${after}`.toLowerCase());
  }

  /** Built on first use: most texts have no hyphen at a line end. */
  #built(): { words: Set<string>; pairs: Set<string> } {
    if (this.#index) return this.#index;
    const words = new Set<string>();
    const pairs = new Set<string>();
    for (const [compound] of this.text.toLowerCase().matchAll(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu)) {
      const parts = compound.split('-');
      parts.forEach((part, i) => {
        words.add(part);
        if (i > 0) pairs.add(`${parts[i - 1]}-${part}`);
      });
    }
    this.#index = { words, pairs };
    return this.#index;
  }
}
