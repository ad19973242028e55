import { describe, expect, it } from 'vitest';
import { annotate } from '../../../glossary/annotate';
import { CURATED_ENTRIES } from '../../../glossary/data';
import { Matcher } from '../../../glossary/matcher';
import { reflow } from '../../../glossary/reflow';
import { readSeed } from '../../fixtures/seeds';

/**
 * `paragraphs` as a PDF copy gives them: wrapped at `width` characters, a long word that does not
 * fit split with a hyphen between two consonants (as Dutch hyphenation does), a blank line
 * between paragraphs only if `blankLines`.
 */
function pdfCopy(paragraphs: readonly string[], width: number, blankLines: boolean): string {
  const lines: string[] = [];
  for (const paragraph of paragraphs) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      const room = width - line.length - 1;
      const split = word.length > 10 && room > 5 ? hyphenationPoint(word, room) : -1;
      if (line && line.length + 1 + word.length > width && split > 0) {
        lines.push(`${line} ${word.slice(0, split)}-`);
        line = word.slice(split);
      } else if (line && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
    if (blankLines) lines.push('');
  }
  return lines.join('\n');
}

/** The last place before `room` characters where a lowercase consonant pair can be split, or -1. */
function hyphenationPoint(word: string, room: number): number {
  for (let i = Math.min(room - 1, word.length - 3); i >= 3; i--) {
    if (
      /^[a-z]+$/.test(word) &&
      /[^aeiouy]/.test(word[i - 1] as string) &&
      /[^aeiouy]/.test(word[i] as string)
    )
      return i;
  }
  return -1;
}

const paragraphsOf = (seed: string) =>
  readSeed(seed)
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

const matcher = new Matcher(CURATED_ENTRIES);
const termIds = (text: string) =>
  annotate(matcher, text)
    .map((a) => a.id)
    .sort();

