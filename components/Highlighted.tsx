export type Range = readonly [number, number];

/** Text with the given [start, end] (inclusive, as fuse.js reports them) ranges in <mark>. */
export function Highlighted({ text, ranges = [] }: { text: string; ranges?: readonly Range[] }) {
  const parts = [];
  let cursor = 0;
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (start < cursor || end < start) continue;
    if (start > cursor) parts.push(text.slice(cursor, start));
    parts.push(<mark key={start}>{text.slice(start, end + 1)}</mark>);
    cursor = end + 1;
  }
  parts.push(text.slice(cursor));
  return <>{parts}</>;
}
