/**
 * The gloss's view (preact + Tooltip), injected into a page by the background the first time
 * the content script opens a gloss there (scripting.executeScript, same isolated world). Every
 * page is thus spared loading and evaluating preact until the reader actually asks for a gloss.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { GLOSS_VIEW_GLOBAL, glossView } from '../utils/dom/gloss-view';

export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[GLOSS_VIEW_GLOBAL] = glossView;
});
