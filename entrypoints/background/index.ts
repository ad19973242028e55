import { type Browser, browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { CATEGORIES } from '../../glossary/schema';
import { CarriedDefinitions } from '../../utils/carried-definitions';
import { categoryNames, glossLabels, setUiLanguage, uiLanguage } from '../../utils/i18n';
import { lookupPath, readerPath } from '../../utils/lookup';
import {
  type GlossViewResponse,
  isAnnotateRequest,
  isClearHistoryRequest,
  isDescribeRequest,
  isGlossViewRequest,
  isInlineNotesRequest,
  isLookedUpMessage,
  isOwnSyncRequest,
  isPageTermsMessage,
} from '../../utils/messages';
import { uiLanguageSetting, userSitesSetting } from '../../utils/settings';
import { matchPatternsFor } from '../../utils/sites';
import { TakingTurns } from '../../utils/taking-turns';
import { listenForStepCommands } from './commands';
import { GlossaryService } from './glossary-service';
import { HistoryRecorder } from './history-recorder';
import { OwnEntriesSync } from './own-sync';
import { trackToolbarIcon } from './toolbar-icon';

const LOOKUP_MENU = 'begrip-lookup';
const READER_MENU = 'begrip-reader';
const USER_SITES_SCRIPT = 'begrip-user-sites';

/** Who asks: each frame of each tab takes its own turns (Begrip's own pages have no tab). */
const senderOf = (sender: Browser.runtime.MessageSender) =>
  `${sender.tab?.id ?? 'extension'}:${sender.frameId ?? 0}`;

/**
 * Registers the content script for the sites the user added, for those whose host permission
 * is granted. Run on every start and on every change, so the registration survives browser
 * restarts even where the browser does not persist it (Firefox).
 */
async function registerUserSites(): Promise<void> {
  const sites = await userSitesSetting.getValue();
  const granted: string[] = [];
  for (const site of sites) {
    const origins = matchPatternsFor(site);
    if (await browser.permissions.contains({ origins })) granted.push(...origins);
  }
  await browser.scripting.unregisterContentScripts({ ids: [USER_SITES_SCRIPT] }).catch(() => {
    // Not registered yet.
  });
  if (granted.length === 0) return;
  await browser.scripting.registerContentScripts([
    {
      id: USER_SITES_SCRIPT,
      matches: granted,
      js: ['content-scripts/content.js'],
      css: ['content-scripts/content.css'],
      runAt: 'document_idle',
    },
  ]);
}

/**
 * Injects the gloss's view (preact + Tooltip, entrypoints/gloss-view.ts) into the frame that asks,
 * the first time it opens a gloss, and answers with the gloss's labels in the interface language.
 */
async function injectGlossView(tabId: number, frameId: number): Promise<GlossViewResponse> {
  const [, language] = await Promise.all([
    browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: ['/gloss-view.js'] }),
    uiLanguageSetting.getValue(),
  ]);
  setUiLanguage(language);
  return {
    labels: glossLabels(),
    uiLanguage: uiLanguage(),
    categories: Object.fromEntries(CATEGORIES.map((category) => [category, categoryNames(category)])),
  };
}

/** Badge with the number of distinct terms on the page, "Look up … in Begrip", user sites, own-entry sync. */
export default defineBackground(() => {
  // MV2 (Firefox) calls it browserAction.
  const action = browser.action ?? browser.browserAction;
  trackToolbarIcon(action);

  listenForStepCommands();
  const glossary = new GlossaryService();
  const ownSync = new OwnEntriesSync();
  ownSync.listen();
  // Only Begrip's own pages switch syncing or clear the history; a content script has no say there.
  const fromOwnPage = (url: string | undefined) => url?.startsWith(browser.runtime.getURL('/')) ?? false;
  const history = new HistoryRecorder((id) => glossary.entry(id));
  // The pages' requests for their terms take turns, page by page (issue 14: fair to every tab).
  const turns = new TakingTurns<string>();
  // Requests of one sender are served in the order sent, so each is matched with the
  // definitions of the ones before it, answered or not.
  const carried = new CarriedDefinitions();
  browser.tabs.onRemoved.addListener((tabId) => carried.forgetTab(tabId));
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (isOwnSyncRequest(message) && fromOwnPage(sender.url)) return ownSync.handle(message);
    if (isAnnotateRequest(message)) {
      const from = senderOf(sender);
      return turns.run(from, async () => {
        const known = carried.known(from, message.session, message.definitions);
        const response = await glossary.annotate(message.texts, known);
        carried.remember(from, message.session, response.pageDefinitions);
        return response;
      });
    }
    if (isDescribeRequest(message)) return glossary.describe(message.id, message.also);
    if (isInlineNotesRequest(message)) return glossary.inlineNotes(message.ids, message.language);
    if (isGlossViewRequest(message) && sender.tab?.id !== undefined)
      return injectGlossView(sender.tab.id, sender.frameId ?? 0);
    if (isLookedUpMessage(message)) return history.record(message, sender).then(() => true);
    if (isClearHistoryRequest(message) && fromOwnPage(sender.url)) return history.clear().then(() => true);
    return undefined;
  });

  browser.runtime.onMessage.addListener((message, sender) => {
    const tabId = sender.tab?.id;
    if (!isPageTermsMessage(message) || tabId === undefined) return;
    const text = message.distinctTerms > 0 ? String(message.distinctTerms) : '';
    void action.setBadgeText({ tabId, text });
    void action.setBadgeBackgroundColor({ tabId, color: '#154273' });
  });

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: LOOKUP_MENU,
      // Chrome and Firefox put the selected text in place of %s.
      title: browser.i18n.getMessage('lookUpSelection') || 'Look up “%s” in Begrip',
      contexts: ['selection'],
    });
    browser.contextMenus.create({
      id: READER_MENU,
      title: browser.i18n.getMessage('openInReader') || 'Open in Begrip reader',
      contexts: ['link'],
      targetUrlPatterns: ['https://*/*.pdf', 'https://*/*.pdf?*', 'https://*/*.PDF'],
    });
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === READER_MENU && info.linkUrl) {
      void browser.tabs.create({ url: browser.runtime.getURL(readerPath(info.linkUrl)) });
      return;
    }
    if (info.menuItemId !== LOOKUP_MENU || !info.selectionText) return;
    void browser.windows.create({
      url: browser.runtime.getURL(lookupPath(info.selectionText, tab?.id)),
      type: 'popup',
      width: 420,
      height: 620,
    });
  });

  const sync = () =>
    void registerUserSites().catch((error) => console.error('Begrip: registering sites failed', error));
  sync();
  userSitesSetting.watch(sync);
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
});
