import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ownEntriesItem } from '../../../utils/own-entries';
import { readPageSettings, type SettingsChange, watchPageSettings } from '../../../utils/page-settings';
import { SYNC_FALLBACKS } from '../../../utils/setting-values';
import {
  disabledSitesSetting,
  glossLanguageSetting,
  highlightStyleSetting,
  markModeSetting,
} from '../../../utils/settings';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('the content script’s light settings read', () => {
  it('reads what the WXT storage items wrote, with their fallbacks', async () => {
    expect(await readPageSettings()).toEqual(SYNC_FALLBACKS);
    await glossLanguageSetting.setValue('nl');
    await markModeSetting.setValue('first');
    await disabledSitesSetting.setValue(['rijksoverheid.nl']);
    expect(await readPageSettings()).toMatchObject({
      glossLanguage: 'nl',
      markMode: 'first',
      disabledSites: ['rijksoverheid.nl'],
      highlightStyle: 'underline',
    });
  });

  it('falls back on values of the wrong shape instead of trusting them', async () => {
    await fakeBrowser.storage.sync.set({
      markMode: 'sometimes',
      disabledSites: 'all',
      glossLanguage: 3,
      historyEnabled: 'no',
    });
    expect(await readPageSettings()).toEqual(SYNC_FALLBACKS);
  });

  it('reports changed settings and own entries, and stops when unwatched', async () => {
    const changes: SettingsChange[] = [];
    const unwatch = watchPageSettings((change) => changes.push(change));
    await highlightStyleSetting.setValue('background');
    await ownEntriesItem.setValue([]);
    unwatch();
    await markModeSetting.setValue('first');
    expect(changes).toEqual([
      { settings: { highlightStyle: 'background' }, ownEntries: false },
      { settings: {}, ownEntries: true },
    ]);
  });
});
