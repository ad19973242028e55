import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { isPageTermsMessage } from '../utils/messages';

/** The toolbar badge shows how many distinct glossary terms the current page has. */
export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message, sender) => {
    const tabId = sender.tab?.id;
    if (!isPageTermsMessage(message) || tabId === undefined) return;
    const text = message.distinctTerms > 0 ? String(message.distinctTerms) : '';
    void browser.action.setBadgeText({ tabId, text });
    void browser.action.setBadgeBackgroundColor({ tabId, color: '#154273' });
  });
});
