import { afterEach, describe, expect, it } from 'vitest';
import { LazyGloss } from '../../../entrypoints/content/lazy-gloss';
import type { Gloss } from '../../../utils/dom/gloss';
import type { Term, TermSource } from '../../../utils/dom/term';

/** Terms that stand on the elements with an id, as the page's highlights would under the pointer. */
function termsOn(): TermSource & { named: (id: string) => Term } {
  const made = new Map<string, Term>();
  const named = (id: string) => {
    let term = made.get(id);
    if (!term) {
      term = { reading: { id }, box: () => null, bringIntoView: () => {} };
      made.set(id, term);
    }
    return term;
  };
  return {
    named,
    at: (event) => {
      const target = event.target instanceof Element ? event.target : null;
      return target?.localName === 'span' && target.id ? named(target.id) : null;
    },
    list: () => [...made.values()],
    setCurrent: () => {},
  };
}

/** A stand-in for the injected gloss that records what it is asked, and a way to finish loading. */
function setUp() {
  const calls: string[] = [];
  const stub = {
    hover: (term: Term) => calls.push(`hover ${term.reading.id}`),
    show: (term: Term, focus?: boolean, gesture?: string) =>
      calls.push(`show ${term.reading.id}${focus ? ' focus' : ''}${gesture ? ` ${gesture}` : ''}`),
    step: (direction: number) => calls.push(`step ${direction}`),
    refresh: () => calls.push('refresh'),
  } as unknown as Gloss;
  let finish: (gloss: Gloss) => void = () => {};
  let loads = 0;
  const abort = new AbortController();
  const terms = termsOn();
  // happy-dom's dispatched events are untrusted: here they stand for the reader's, unless marked forged.
  const lazy = new LazyGloss(
    () => {
      loads++;
      return new Promise<Gloss>((resolve) => {
        finish = resolve;
      });
    },
    terms,
    abort.signal,
    (event) => !(event as Event & { forged?: boolean }).forged,
  );
  document.body.innerHTML =
    '<p>De <span id="nmi">NMI</span> en <a href="#elders"><span id="oir">OIR</span></a>. <input id="field"></p>';
  const element = (id: string) => document.getElementById(id) as HTMLElement;
  const loaded = async () => {
    finish(stub);
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { calls, lazy, element, terms, loaded, loadCount: () => loads, abort };
}

const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
const move = async (target: Element) => {
  target.dispatchEvent(new MouseEvent('mousemove', { bubbles: true }));
  await frame();
};
const click = (target: Element) => {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true });
  target.dispatchEvent(event);
  return event;
};
const stepKey = (target: Element, code: string) => {
  const event = new KeyboardEvent('keydown', {
    bubbles: true,
    cancelable: true,
    altKey: true,
    shiftKey: true,
    code,
  });
  target.dispatchEvent(event);
  return event;
};

afterEach(() => {
  document.body.replaceChildren();
});

describe('the gloss loaded on first use', () => {
  it('loads nothing until a term is pointed at, then replays the hover', async () => {
    const { calls, element, loaded, loadCount } = setUp();
    await move(document.body);
    expect(loadCount()).toBe(0);
    await move(element('nmi'));
    expect(loadCount()).toBe(1);
    await loaded();
    expect(calls).toEqual(['hover nmi']);
  });

  it('opens nothing when the pointer left the term while the gloss loaded', async () => {
    const { calls, element, loaded } = setUp();
    await move(element('nmi'));
    await move(document.body);
    await loaded();
    expect(calls).toEqual([]);
  });

  it('loads on a step command and replays it; keys on the page do nothing (the browser has the shortcuts)', async () => {
    const { calls, lazy, element, loaded, loadCount } = setUp();
    expect(stepKey(element('field'), 'KeyN').defaultPrevented).toBe(false);
    expect(stepKey(document.body, 'KeyP').defaultPrevented).toBe(false);
    expect(loadCount()).toBe(0);
    lazy.step(-1);
    expect(loadCount()).toBe(1);
    await loaded();
    expect(calls).toEqual(['step -1']);
  });

  it('explains a term in a link on the first tap instead of following the link', async () => {
    const { calls, element, loaded } = setUp();
    expect(click(element('oir')).defaultPrevented).toBe(true);
    expect(click(element('nmi')).defaultPrevented).toBe(false);
    await loaded();
    // Each a tap, for the history.
    expect(calls).toEqual(['show oir tap', 'show nmi tap']);
  });

  it('hands over to the loaded gloss: its own listeners take the next gestures', async () => {
    const { calls, lazy, terms, element, loaded, loadCount } = setUp();
    lazy.show(terms.named('oir'), true);
    await loaded();
    await move(element('nmi'));
    click(element('nmi'));
    lazy.refresh();
    expect(loadCount()).toBe(1);
    expect(calls).toEqual(['show oir focus', 'refresh']);
  });

  it('stops listening when the session stops', async () => {
    const { element, loadCount, abort } = setUp();
    abort.abort();
    await move(element('nmi'));
    click(element('nmi'));
    expect(loadCount()).toBe(0);
  });
});

describe('events a page makes', () => {
  it('never load or open a gloss (audit F4: forged gestures)', async () => {
    const { calls, element, loadCount } = setUp();
    const forged = Object.assign(new MouseEvent('mousemove', { bubbles: true }), { forged: true });
    element('nmi').dispatchEvent(forged);
    const forgedClick = Object.assign(new MouseEvent('click', { bubbles: true, cancelable: true }), {
      forged: true,
    });
    element('oir').dispatchEvent(forgedClick);
    await frame();
    expect(forgedClick.defaultPrevented).toBe(false);
    expect(loadCount()).toBe(0);
    expect(calls).toEqual([]);
  });
});
