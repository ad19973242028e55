import { ShortcutKeys } from '../../components/Shortcuts';
import { t } from '../../utils/i18n';
import { keyName, NEXT_TERM, PREVIOUS_TERM, type Shortcut } from '../../utils/shortcuts';

/** Begrip's icon and name, and the ways to its other pages. */
export function PopupHeader() {
  return (
    <header class="popup-header">
      <img class="app-icon" src="/icon.svg" alt="" width={22} height={22} />
      <h1 class="app-name">Begrip</h1>
      <span class="bar-links">
        <a class="options-link" href="/reader.html" target="_blank" rel="noopener">
          {t('openReader')}
        </a>
        <a class="options-link" href="/options.html" target="_blank" rel="noopener">
          {t('options')}
        </a>
      </span>
    </header>
  );
}

/** The shortcuts for stepping through a page's terms, and the way to change them (options → Keyboard). */
export function ShortcutFooter({ shortcuts }: { shortcuts: Shortcut[] }) {
  const keysOf = (name: string) => shortcuts.find((shortcut) => shortcut.name === name)?.shortcut ?? '';
  if (!shortcuts.some((shortcut) => shortcut.name === NEXT_TERM)) return null;
  return (
    <footer class="popup-footer">
      <span class="footer-keys">
        <ShortcutKeys shortcut={keysOf(NEXT_TERM)} notSet={t('shortcutNotSet')} keyName={keyName} />
        {' / '}
        <ShortcutKeys shortcut={keysOf(PREVIOUS_TERM)} notSet={t('shortcutNotSet')} keyName={keyName} />{' '}
        {t('shortcutsStep')}
      </span>
      <a
        class="options-link"
        href="/options.html#keyboard"
        target="_blank"
        rel="noopener"
        aria-label={t('shortcutsChange')}
      >
        {t('shortcutsChangeShort')}
      </a>
    </footer>
  );
}
