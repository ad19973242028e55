import { describe, expect, it } from 'vitest';
import { batchTexts, sendAhead } from '../../../glossary/batches';
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

/** A side that answers when the test says so, and records what was asked and when. */
function answering() {
  const waiting = new Map<string, (answer: string) => void>();
  const log: string[] = [];
  return {
    log,
    send: (batch: string) => {
      log.push(`send ${batch}`);
      return new Promise<string>((resolve) => waiting.set(batch, resolve));
    },
    take: (answer: string) => {
      log.push(`take ${answer}`);
    },
    async answer(batch: string) {
      waiting.get(batch)?.(`answer ${batch}`);
      waiting.delete(batch);
      for (let i = 0; i < 5; i++) await Promise.resolve();
    },
    get onTheirWay() {
      return [...waiting.keys()];
    },
  };
}

describe('requests sent ahead', () => {
  it('keeps up to `ahead` on their way and takes the answers in the order sent', async () => {
    const other = answering();
    const done = sendAhead(['a', 'b', 'c', 'd'], other.send, other.take, {
      ahead: 2,
      waitAfter: () => false,
    });
    await Promise.resolve();
    expect(other.onTheirWay).toEqual(['a', 'b']);
    // The second answer comes first: it waits for the first.
    await other.answer('b');
    expect(other.log).toEqual(['send a', 'send b']);
    await other.answer('a');
    expect(other.log).toEqual(['send a', 'send b', 'take answer a', 'send c', 'take answer b', 'send d']);
    await other.answer('c');
    await other.answer('d');
    await expect(done).resolves.toBe(true);
    expect(other.log.slice(-2)).toEqual(['take answer c', 'take answer d']);
  });

  it('sends nothing after a batch the later ones depend on until its answer is taken', async () => {
    const other = answering();
    const done = sendAhead(['a', 'defines (X)', 'b'], other.send, other.take, {
      ahead: 3,
      waitAfter: (batch) => batch.includes('('),
    });
    await Promise.resolve();
    expect(other.onTheirWay).toEqual(['a', 'defines (X)']);
    await other.answer('a');
    expect(other.onTheirWay).toEqual(['defines (X)']);
    await other.answer('defines (X)');
    expect(other.log).toEqual([
      'send a',
      'send defines (X)',
      'take answer a',
      'take answer defines (X)',
      'send b',
    ]);
    await other.answer('b');
    await expect(done).resolves.toBe(true);
  });

  it('stops sending when told, and fails with the first failed answer', async () => {
    let stop = false;
    const other = answering();
    const stopped = sendAhead(['a', 'b', 'c'], other.send, other.take, {
      ahead: 1,
      waitAfter: () => false,
      stopped: () => stop,
    });
    stop = true;
    await other.answer('a');
    await expect(stopped).resolves.toBe(false);
    expect(other.log).toEqual(['send a', 'take answer a']);

    const failing = sendAhead(
      ['a', 'b', 'c'],
      (batch) => (batch === 'a' ? Promise.reject(new Error('extension reloaded')) : Promise.resolve(batch)),
      () => undefined,
      { ahead: 3, waitAfter: () => false },
    );
    await expect(failing).rejects.toThrow('extension reloaded');
  });
});
