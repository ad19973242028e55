import { useEffect, useState } from 'preact/hooks';
import { type DisplaySettings, DisplaySettingsForm } from '../../components/DisplaySettingsForm';
import { SectionNav } from '../../components/SectionNav';
import { setUiLanguage, t } from '../../utils/i18n';
import {
  glossLanguageSetting,
  highlightStyleSetting,
  markModeSetting,
  uiLanguageSetting,
} from '../../utils/settings';
import { AboutSection } from './AboutSection';
import { BrowseSection } from './BrowseSection';
import { HistorySection } from './HistorySection';
import { KeyboardSection } from './KeyboardSection';
import { OwnGlossarySection } from './OwnGlossarySection';
import { SitesSection } from './SitesSection';
import { useSectionNav } from './use-section-nav';

/** The sections in page order, with the key of their name in the navigation. */
const SECTIONS = [
  ['sites', 'sitesTitle'],
  ['display', 'displayTitle'],
  ['own', 'navOwn'],
  ['history', 'navHistory'],
  ['browse', 'navBrowse'],
  ['keyboard', 'navKeyboard'],
  ['about', 'navAbout'],
] as const;
const SECTION_IDS = SECTIONS.map(([id]) => id);

export function Options() {
  const [settings, setSettings] = useState<DisplaySettings | null>(null);
  const [status, setStatus] = useState('');
  const { current, goTo } = useSectionNav(SECTION_IDS, settings !== null);

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
    <div class="options-page">
      <header class="app-header">
        <img class="app-icon" src="/icon.svg" alt="" width={40} height={40} />
        <h1>{t('optionsTitle')}</h1>
      </header>
      <div class="options-layout">
        <SectionNav
          label={t('navLabel')}
          sections={SECTIONS.map(([id, key]) => ({ id, label: t(key) }))}
          current={current}
          onNavigate={goTo}
        />
        <main class="options">
          <SitesSection />
          <section class="card" id="display" aria-labelledby="display-title" tabIndex={-1}>
            <h2 id="display-title">{t('displayTitle')}</h2>
            <p class="section-intro">{t('displayIntro')}</p>
            <DisplaySettingsForm value={settings} onChange={(next) => void save(next)} label={t} />
            <p role="status" class="hint">
              {status}
            </p>
          </section>
          <OwnGlossarySection />
          <HistorySection />
          <BrowseSection />
          <KeyboardSection />
          <AboutSection />
        </main>
      </div>
    </div>
  );
}
