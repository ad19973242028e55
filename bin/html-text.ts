/**
 * The visible text of an HTML document, as a reader sees it: no script/style/template/head or
 * hidden elements, entities decoded, a line break after block elements. Parsed with htmlparser2.
 */
import { Parser } from 'htmlparser2';

const INVISIBLE = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'title',
  'svg',
  'math',
  'iframe',
  'object',
]);
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tr',
  'td',
  'th',
  'ul',
  'caption',
]);
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

export function visibleText(html: string): string {
  let text = '';
  const hiddenStack: boolean[] = [];
  let hiddenDepth = 0;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const hidden = INVISIBLE.has(name) || 'hidden' in attributes || attributes['aria-hidden'] === 'true';
        if (!VOID.has(name)) {
          hiddenStack.push(hidden);
          if (hidden) hiddenDepth++;
        }
        if (hiddenDepth === 0 && BLOCK.has(name) && text && !text.endsWith('\n')) text += '\n';
      },
      ontext(data) {
        if (hiddenDepth === 0) text += data;
      },
      onclosetag(name, implied) {
        if (VOID.has(name) && !implied) return;
        if (VOID.has(name)) return;
        if (hiddenStack.pop()) hiddenDepth--;
        if (hiddenDepth === 0 && BLOCK.has(name) && !text.endsWith('\n')) text += '\n';
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  // Line by line: a regex for "spaces before a line break" backtracks over every long run of
  // spaces that has no break after it, quadratic on hostile pages (audit F14).
  return text
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
