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

export interface AheadOptions<B> {
  /** Requests on their way at once. */
  ahead: number;
  /** Whether the answer to `batch` changes what later requests carry: then they wait for it. */
  waitAfter: (batch: B) => boolean;
  /** Checked before each request: true stops sending (the answers on their way are dropped). */
  stopped?: () => boolean;
}

/**
 * Send `batches` in order with up to `ahead` of them on their way at once, and hand each answer
 * to `take` in the order sent: the other side works on one while this side reads the answer to
 * the one before. A batch whose answer the later ones depend on (`waitAfter`) is answered before
 * the next is sent. Rejects with the first failed answer; false when stopped.
 */
export async function sendAhead<B, A>(
  batches: Iterable<B>,
  send: (batch: B) => Promise<A>,
  take: (answer: A, batch: B) => void,
  { ahead, waitAfter, stopped = () => false }: AheadOptions<B>,
): Promise<boolean> {
  const onTheirWay: { batch: B; answer: Promise<A> }[] = [];
  const takeFirst = async () => {
    const { batch, answer } = onTheirWay.shift() as { batch: B; answer: Promise<A> };
    take(await answer, batch);
  };
  for (const batch of batches) {
    const last = onTheirWay.at(-1);
    while (onTheirWay.length >= Math.max(1, ahead) || (last && onTheirWay.length && waitAfter(last.batch)))
      await takeFirst();
    if (stopped()) return false;
    const answer = send(batch);
    // Seen as handled at once: after an earlier answer fails, the later ones are never awaited.
    answer.catch(() => undefined);
    onTheirWay.push({ batch, answer });
  }
  while (onTheirWay.length) await takeFirst();
  return true;
}
