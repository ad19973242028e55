import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  HIGHLIGHT_NAME,
  type HighlightItem,
  pointOf,
  TermHighlights,
} from '../../../entrypoints/content/term-highlights';
import { walkRuns } from '../../../utils/dom/highlighter';

/** happy-dom has no CSS Custom Highlight API: a registry and a Highlight that behave like the browser's. */
class FakeHighlight extends Set<Range> {}
const registry = new Map<string, FakeHighlight>();

beforeEach(() => {
  Object.assign(globalThis, { Highlight: FakeHighlight, CSS: { highlights: registry } });
});
afterEach(() => {
  registry.clear();
  Reflect.deleteProperty(globalThis, 'Highlight');
  Reflect.deleteProperty(globalThis, 'CSS');
});

/** One run over "De <b>Red Card</b> Holder en NMI." with the matcher's spans for two terms. */
function item(): HighlightItem {
  document.body.innerHTML = '<p>De <b>Red Card</b> Holder en NMI.</p>';
  const [run] = [...walkRuns(document.body)];
  if (!run) throw new Error('no run');
  const at = (term: string) => run.text.indexOf(term);
  return {
    run,
    annotations: [
      { start: at('Red Card Holder'), end: at('Red Card Holder') + 15, id: 'red-card-holder' },
      { start: at('NMI'), end: at('NMI') + 3, id: 'nmi' },
    ],
  } as HighlightItem;
}

describe('terms shown as a highlight (very large pages)', () => {
  it('registers one highlight with a range per term, across element boundaries', () => {
    const highlights = new TermHighlights();
    const shown = item();
    highlights.show(shown);
    const highlight = registry.get(HIGHLIGHT_NAME);
    expect([...(highlight ?? [])].map((range) => range.toString())).toEqual(['Red Card Holder', 'NMI']);
    expect(highlights.size).toBe(1);
    expect(highlights.items).toEqual([shown]);
    expect(document.body.innerHTML).toBe('<p>De <b>Red Card</b> Holder en NMI.</p>'); // no DOM change
  });

  it('lets go of an item that is about to be marked, and of one the page changed', () => {
    const highlights = new TermHighlights();
    const first = item();
    highlights.show(first);
    highlights.take(first);
    expect(registry.get(HIGHLIGHT_NAME)?.size).toBe(0);
    expect(highlights.size).toBe(0);

    const second = item();
    highlights.show(second);
    highlights.prune();
    expect(highlights.size).toBe(1); // unchanged text stays
    (second.run.nodes.at(-1) as Text).data = ' Holder en NAVO.';
    highlights.prune();
    expect(highlights.size).toBe(0);
  });

  it('clears its highlight from the page', () => {
    const highlights = new TermHighlights();
    highlights.show(item());
    highlights.clear();
    expect(registry.has(HIGHLIGHT_NAME)).toBe(false);
    expect(highlights.size).toBe(0);
  });

  it('is used only where the browser has the API', () => {
    expect(TermHighlights.supported()).toBe(true);
    Reflect.deleteProperty(globalThis, 'Highlight');
    expect(TermHighlights.supported()).toBe(false);
  });
});

describe('pointOf', () => {
  const run = (parts: string[]) => {
    const nodes = parts.map((part) => document.createTextNode(part));
    const offsets: number[] = [];
    let at = 0;
    for (const node of nodes) {
      offsets.push(at);
      at += node.length;
    }
    return { nodes, offsets, text: parts.join('') };
  };

  it('finds the node and offset of a start and an end, across nodes and empty ones', () => {
    const r = run(['De ', '', 'NMI', ' en OIR']);
    expect(pointOf(r, 3, false)?.[0].data).toBe('NMI');
    expect(pointOf(r, 3, false)?.[1]).toBe(0);
    expect(pointOf(r, 6, true)?.[0].data).toBe('NMI');
    expect(pointOf(r, 6, true)?.[1]).toBe(3);
    expect(pointOf(r, 6, false)?.[0].data).toBe(' en OIR');
    expect(pointOf(r, 13, true)?.[1]).toBe(7);
    expect(pointOf(r, 13, false)).toBeNull();
  });

  it('agrees with a linear scan on a block of many nodes', () => {
    const parts = Array.from({ length: 500 }, (_, i) => (i % 7 === 0 ? '' : `w${i} `));
    const r = run(parts);
    for (let at = 0; at <= r.text.length; at += 3) {
      for (const end of [false, true]) {
        const linear = r.nodes.findIndex((node, i) => {
          const start = r.offsets[i] as number;
          return end ? at > start && at <= start + node.length : at >= start && at < start + node.length;
        });
        const found = pointOf(r, at, end);
        expect(found?.[0] ?? null).toBe(linear >= 0 ? r.nodes[linear] : null);
      }
    }
  });
});
