/**
 * What the content script shares with the gloss's code, which it loads only on first use
 * (entrypoints/gloss-view.ts): where that code leaves itself.
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
