/**
 * `npm run bench:highlight-api`: would the CSS Custom Highlight API make showing the terms
 * cheaper than <begrip-mark> wrappers? On the typical page (seed 004) where the extension does
 * not run, the same matches (the matcher's, per text node) are shown either way inside one
 * trace: wrappers (split text, insert elements, which makes Chromium lay the page out again) or
 * StaticRanges in a Highlight (no DOM change, no layout, but painted by the highlight painter).
 * Prints the main thread's tasks and their style, layout and paint, three rounds each.
 */
import { CURATED_ENTRIES } from '../glossary/data';
import { Matcher } from '../glossary/matcher';
import { launch } from '../tests/e2e/harness';
import { seedPage } from '../tests/fixtures/seed-page';
import { readSeed } from '../tests/fixtures/seeds';
import { mainThreadTasks, recordTrace, threadOf } from './chromium-trace';
import { showSpans, spansPerTextNode } from './in-page-marks';

const harness = await launch();
harness.serve('/typical', { body: seedPage('Artikel 100-brief', readSeed('004_58c76a8e68136705.txt')) });
const matcher = new Matcher(CURATED_ENTRIES);
console.log('| round | way | terms | main-thread tasks | style | layout | paint + pre-paint |');
console.log('|---|---|---:|---:|---:|---:|---:|');
for (let round = 1; round <= 3; round++) {
  for (const mode of ['wrappers', 'highlight'] as const) {
    const page = await harness.context.newPage();
    await page.goto('https://www.example.org/typical');
    await page.waitForTimeout(500);
    const spans = await spansPerTextNode(page, matcher);
    let terms = 0;
    const events = await recordTrace(page, async () => {
      terms = await page.evaluate(showSpans, [spans, mode] as [number[][][], typeof mode]);
      await page.waitForTimeout(400);
    });
    const { main, tasks } = mainThreadTasks(events);
    const sum = (...names: string[]) =>
      events
        .filter((e) => names.includes(e.name) && threadOf(e) === main)
        .reduce((total, e) => total + (e.dur ?? 0), 0) / 1000;
    const ms = (value: number) => `${value.toFixed(1)} ms`;
    console.log(
      `| ${round} | ${mode} | ${terms} | ${ms(tasks.reduce((t, e) => t + (e.dur ?? 0), 0) / 1000)} | ${ms(sum('UpdateLayoutTree'))} | ${ms(sum('Layout'))} | ${ms(sum('Paint', 'PrePaint'))} |`,
    );
    await page.close();
  }
}
await harness.close();
