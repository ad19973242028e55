/**
 * The keyboard shortcuts are manifest `commands` (the reader can change them in the browser): the
 * browser tells the background, which tells the content script of the tab to step. A page never
 * sees the keys, so it can neither read nor fake them (audit F4).
 */
import { browser } from 'wxt/browser';
import { STEP_COMMANDS, type StepRequest } from '../../utils/messages';
import { inlineSitesSetting, userSitesSetting } from '../../utils/settings';
import { siteOf } from '../../utils/sites';

/** The command that switches the inline reading mode for the active tab's site. */
export const TOGGLE_INLINE_COMMAND = 'toggle-inline';

export function listenForStepCommands(): void {
  browser.commands.onCommand.addListener((command: string, tab?: { id?: number; url?: string }) => {
    if (command === TOGGLE_INLINE_COMMAND) {
      void toggleInline(tab?.url);
      return;
    }
    const direction = STEP_COMMANDS[command];
    if (!direction) return;
    void stepIn(tab?.id, direction);
  });
}

/** The inline reading mode on or off for the site of `url` (the active tab when not given). */
export async function toggleInline(url?: string): Promise<void> {
  const address = url ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.url;
  if (!address) return;
  const site = siteOf(new URL(address).hostname, await userSitesSetting.getValue());
  if (!site) return;
  const sites = await inlineSitesSetting.getValue();
  await inlineSitesSetting.setValue(
    sites.includes(site) ? sites.filter((s) => s !== site) : [...sites, site],
  );
}

async function stepIn(tabId: number | undefined, direction: 1 | -1): Promise<void> {
  const id = tabId ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (id === undefined) return;
  const request: StepRequest = { type: 'begrip:step', direction };
  // A tab where Begrip does not run has no content script to answer: nothing to step through.
  await browser.tabs.sendMessage(id, request).catch(() => {});
}
