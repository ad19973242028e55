/**
 * One writer at a time for the own entries. The options page and the background (taking in
 * entries synced from another computer) both read, change and write the whole list; without a
 * lock, one could write a list read before the other's change and undo it. Web Locks are shared
 * by every page and worker of the extension's origin (Chrome 69, Firefox 96); where there are
 * none (unit tests), calls in this context still run one after another.
 */
const LOCK_NAME = 'begrip-own-entries';
let queue: Promise<unknown> = Promise.resolve();

export function withOwnEntriesLock<T>(work: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks) return locks.request(LOCK_NAME, work);
  const run = queue.then(work, work);
  queue = run.catch(() => undefined);
  return run;
}
