import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { iconFor, toolbarState, trackToolbarIcon } from '../../../entrypoints/background/toolbar-icon';

const none = { userSites: [], disabledSites: [] };

describe('the toolbar icon’s state', () => {
  it('is on for the default sites and their subdomains, over https', () => {
    expect(toolbarState('https://www.rijksoverheid.nl/brief', none)).toBe('on');
    expect(toolbarState('https://zoek.officielebekendmakingen.nl/kst-1.html', none)).toBe('on');
    expect(toolbarState('https://defensie.nl/', none)).toBe('on');
  });

  it('is off on a site switched off, and on its subdomains', () => {
    const off = { userSites: [], disabledSites: ['rijksoverheid.nl'] };
    expect(toolbarState('https://www.rijksoverheid.nl/brief', off)).toBe('off');
    expect(toolbarState('https://rijksoverheid.nl/', off)).toBe('off');
    expect(toolbarState('https://www.tweedekamer.nl/', off)).toBe('on');
  });

  it('is off where Begrip does not run: other sites, http, browser pages, an address it may not read', () => {
    expect(toolbarState('https://www.example.org/', none)).toBe('off');
    expect(toolbarState('https://rijksoverheid.nl.example.org/', none)).toBe('off');
    expect(toolbarState('http://www.rijksoverheid.nl/', none)).toBe('off');
    expect(toolbarState('chrome://extensions/', none)).toBe('off');
    expect(toolbarState(undefined, none)).toBe('off');
  });

  it('follows the sites the user added, and switched off', () => {
    const added = { userSites: ['www.nato.int'], disabledSites: [] };
    expect(toolbarState('https://www.nato.int/cps/en/natohq/topics.htm', added)).toBe('on');
    expect(toolbarState('https://www.nato.int/', { ...added, disabledSites: ['www.nato.int'] })).toBe('off');
  });

  it('names the full icon or its grey variant in the toolbar’s sizes', () => {
    expect(iconFor('on')).toEqual({ 16: '/icon/16.png', 32: '/icon/32.png', 48: '/icon/48.png' });
    expect(iconFor('off')).toEqual({
      16: '/icon/off-16.png',
      32: '/icon/off-32.png',
      48: '/icon/off-48.png',
    });
  });
});

describe('tracking the toolbar icon', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    // The fake browser has no permission events; nothing here grants or revokes one.
    for (const event of [fakeBrowser.permissions.onAdded, fakeBrowser.permissions.onRemoved])
      vi.spyOn(event, 'addListener').mockImplementation(() => {});
  });

  it('sets every tab’s icon at the start of a session (once), and again when the sites change', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://www.rijksoverheid.nl/brief' });
    const setIcon = vi.fn();
    trackToolbarIcon({ setIcon });
    await vi.waitFor(() => expect(setIcon).toHaveBeenCalledWith({ tabId: tab.id, path: iconFor('on') }));
    // A service worker woken again in the same session leaves the icons as they are.
    const again = vi.fn();
    trackToolbarIcon({ setIcon: again });
    await new Promise((done) => setTimeout(done, 20));
    expect(again).not.toHaveBeenCalled();
    await fakeBrowser.storage.sync.set({ disabledSites: ['rijksoverheid.nl'] });
    await vi.waitFor(() => expect(setIcon).toHaveBeenLastCalledWith({ tabId: tab.id, path: iconFor('off') }));
  });
});
