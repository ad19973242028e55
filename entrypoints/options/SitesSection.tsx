import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
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
  const siteCheckbox = (site: string) => (
    <label key={site}>
      <input
        type="checkbox"
        checked={!disabled.includes(site)}
        onChange={(e) => void toggle(site, e.currentTarget.checked)}
      />{' '}
      {site}
    </label>
  );

  return (
    <section class="card" aria-labelledby="sites-title">
      <h2 id="sites-title">{t('sitesTitle')}</h2>
      <fieldset>
        <legend>{t('sitesDefault')}</legend>
        {DEFAULT_SITES.map((site) => siteCheckbox(site))}
      </fieldset>
      <fieldset>
        <legend>{t('sitesUser')}</legend>
        <ul class="own-list">
          {userSites.map((site) => (
            <li key={site}>
              {siteCheckbox(site)}
              <span />
              <button type="button" class="button danger" onClick={() => void remove(site)}>
                {t('sitesRemove')}
              </button>
            </li>
          ))}
        </ul>
        <form onSubmit={add} class="toolbar">
          <label>
            {t('sitesAddLabel')}{' '}
            <input
              value={newSite}
              onInput={(e) => setNewSite(e.currentTarget.value)}
              placeholder="www.nato.int"
            />
          </label>
          <button type="submit" class="button">
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
