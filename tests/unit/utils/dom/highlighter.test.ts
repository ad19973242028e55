import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createAnnotator } from '../../../../glossary/annotate';
import { CURATED_ENTRIES } from '../../../../glossary/data';
import { Matcher } from '../../../../glossary/matcher';
import {
  isLargeWholeRun,
  isSplit,
  markRun,
  nodesCovering,
  restoreSplit,
  runNodes,
  type TextRun,
  unmarkAll,
  walkRuns,
} from '../../../../utils/dom/highlighter';

const matcher = new Matcher(CURATED_ENTRIES);

/** Mark everything under `root` the way the content script does (collect, then mark). */
function markAll(root: HTMLElement) {
  const annotator = createAnnotator(matcher, root.textContent ?? '');
  const runs = [...walkRuns(root)];
  return runs.flatMap((run) => markRun(run, annotator.annotate(run.text)));
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('marking the page', () => {
  it('wraps terms, also across inline elements and line breaks, and leaves the text alone', () => {
    document.body.innerHTML =
      '<p>De <b>Red Card</b> Holder en de NAVO-missie in\nIrak (NMI).</p><p>Geen NMI in <code>NMI</code> of <textarea>NMI</textarea>.</p>';
    const before = document.body.textContent;
    const marks = markAll(document.body);
    expect(marks.map((m) => [m.element.textContent, m.annotation.id])).toEqual([
      ['Red Card', 'red-card-holder'],
      [' Holder', 'red-card-holder'],
      ['NAVO-missie in\nIrak', 'nmi'],
      ['NMI', 'nmi'],
      ['NMI', 'nmi'],
    ]);
    expect(document.body.textContent).toBe(before);
  });

  it('reads a <br> as a line break: words on both sides never glue together', () => {
    document.body.innerHTML = '<p>NMI<br>OIR</p><p>Red Card<br>Holder</p>';
    expect(markAll(document.body).map((m) => m.annotation.id)).toEqual([
      'nmi',
      'oir',
      'red-card-holder',
      'red-card-holder',
    ]);
  });

  it('keeps the space between inline elements, and never glues words across skipped elements', () => {
    document.body.innerHTML =
      '<p><b>Red Card</b> <i>Holder</i></p><p>Zie<code>x</code>NMI</p><p>Missie<script>1</script>NMI</p>';
    const runs = [...walkRuns(document.body)].map((run) => run.text);
    expect(runs).toEqual(['Red Card Holder', 'Zie\nNMI', 'Missie\nNMI']);
    expect(markAll(document.body).map((m) => m.annotation.id)).toEqual([
      'red-card-holder',
      'red-card-holder',
      'nmi',
      'nmi',
    ]);
  });

  it('reads a block of one text node the same as the walk reads it inside its parent', () => {
    document.body.innerHTML = '<div><p>De NMI in Irak</p><p>   </p></div>';
    const [filled, blank] = [...document.querySelectorAll('p')] as HTMLElement[];
    const alone = [...walkRuns(filled as HTMLElement)];
    const inParent = [...walkRuns(document.body)];
    expect(alone).toEqual(inParent);
    expect(runNodes(alone[0] as TextRun).nodes[0]).toBe(filled?.firstChild);
    expect([...walkRuns(blank as HTMLElement)]).toEqual([]);
  });

  it('reads a block of text and inline elements whole, and finds its text nodes only when asked', () => {
    document.body.innerHTML =
      '<ul><li>De NMI</li><li><b>OIR</b> in <a href="#">Irak</a></li></ul>' +
      '<div>Voor<p>  </p>na<p></p>ook <p>NMI <!-- noot --> en <i>OIR</i></p> einde</div>' +
      '<p>Met<br>regel</p><p>Met <code>NMI</code> code</p><p>Met <span hidden>NMI</span> verborgen</p>';
    const runs = [...walkRuns(document.body)];
    expect(runs.map((run) => [run.text, run.nodes === null])).toEqual([
      ['De NMI', true],
      ['OIR in Irak', true],
      // A blank block between words is a line break, as on screen.
      ['Voor\nna\nook ', false],
      ['NMI  en OIR', true],
      [' einde', false],
      // A <br>, a skipped element: walked, each a line break.
      ['Met\nregel', false],
      ['Met \n code', false],
      ['Met \n verborgen', false],
    ]);
    const [li, , , p] = runs as TextRun[];
    expect(li?.block).toBe(document.querySelector('li'));
    const { nodes, offsets } = runNodes(p as TextRun);
    expect(nodes.map((node) => node.data)).toEqual(['NMI ', ' en ', 'OIR']);
    expect(offsets).toEqual([0, 4, 8]);
    // Found once, then kept with the run.
    expect(p?.nodes).toBe(nodes);
  });

  it('reads a block of any number of inline elements whole; a large one in many nodes is shown near the viewport only', () => {
    const spans = (n: number, word: string) =>
      Array.from({ length: n }, () => `<span>${word}</span> `).join('');
    document.body.innerHTML = `<p>${spans(65, 'NMI')}</p><p>${'NMI '.repeat(6000)}</p><p>${'NMI '.repeat(6000)}</p>`;
    const long = document.querySelectorAll('p')[2] as HTMLElement;
    long.append(document.createTextNode(' en OIR'));
    const runs = [...walkRuns(document.body)];
    expect(runs.map((run) => run.nodes === null)).toEqual([true, true, true]);
    expect(runs.map((run) => run.text)).toEqual([
      'NMI '.repeat(65),
      'NMI '.repeat(6000),
      `${'NMI '.repeat(6000)} en OIR`,
    ]);
    // Over 20,000 characters: large only when in more than one node (one node is found at once).
    expect(runs.map(isLargeWholeRun)).toEqual([false, false, true]);
    // One term of a large block: its nodes only, in a walk that stops there.
    const { nodes, offsets } = nodesCovering(runs[2] as TextRun, 24_001, 24_004);
    expect(nodes.map((node) => node.data)).toEqual([' en OIR']);
    expect(offsets).toEqual([24_000]);
    expect((runs[2] as TextRun).nodes).toBeNull();
  });

  it('joins the text of a block of thousands of nodes, each at its offset', () => {
    const words = Array.from({ length: 5000 }, (_, i) => (i % 7 === 0 ? 'NMI' : `woord${i}`));
    document.body.innerHTML = `<p>${words.map((w) => `<span>${w}</span>`).join('<br>')}</p>`;
    const [run] = [...walkRuns(document.body)];
    expect(run?.text).toBe(words.join('\n'));
    const { nodes, offsets } = runNodes(run as TextRun);
    expect(nodes).toHaveLength(5000);
    nodes.forEach((node, i) => {
      expect(run?.text.slice(offsets[i], (offsets[i] ?? 0) + node.data.length)).toBe(words[i]);
    });
  });

  it('marks and unmarks random documents back to the original DOM', () => {
    const words = fc.constantFrom(
      'NMI',
      'OIR',
      'Red Card',
      'Holder',
      'force protection',
      'NAVO-missie in Irak',
      'LTO’s',
      'de',
      'Irak',
      'artikel 100-brief',
      'geïntegreerde inzet',
      'nmi',
      '(SCF)',
      'Shia Coordination Framework',
      '\n',
      '\u00A0',
      '  ',
    );
    const text = fc.array(words, { minLength: 1, maxLength: 8 }).map((w) => w.join(' '));
    const tags = fc.constantFrom('p', 'div', 'span', 'b', 'em', 'a', 'li', 'code', 'h2', 'br');
    const tree: fc.Arbitrary<Node[]> = fc.letrec<{ nodes: Node[] }>((tie) => ({
      nodes: fc.array(
        fc.oneof(
          text.map((t) => document.createTextNode(t) as Node),
          fc.tuple(tags, tie('nodes')).map(([tag, children]) => {
            const element = document.createElement(tag);
            if (tag !== 'br') element.append(...children);
            return element as Node;
          }),
        ),
        { maxLength: 4 },
      ),
    })).nodes;
    fc.assert(
      fc.property(tree, (nodes) => {
        document.body.replaceChildren(...nodes);
        document.body.normalize();
        const html = document.body.innerHTML;
        const text = document.body.textContent;
        markAll(document.body);
        expect(document.body.textContent).toBe(text);
        unmarkAll(document.body);
        document.body.normalize();
        expect(document.body.innerHTML).toBe(html);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the page’s own text nodes (audit F5: frameworks hold them)', () => {
  it('stay in place when a term starts them, and the page can remove them', () => {
    const p = document.createElement('p');
    const held = document.createTextNode('NMI missie');
    p.append(held);
    document.body.append(p);
    const marks = markAll(document.body);
    expect(marks.map((m) => m.element.textContent)).toEqual(['NMI']);
    expect(held.parentNode).toBe(p);
    expect(p.textContent).toBe('NMI missie');
    expect(() => p.removeChild(held)).not.toThrow();
  });

  it('get their whole text back, and no neighbours merged or empty anchors dropped', () => {
    const p = document.createElement('p');
    const a = document.createTextNode('De NMI ');
    const anchor = document.createTextNode('');
    const b = document.createTextNode('en de OIR.');
    p.append(a, anchor, b);
    document.body.append(p);
    markAll(document.body);
    expect(p.querySelectorAll('begrip-mark')).toHaveLength(2);
    unmarkAll(document.body);
    expect([...p.childNodes]).toEqual([a, anchor, b]);
    expect([a.data, anchor.data, b.data]).toEqual(['De NMI ', '', 'en de OIR.']);
  });

  it('changed by the page: Begrip’s parts go, the page’s new text stays alone', () => {
    const p = document.createElement('p');
    const held = document.createTextNode('De NMI missie.');
    p.append(held);
    document.body.append(p);
    markAll(document.body);
    expect(isSplit(held)).toBe(true);
    held.data = 'Gewijzigde tekst.';
    restoreSplit(held, true);
    expect(p.textContent).toBe('Gewijzigde tekst.');
    expect(p.childNodes).toHaveLength(1);
    expect(isSplit(held)).toBe(false);
  });

  it('a part split again belongs to the same page node, and all of it comes back', () => {
    const p = document.createElement('p');
    const held = document.createTextNode('NMI, OIR en EUAM');
    p.append(held);
    document.body.append(p);
    markRun([...walkRuns(p)][0] as never, [{ start: 0, end: 3, id: 'nmi' }]);
    // A later pass marks a term in a part Begrip made.
    markRun([...walkRuns(p)].at(-1) as never, [{ start: 2, end: 5, id: 'oir' }]);
    expect(p.querySelectorAll('begrip-mark')).toHaveLength(2);
    unmarkAll(p);
    expect([...p.childNodes]).toEqual([held]);
    expect(held.data).toBe('NMI, OIR en EUAM');
  });
});
