import { describe, expect, it } from 'vitest';
import { nextTask } from '../../../utils/next-task';
import { TakingTurns } from '../../../utils/taking-turns';

/** Turns that wait until the test lets them go, to look at the queue in between. */
function steppedTurns() {
  const turns: (() => void)[] = [];
  return {
    nextTurn: (next: () => void) => {
      turns.push(next);
    },
    /** Take the next turn and let its work settle. */
    async step() {
      turns.shift()?.();
      for (let i = 0; i < 5; i++) await Promise.resolve();
    },
    get pending() {
      return turns.length;
    },
  };
}

describe('TakingTurns', () => {
  it('gives each piece of work its own result or error', async () => {
    const queue = new TakingTurns<string>(nextTask);
    const failing = expect(
      queue.run('a', () => {
        throw new Error('broken request');
      }),
    ).rejects.toThrow('broken request');
    await expect(Promise.all([queue.run('a', () => 1), queue.run('b', async () => 'two')])).resolves.toEqual([
      1,
      'two',
    ]);
    await failing;
  });

  it('lets a sender that has just asked go before the rest of a busy sender’s queue', async () => {
    const turns = steppedTurns();
    const queue = new TakingTurns<string>(turns.nextTurn);
    const done: string[] = [];
    const work = (name: string) => () => {
      done.push(name);
    };
    for (let i = 1; i <= 4; i++) void queue.run('large page', work(`large ${i}`));
    await turns.step();
    expect(done).toEqual(['large 1']);
    // The ordinary page asks while the large one has three requests waiting.
    void queue.run('ordinary page', work('ordinary 1'));
    void queue.run('ordinary page', work('ordinary 2'));
    while (turns.pending) await turns.step();
    expect(done).toEqual(['large 1', 'ordinary 1', 'large 2', 'ordinary 2', 'large 3', 'large 4']);
  });

  it('does one piece at a time, however long a piece waits for something', async () => {
    const queue = new TakingTurns<number>(nextTask);
    let running = 0;
    let most = 0;
    const slow = async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
    };
    await Promise.all([queue.run(1, slow), queue.run(2, slow), queue.run(1, slow), queue.run(3, slow)]);
    expect(most).toBe(1);
    expect(queue.size).toBe(0);
  });

  it('starts again after it has run dry', async () => {
    const queue = new TakingTurns<string>(nextTask);
    await expect(queue.run('a', () => 'first')).resolves.toBe('first');
    await expect(queue.run('a', () => 'again')).resolves.toBe('again');
  });
});
