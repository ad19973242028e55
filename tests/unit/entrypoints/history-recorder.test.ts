import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HistoryRecorder } from '../../../entrypoints/background/history-recorder';
import { CURATED_ENTRIES } from '../../../glossary/data';
import { readHistory } from '../../../utils/history';
import type { LookedUpMessage } from '../../../utils/messages';
import { historyEnabledSetting } from '../../../utils/settings';

const byId = new Map(CURATED_ENTRIES.map((e) => [e.id, e]));
const PAGE = 'https://www.rijksoverheid.nl/documenten/voortgang';
const OWN_PAGE = 'chrome-extension://test-extension-id';

const tab = (over: Partial<Browser.tabs.Tab> = {}) =>
  ({ id: 7, url: PAGE, title: 'Voortgangsrapportage Irak', incognito: false, ...over }) as Browser.tabs.Tab;
/** A content script's sender: the page's frame and its tab. */
const fromPage = (over: Partial<Browser.tabs.Tab> = {}): Browser.runtime.MessageSender => ({
  tab: tab(over),
  url: over.url ?? PAGE,
});
/** One of Begrip's own pages (popup, reader). */
const fromOwn = (page: string, inTab?: Browser.tabs.Tab): Browser.runtime.MessageSender => ({
  url: `${OWN_PAGE}/${page}`,
  ...(inTab && { tab: inTab }),
});
const looked = (over: Partial<LookedUpMessage> = {}): LookedUpMessage => ({
  type: 'begrip:looked-up',
  id: 'nmi',
  how: 'hover',
  term: 'NMI',
  ...over,
});

let recorder: HistoryRecorder;
beforeEach(() => {
  fakeBrowser.reset();
  recorder = new HistoryRecorder(async (id) => byId.get(id));
});

describe('the history’s writer', () => {
  it('records a content script’s lookup with the title and address of its tab, not the message', async () => {
    const forged = { ...looked(), page: { title: 'Vals', url: 'https://evil.example/' } };
    await recorder.record(forged, fromPage());
    const [lookup] = await readHistory();
    expect(lookup).toMatchObject({
      entryId: 'nmi',
      term: 'NMI',
      how: 'hover',
      title: 'Voortgangsrapportage Irak',
      url: PAGE,
    });
  });

  it('loses no lookup when many tabs report at the same moment', async () => {
    const ids = ['nmi', 'isis', 'oir', 'red-card-holder', 'artikel-100-brief', 'cds'];
    await Promise.all(ids.map((id, i) => recorder.record(looked({ id }), fromPage({ url: `${PAGE}/${i}` }))));
    expect((await readHistory()).map((l) => l.entryId).sort()).toEqual([...ids].sort());
  });

  it('records nothing while the setting is off, and again once it is on', async () => {
    await historyEnabledSetting.setValue(false);
    await recorder.record(looked(), fromPage());
    expect(await readHistory()).toEqual([]);
    await historyEnabledSetting.setValue(true);
    await recorder.record(looked(), fromPage());
    expect(await readHistory()).toHaveLength(1);
  });

  it('records nothing from a private window', async () => {
    await recorder.record(looked(), fromPage({ incognito: true }));
    expect(await readHistory()).toEqual([]);
  });

  it('records nothing for an unknown entry or a page’s own acronym', async () => {
    await recorder.record(looked({ id: 'page:XYZ' }), fromPage());
    await recorder.record(looked({ id: 'bestaat-niet' }), fromPage());
    expect(await readHistory()).toEqual([]);
  });

  it('lets a content script report only its page’s gestures', async () => {
    await recorder.record(looked({ how: 'search' }), fromPage());
    await recorder.record(looked({ how: 'reader' }), fromPage());
    expect(await readHistory()).toEqual([]);
  });

  it('takes a popup search’s page from the tab the popup describes, and its term from the entry', async () => {
    const shown = await fakeBrowser.tabs.create({ url: PAGE });
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue(tab({ id: shown.id, title: 'Kamerbrief' }));
    await recorder.record(
      looked({ id: 'artikel-100-brief', how: 'search', term: '', tabId: shown.id }),
      fromOwn('popup.html'),
    );
    expect((await readHistory())[0]).toMatchObject({
      entryId: 'artikel-100-brief',
      term: 'artikel 100-brief',
      how: 'search',
      title: 'Kamerbrief',
      url: PAGE,
    });
  });

  it('keeps no title for a browser page (a new tab) and nothing for a private or closed tab', async () => {
    const get = vi.spyOn(fakeBrowser.tabs, 'get');
    get.mockResolvedValueOnce(tab({ url: 'chrome://newtab/', title: 'New Tab' }));
    await recorder.record(looked({ how: 'search', tabId: 1 }), fromOwn('popup.html'));
    expect((await readHistory())[0]).toMatchObject({ title: '', url: '' });
    get.mockResolvedValueOnce(tab({ incognito: true }));
    await recorder.record(looked({ id: 'isis', how: 'search', tabId: 2 }), fromOwn('popup.html'));
    get.mockRejectedValueOnce(new Error('No tab with id: 3'));
    await recorder.record(looked({ id: 'oir', how: 'search', tabId: 3 }), fromOwn('popup.html'));
    expect((await readHistory()).map((l) => l.entryId)).toEqual(['nmi']);
  });

  it('takes the reader’s document from its message', async () => {
    const page = { title: 'brief.pdf', url: `${PAGE}/brief.pdf` };
    await recorder.record(
      looked({ how: 'reader', page }),
      fromOwn('reader.html', tab({ url: `${OWN_PAGE}/reader.html` })),
    );
    expect((await readHistory())[0]).toMatchObject({ how: 'reader', title: 'brief.pdf', url: page.url });
  });

  it('clears in turn with the lookups: a clear after a lookup leaves nothing', async () => {
    const recorded = recorder.record(looked(), fromPage());
    const cleared = recorder.clear();
    await Promise.all([recorded, cleared]);
    expect(await readHistory()).toEqual([]);
    await recorder.record(looked(), fromPage());
    expect(await readHistory()).toHaveLength(1);
  });
});
