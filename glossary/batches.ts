/**
 * How a page's text goes to the matcher in requests of bounded size. The background matches for
 * every tab; one request of a 1.35 MB transcript would hold up every other tab for as long as it
 * takes (audit F3), so a text longer than a request is cut into pieces, at a line break, else a
 * sentence end, else a space, where no term is cut in two. Pure and DOM-free.
 */

/** A piece of text `index`: characters [from, to). */
export interface Piece {
  index: number;
  from: number;
  to: number;
}

/** Where to cut `text` (from `from`) so the piece is at most `max` long: a break near the end. */
function cutAt(text: string, from: number, max: number): number {
  const limit = from + max;
  if (limit >= text.length) return text.length;
  // A break in the last half of the piece keeps pieces large; otherwise a hard cut.
  const least = from + Math.floor(max / 2);
  // Only the second half is searched: lastIndexOf alone would scan back to the start of a text
  // without that separator, every piece (quadratic on a long text).
  const window = text.slice(least, limit);
  for (const separator of ['\n', '. ', ' ']) {
    const at = window.lastIndexOf(separator);
    if (at >= 0) return least + at + separator.length;
  }
  return limit;
}

/**
 * The texts as requests of at most `max` characters each, in order: short texts share a request,
 * a long one is cut into pieces.
 */
export function batchTexts(texts: readonly string[], max: number): Piece[][] {
  const batches: Piece[][] = [];
  let batch: Piece[] = [];
  let size = 0;
  const add = (piece: Piece) => {
    const length = piece.to - piece.from;
    if (batch.length && size + length > max) {
      batches.push(batch);
      batch = [];
      size = 0;
    }
    batch.push(piece);
    size += length;
  };
  texts.forEach((text, index) => {
    if (text.length <= max) {
      add({ index, from: 0, to: text.length });
      return;
    }
    for (let from = 0; from < text.length; ) {
      const to = cutAt(text, from, max);
      add({ index, from, to });
      from = to;
    }
  });
  if (batch.length) batches.push(batch);
  return batches;
}

/**
 * Requests sent in order with up to `ahead` of them on their way at once, each answer handed to
 * its `take` in the order sent: the other side works on one request while this side reads the
 * answer to the one before, across any number of callers' batches. After a failed answer, no
 * later answer is taken (each of their `taken` promises rejects with it).
 */
export class RequestsInOrder<A> {
  /** The `taken` promises of the requests on their way, oldest first. */
  private readonly untaken: Promise<void>[] = [];
  private lastTaken: Promise<void> = Promise.resolve();

  constructor(private readonly ahead: number) {}

  /**
   * Send one request once there is room; resolves when it is sent, with `taken`: its answer
   * taken. Callers send one at a time, in order.
   */
  async send(request: () => Promise<A>, take: (answer: A) => void): Promise<{ taken: Promise<void> }> {
    while (this.untaken.length >= Math.max(1, this.ahead)) await this.untaken[0]?.catch(() => undefined);
    const answer = request();
    // Seen as handled at once: after an earlier answer fails, this one is never awaited.
    answer.catch(() => undefined);
    const taken = this.lastTaken.then(async () => take(await answer));
    const settled = () => {
      this.untaken.splice(this.untaken.indexOf(taken), 1);
    };
    taken.then(settled, settled);
    this.untaken.push(taken);
    this.lastTaken = taken;
    return { taken };
  }
}
