import { afterEach, describe, expect, it } from 'vitest';
import { LazyGloss } from '../../../entrypoints/content/lazy-gloss';
import type { Gloss } from '../../../utils/dom/gloss';

/** A stand-in for the injected gloss that records what it is asked, and a way to finish loading. */
function setUp() {
  const calls: string[] = [];
  const stub = {
    hover: (mark: HTMLElement) => calls.push(`hover ${mark.id}`),
    show: (mark: HTMLElement) => calls.push(`show ${mark.id}`),
    step: (direction: number) => calls.push(`step ${direction}`),
    refresh: () => calls.push('refresh'),
  } as unknown as Gloss;
  let finish: (gloss: Gloss) => void = () => {};
  let loads = 0;
  const abort = new AbortController();
  // happy-dom's dispatched events are untrusted: here they stand for the reader's, unless marked forged.
  const lazy = new LazyGloss(
    () => {
      loads++;
      return new Promise<Gloss>((resolve) => {
        finish = resolve;
      });
    },
    abort.signal,
    (event) => !(event as Event & { forged?: boolean }).forged,
  );
  document.body.innerHTML =
    '<p>De <begrip-mark id="a">NMI</begrip-mark> en <begrip-mark id="b">OIR</begrip-mark>. <input id="field"></p>';
  const mark = (id: string) => document.getElementById(id) as HTMLElement;
  const loaded = async () => {
    finish(stub);
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { calls, lazy, mark, loaded, loadCount: () => loads, abort };
}

const over = (target: Element, related: Element | null = null) =>
  target.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, relatedTarget: related }));
const out = (target: Element, related: Element | null) =>
  target.dispatchEvent(new MouseEvent('mouseout', { bubbles: true, relatedTarget: related }));
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
    const { calls, mark, loaded, loadCount } = setUp();
    over(document.body);
    expect(loadCount()).toBe(0);
    over(mark('a'));
    expect(loadCount()).toBe(1);
    await loaded();
    expect(calls).toEqual(['hover a']);
  });

  it('opens nothing when the pointer left the term while the gloss loaded', async () => {
    const { calls, mark, loaded } = setUp();
    over(mark('a'));
    out(mark('a'), document.body);
    await loaded();
    expect(calls).toEqual([]);
  });

  it('replays a keyboard step at once, and leaves the shortcut alone in form fields', async () => {
    const { calls, mark, loaded, loadCount } = setUp();
    expect(stepKey(mark('field'), 'KeyN').defaultPrevented).toBe(false);
    expect(loadCount()).toBe(0);
    expect(stepKey(document.body, 'KeyP').defaultPrevented).toBe(true);
    await loaded();
    expect(calls).toEqual(['step -1']);
  });

  it('hands over to the loaded gloss: its own listeners take the next gestures', async () => {
    const { calls, lazy, mark, loaded, loadCount } = setUp();
    lazy.show(mark('b'));
    await loaded();
    over(mark('a'));
    mark('a').dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    lazy.refresh();
    expect(loadCount()).toBe(1);
    expect(calls).toEqual(['show b', 'refresh']);
  });

  it('stops listening when the session stops', () => {
    const { mark, loadCount, abort } = setUp();
    abort.abort();
    over(mark('a'));
    expect(loadCount()).toBe(0);
  });
});

describe('events a page makes', () => {
  it('never load or open a gloss (audit F4: a forged gesture on a forged mark)', async () => {
    const { calls, mark, loadCount } = setUp();
    const forged = Object.assign(new MouseEvent('mouseover', { bubbles: true }), { forged: true });
    mark('a').dispatchEvent(forged);
    const click = Object.assign(new MouseEvent('click', { bubbles: true }), { forged: true });
    mark('b').dispatchEvent(click);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(loadCount()).toBe(0);
    expect(calls).toEqual([]);
  });
});
