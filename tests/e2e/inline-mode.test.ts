import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPages } from '../fixtures/test-pages';
import { seriousViolations } from './axe';
import { inlineNotes } from './gloss-probe';
import { type Harness, inPage, launch } from './harness';
import { normalizedBody, settledMarkCount } from './page-checks';
import { shownTexts } from './page-terms';

declare const chrome: { storage: { sync: { set(items: Record<string, unknown>): Promise<void> } } };

const GOV = 'https://www.rijksoverheid.nl';
let harness: Harness;

beforeAll(async () => {
  harness = await launch();
  for (const [path, fixture] of Object.entries(testPages())) harness.serve(path, fixture);
});
afterAll(async () => harness?.close());

async function setInline(sites: string[]) {
  const settings = await harness.open(`chrome-extension://${harness.extensionId}/options.html`);
  await settings.evaluate((list) => chrome.storage.sync.set({ inlineSites: list }), sites);
  await settings.close();
}

describe('the inline reading mode', () => {
  it('explains each term once in the text, out of the page’s text and copies, and leaves no trace when off', async () => {
    const plain = await harness.open('https://www.example.org/voortgang');
    const page = await harness.open(`${GOV}/voortgang`);
    await settledMarkCount(inPage(page), (ms) => page.waitForTimeout(ms));
    const before = await page.evaluate(() => document.body.innerText);
    await setInline(['rijksoverheid.nl']);
    await expect.poll(() => inlineNotes(page).then((n) => n.length), { timeout: 10_000 }).toBeGreaterThan(10);
    await page.waitForTimeout(500);
    const notes = await inlineNotes(page);
    // NMI's first occurrence, whatever form the page uses for it, carries the expansion once.
    const nmi = notes.filter((note) => note.text?.includes('NATO Mission Iraq'));
    expect(nmi).toHaveLength(1);
    expect(nmi[0]?.lang).toBe('en');
    expect(nmi[0]?.before).toMatch(/(NMI|NAVO\s+Missie\s+in\s+Irak)$/);
    // Never what the page says itself: "Chief of Defence (CHoD)" gets no "(Chief of Defence)".
    for (const note of notes) expect(note.before.toLowerCase()).not.toContain(note.text?.toLowerCase());
    // First occurrences only: no note twice.
    const texts = notes.map((note) => note.text);
    expect(new Set(texts).size).toBe(texts.length);
    // Every note follows a term the page shows, and the terms are still shown.
    const shown = await shownTexts(page);
    for (const note of notes) {
      // The text node before a note may hold only the end of a term ("<b>Red Card</b> Holder").
      const before = note.before.trimEnd();
      expect(
        shown.some((term) => before.endsWith(term.trimEnd().split(/\s+/).at(-1) ?? term)),
        JSON.stringify(note),
      ).toBe(true);
    }
    // Not in the page's text, not in a copy of it, not in what it serialises.
    expect(await page.evaluate(() => document.body.innerText)).toBe(before);
    const copied = await page.evaluate(() => {
      const selection = getSelection();
      selection?.selectAllChildren(document.body);
      const text = selection?.toString() ?? '';
      selection?.removeAllRanges();
      return text;
    });
    expect(copied).not.toContain('NATO Mission Iraq');
    expect(await page.evaluate(() => document.body.innerHTML)).not.toContain('NATO Mission Iraq');
    expect(await seriousViolations(page)).toEqual([]);
    await harness.screenshot(page, 'inline-mode');
    // Off: every note goes and every split text node is whole again.
    await setInline([]);
    await expect.poll(() => inlineNotes(page).then((n) => n.length)).toBe(0);
    expect(await normalizedBody(inPage(page))).toBe(await normalizedBody(inPage(plain)));
    await page.close();
    await plain.close();
  });
});
