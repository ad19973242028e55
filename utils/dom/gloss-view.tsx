/**
 * The gloss's view: the preact Tooltip and its stylesheet. Kept apart from the controller
 * (gloss.ts) so that the content script, which runs on every page, loads it only when a gloss
 * is first opened (entrypoints/gloss-view.ts); extension pages such as the reader import it.
 */
import { render } from 'preact';
import { Tooltip, type TooltipProps } from '../../components/Tooltip';
import tooltipCss from '../../components/tooltip.css?inline';

export interface GlossView {
  css: string;
  render(container: HTMLElement, props: TooltipProps): void;
  clear(container: HTMLElement): void;
}

export const glossView: GlossView = {
  css: tooltipCss,
  render: (container, props) => render(<Tooltip {...props} />, container),
  clear: (container) => render(null, container),
};

/** Where the lazily injected view script leaves the view for the content script (same isolated world). */
export const GLOSS_VIEW_GLOBAL = '__begripGlossView';
