/**
 * Browsing a glossary of 500+ entries (issue 15), in Chromium: the options page by topic, by
 * mission and A–Z with a filter box; the popup's empty state by topic (with counts) and by mission.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupByMission } from '../../glossary/browse';
import { CURATED_ENTRIES } from '../../glossary/data';
import { seriousViolations } from './axe';
import { type Harness, launch } from './harness';

let harness: Harness;
beforeAll(async () => {
  harness = await launch();
});
afterAll(async () => harness?.close());

describe('browse the glossary', () => {
  it('on the options page: by topic, by mission, A–Z, narrowed by the filter box', async () => {
    const page = await harness.open(`chrome-extension://${harness.extensionId}/options.html`);
    const browse = page.locator('section.card', { has: page.locator('#browse-title') });
    await browse.scrollIntoViewIfNeeded();
    // By topic (the default): a heading per topic with its count.
    const missionHeading = browse.locator('.browse-group h3').first();
    await expect.poll(() => missionHeading.textContent()).toMatch(/^Mission \(\d+\)$/);
    await browse.getByLabel('Filter').fill('jocat');
    await expect.poll(() => browse.locator('.browse-list button').allTextContents()).toEqual(['JOCAT-N']);
    await browse.getByRole('button', { name: 'JOCAT-N' }).click();
    await expect.poll(() => browse.locator('.entry-term').textContent()).toBe('JOCAT-N');
    // By mission: NMI with the entries linked to it.
    await browse.getByLabel('Filter').fill('');
    await browse.locator('.segmented label', { hasText: 'By mission' }).click();
    expect(await browse.getByLabel('By mission').isChecked()).toBe(true);
    const nmi = browse.locator('.browse-group[aria-label="NMI"]');
    const expected = groupByMission(CURATED_ENTRIES).find((g) => g.key === 'nmi')?.entries.length;
    await expect.poll(() => nmi.locator('h3 .count').textContent()).toBe(`(${expected})`);
    await harness.screenshot(page, 'options-browse-by-mission');
    // A–Z: every entry once.
    await browse.locator('.segmented label', { hasText: 'A–Z' }).click();
    await expect.poll(() => browse.locator('.browse-list li').count()).toBe(CURATED_ENTRIES.length);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('in the popup: topics with counts, and a mission’s entries, the mission first', async () => {
    const popup = await harness.open(`chrome-extension://${harness.extensionId}/popup.html`);
    const chip = popup.locator('.chip', { hasText: 'Parliament' });
    await expect.poll(() => chip.textContent()).toMatch(/Parliament & government\s*\d+/);
    await popup.getByLabel('By mission').selectOption('minusma');
    const first = popup.locator('#results [role="option"]').first();
    await expect.poll(() => first.textContent()).toContain('MINUSMA');
    expect(await popup.locator('#results [role="option"]').count()).toBeGreaterThan(3);
    await harness.screenshot(popup, 'popup-by-mission');
    await popup.close();
  });
});
