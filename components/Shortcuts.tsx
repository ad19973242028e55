import { Fragment } from 'preact';

export interface ShortcutRow {
  /** The command's name, kept as data-command for tests and styles. */
  name: string;
  label: string;
  /** As the browser reports it ("Alt+Period", or "Alt+." in some versions); empty when not set. */
  shortcut: string;
}

/** Keys shown as a symbol, with the name a screen reader says instead (punctuation is often skipped). */
const SYMBOLS: Record<string, { symbol: string; name: string }> = {
  Period: { symbol: '.', name: 'Period' },
  '.': { symbol: '.', name: 'Period' },
  Comma: { symbol: ',', name: 'Comma' },
  ',': { symbol: ',', name: 'Comma' },
  Up: { symbol: '↑', name: 'Up' },
  Down: { symbol: '↓', name: 'Down' },
  Left: { symbol: '←', name: 'Left' },
  Right: { symbol: '→', name: 'Right' },
  Command: { symbol: '⌘', name: 'Command' },
  MacCtrl: { symbol: 'Ctrl', name: 'Control' },
};

/** "Alt+Period" → ["Alt", "Period"]; "" → []. */
export function shortcutKeys(shortcut: string): string[] {
  return shortcut.split('+').filter((key) => key !== '');
}

export interface ShortcutKeysProps {
  shortcut: string;
  /** Shown for a command without a shortcut. */
  notSet: string;
  /** A key's name in the interface language ("Period" → "Punt"), for screen readers. */
  keyName?: (name: string) => string;
}

/** One shortcut as keys (<kbd>Alt</kbd>+<kbd>.</kbd>), or "not set". */
export function ShortcutKeys({ shortcut, notSet, keyName = (name) => name }: ShortcutKeysProps) {
  const keys = shortcutKeys(shortcut);
  if (keys.length === 0) return <span class="shortcut-unset">{notSet}</span>;
  return (
    <kbd class="shortcut">
      {keys.map((key, i) => {
        const symbol = SYMBOLS[key];
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: a shortcut's keys never reorder
          <Fragment key={i}>
            {i > 0 && <span class="plus">+</span>}
            <kbd>
              {symbol ? (
                <>
                  <span aria-hidden="true">{symbol.symbol}</span>
                  <span class="visually-hidden">{keyName(symbol.name)}</span>
                </>
              ) : (
                key
              )}
            </kbd>
          </Fragment>
        );
      })}
    </kbd>
  );
}

export interface ShortcutListProps {
  rows: readonly ShortcutRow[];
  notSet: string;
  keyName?: (name: string) => string;
}

/** What each command does and its shortcut, as a description list. */
export function ShortcutList({ rows, notSet, keyName }: ShortcutListProps) {
  return (
    <dl class="shortcut-list">
      {rows.map((row) => (
        <div key={row.name} class="shortcut-row" data-command={row.name}>
          <dt>{row.label}</dt>
          <dd>
            <ShortcutKeys shortcut={row.shortcut} notSet={notSet} keyName={keyName} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
