/**
 * Work from several senders (the tabs' content scripts asking for their terms), done one piece at
 * a time, the senders taking turns: a tab that has just asked never waits behind a queue of
 * another tab's requests, only behind the one piece being done (issue 14: one 1.25 MB page made
 * an ordinary page in another tab wait 30 s). Between two pieces the event loop gets a turn, so
 * a request that arrives meanwhile is queued before the next piece is chosen. DOM-free.
 */

import { nextTask } from './next-task';

type Job = () => Promise<void>;

/** Runs `next` in a later task of the event loop (nextTask, or a stepper in tests). */
export type NextTurn = (next: () => void) => void;

export class TakingTurns<Key> {
  /** Each sender's waiting work, in the order the senders take their turns. */
  private readonly waiting = new Map<Key, Job[]>();
  private busy = false;
  /** The sender whose piece was done last. */
  private lastSender: Key | undefined;

  constructor(private readonly nextTurn: NextTurn = nextTask) {}

  /** How many pieces of work are waiting (tests). */
  get size(): number {
    let size = 0;
    for (const jobs of this.waiting.values()) size += jobs.length;
    return size;
  }

  /** Do `work` for `sender` in its turn; resolves or rejects as the work does. */
  run<T>(sender: Key, work: () => T | Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const job: Job = async () => {
        try {
          resolve(await work());
        } catch (error) {
          reject(error);
        }
      };
      const jobs = this.waiting.get(sender);
      if (jobs) jobs.push(job);
      else this.waiting.set(sender, [job]);
      if (!this.busy) {
        this.busy = true;
        this.nextTurn(() => void this.takeTurn());
      }
    });
  }

  /** One piece of the sender first in line; the sender goes to the back if it has more. */
  private async takeTurn(): Promise<void> {
    const next = this.nextSender();
    if (next === undefined) {
      this.busy = false;
      this.lastSender = undefined;
      return;
    }
    const [sender, jobs] = next;
    const job = jobs.shift() as Job;
    this.waiting.delete(sender);
    if (jobs.length) this.waiting.set(sender, jobs);
    this.lastSender = sender;
    await job();
    this.nextTurn(() => void this.takeTurn());
  }

  /**
   * The first sender in line, but not the one that had the last turn while another waits: a
   * sender that asked during that turn goes next, not after one more piece of the busy one.
   */
  private nextSender(): [Key, Job[]] | undefined {
    let first: [Key, Job[]] | undefined;
    for (const entry of this.waiting) {
      if (entry[0] !== this.lastSender) return entry;
      first ??= entry;
    }
    return first;
  }
}
