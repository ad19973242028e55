/**
 * The inline reading mode on a page (a switch per site): after each page pass, the first shown
 * occurrence of every entry not yet explained gets its note (utils/dom/inline-notes.ts), with
 * the words the background has for it. Notes are written last to first, so a note never moves
 * a term still to be noted out of its range.
 */
import { PAGE_ID_PREFIX } from '../../glossary/abbreviations';
import { InlineNotes } from '../../utils/dom/inline-notes';
import type { InlineNotesResponse } from '../../utils/messages';
import type { ShownTerm } from './scheduler';

/** How far before a term the page's own expansion counts as saying it already. */
const NEAR = 160;

const fold = (text: string) => text.toLocaleLowerCase('nl').replace(/\s+/g, ' ').trim();

export class InlineMode {
  private readonly notes = new InlineNotes();
  /** Entries noted (or found to need no note): each once per page. */
  private readonly noted = new Set<string>();
  private busy = false;

  constructor(
    private readonly notesFor: (ids: string[]) => Promise<InlineNotesResponse>,
    /** Runs a change of the page's DOM that the scheduler must not take for the page's own. */
    private readonly unobserved: (change: () => void) => void,
    private readonly signal: AbortSignal,
  ) {}

  /** Note the first occurrence of every entry in `terms` (document order) not noted yet. */
  async apply(terms: readonly ShownTerm[]): Promise<void> {
    if (this.busy || this.signal.aborted) return;
    const firsts: ShownTerm[] = [];
    const seen = new Set(this.noted);
    for (const term of terms) {
      const { id } = term.reading;
      if (seen.has(id) || id.startsWith(PAGE_ID_PREFIX)) continue;
      seen.add(id);
      firsts.push(term);
    }
    if (firsts.length === 0) return;
    this.busy = true;
    try {
      const texts = await this.notesFor(firsts.map((term) => term.reading.id));
      if (this.signal.aborted) return;
      this.unobserved(() => {
        for (const term of firsts.reverse()) this.note(term, texts[term.reading.id]);
      });
    } catch {
      // The extension was updated meanwhile: no notes, and no error on the page.
    } finally {
      this.busy = false;
    }
  }

  private note(term: ShownTerm, note: InlineNotesResponse[string] | undefined): void {
    this.noted.add(term.reading.id);
    const { endContainer, endOffset } = term.range;
    // A term the page changed meanwhile (box null) or that ends outside a text node: no note.
    if (!note || endContainer.nodeType !== Node.TEXT_NODE || !term.box()) return;
    if (fold(note.text) === fold(term.reading.text ?? '')) return;
    // The page says it already, just before: "Chief of Defence (CHoD)".
    const { startContainer, startOffset } = term.range;
    const before = (startContainer.textContent ?? '').slice(Math.max(0, startOffset - NEAR), startOffset);
    if (fold(before).includes(fold(note.text))) return;
    this.notes.add({ node: endContainer as Text, offset: endOffset, text: note.text, lang: note.lang });
  }

  get size(): number {
    return this.notes.size;
  }

  remove(): void {
    this.unobserved(() => this.notes.removeAll());
  }
}
