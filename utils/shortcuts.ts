/**
 * The keyboard shortcuts as the browser has them (manifest `commands` in wxt.config.ts: the reader
 * can change them in the browser), for the popup and the options page, and the way to the
 * browser's own page where they are changed.
 */
import { browser } from 'wxt/browser';
import { t } from './i18n';

export interface Shortcut {
  /** The command's name: 'next-term', 'previous-term', '_execute_action' (Firefox MV2: '_execute_browser_action'). */
  name: string;
  /** The manifest's description, in the browser's language. */
  description: string;
  /** As the browser shows it ("Alt+Period"); empty when not set. */
  shortcut: string;
}

export const NEXT_TERM = 'next-term';
export const PREVIOUS_TERM = 'previous-term';
const ORDER = [NEXT_TERM, PREVIOUS_TERM, '_execute_action', '_execute_browser_action'];
const rank = (name: string) => (ORDER.includes(name) ? ORDER.indexOf(name) : ORDER.length);

/** Begrip's commands, stepping first; none when the browser has no commands API. */
export async function readShortcuts(): Promise<Shortcut[]> {
  const commands = await Promise.resolve(browser.commands?.getAll()).catch(() => undefined);
  return (commands ?? [])
    .filter((command) => command.name)
    .map((command) => ({
      name: command.name ?? '',
      description: command.description ?? '',
      shortcut: command.shortcut ?? '',
    }))
    .sort((a, b) => rank(a.name) - rank(b.name));
}

const LABEL_KEYS: Record<string, string> = {
  [NEXT_TERM]: 'commandNextTerm',
  [PREVIOUS_TERM]: 'commandPreviousTerm',
  _execute_action: 'commandOpen',
  _execute_browser_action: 'commandOpen',
};

/** What a command does, in the interface language; else the browser's description; else its name. */
export function commandLabel(command: Shortcut): string {
  const key = LABEL_KEYS[command.name];
  const label = key ? t(key) : key;
  return label && label !== key ? label : command.description || command.name;
}

/** A key's name in the interface language ("Period" → "Punt"), else as the browser names it. */
export function keyName(name: string): string {
  const text = t(`key${name}`);
  return text === `key${name}` ? name : text;
}

/** Chrome's page for every extension's shortcuts; extension pages may open it but not link to it. */
export const CHROME_SHORTCUTS_PAGE = 'chrome://extensions/shortcuts';

export const isFirefox = (): boolean => import.meta.env.FIREFOX === true;

/**
 * Whether Begrip can open the browser's shortcut settings: Chrome (a tab on its shortcuts page)
 * and Firefox 137+ (`commands.openShortcutSettings`); older Firefox only gets the directions.
 */
export function canOpenShortcutSettings(): boolean {
  if (!isFirefox()) return true;
  return typeof firefoxCommands()?.openShortcutSettings === 'function';
}

export async function openShortcutSettings(): Promise<void> {
  const commands = firefoxCommands();
  if (isFirefox() && commands?.openShortcutSettings) return commands.openShortcutSettings();
  await browser.tabs.create({ url: CHROME_SHORTCUTS_PAGE });
}

/** Firefox's commands API, which Chrome's types lack `openShortcutSettings` of. */
const firefoxCommands = () =>
  browser.commands as (typeof browser.commands & { openShortcutSettings?: () => Promise<void> }) | undefined;
