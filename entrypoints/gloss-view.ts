/**
 * The gloss (its controller, preact and the Tooltip), injected into a page by the background the
 * first time the reader points at, focuses, taps or steps to a term there (scripting.executeScript
 * into the content script's isolated world). Every page is spared loading and evaluating this
 * code until a gloss is actually wanted; see entrypoints/content/lazy-gloss.ts.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { Gloss } from '../utils/dom/gloss';
import { GLOSS_MODULE_GLOBAL, type GlossModule } from '../utils/dom/gloss-module';
import { glossView } from '../utils/dom/gloss-view';

export default defineUnlistedScript(() => {
  const module: GlossModule = { Gloss, view: glossView };
  (globalThis as Record<string, unknown>)[GLOSS_MODULE_GLOBAL] = module;
});
