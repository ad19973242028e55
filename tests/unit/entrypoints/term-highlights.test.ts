import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CURRENT_HIGHLIGHT_NAME,
  compactRun,
  HIGHLIGHT_NAME,
  type HighlightItem,
  pointOf,
  TermHighlights,
} from '../../../entrypoints/content/term-highlights';
import { runNodes, type TextRun, walkRuns } from '../../../utils/dom/highlighter';

/** happy-dom has no CSS Custom Highlight API: a registry and a Highlight that behave like the browser's. */
class FakeHighlight extends Set<Range> {
  priority = 0;
}
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

/** The run's text nodes (looked up if it was read whole). */
const nodesOf = (run: TextRun) => runNodes(run).nodes;

describe('terms shown as a highlight', () => {
  const rendered = () => true;

  it('registers one highlight with a range per term, across element boundaries, and changes no node', () => {
    const highlights = new TermHighlights(rendered);
    const shown = item();
    const before = [...document.body.querySelectorAll('*'), ...nodesOf(shown.run)];
    const terms = highlights.show(shown);
    const highlight = registry.get(HIGHLIGHT_NAME);
    expect([...(highlight ?? [])].map((range) => range.toString())).toEqual(['Red Card Holder', 'NMI']);
    expect(terms.map((term) => term.reading)).toEqual([
      { id: 'red-card-holder', text: 'Red Card Holder' },
      { id: 'nmi', text: 'NMI' },
    ]);
    expect(highlights.items).toEqual([shown]);
    expect(document.body.innerHTML).toBe('<p>De <b>Red Card</b> Holder en NMI.</p>');
    expect([...document.body.querySelectorAll('*'), ...nodesOf(shown.run)]).toEqual(before);
    expect(before.every((node) => node.isConnected)).toBe(true);
  });

  it('lists the terms in document order, and shows the current one apart', () => {
    const highlights = new TermHighlights(rendered);
    const shown = item();
    const [holder, nmi] = highlights.show({ ...shown, annotations: [...shown.annotations].reverse() });
    expect(highlights.list().map((term) => term.reading.id)).toEqual(['red-card-holder', 'nmi']);
    highlights.setCurrent(nmi ?? null);
    expect([...(registry.get(CURRENT_HIGHLIGHT_NAME) ?? [])].map(String)).toEqual(['Red Card Holder']);
    highlights.setCurrent(holder ?? null);
    highlights.setCurrent(null);
    expect(registry.get(CURRENT_HIGHLIGHT_NAME)?.size).toBe(0);
  });

  it('finds the items the page changed, and those in a block read again', () => {
    const highlights = new TermHighlights(rendered);
    const shown = item();
    highlights.show(shown);
    expect(highlights.changed()).toEqual([]);
    // A block read again takes all its shown items; another block none of them.
    expect([...highlights.itemsWith([{ block: shown.run.block }])]).toEqual([shown]);
    expect(highlights.itemsWith([{ block: document.body }]).size).toBe(0);
    expect(highlights.itemsWithin(document.body)).toEqual([shown]);
    expect(highlights.itemsWithin(document.querySelector('b') as Element)).toEqual([shown]);
    highlights.take(shown);
    expect(highlights.itemsWith([{ block: shown.run.block }]).size).toBe(0);
    highlights.show(shown);
    (nodesOf(shown.run).at(-1) as Text).data = ' Holder en NAVO.';
    expect(highlights.changed()).toEqual([shown]);
    highlights.take(shown);
    expect(registry.get(HIGHLIGHT_NAME)?.size).toBe(0);
    expect(highlights.size).toBe(0);
  });

  it('does not show text hidden with CSS until the page reveals it (audit F4)', () => {
    let visible = false;
    const highlights = new TermHighlights((node) => visible || node.parentElement?.localName !== 'b');
    highlights.show(item());
    expect([...(registry.get(HIGHLIGHT_NAME) ?? [])].map(String)).toEqual(['NMI']);
    visible = true;
    highlights.revealHidden();
    expect([...(registry.get(HIGHLIGHT_NAME) ?? [])].map(String)).toEqual(['Red Card Holder', 'NMI']);
  });

  it('holds the ranges of a batch out of the highlight until they are painted at once', () => {
    const highlights = new TermHighlights(rendered);
    const painted = () => [...(registry.get(HIGHLIGHT_NAME) ?? [])].map(String);
    const shown = item();
    highlights.holdRanges();
    expect(highlights.show(shown)).toHaveLength(2);
    expect(painted()).toEqual([]);
    // Shown meanwhile for the pointer and the keyboard.
    expect(highlights.list()).toHaveLength(2);
    highlights.paintHeld(true);
    expect(painted()).toEqual(['Red Card Holder', 'NMI']);
    // Still holding: a term taken away before it is painted never is.
    highlights.take(shown);
    const part = { ...shown, annotations: shown.annotations.slice(1) };
    highlights.show(part);
    highlights.take(part);
    highlights.paintHeld(false);
    expect(painted()).toEqual([]);
    highlights.show(shown);
    expect(painted()).toEqual(['Red Card Holder', 'NMI']);
  });

  it('counts the text of the runs it shows, to know when a page has grown large', () => {
    const highlights = new TermHighlights(rendered);
    const shown = item();
    highlights.show(shown);
    highlights.show(shown);
    expect(highlights.textShown).toBe(shown.run.text.length);
    highlights.take(shown);
    expect(highlights.textShown).toBe(0);
    highlights.show(shown);
    highlights.clear();
    expect(highlights.textShown).toBe(0);
  });

  it('clears its highlights from the page', () => {
    const highlights = new TermHighlights(rendered);
    highlights.show(item());
    highlights.clear();
    expect(registry.has(HIGHLIGHT_NAME)).toBe(false);
    expect(registry.has(CURRENT_HIGHLIGHT_NAME)).toBe(false);
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
    return { block: document.createElement('p'), nodes, offsets, text: parts.join('') };
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

  it('finds the same points in a run compacted to the nodes its terms lie in', () => {
    const r = run(['De ', 'Red ', 'Card', ' Holder', ' en de ', 'NMI', ' en verder ', 'niets.']);
    const terms = [
      { start: 3, end: 18 },
      { start: 25, end: 28 },
    ];
    const compact = compactRun(r, terms);
    expect(nodesOf(compact).map((node) => node.data)).toEqual(['Red ', ' Holder', 'NMI']);
    for (const { start, end } of terms) {
      expect(pointOf(compact, start, false)).toEqual(pointOf(r, start, false));
      expect(pointOf(compact, end, true)).toEqual(pointOf(r, end, true));
    }
  });

  it('keeps each node once, in order, whether or not the terms come in order', () => {
    const r = run(['NMI', ' en ', 'OIR', ' met ', 'NMI', ' en EUAM']);
    const inOrder = [
      { start: 0, end: 3 },
      { start: 7, end: 10 },
      { start: 15, end: 18 },
      { start: 22, end: 26 },
    ];
    const texts = (terms: typeof inOrder) => nodesOf(compactRun(r, terms)).map((node) => node.data);
    expect(texts(inOrder)).toEqual(['NMI', 'OIR', 'NMI', ' en EUAM']);
    expect(texts([...inOrder].reverse())).toEqual(['NMI', 'OIR', 'NMI', ' en EUAM']);
    expect(compactRun(r, [...inOrder, { start: 4, end: 6 }, { start: 11, end: 14 }])).toBe(r);
  });

  it('keeps the nodes a plain scan finds, over a long run of near and far terms', () => {
    // 3,000 nodes of 0 to 4 characters (empty ones share the next one's offset), with terms close
    // together and far apart: the search from the last term's node must land where a scan does.
    const parts = Array.from({ length: 3000 }, (_, i) => 'abcd'.slice(0, (i * 7) % 5));
    const r = run(parts);
    const scan = (at: number, end: boolean) => {
      const char = end ? at - 1 : at;
      let found = -1;
      parts.forEach((part, i) => {
        if (part.length && (r.offsets[i] as number) <= char) found = i;
      });
      return found;
    };
    const terms: { start: number; end: number }[] = [];
    for (let start = 0, gap = 1; start + 3 < r.text.length; start += 3 + gap, gap = (gap * 5 + 1) % 700)
      terms.push({ start, end: start + 3 });
    const expected = [...new Set(terms.flatMap(({ start, end }) => [scan(start, false), scan(end, true)]))];
    const texts = (list: typeof terms) => nodesOf(compactRun(r, list));
    expect(texts(terms)).toEqual(expected.map((i) => r.nodes[i]));
    expect(texts([...terms].reverse())).toEqual(expected.map((i) => r.nodes[i]));
    for (const { start, end } of terms) {
      expect(pointOf(r, start, false)?.[0]).toBe(r.nodes[scan(start, false)]);
      expect(pointOf(r, end, true)?.[0]).toBe(r.nodes[scan(end, true)]);
    }
  });

  it('finds the points of a block read whole, in its text nodes', () => {
    document.body.innerHTML = '<p>De NMI</p>';
    const p = document.querySelector('p') as HTMLElement;
    p.append(document.createComment('noot'), document.createTextNode(''), document.createTextNode(' en OIR'));
    const [leaf] = [...walkRuns(document.body)] as TextRun[];
    expect(leaf?.nodes).toBeNull();
    expect(compactRun(leaf as TextRun, [{ start: 3, end: 6 }])).toBe(leaf);
    expect(pointOf(leaf as TextRun, 3, false)).toEqual([p.firstChild, 3]);
    expect(pointOf(leaf as TextRun, 10, false)).toEqual([p.lastChild, 4]);
    expect(pointOf(leaf as TextRun, 13, true)).toEqual([p.lastChild, 7]);
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
