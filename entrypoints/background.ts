import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { lookupPath } from '../utils/lookup';
import { isPageTermsMessage } from '../utils/messages';

const LOOKUP_MENU = 'begrip-lookup';

/** Badge with the number of distinct terms on the page, and "Look up … in Begrip" on a selection. */
export default defineBackground(() => {
  // MV2 (Firefox) calls it browserAction.
  const action = browser.action ?? browser.browserAction;

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
  });

  browser.contextMenus.onClicked.addListener((info) => {
    if (info.menuItemId !== LOOKUP_MENU || !info.selectionText) return;
    void browser.windows.create({
      url: browser.runtime.getURL(lookupPath(info.selectionText)),
      type: 'popup',
      width: 420,
      height: 620,
    });
  });
});
