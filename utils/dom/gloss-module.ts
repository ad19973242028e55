/**
 * What the content script shares with the gloss's code, which it loads only on first use
 * (entrypoints/gloss-view.ts): where that code leaves itself, and how a gesture is read.
 * No imports with side effects: the content script bundles this file.
 */
import type { Gloss } from './gloss';
import type { GlossView } from './gloss-view';

/** The injected script sets this global of the extension's isolated world. */
export const GLOSS_MODULE_GLOBAL = '__begripGloss';

export interface GlossModule {
  Gloss: typeof Gloss;
  view: GlossView;
}

function isEditable(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || /^(input|textarea|select)$/i.test(target.localName))
  );
}

/** Alt+Shift+N / Alt+Shift+P outside editable fields: step to the next (1) or previous (-1) term. */
export function stepDirection(event: KeyboardEvent): 1 | -1 | 0 {
  if (!event.altKey || !event.shiftKey || isEditable(event.target)) return 0;
  if (event.code === 'KeyN') return 1;
  return event.code === 'KeyP' ? -1 : 0;
}
