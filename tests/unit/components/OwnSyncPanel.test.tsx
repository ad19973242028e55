import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  kilobytes,
  OwnSyncPanel,
  type OwnSyncPanelProps,
  relativeTime,
} from '../../../components/OwnSyncPanel';

const label = (key: string, substitutions?: string | string[]) =>
  substitutions === undefined || substitutions.length === 0
    ? key
    : `${key}:${[substitutions].flat().join('|')}`;
const labelCount = (key: string, count: number) => `${key}(${count})`;

const NOW = Date.UTC(2026, 11, 1, 12);
const MINUTE = 60_000;

function panel(props: Partial<OwnSyncPanelProps> = {}) {
  const handlers = { onToggle: vi.fn(), onRemove: vi.fn(), onKeep: vi.fn() };
  const view = render(
    <OwnSyncPanel
      on={false}
      busy={false}
      status={{ state: 'off' }}
      notice={null}
      offerRemoval={false}
      quotaBytes={102_400}
      maxItems={512}
      language="en"
      now={NOW}
      label={label}
      labelCount={labelCount}
      {...handlers}
      {...props}
    />,
  );
  return { ...view, ...handlers };
}

afterEach(cleanup);

describe('when it synced, in the interface language', () => {
  it('says how long ago, in words', () => {
    expect(relativeTime(NOW - 20_000, NOW, 'en', label)).toBe('ownSyncJustNow');
    expect(relativeTime(NOW - 3 * MINUTE, NOW, 'en', label)).toBe('3 minutes ago');
    expect(relativeTime(NOW - 3 * MINUTE, NOW, 'nl', label)).toBe('3 minuten geleden');
    expect(relativeTime(NOW - 5 * 60 * MINUTE, NOW, 'nl', label)).toBe('5 uur geleden');
    expect(relativeTime(NOW - 24 * 60 * MINUTE, NOW, 'en', label)).toBe('yesterday');
  });

  it('gives sizes in kB, rounding a need up', () => {
    expect(kilobytes(31_500, 'en')).toBe('31 kB');
    expect(kilobytes(102_400, 'nl')).toBe('100 kB');
    expect(kilobytes(146_000, 'en', 'up')).toBe('143 kB');
    expect(kilobytes(1_500_000, 'nl', 'up')).toBe('1.465 kB');
  });
});

describe('OwnSyncPanel', () => {
  it('shows the switch on with when it synced, how many entries and how full the sync area is', () => {
    const { getByRole, container } = panel({
      on: true,
      status: { state: 'synced', at: NOW - 3 * MINUTE, entries: 42, usedBytes: 31_744, revision: 'r' },
    });
    const toggle = getByRole('switch', { name: 'ownSyncSwitch' });
    expect((toggle as HTMLInputElement).checked).toBe(true);
    expect(toggle.getAttribute('aria-describedby')).toBe('own-sync-hint');
    expect(container.querySelector('#own-sync-hint')?.textContent).toBe('ownSyncHint');
    expect(container.querySelector('.own-sync-state')?.textContent).toBe(
      'ownSyncSynced:3 minutes ago|ownSyncEntries(42)|31 kB|100 kB',
    );
  });

  it('says what does not fit with the figures, and that nothing was synced', () => {
    const { getByRole, container } = panel({
      status: {
        state: 'too-big',
        at: NOW,
        reason: 'bytes',
        needBytes: 146_000,
        keptBytes: 7_000,
        needItems: 30,
        keptItems: 24,
      },
    });
    expect(getByRole('alert').textContent).toBe('ownSyncTooBig:143 kB|100 kB|7 kB');
    expect((getByRole('switch') as HTMLInputElement).checked).toBe(false);
    expect(container.querySelector('.own-sync-state')).toBeNull();
  });

  it('says when the browser took no more writes, or what it refused', () => {
    const rate = panel({ status: { state: 'error', at: NOW, message: 'write rate', rate: true } });
    expect(rate.container.querySelector('.own-sync-state')?.textContent).toBe('ownSyncRateLimited');
    cleanup();
    const other = panel({ status: { state: 'error', at: NOW, message: 'IO error' } });
    expect(other.container.querySelector('.own-sync-state')?.textContent).toBe('ownSyncError:IO error');
  });

  it('says so when the items run out instead', () => {
    const { getByRole } = panel({
      status: {
        state: 'too-big',
        at: NOW,
        reason: 'items',
        needBytes: 50_000,
        keptBytes: 7_000,
        needItems: 600,
        keptItems: 24,
      },
    });
    expect(getByRole('alert').textContent).toBe('ownSyncTooManyItems:600|512|24');
  });

  it('turns on and off through its handler, and not while a request is under way', () => {
    const first = panel();
    fireEvent.click(first.getByRole('switch'));
    expect(first.onToggle).toHaveBeenCalledWith(true);
    cleanup();
    const busy = panel({ busy: true });
    fireEvent.click(busy.getByRole('switch'));
    expect(busy.onToggle).not.toHaveBeenCalled();
    expect(busy.container.querySelector('.own-sync-state')?.textContent).toBe('ownSyncBusy');
  });

  it('says what turning on took from the account', () => {
    const { getByRole } = panel({ notice: { kind: 'turned-on', added: 5, updated: 2 } });
    expect(getByRole('status').textContent).toBe('ownSyncTurnedOn ownSyncAdded(5) ownSyncUpdated(2)');
  });

  it('offers, inline, to remove the synced copy after turning off', () => {
    const { getByRole, onRemove, onKeep, container } = panel({
      notice: { kind: 'turned-off' },
      offerRemoval: true,
    });
    expect(getByRole('status').textContent).toBe('ownSyncTurnedOff');
    // The notice says it is off: no second line saying the same.
    expect(container.querySelector('.own-sync-state')).toBeNull();
    const offer = getByRole('group', { name: 'ownSyncOfferRemoval' });
    fireEvent.click(offer.querySelector('.danger') as HTMLElement);
    expect(onRemove).toHaveBeenCalled();
    fireEvent.click(getByRole('button', { name: 'ownSyncKeep' }));
    expect(onKeep).toHaveBeenCalled();
  });

  it('lists entries the account held that did not pass the checks, as text', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const { getByRole, container } = panel({
      on: true,
      status: {
        state: 'synced',
        at: NOW,
        entries: 1,
        usedBytes: 2_000,
        revision: 'r',
        skipped: [{ id: hostile, problems: ['field "category": must be one of', 'a second problem'] }],
      },
    });
    expect(getByRole('alert').textContent).toBe(
      `ownSyncSkipped${hostile}: field "category": must be one of; a second problem`,
    );
    expect(container.querySelector('img')).toBeNull();
  });
});
