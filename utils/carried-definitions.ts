/**
 * The acronyms a page has defined so far, kept in the background per sender (a frame of a tab)
 * and per start of its content script (a session): a request is matched with the definitions
 * found in that page's earlier requests, even those whose answers have not reached the page yet.
 * So the page never has to wait for one answer before it sends the next (issue 14: a storm's
 * catch-up went one round trip at a time whenever a text had a parenthesis in it).
 *
 * The page sends what it knows with every request as well: when the service worker was stopped
 * between two requests, only the definitions of the answers still on their way are missed.
 * DOM-free.
 */
import type { PageDefinition } from '../glossary/abbreviations';

/** Senders remembered at most (the least recently used go first). */
const MAX_SENDERS = 256;

interface Carried {
  session: string;
  definitions: readonly PageDefinition[];
}

export class CarriedDefinitions {
  private readonly bySender = new Map<string, Carried>();

  constructor(private readonly maxSenders = MAX_SENDERS) {}

  /** What `sender` defined in this session so far, joined with what it sent (its own first). */
  known(sender: string, session: string, sent: readonly PageDefinition[]): PageDefinition[] {
    const carried = this.bySender.get(sender);
    if (!carried || carried.session !== session) return [...sent];
    const acronyms = new Set(sent.map((definition) => definition.acronym));
    return [...sent, ...carried.definitions.filter((definition) => !acronyms.has(definition.acronym))];
  }

  /** After a request of `sender`: the definitions its page has made so far (the answer's). */
  remember(sender: string, session: string, definitions: readonly PageDefinition[]): void {
    this.bySender.delete(sender);
    this.bySender.set(sender, { session, definitions });
    if (this.bySender.size > this.maxSenders)
      this.bySender.delete(this.bySender.keys().next().value as string);
  }

  /** The tab is closed: its frames' definitions go (keys are "tab:frame"). */
  forgetTab(tabId: number): void {
    for (const sender of [...this.bySender.keys()])
      if (sender.startsWith(`${tabId}:`)) this.bySender.delete(sender);
  }

  get size(): number {
    return this.bySender.size;
  }
}
