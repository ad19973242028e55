/**
 * The inline reading mode: after the first occurrence of each term the page's text gets a short
 * note, "NMI (NATO Mission Iraq)", for readers who want the jargon explained in the text itself.
 * This is the one feature that must change the page's DOM, so it does so as carefully as it can:
 * - the note is a <begrip-inline> element whose words live in a closed shadow root: they are
 *   not in the page's text (innerText, textContent, what the page serialises), not copied with a
 *   selection, unreadable to page scripts, and read by screen readers, in their own language;
 * - the page's text node is split through the highlighter's ledger (insertAt), so switching the
 *   mode off gives every node back whole, as a framework that holds them expects (audit F5);
 * - editable content never gets notes (the scheduler shows no terms there).
 */
import { INLINE_TAG, insertAt, restoreSplit } from './highlighter';

const NOTE_CSS = `
:host { all: initial !important; display: inline !important; }
span {
  font: inherit;
  font-size: 0.85em;
  font-style: italic;
  color: color-mix(in srgb, currentColor 62%, #1d6fb8);
  -webkit-user-select: none;
  user-select: none;
}
`;

export interface InlineNote {
  /** Where the term ends: the note goes right after it. */
  node: Text;
  offset: number;
  /** The words of the note (without brackets) and their language. */
  text: string;
  lang: 'nl' | 'en';
}

function noteElement({ text, lang }: InlineNote): HTMLElement {
  const host = document.createElement(INLINE_TAG);
  for (const [name, value] of [
    ['display', 'inline'],
    ['user-select', 'none'],
    ['-webkit-user-select', 'none'],
  ] as const)
    host.style.setProperty(name, value, 'important');
  const shadow = host.attachShadow({ mode: 'closed' });
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(NOTE_CSS);
    shadow.adoptedStyleSheets = [sheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = NOTE_CSS;
    shadow.append(style);
  }
  const words = document.createElement('span');
  words.lang = lang;
  words.textContent = ` (${text})`;
  shadow.append(words);
  return host;
}

export class InlineNotes {
  /** The page nodes split for a note, to give back whole. */
  private readonly split = new Set<Text>();
  private readonly notes = new Set<HTMLElement>();

  get size(): number {
    return this.notes.size;
  }

  add(note: InlineNote): void {
    const element = noteElement(note);
    insertAt(note.node, note.offset, element);
    this.split.add(note.node);
    this.notes.add(element);
  }

  /** Whether `node` belongs to a note (the scheduler leaves those out). */
  static isNote(node: Node): boolean {
    const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
    return !!element?.closest(INLINE_TAG);
  }

  /** Take every note away and give each split node its text back: the page is as it was. */
  removeAll(): void {
    for (const node of this.split) restoreSplit(node);
    for (const note of this.notes) note.remove();
    this.split.clear();
    this.notes.clear();
  }
}
