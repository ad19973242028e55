import { useEffect, useState } from 'preact/hooks';
import { type DisplaySettings, DisplaySettingsForm } from '../../components/DisplaySettingsForm';
import { setUiLanguage, t } from '../../utils/i18n';
import {
  glossLanguageSetting,
  highlightStyleSetting,
  markModeSetting,
  uiLanguageSetting,
} from '../../utils/settings';
import { BrowseSection } from './BrowseSection';
import { OwnGlossarySection } from './OwnGlossarySection';
import { SitesSection } from './SitesSection';

export function Options() {
  const [settings, setSettings] = useState<DisplaySettings | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    void Promise.all([
      glossLanguageSetting.getValue(),
      markModeSetting.getValue(),
      highlightStyleSetting.getValue(),
      uiLanguageSetting.getValue(),
    ]).then(([glossLanguage, markMode, highlightStyle, uiLanguage]) => {
      setUiLanguage(uiLanguage);
      setSettings({ glossLanguage, markMode, highlightStyle, uiLanguage });
    });
  }, []);

  const save = async (next: DisplaySettings) => {
    setUiLanguage(next.uiLanguage);
    setSettings(next);
    await Promise.all([
      glossLanguageSetting.setValue(next.glossLanguage),
      markModeSetting.setValue(next.markMode),
      highlightStyleSetting.setValue(next.highlightStyle),
      uiLanguageSetting.setValue(next.uiLanguage),
    ]);
    setStatus(t('saved'));
  };

  if (!settings) return null;
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <SitesSection />
      <section class="card" aria-labelledby="display-title">
        <h2 id="display-title">{t('displayTitle')}</h2>
        <DisplaySettingsForm value={settings} onChange={(next) => void save(next)} label={t} />
        <p role="status" class="hint">
          {status}
        </p>
      </section>
      <OwnGlossarySection />
      <BrowseSection />
    </main>
  );
}
