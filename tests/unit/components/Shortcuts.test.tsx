import { render } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { ShortcutKeys, ShortcutList, shortcutKeys } from '../../../components/Shortcuts';

describe('keyboard shortcuts', () => {
  it('splits a shortcut into its keys', () => {
    expect(shortcutKeys('Alt+Period')).toEqual(['Alt', 'Period']);
    expect(shortcutKeys('Ctrl+Shift+Y')).toEqual(['Ctrl', 'Shift', 'Y']);
    expect(shortcutKeys('')).toEqual([]);
  });

  it('shows punctuation as the key’s symbol with its name for screen readers', () => {
    const dutch: Record<string, string> = { Period: 'Punt', Comma: 'Komma' };
    const { container } = render(
      <ShortcutKeys shortcut="Alt+Period" notSet="not set" keyName={(name) => dutch[name] ?? name} />,
    );
    const keys = [...container.querySelectorAll('kbd.shortcut > kbd')];
    expect(keys.map((key) => key.textContent)).toEqual(['Alt', '.Punt']);
    expect(keys[1]?.querySelector('[aria-hidden="true"]')?.textContent).toBe('.');
    expect(keys[1]?.querySelector('.visually-hidden')?.textContent).toBe('Punt');
  });

  it('says "not set" for a command without a shortcut', () => {
    const { container } = render(
      <ShortcutList
        rows={[
          { name: 'next-term', label: 'Next term', shortcut: 'Alt+.' },
          { name: '_execute_action', label: 'Open Begrip', shortcut: '' },
        ]}
        notSet="not set"
      />,
    );
    const rows = [...container.querySelectorAll('.shortcut-row')];
    expect(rows.map((row) => row.getAttribute('data-command'))).toEqual(['next-term', '_execute_action']);
    expect(rows[0]?.querySelector('dd')?.textContent).toBe('Alt+.Period');
    expect(rows[1]?.querySelector('dd')?.textContent).toBe('not set');
  });
});
