import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TooltipContent, TooltipProps } from '../../../../components/Tooltip';
import { CURATED_ENTRIES } from '../../../../glossary/data';
import { Gloss, type GlossGesture } from '../../../../utils/dom/gloss';
import type { Term } from '../../../../utils/dom/term';

const byId = new Map(CURATED_ENTRIES.map((e) => [e.id, e]));
const content = (id: string): TooltipContent => ({
  kind: 'entry',
  entry: byId.get(id) as (typeof CURATED_ENTRIES)[number],
  category: { nl: 'Missie', en: 'Mission' },
  related: [],
});
const term = (id: string, text: string): Term => ({
  reading: { id, text },
  box: () => new DOMRect(10, 10, 40, 16),
  bringIntoView: () => {},
});

/** A gloss whose view draws a plain element, and the lookups it reports. */
function setUp() {
  const lookups: { id: string; text: string; gesture: GlossGesture }[] = [];
  let shown: TooltipProps | null = null;
  const abort = new AbortController();
  const nmi = term('nmi', 'NMI');
  const oir = term('oir', 'OIR');
  const gloss = new Gloss({
    terms: { at: () => null, list: () => [nmi, oir], setCurrent: () => {} },
    describe: (t) => content(t.reading.id),
    describeId: (id) => content(id),
    language: () => 'en',
    uiLanguage: 'en',
    view: {
      css: '',
      render: (container, props) => {
        shown = props;
        container.innerHTML = '<div class="gloss">gloss</div>';
      },
      clear: (container) => container.replaceChildren(),
    },
    labels: {} as never,
    onLookup: (lookup) => lookups.push(lookup),
    signal: abort.signal,
  });
  return { gloss, lookups, nmi, oir, abort, shown: () => shown };
}

/** Let the gloss's describe promise settle, then move the clock on. */
const wait = async (ms: number) => {
  await vi.advanceTimersByTimeAsync(ms);
};

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  document.documentElement.querySelector('begrip-tooltip')?.remove();
});

describe('the gloss tells the history what the reader looked up', () => {
  it('a hover once the gloss has stayed open a second, with the text as the page has it', async () => {
    const { gloss, lookups, nmi } = setUp();
    gloss.hover(nmi);
    await wait(300 + 900);
    expect(gloss.openTerm).toBe(nmi);
    expect(lookups).toEqual([]);
    await wait(200);
    expect(lookups).toEqual([{ id: 'nmi', text: 'NMI', gesture: 'hover' }]);
    // Still open: no second lookup.
    await wait(5_000);
    expect(lookups).toHaveLength(1);
  });

  it('no hover when the gloss closed or moved on within the second', async () => {
    const { gloss, lookups, nmi, oir } = setUp();
    gloss.hover(nmi);
    await wait(300 + 500);
    gloss.hide();
    await wait(2_000);
    gloss.hover(oir);
    await wait(300 + 500);
    gloss.hover(nmi);
    await wait(300 + 700);
    expect(lookups).toEqual([]);
    await wait(400);
    expect(lookups).toEqual([{ id: 'nmi', text: 'NMI', gesture: 'hover' }]);
  });

  it('a tap or a keyboard step at once, once per term while its gloss is open', async () => {
    const { gloss, lookups, nmi, oir } = setUp();
    gloss.show(nmi, false, 'tap');
    await wait(0);
    gloss.show(nmi, false, 'tap');
    await wait(2_000);
    expect(lookups).toEqual([{ id: 'nmi', text: 'NMI', gesture: 'tap' }]);
    gloss.step(1);
    await wait(0);
    expect(lookups.at(-1)).toEqual({ id: 'oir', text: 'OIR', gesture: 'keyboard' });
    gloss.hide();
    gloss.show(oir, false, 'tap');
    await wait(0);
    expect(lookups).toHaveLength(3);
  });

  it('a related entry opened in the gloss, as a tap', async () => {
    const { gloss, lookups, nmi, shown } = setUp();
    gloss.show(nmi, false, 'tap');
    await wait(0);
    shown()?.onOpen?.('nato');
    await wait(0);
    expect(lookups).toEqual([
      { id: 'nmi', text: 'NMI', gesture: 'tap' },
      { id: 'nato', text: '', gesture: 'tap' },
    ]);
  });

  it('nothing for a gloss shown without a gesture (a refresh, focus)', async () => {
    const { gloss, lookups, nmi } = setUp();
    gloss.show(nmi);
    gloss.refresh();
    await wait(2_000);
    expect(lookups).toEqual([]);
  });
});
