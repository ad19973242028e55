/** Browser glue for the popup: the active tab, its site, and talking to its content script. */
import { browser } from 'wxt/browser';
import {
  isPageSummary,
  type PageSummary,
  type PageSummaryRequest,
  type RevealRequest,
} from '../../utils/messages';
import { disabledSitesSetting, userSitesSetting } from '../../utils/settings';
import { isDefaultSite, matchPatternsFor, normaliseHost, siteOf } from '../../utils/sites';

export interface TabInfo {
  id: number;
  url: string;
  title: string;
  /** The site it belongs to (default site domain, user site), or its host for any other https page. */
  site: string;
  enabled: boolean;
}

/** The active tab when it shows an https page; null for browser pages, files, PDFs viewers… */
export async function activeTab(): Promise<TabInfo | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined || !tab.url?.startsWith('https://')) return null;
  const host = normaliseHost(new URL(tab.url).hostname);
  if (!host) return null;
  const [userSites, disabled] = await Promise.all([
    userSitesSetting.getValue(),
    disabledSitesSetting.getValue(),
  ]);
  const known = siteOf(host, userSites);
  return {
    id: tab.id,
    url: tab.url,
    title: tab.title ?? '',
    site: known ?? host,
    enabled: known !== null && !disabled.includes(known),
  };
}

/**
 * The tab a lookup in the popup is made for: the one whose text the context menu looked up
 * (`?tab=`), else the active tab of the popup's window, whatever it shows (the background asks the
 * browser for its title, address and whether it is private).
 */
export async function lookupTabId(): Promise<number | undefined> {
  const fromMenu = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromMenu) && fromMenu > 0) return fromMenu;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

export async function pageSummary(tabId: number): Promise<PageSummary | null> {
  const request: PageSummaryRequest = { type: 'begrip:page-summary' };
  const reply = await browser.tabs.sendMessage(tabId, request).catch(() => null);
  return isPageSummary(reply) ? reply : null;
}

export async function revealInTab(tabId: number, id: string): Promise<void> {
  const request: RevealRequest = { type: 'begrip:reveal', id };
  await browser.tabs.sendMessage(tabId, request).catch(() => false);
}

/**
 * Switch Begrip on or off for the tab's site. A site outside the defaults needs its host
 * permission: the request must be the first thing the click does (browsers require a user
 * gesture), then the site is remembered and Begrip starts in the tab at once.
 */
export async function setSiteEnabled(tab: TabInfo, enabled: boolean): Promise<'ok' | 'denied'> {
  const userSites = await userSitesSetting.getValue();
  const disabled = (await disabledSitesSetting.getValue()).filter((site) => site !== tab.site);
  if (!enabled) {
    await disabledSitesSetting.setValue([...disabled, tab.site]);
    return 'ok';
  }
  await disabledSitesSetting.setValue(disabled);
  if (isDefaultSite(tab.site) || userSites.includes(tab.site)) return 'ok';
  await userSitesSetting.setValue([...userSites, tab.site]);
  await browser.scripting.insertCSS({ target: { tabId: tab.id }, files: ['content-scripts/content.css'] });
  await browser.scripting.executeScript({
    target: { tabId: tab.id },
    files: ['/content-scripts/content.js'],
  });
  return 'ok';
}

/** Ask for the host permission of a site outside the defaults; call first thing in a click handler. */
export function requestSite(site: string): Promise<boolean> {
  if (isDefaultSite(site)) return Promise.resolve(true);
  return browser.permissions.request({ origins: matchPatternsFor(site) });
}
