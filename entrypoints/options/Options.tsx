import { useEffect, useState } from 'preact/hooks';
import { type DisplaySettings, DisplaySettingsForm } from '../../components/DisplaySettingsForm';
import { t } from '../../utils/i18n';
import { glossLanguageSetting, markModeSetting } from '../../utils/settings';

export function Options() {
  const [settings, setSettings] = useState<DisplaySettings | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    Promise.all([glossLanguageSetting.getValue(), markModeSetting.getValue()]).then(
      ([glossLanguage, markMode]) => setSettings({ glossLanguage, markMode }),
    );
  }, []);

  const save = async (next: DisplaySettings) => {
    setSettings(next);
    await Promise.all([
      glossLanguageSetting.setValue(next.glossLanguage),
      markModeSetting.setValue(next.markMode),
    ]);
    setStatus(t('saved'));
  };

  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      {settings && <DisplaySettingsForm value={settings} onChange={save} label={t} />}
      <p role="status" class="hint">
        {status}
      </p>
    </main>
  );
}
