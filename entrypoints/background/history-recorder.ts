/**
 * The history's one writer (issue 17): lookups from every tab, the popup and the reader come here
 * as messages and are written one after another, so that two tabs looking terms up at the same
 * moment cannot overwrite each other's. Nothing is kept while the setting is off, nor from a
 * private (incognito) window.
 */
import { type Browser, browser } from 'wxt/browser';
import { shortTerm } from '../../glossary/forms';
import { historyUrl, type Lookup, type LookupWay, recordLookup } from '../../glossary/history';
import type { Entry } from '../../glossary/schema';
import { historyItem, readHistory } from '../../utils/history';
import type { LookedUpMessage } from '../../utils/messages';
import { historyEnabledSetting } from '../../utils/settings';

/** What a content script may report: the reader's gestures on its page. */
const PAGE_GESTURES: readonly LookupWay[] = ['hover', 'tap', 'keyboard'];

interface Where {
  title: string;
  url: string;
  incognito: boolean;
}

/** A tab's page, with its title only where the address is a web page's (not "New Tab"). */
function tabPage(tab: Browser.tabs.Tab): Where {
  const url = historyUrl(tab.url ?? '');
  return { title: url ? (tab.title ?? '') : '', url, incognito: tab.incognito };
}

/**
 * Where a lookup was made: a content script's tab as the browser reports it; for Begrip's own
 * pages, the tab the popup describes or the document the reader shows. Null: not to be recorded.
 */
async function whereFrom(
  message: LookedUpMessage,
  sender: Browser.runtime.MessageSender,
): Promise<Where | null> {
  const ownPage = sender.url?.startsWith(browser.runtime.getURL('/')) ?? false;
  if (!ownPage) return sender.tab && PAGE_GESTURES.includes(message.how) ? tabPage(sender.tab) : null;
  if (message.tabId !== undefined) {
    // A tab that is gone may have been a private one: unknown, so not recorded.
    const tab = await browser.tabs.get(message.tabId).catch(() => null);
    return tab ? tabPage(tab) : null;
  }
  return {
    title: message.page?.title ?? '',
    url: message.page?.url ?? '',
    incognito: sender.tab?.incognito ?? false,
  };
}

export class HistoryRecorder {
  /** The writes so far, in order: each reads the history the previous one left. */
  private writes: Promise<void> = Promise.resolve();

  constructor(private readonly entryOf: (id: string) => Promise<Entry | undefined>) {}

  private write(change: (lookups: Lookup[]) => Promise<Lookup[] | null>): Promise<void> {
    const done = this.writes.then(async () => {
      const next = await change(await readHistory());
      if (next) await historyItem.setValue(next);
    });
    this.writes = done.catch((error: unknown) => console.error('Begrip: the history was not saved', error));
    return done;
  }

  /** Record a lookup if the history is on, the page is not private and the entry exists. */
  record(message: LookedUpMessage, sender: Browser.runtime.MessageSender): Promise<void> {
    return this.write(async (lookups) => {
      if (!(await historyEnabledSetting.getValue())) return null;
      const where = await whereFrom(message, sender);
      const entry = where && !where.incognito ? await this.entryOf(message.id) : undefined;
      if (!where || !entry) return null;
      return recordLookup(lookups, {
        entryId: entry.id,
        term: message.term.trim() || shortTerm(entry),
        how: message.how,
        title: where.title,
        url: where.url,
      });
    });
  }

  clear(): Promise<void> {
    return this.write(async () => []);
  }
}
