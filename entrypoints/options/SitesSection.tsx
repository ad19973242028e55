import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Switch } from '../../components/SiteSwitch';
import { t } from '../../utils/i18n';
import { disabledSitesSetting, userSitesSetting } from '../../utils/settings';
import { DEFAULT_SITES, matchPatternsFor, normaliseHost } from '../../utils/sites';

/** Default sites (each can be switched off) and the sites the user added (with remove). */
export function SitesSection() {
  const [disabled, setDisabled] = useState<string[]>([]);
  const [userSites, setUserSites] = useState<string[]>([]);
  const [newSite, setNewSite] = useState('');
  const [message, setMessage] = useState('');

  useEffect(() => {
    void disabledSitesSetting.getValue().then(setDisabled);
    void userSitesSetting.getValue().then(setUserSites);
    const unwatch = [disabledSitesSetting.watch(setDisabled), userSitesSetting.watch(setUserSites)];
    return () => {
      for (const stop of unwatch) stop();
    };
  }, []);

  const toggle = (site: string, on: boolean) =>
    disabledSitesSetting.setValue(on ? disabled.filter((s) => s !== site) : [...disabled, site]);
  const add = async (event: Event) => {
    event.preventDefault();
    const host = normaliseHost(newSite);
    if (!host) return setMessage(t('sitesInvalid'));
    // First thing in the handler: the browser only asks while the click counts as a user gesture.
    const granted = await browser.permissions.request({ origins: matchPatternsFor(host) });
    if (!granted) return setMessage(t('permissionDenied'));
    if (!userSites.includes(host)) await userSitesSetting.setValue([...userSites, host]);
    setNewSite('');
    setMessage('');
  };
  const remove = async (site: string) => {
    await userSitesSetting.setValue(userSites.filter((s) => s !== site));
    await disabledSitesSetting.setValue(disabled.filter((s) => s !== site));
    await browser.permissions.remove({ origins: matchPatternsFor(site) }).catch(() => false);
  };

  // A render helper, not a component: a component defined here would remount (and lose focus) on every render.
  const siteSwitch = (site: string) => (
    <Switch
      key={site}
      label={site}
      checked={!disabled.includes(site)}
      onChange={(on) => void toggle(site, on)}
    />
  );

  return (
    <section class="card" id="sites" aria-labelledby="sites-title" tabIndex={-1}>
      <h2 id="sites-title">{t('sitesTitle')}</h2>
      <p class="section-intro">{t('sitesIntro')}</p>
      <fieldset class="site-group">
        <legend>{t('sitesDefault')}</legend>
        <ul class="site-list">
          {DEFAULT_SITES.map((site) => (
            <li key={site}>{siteSwitch(site)}</li>
          ))}
        </ul>
      </fieldset>
      <fieldset class="site-group">
        <legend>{t('sitesUser')}</legend>
        {/* own-list: the Firefox e2e finds a user site's row (and its Remove button) by it. */}
        <ul class="site-list own-list">
          {userSites.map((site) => (
            <li key={site}>
              {siteSwitch(site)}
              <button type="button" class="button danger" onClick={() => void remove(site)}>
                {t('sitesRemove')}
              </button>
            </li>
          ))}
        </ul>
        <form onSubmit={add} class="add-site">
          <label class="field">
            <span class="field-label">{t('sitesAddLabel')}</span>
            <input
              class="input"
              value={newSite}
              onInput={(e) => setNewSite(e.currentTarget.value)}
              placeholder="www.nato.int"
              spellcheck={false}
              autocomplete="off"
            />
          </label>
          <button type="submit" class="button primary">
            {t('sitesAdd')}
          </button>
        </form>
        {message && (
          <p class="errors" role="alert">
            {message}
          </p>
        )}
      </fieldset>
    </section>
  );
}
