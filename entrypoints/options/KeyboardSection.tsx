import { useEffect, useState } from 'preact/hooks';
import { ShortcutList } from '../../components/Shortcuts';
import { t } from '../../utils/i18n';
import {
  CHROME_SHORTCUTS_PAGE,
  canOpenShortcutSettings,
  commandLabel,
  isFirefox,
  keyName,
  openShortcutSettings,
  readShortcuts,
  type Shortcut,
} from '../../utils/shortcuts';

/**
 * The keyboard shortcuts as the browser has them, and how to change them there: Begrip cannot
 * set them itself. Read again when the page regains focus (back from the browser's shortcuts page).
 */
export function KeyboardSection() {
  const [shortcuts, setShortcuts] = useState<Shortcut[] | null>(null);

  useEffect(() => {
    const read = () => void readShortcuts().then(setShortcuts);
    read();
    window.addEventListener('focus', read);
    return () => window.removeEventListener('focus', read);
  }, []);

  const firefox = isFirefox();
  return (
    <section class="card" id="keyboard" aria-labelledby="keyboard-title" tabIndex={-1}>
      <h2 id="keyboard-title">{t('keyboardTitle')}</h2>
      <p class="section-intro">{t('keyboardIntro')}</p>
      {shortcuts &&
        (shortcuts.length > 0 ? (
          <ShortcutList
            rows={shortcuts.map((shortcut) => ({ ...shortcut, label: commandLabel(shortcut) }))}
            notSet={t('shortcutNotSet')}
            keyName={keyName}
          />
        ) : (
          <p class="hint">{t('shortcutsNone')}</p>
        ))}
      <p class="shortcut-how">
        {firefox ? t('shortcutsChangeFirefox') : t('shortcutsChangeChrome')}{' '}
        <code>{firefox ? t('shortcutsFirefoxPath') : CHROME_SHORTCUTS_PAGE}</code>
      </p>
      {canOpenShortcutSettings() && (
        <button type="button" class="button" onClick={() => void openShortcutSettings()}>
          {t('shortcutsOpen')}
        </button>
      )}
    </section>
  );
}
