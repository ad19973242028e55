/**
 * The highlight style setting, applied with a constructed stylesheet adopted by the document:
 * changes apply at once, need no <style> element (which a strict page CSP may block) and leave
 * no trace when removed. The default look (dotted underline) comes from style.css.
 */

import type { HighlightStyle } from '../../utils/settings';
import { CURRENT_HIGHLIGHT_NAME, HIGHLIGHT_NAME } from './term-highlights';

const RULES: Record<HighlightStyle, string> = {
  underline: '',
  background: `::highlight(${HIGHLIGHT_NAME}) { text-decoration: none; background-color: color-mix(in srgb, #1d6fb8 16%, transparent); } ::highlight(${CURRENT_HIGHLIGHT_NAME}) { background-color: color-mix(in srgb, #1d6fb8 32%, transparent); }`,
  // A highlight has no :hover: the term whose gloss is open (the current one) is underlined.
  hover: `::highlight(${HIGHLIGHT_NAME}) { text-decoration: none; }`,
};

export class MarkStyle {
  private sheet: CSSStyleSheet | null = null;

  apply(style: HighlightStyle): void {
    const css = RULES[style];
    if (!css) {
      this.remove();
      return;
    }
    try {
      if (!this.sheet) {
        this.sheet = new CSSStyleSheet();
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, this.sheet];
      }
      this.sheet.replaceSync(css);
    } catch {
      // An engine without constructable stylesheets keeps the default underline.
    }
  }

  remove(): void {
    if (!this.sheet) return;
    const sheet = this.sheet;
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    this.sheet = null;
  }
}
