import { describe, expect, it } from 'vitest';
import { batchTexts } from '../../../glossary/batches';
import { CURATED_ENTRIES } from '../../../glossary/data';
import { Matcher } from '../../../glossary/matcher';

const sizeOf = (batch: { from: number; to: number }[]) => batch.reduce((sum, p) => sum + p.to - p.from, 0);

describe('texts in requests of bounded size', () => {
  it('puts short texts together, in order, and never over the limit', () => {
    const texts = ['a'.repeat(40), 'b'.repeat(40), 'c'.repeat(30), 'd'.repeat(90)];
    const batches = batchTexts(texts, 100);
    expect(batches.map((b) => b.map((p) => p.index))).toEqual([[0, 1], [2], [3]]);
    for (const batch of batches) expect(sizeOf(batch)).toBeLessThanOrEqual(100);
  });

  it('cuts a long text at line breaks or sentence ends, covering it exactly once', () => {
    const line = 'De NMI adviseert het Iraakse ministerie van Defensie. De OIR bestrijdt ISIS.\n';
    const text = line.repeat(5_000);
    const batches = batchTexts(['kort', text, 'ook kort'], 10_000);
    const pieces = batches.flat().filter((p) => p.index === 1);
    expect(pieces[0]?.from).toBe(0);
    expect(pieces.at(-1)?.to).toBe(text.length);
    pieces.slice(1).forEach((piece, i) => {
      expect(piece.from).toBe(pieces[i]?.to);
      expect(text[piece.from - 1]).toMatch(/[\n ]/);
    });
    for (const batch of batches) expect(sizeOf(batch)).toBeLessThanOrEqual(10_000);
  });

  it('finds the same terms in the pieces as in the whole text', () => {
    const matcher = new Matcher(CURATED_ENTRIES);
    const text =
      'De Red Card Holder van de NMI en de OIR spraken in Bagdad over het artikel 100-proces. '.repeat(3_000);
    const whole = matcher.match(text).map((m) => [m.start, m.end, m.id]);
    const pieced = batchTexts([text], 20_000)
      .flat()
      .flatMap((p) =>
        matcher.match(text.slice(p.from, p.to)).map((m) => [m.start + p.from, m.end + p.from, m.id]),
      );
    expect(pieced).toEqual(whole);
  });

  it('cuts even a text without any break', () => {
    const batches = batchTexts(['x'.repeat(250)], 100);
    expect(batches.flat().map((p) => [p.from, p.to])).toEqual([
      [0, 100],
      [100, 200],
      [200, 250],
    ]);
  });
});
