import { browser } from 'wxt/browser';
import { CURATED_ENTRIES } from '../../glossary/data';
import { t } from '../../utils/i18n';

/** The name, icon and version, what Begrip is, and what it does not do. */
export function AboutSection() {
  const version = browser.runtime.getManifest().version;
  return (
    <section class="card about" id="about" aria-labelledby="about-title" tabIndex={-1}>
      <h2 id="about-title">{t('aboutTitle')}</h2>
      <div class="about-head">
        <img class="about-icon" src="/icon.svg" alt="" width={56} height={56} />
        <div>
          <p class="about-name">
            Begrip <span class="about-version">{t('aboutVersion', version)}</span>
          </p>
          <p>{t('extDescription')}</p>
        </div>
      </div>
      <ul class="about-facts">
        <li>{t('termsInGlossary', String(CURATED_ENTRIES.length))}</li>
        <li>{t('aboutSources')}</li>
        <li>{t('aboutPrivacy')}</li>
      </ul>
      <p>
        <a href="/reader.html" target="_blank" rel="noopener">
          {t('openReader')}
        </a>
      </p>
    </section>
  );
}
