/**
 * The toolbar icon says whether Begrip is on in a tab: the full icon on a site it runs on, a grey
 * one (public/icon/off-*.png, `npm run icons`) where it is off, because the reader switched the
 * site off or because it is not a site Begrip runs on (any page without its host permission, the
 * browser's own pages). Set per tab; browsers reset a tab's icon when it navigates, so it is set
 * again then, when a tab becomes active and when the sites settings change. The badge is apart
 * (index.ts).
 */
import { browser } from 'wxt/browser';
import { readPageSettings, watchPageSettings } from '../../utils/page-settings';
import { normaliseHost, siteOf } from '../../utils/sites';

export type ToolbarState = 'on' | 'off';

const SIZES = [16, 32, 48] as const;

/** The icon files for a state, as `action.setIcon({ path })` takes them (from the extension's root). */
export function iconFor(state: ToolbarState): Record<string, string> {
  const prefix = state === 'on' ? '/icon/' : '/icon/off-';
  return Object.fromEntries(SIZES.map((size) => [String(size), `${prefix}${size}.png`]));
}

/**
 * Whether Begrip runs on a tab's page. `url` is undefined where the extension may not read it
 * (no host permission): Begrip does not run there either.
 */
export function toolbarState(
  url: string | undefined,
  sites: { userSites: readonly string[]; disabledSites: readonly string[] },
): ToolbarState {
  if (!url?.startsWith('https://')) return 'off';
  const host = normaliseHost(new URL(url).hostname);
  const site = host ? siteOf(host, sites.userSites) : null;
  return site !== null && !sites.disabledSites.includes(site) ? 'on' : 'off';
}

/** The part of `browser.action` (MV2: `browserAction`) this needs. */
export interface IconAction {
  setIcon(details: { tabId: number; path: Record<string, string> }): Promise<void> | void;
}

/** Keeps every tab's toolbar icon in step with whether Begrip runs there. */
export function trackToolbarIcon(action: IconAction): void {
  let sites = readPageSettings();
  const show = async (tabId: number, url: string | undefined) => {
    const state = toolbarState(url, await sites);
    try {
      await action.setIcon({ tabId, path: iconFor(state) });
    } catch (error) {
      // A tab closed in the meantime needs no icon; anything else is a bug worth seeing.
      const open = await browser.tabs.get(tabId).then(
        () => true,
        () => false,
      );
      if (open) console.error('Begrip: setting the toolbar icon failed', error);
    }
  };
  const showAll = async () => {
    for (const tab of await browser.tabs.query({})) if (tab.id !== undefined) void show(tab.id, tab.url);
  };

  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url !== undefined || change.status !== undefined) void show(tabId, tab.url);
  });
  browser.tabs.onActivated.addListener(({ tabId }) => {
    void browser.tabs.get(tabId).then(
      (tab) => show(tabId, tab.url),
      () => undefined,
    );
  });
  watchPageSettings(({ settings }) => {
    if (!settings.disabledSites && !settings.userSites) return;
    sites = readPageSettings();
    void showAll();
  });
  // Host permissions decide which pages the extension may read (and Begrip runs on).
  browser.permissions.onAdded.addListener(() => void showAll());
  browser.permissions.onRemoved.addListener(() => void showAll());
  void showAllOncePerSession(showAll);
}

const SHOWN_KEY = 'toolbarIconsShown';

/**
 * Every open tab's icon, once per browser session: tabs keep their icon while the service worker
 * sleeps, so waking it (every message from a page) need not set them all again. Session storage
 * is emptied when the browser restarts and when the extension is reloaded or switched off and on,
 * which reset the icons too.
 */
async function showAllOncePerSession(showAll: () => Promise<void>): Promise<void> {
  const session = browser.storage.session;
  if (session && (await session.get(SHOWN_KEY))[SHOWN_KEY]) return;
  await session?.set({ [SHOWN_KEY]: true });
  await showAll();
}
