import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type HistoryLabels, HistoryView, type HistoryViewProps } from '../../../components/HistoryView';
import { CURATED_ENTRIES } from '../../../glossary/data';
import type { Lookup } from '../../../glossary/history';

const byId = new Map(CURATED_ENTRIES.map((e) => [e.id, e]));
const labels = Object.fromEntries(
  [
    'search',
    'searchPlaceholder',
    'today',
    'yesterday',
    'empty',
    'explain',
    'turnOff',
    'off',
    'turnOn',
    'noMatch',
    'export',
    'exportShown',
    'csv',
    'anki',
    'clear',
    'clearQuestion',
    'clearConfirm',
    'cancel',
    'fromSearch',
  ].map((key) => [key, `[${key}]`]),
) as unknown as HistoryLabels;

const NOW = new Date(2026, 10, 30, 15, 0);
const at = (daysBack: number, hour: number) => new Date(2026, 10, 30 - daysBack, hour, 5).toISOString();
const lookup = (over: Partial<Lookup>): Lookup => ({
  entryId: 'nmi',
  term: 'NMI',
  how: 'hover',
  title: 'Voortgangsrapportage Irak',
  url: 'https://www.rijksoverheid.nl/voortgang',
  at: at(0, 14),
  ...over,
});

function show(over: Partial<HistoryViewProps> = {}) {
  const props: HistoryViewProps = {
    lookups: [],
    total: 0,
    query: '',
    onQuery: vi.fn(),
    entryOf: (id) => byId.get(id),
    onOpen: vi.fn(),
    onExport: vi.fn(),
    onClear: vi.fn(),
    enabled: true,
    settingsHref: '/options.html#history',
    status: '',
    locale: 'en',
    now: NOW,
    labels,
    ...over,
  };
  props.total = over.total ?? props.lookups.length;
  return { ...render(<HistoryView {...props} />), props };
}

afterEach(cleanup);

