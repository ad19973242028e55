/**
 * On very large pages the terms are shown as a highlight (term-highlights.ts). The term the
 * reader reaches for (pointer, tap, keyboard step) becomes a mark first, so that the gloss finds
 * its element. Registered before the gloss's own listeners, which then see the mark.
 */
import { markOf, stepDirection } from '../../utils/dom/gloss-module';
import type { Scheduler } from './scheduler';

export function reachForHighlighted(
  scheduler: Scheduler,
  gloss: { show: (mark: HTMLElement) => void; hover: (mark: HTMLElement) => void },
  signal: AbortSignal,
): void {
  const show = (mark: HTMLElement) => gloss.show(mark);
  let frame = 0;
  let latest: MouseEvent | null = null;
  const passive = { capture: true, passive: true, signal };
  document.addEventListener(
    'mousemove',
    (event) => {
      // Not while a button is down: the reader may be selecting text.
      if (!event.isTrusted || !scheduler.hasHighlights || event.buttons !== 0 || markOf(event.target)) return;
      latest = event;
      frame ||= requestAnimationFrame(() => {
        frame = 0;
        const pointer = latest;
        latest = null;
        if (!pointer) return;
        const mark = scheduler.materializeAt(pointer.clientX, pointer.clientY);
        // Told directly, not by a synthetic mouseover: the page's own hover handlers on the
        // ancestors must not fire twice (audit F18), and the gloss ignores untrusted events.
        if (mark) gloss.hover(mark);
      });
    },
    passive,
  );
  document.addEventListener(
    'click',
    (event) => {
      if (!event.isTrusted || !scheduler.hasHighlights || markOf(event.target)) return;
      const mark = scheduler.materializeAt(event.clientX, event.clientY);
      // After this click has run its course: the gloss closes on clicks outside a mark.
      if (mark) setTimeout(() => show(mark), 0);
    },
    passive,
  );
  document.addEventListener(
    'keydown',
    (event) => {
      if (event.isTrusted && stepDirection(event) && scheduler.hasHighlights) scheduler.materializeAll();
    },
    { capture: true, signal },
  );
}
