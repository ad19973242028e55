/**
 * The gloss's view: the preact Tooltip and its stylesheet, apart from the controller (gloss.ts)
 * so that extension pages can swap neither. The content script, which runs on every page, loads
 * both only when a gloss is first asked for (entrypoints/gloss-view.ts); the reader imports them.
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