describe('HistoryView', () => {
  it('says what it keeps and how to turn it off when nothing is kept yet', () => {
    const { container, getByRole } = show();
    expect(container.textContent).toContain('[empty]');
    expect(container.textContent).toContain('[explain]');
    expect(getByRole('link', { name: '[turnOff]' }).getAttribute('href')).toBe('/options.html#history');
    cleanup();
    const off = show({ enabled: false });
    expect(off.container.textContent).toContain('[off]');
    expect(off.getByRole('link', { name: '[turnOn]' })).toBeTruthy();
  });

  it('groups by day — Today, Yesterday, then the date — with the term, its equivalent, the page and the time', () => {
    const { container } = show({
      lookups: [
        lookup({}),
        lookup({ entryId: 'artikel-100-brief', term: 'artikel 100-brieven', at: at(1, 9) }),
        lookup({ entryId: 'isis', term: 'ISIS', at: at(6, 9) }),
      ],
    });
    const days = [...container.querySelectorAll('.history-day h2')].map((h) => h.textContent);
    expect(days).toEqual(['[today]', '[yesterday]', 'Tuesday 24 November']);
    const first = container.querySelector('.history-item') as HTMLElement;
    expect(first.querySelector('.history-term')?.textContent).toBe('NMI');
    expect(first.querySelector('.history-beside')?.textContent).toBe('NATO Mission Iraq');
    expect(first.querySelector('time')?.textContent).toBe('14:05');
    const link = first.querySelector('.history-page a') as HTMLAnchorElement;
    expect(link.textContent).toBe('Voortgangsrapportage Irak');
    expect(link.getAttribute('href')).toBe('https://www.rijksoverheid.nl/voortgang');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('says days and times in Dutch in a Dutch interface, with the year when it is another', () => {
    const { container } = show({
      locale: 'nl',
      lookups: [
        lookup({ at: at(3, 9) }),
        lookup({ entryId: 'isis', at: new Date(2025, 4, 2, 8).toISOString() }),
      ],
    });
    const days = [...container.querySelectorAll('.history-day h2')].map((h) => h.textContent);
    expect(days).toEqual(['vrijdag 27 november', '2 mei 2025']);
    expect(container.querySelector('time')?.textContent).toBe('09:05');
  });

  it('shows the Dutch term beside an English one the reader saw', () => {
    const { container } = show({
      lookups: [lookup({ entryId: 'artikel-100-brief', term: 'Article 100 letter' })],
    });
    expect(container.querySelector('.history-beside')?.textContent).toBe('artikel 100-brief');
  });

  it('opens the entry from its term; a deleted entry’s term is plain text', () => {
    const { container, props } = show({
      lookups: [lookup({}), lookup({ entryId: 'weg', term: 'Weg', at: at(0, 13) })],
    });
    const [open, gone] = [...container.querySelectorAll('.history-term')];
    fireEvent.click(open as Element);
    expect(props.onOpen).toHaveBeenCalledWith(byId.get('nmi'));
    expect(gone?.localName).toBe('span');
  });

  it('renders hostile titles and addresses as text, never as markup or a script link', () => {
    const { container } = show({
      lookups: [
        lookup({ title: '<img src=x onerror="alert(1)">', url: 'javascript:alert(1)' }),
        lookup({ entryId: 'isis', title: '', url: 'data:text/html,<b>x</b>', at: at(0, 13) }),
        lookup({ entryId: 'oir', title: '', url: '', how: 'search', at: at(0, 12) }),
      ],
    });
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelectorAll('.history-page a')).toHaveLength(0);
    const pages = [...container.querySelectorAll('.history-page')].map((p) => p.textContent);
    expect(pages).toEqual(['<img src=x onerror="alert(1)">', '[fromSearch]']);
  });

  it('says when the search matches nothing, and exports what is shown', () => {
    const { container, getByRole, props } = show({ lookups: [], total: 3, query: 'zzz' });
    expect(container.querySelector('[role="status"]')?.textContent).toBe('[noMatch]');
    expect(container.textContent).toContain('[exportShown]');
    expect((getByRole('button', { name: '[csv]' }) as HTMLButtonElement).disabled).toBe(true);
    cleanup();
    const full = show({ lookups: [lookup({})] });
    fireEvent.click(full.getByRole('button', { name: '[anki]' }));
    fireEvent.click(full.getByRole('button', { name: '[csv]' }));
    expect(full.props.onExport).toHaveBeenNthCalledWith(1, 'anki');
    expect(full.props.onExport).toHaveBeenNthCalledWith(2, 'csv');
    expect(props.onExport).not.toHaveBeenCalled();
  });

  it('clears only after a confirmation in place; Cancel and Escape keep it', () => {
    const { getByRole, queryByRole, props } = show({ lookups: [lookup({})] });
    fireEvent.click(getByRole('button', { name: '[clear]' }));
    const question = getByRole('group', { name: '[clearQuestion]' });
    expect(document.activeElement).toBe(getByRole('button', { name: '[cancel]' }));
    fireEvent.click(getByRole('button', { name: '[cancel]' }));
    expect(queryByRole('group')).toBeNull();
    expect(document.activeElement).toBe(getByRole('button', { name: '[clear]' }));
    fireEvent.click(getByRole('button', { name: '[clear]' }));
    fireEvent.keyDown(getByRole('button', { name: '[cancel]' }), { key: 'Escape' });
    expect(queryByRole('group')).toBeNull();
    expect(props.onClear).not.toHaveBeenCalled();
    expect(question.isConnected).toBe(false);
    fireEvent.click(getByRole('button', { name: '[clear]' }));
    fireEvent.click(getByRole('button', { name: '[clearConfirm]' }));
    expect(props.onClear).toHaveBeenCalledOnce();
  });

  it('passes the search on as it is typed', () => {
    const { getByRole, props } = show({ lookups: [lookup({})] });
    fireEvent.input(getByRole('searchbox', { name: '[search]' }), { target: { value: 'irak' } });
    expect(props.onQuery).toHaveBeenCalledWith('irak');
  });
});
