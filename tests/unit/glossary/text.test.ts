import { describe, expect, it } from 'vitest';
import { TOKEN_SOURCE, WordScanner } from '../../../glossary/text';

/** The words as the scanner finds them: [start, end, nonAscii]. */
function scan(text: string): [number, number, boolean][] {
  const words = new WordScanner();
  const found: [number, number, boolean][] = [];
  for (let from = 0; words.next(text, from); from = words.end)
    found.push([words.start, words.end, words.nonAscii]);
  return found;
}

/** The same, by the regular expression the scanner stands in for. */
function byPattern(text: string): [number, number, boolean][] {
  return [...text.matchAll(new RegExp(TOKEN_SOURCE, 'gu'))].map((m) => [
    m.index,
    m.index + m[0].length,
    /[\u0080-\uFFFF]/.test(m[0]),
  ]);
}

describe('WordScanner', () => {
  const texts = [
    '',
    '   ',
    'NMI',
    'De NMI-missie in Irak (2018–2021).',
    "LTO's en CJTF-OIR, artikel 100-brief",
    'geïntegreerd beëindigen café',
    'veilig\u00ADheid zero\u200Cwidth joiner\u200Dhere',
    'combining: e\u0301 a\u0308b',
    'astral letters 𝐀𝐁𝐂 and an emoji 😀 between words😀glued',
    'lone surrogates \uD835 x \uDC00y z\uD835',
    'Irak2 2024 ٣٤ 中文 Ελληνικά кириллица',
    'end with punctuation…',
    'tab\tnew\nline\u00A0nbsp',
  ];
  for (const text of texts) {
    it(`finds the words the token pattern finds in ${JSON.stringify(text)}`, () => {
      expect(scan(text)).toEqual(byPattern(text));
    });
  }

  it('agrees with the token pattern on random mixtures of tricky characters', () => {
    const alphabet = [
      'a',
      'Z',
      '9',
      ' ',
      '-',
      "'",
      '\u00AD',
      '\u200D',
      '\u0301',
      'é',
      '𝐀',
      '😀',
      '\uD835',
      '\uDC00',
      '–',
      '中',
    ];
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < 500; round++) {
      const length = Math.floor(random() * 24);
      const text = Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      expect(scan(text), JSON.stringify(text)).toEqual(byPattern(text));
    }
  });

  it('starts where it is told, inside a word too', () => {
    const words = new WordScanner();
    expect(words.next('Red Card Holder', 4)).toBe(true);
    expect([words.start, words.end]).toEqual([4, 8]);
    expect(words.next('Red Card Holder', 5)).toBe(true);
    expect([words.start, words.end]).toEqual([5, 8]);
    expect(words.next('Red Card Holder', 15)).toBe(false);
    expect(words.next('Red Card Holder', 99)).toBe(false);
  });
});