describe('reflow', () => {
  it('joins the lines of a paragraph and keeps blank lines as paragraph breaks', () => {
    expect(
      reflow('Het kabinet verlengt de\nbijdrage aan de NMI met\nzes maanden.\n\nNieuwe alinea.'),
    ).toEqual(['Het kabinet verlengt de bijdrage aan de NMI met zes maanden.', 'Nieuwe alinea.']);
    expect(reflow('  \r\n\r\nEen\r\nregel\r\n\r\n\r\n')).toEqual(['Een regel']);
    expect(reflow('')).toEqual([]);
  });

  it('keeps a break after a sentence that ends short of the margin, a short line and before a list item', () => {
    const text = [
      'Essentie',
      'Deze voortgangsrapportage geeft inzicht in de voortgang van de Nederlandse bijdrage',
      'aan de missies in Irak. De rapportage blikt terug op de geïntegreerde inzet en op de',
      'voortgang van de missies.',
      'Het kabinet hecht eraan transparant te rapporteren over de voortgang van de missies:',
      '• de NAVO-missie in Irak (NMI);',
      '- Operation Inherent Resolve (OIR);',
      '1. Special Operation Forces',
    ].join('\n');
    expect(reflow(text)).toEqual([
      'Essentie',
      'Deze voortgangsrapportage geeft inzicht in de voortgang van de Nederlandse bijdrage aan de missies in Irak. De rapportage blikt terug op de geïntegreerde inzet en op de voortgang van de missies.',
      'Het kabinet hecht eraan transparant te rapporteren over de voortgang van de missies:',
      '• de NAVO-missie in Irak (NMI);',
      '- Operation Inherent Resolve (OIR);',
      '1. Special Operation Forces',
    ]);
  });

  it('does not break where a full line happens to end a sentence', () => {
    const text = [
      'De Nederlandse commandant werkt samen met verschillende NAVO-partners en met de Iraakse',
      'autoriteiten. Het helikopterdetachement wordt ingezet voor onder meer de bevoorrading.',
      'Verder helpt de missie Irak bij het succesvol aansturen van de veiligheidssector.',
    ].join('\n');
    expect(reflow(text)).toHaveLength(1);
  });

  it('joins a word hyphenated at a line end, and keeps the hyphen of a real compound', () => {
    const join = (a: string, b: string) => reflow(`${a}\n${b}`)[0];
    expect(join('het kabinet besluit de bijdrage te verlen-', 'gen met zes maanden')).toBe(
      'het kabinet besluit de bijdrage te verlengen met zes maanden',
    );
    expect(join('onder verwijzing naar de artikel 100-', 'brief over Irak')).toBe(
      'onder verwijzing naar de artikel 100-brief over Irak',
    );
    expect(join('Om de NAVO-', 'missie voort te zetten')).toBe('Om de NAVO-missie voort te zetten');
    expect(join('In Irak worden de anti-', 'ISIS operaties uitgevoerd')).toBe(
      'In Irak worden de anti-ISIS operaties uitgevoerd',
    );
    expect(join('Premier al-', 'Sudani zet zich in')).toBe('Premier al-Sudani zet zich in');
    expect(join('een militaire non-', 'combat missie')).toBe('een militaire non-combat missie');
    expect(join('een oud-', 'minister')).toBe('een oud-minister');
    // Two vowels that would read as one sound keep their hyphen, unless the text has the word whole.
    expect(join('een zee-', 'eend')).toBe('een zee-eend');
    expect(join('de situ-', 'atie is zorgelijk; de situatie blijft')).toBe(
      'de situatie is zorgelijk; de situatie blijft',
    );
    // A word the text itself writes with a hyphen keeps it.
    expect(join('de force protection-', 'inzet en de force protection-inzet')).toBe(
      'de force protection-inzet en de force protection-inzet',
    );
    // A hyphen for a word part left out, and a dash, are not joined to the next word.
    expect(join('Bagdad bewakings-', 'en beveiligingstaken')).toBe('Bagdad bewakings- en beveiligingstaken');
    expect(join('De missie -', 'zoals gezegd')).toBe('De missie - zoals gezegd');
    // A soft hyphen always splits a word.
    expect(join('veiligheids\u00AD', 'sector')).toBe('veiligheidssector');
  });

  it('joins a sentence that goes on after a blank line (a page break in the copy)', () => {
    expect(reflow('32 gezamenlijke lange\n\ntermijndoelstellingen zijn geformuleerd.\n\nVolgende.')).toEqual([
      '32 gezamenlijke lange termijndoelstellingen zijn geformuleerd.',
      'Volgende.',
    ]);
    expect(reflow('hervorming van MoPA in de\n\nKoerdische Autonome Regio (KAR).')).toEqual([
      'hervorming van MoPA in de Koerdische Autonome Regio (KAR).',
    ]);
    // A heading ending in a verb particle stays apart.
    expect(reflow('Kabinet past inzet niet aan\n\nHet kabinet ziet geen aanleiding.')).toHaveLength(2);
  });

  it('leaves unwrapped paragraphs (one per line) as they are', () => {
    const paragraphs = paragraphsOf('000_0bc7f43dc9c984f1.txt');
    expect(reflow(paragraphs.join('\n'))).toEqual(paragraphs);
    expect(reflow(readSeed('000_0bc7f43dc9c984f1.txt'))).toEqual(paragraphs);
  });

  it('gives back the paragraphs of a seed from its PDF copy, and the same terms', () => {
    const seeds = ['000_0bc7f43dc9c984f1.txt', '001_2792b50de437f0a0.txt'];
    for (const width of [60, 80]) {
      const copies = seeds.map((seed) => pdfCopy(paragraphsOf(seed), width, true));
      // Words split at a line end, as in "veiligheids-⏎sector".
      expect(copies.join('\n')).toMatch(/\p{Ll}-\n\p{Ll}/u);
      seeds.forEach((seed, i) => {
        const paragraphs = paragraphsOf(seed);
        const reflowed = reflow(copies[i] as string);
        expect(reflowed).toEqual(paragraphs);
        expect(termIds(reflowed.join('\n\n'))).toEqual(termIds(paragraphs.join('\n\n')));
      });
    }
  });

  it('finds most paragraph breaks of a PDF copy without blank lines', () => {
    const paragraphs = [
      ...paragraphsOf('000_0bc7f43dc9c984f1.txt'),
      ...paragraphsOf('001_2792b50de437f0a0.txt'),
    ];
    const reflowed = reflow(pdfCopy(paragraphs, 80, false));
    const found = paragraphs.filter((paragraph) => reflowed.includes(paragraph)).length;
    expect(found / paragraphs.length).toBeGreaterThan(0.8);
    expect(reflowed.join(' ')).toBe(paragraphs.join(' '));
  });

  it('reflows a seed copied from a PDF into paragraphs, keeping its terms', () => {
    const text = readSeed('003_e148179e407a0a07.txt');
    const reflowed = reflow(text);
    expect(reflowed).toContain('Den Haag, 13 december 2022');
    expect(reflowed.find((p) => p.startsWith('Advisering'))).toMatch(
      /^Advisering ten behoeve van versterking van de Iraakse veiligheidsinstituties vormt .* capaciteiten van bondgenoten\.$/,
    );
    expect(reflowed.join('\n\n')).toContain('anti-ISIS-coalitie naar de NAVO-missie in Irak (NMI)');
    // Every term of the copy is still found; words joined again can only add some.
    const before = termIds(text);
    const after = termIds(reflowed.join('\n\n'));
    for (const id of new Set(before)) {
      expect(after.filter((x) => x === id).length).toBeGreaterThanOrEqual(
        before.filter((x) => x === id).length,
      );
    }
  });
});
