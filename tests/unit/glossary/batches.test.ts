import { describe, expect, it } from 'vitest';
import { batchTexts, RequestsInOrder } from '../../../glossary/batches';
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
  const waiting = new Map<string, { resolve: (answer: string) => void; reject: (error: Error) => void }>();
  const log: string[] = [];
  const settle = async () => {
    for (let i = 0; i < 10; i++) await Promise.resolve();
  };
  return {
    log,
    request: (batch: string) => () => {
      log.push(`send ${batch}`);
      return new Promise<string>((resolve, reject) => waiting.set(batch, { resolve, reject }));
    },
    take: (answer: string) => {
      log.push(`take ${answer}`);
    },
    async answer(batch: string) {
      waiting.get(batch)?.resolve(`answer ${batch}`);
      waiting.delete(batch);
      await settle();
    },
    async fail(batch: string) {
      waiting.get(batch)?.reject(new Error(`no answer to ${batch}`));
      waiting.delete(batch);
      await settle();
    },
    settle,
    get onTheirWay() {
      return [...waiting.keys()];
    },
  };
}

/** Send `batches` one after the other, as the scheduler does; the promises of their answers taken. */
async function sendAll(
  requests: RequestsInOrder<string>,
  other: ReturnType<typeof answering>,
  batches: string[],
): Promise<Promise<void>[]> {
  const taken: Promise<void>[] = [];
  for (const batch of batches) {
    const sent = await requests.send(other.request(batch), other.take);
    taken.push(sent.taken);
  }
  return taken;
}

describe('requests in order', () => {
  it('keeps up to `ahead` on their way and takes the answers in the order sent', async () => {
    const other = answering();
    const requests = new RequestsInOrder<string>(2);
    const sending = sendAll(requests, other, ['a', 'b', 'c', 'd']);
    await other.settle();
    expect(other.onTheirWay).toEqual(['a', 'b']);
    // The second answer comes first: it waits for the first.
    await other.answer('b');
    expect(other.log).toEqual(['send a', 'send b']);
    await other.answer('a');
    expect(other.log).toEqual(['send a', 'send b', 'take answer a', 'take answer b', 'send c', 'send d']);
    await other.answer('d');
    await other.answer('c');
    const taken = await sending;
    await Promise.all(taken);
    expect(other.log.slice(-2)).toEqual(['take answer c', 'take answer d']);
  });

  it('goes on across batches: the next batch is sent while the last one’s answers are awaited', async () => {
    const other = answering();
    const requests = new RequestsInOrder<string>(3);
    const first = await sendAll(requests, other, ['a1', 'a2']);
    const second = sendAll(requests, other, ['b1']);
    await other.settle();
    expect(other.onTheirWay).toEqual(['a1', 'a2', 'b1']);
    for (const batch of ['b1', 'a2', 'a1']) await other.answer(batch);
    await Promise.all([...first, ...(await second)]);
    expect(other.log.filter((line) => line.startsWith('take'))).toEqual([
      'take answer a1',
      'take answer a2',
      'take answer b1',
    ]);
  });

  it('takes no answer after a failed one, and goes on sending', async () => {
    const other = answering();
    const requests = new RequestsInOrder<string>(3);
    const taken = await sendAll(requests, other, ['a', 'b']);
    const failed = expect(taken[0]).rejects.toThrow('no answer to a');
    const after = expect(taken[1]).rejects.toThrow('no answer to a');
    await other.answer('b');
    await other.fail('a');
    await failed;
    await after;
    expect(other.log).toEqual(['send a', 'send b']);
    const [next] = await sendAll(requests, other, ['c']);
    await other.answer('c');
    await expect(next).rejects.toThrow('no answer to a');
  });
});
