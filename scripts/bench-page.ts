/**
 * `npm run bench:page`: the content script in real Chromium (issue 6), side by side in one run,
 * on a typical page (seed 004 as HTML) and on a 5 MB-text page:
 *   - Begrip: main-thread work it causes (script + style + layout + paint, from CDP Performance
 *     metrics, minus the same page loaded where the extension does not run), its longest task,
 *     and the extra JS heap;
 *   - mark.js 8.11 marking the same glossary forms on the same page (where the extension is off);
 *   - the floor: one TreeWalker pass over every text node, tokenizing it once.
 * Plus the content script's size without the glossary data. Figures go in BENCHMARKS.md.
 */
import { readFileSync, statSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { CURATED_ENTRIES, DATA_FILES } from '../glossary/data';
import { formsOf } from '../glossary/forms';
import { launch } from '../tests/e2e/harness';
import { seedPage } from '../tests/fixtures/seed-page';
import { readSeed } from '../tests/fixtures/seeds';

const MARK_JS = readFileSync('node_modules/mark.js/dist/mark.min.js', 'utf8');

interface Metrics {
  task: number;
  heap: number;
}

/** Cumulative main-thread task time (ms) and used JS heap (MB) of the page, after a GC. */
async function metrics(page: Page): Promise<Metrics> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  const get = (name: string) => list.find((m) => m.name === name)?.value ?? 0;
  await cdp.detach();
  return { task: get('TaskDuration') * 1000, heap: get('JSHeapUsedSize') / 1024 / 1024 };
}

/** Long tasks (ms) that started after `since` (page time), observed from the start of the page. */
const LONG_TASKS_INIT = `window.__longTasks = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]); })
  .observe({ type: 'longtask', buffered: true });`;

async function settle(page: Page, selector: string): Promise<void> {
  let previous = -1;
  for (let i = 0; i < 600; i++) {
    const count = await page.evaluate((s) => document.querySelectorAll(s).length, selector);
    if (count > 0 && count === previous) return;
    previous = count;
    await page.waitForTimeout(250);
  }
}

async function longestTaskAfter(page: Page, since: number): Promise<number> {
  const tasks = (await page.evaluate('window.__longTasks')) as [number, number][];
  return Math.max(0, ...tasks.filter(([start]) => start >= since).map(([, duration]) => duration));
}

const loadTime = (page: Page) => page.evaluate(() => performance.getEntriesByType('navigation')[0]?.duration ?? 0);

async function measureBegrip(open: (url: string) => Promise<Page>, path: string) {
  const plain = await open(`https://www.example.org${path}`);
  await plain.waitForTimeout(1500);
  const base = await metrics(plain);
  const page = await open(`https://www.rijksoverheid.nl${path}`);
  const loaded = await loadTime(page);
  await settle(page, 'begrip-mark');
  const after = await metrics(page);
  const marks = await page.evaluate(() => document.querySelectorAll('begrip-mark').length);
  const longest = await longestTaskAfter(page, loaded);
  const result = { work: after.task - base.task, heap: after.heap - base.heap, longest, marks };
  await page.close();
  return { result, plain, base };
}

async function measureMarkJs(plain: Page, before: Metrics, keywords: string[]) {
  await plain.addScriptTag({ content: MARK_JS });
  const { ms, marks } = await plain.evaluate((words) => {
    const start = performance.now();
    // @ts-expect-error mark.js is a global from the script tag
    new Mark(document.body).mark(words, { separateWordSearch: false, accuracy: 'exactly', diacritics: false });
    void document.body.offsetHeight; // include the layout its marks cause
    return { ms: performance.now() - start, marks: document.querySelectorAll('mark').length };
  }, keywords);
  const after = await metrics(plain);
  return { ms, work: after.task - before.task, marks };
}

async function measureFloor(plain: Page): Promise<number> {
  return plain.evaluate(() => {
    const start = performance.now();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let tokens = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const _ of (node.nodeValue ?? '').matchAll(/[\p{L}\p{N}]+/gu)) tokens++;
    }
    (window as unknown as { __tokens: number }).__tokens = tokens;
    return performance.now() - start;
  });
}

function bundleSizes() {
  const total = statSync('.output/chrome-mv3/content-scripts/content.js').size;
  const data = Object.values(DATA_FILES).reduce((sum, entries) => sum + JSON.stringify(entries).length, 0);
  return { total, data, code: total - data };
}

async function main() {
  const harness = await launch();
  const seed004 = readSeed('004_58c76a8e68136705.txt');
  const seed002 = readSeed('002_e3c0c53e0898a8e8.txt');
  const large = Array.from({ length: Math.ceil((5 * 1024 * 1024) / seed002.length) }, () => seed002).join('\n\n');
  harness.serve('/typical', { body: seedPage('Artikel 100-brief', seed004, `<script>${LONG_TASKS_INIT}</script>`) });
  harness.serve('/large', { body: seedPage('Groot document', large, `<script>${LONG_TASKS_INIT}</script>`) });
  const keywords = [...new Set(CURATED_ENTRIES.flatMap((e) => formsOf(e).map((f) => f.text)))];
  const open = async (url: string) => {
    const page = await harness.context.newPage();
    await page.goto(url, { timeout: 120_000 });
    return page;
  };

  console.log(`Chromium headless, production build; ${keywords.length} glossary forms for mark.js\n`);
  console.log('| page | Begrip work | Begrip longest task | Begrip heap | marks | mark.js work | marks | floor | Begrip/floor | mark.js/Begrip |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const [name, path] of [
    ['typical (seed 004, 22 kB)', '/typical'],
    ['5 MB text', '/large'],
  ] as const) {
    const { result, plain, base } = await measureBegrip(open, path);
    const floor = await measureFloor(plain);
    const markJs = await measureMarkJs(plain, await metrics(plain), keywords);
    console.error(`debug ${name}: mark.js in-page ${markJs.ms.toFixed(0)} ms, metrics ${markJs.work.toFixed(0)} ms`);
    void base;
    console.log(
      `| ${name} | ${result.work.toFixed(0)} ms | ${result.longest ? `${result.longest.toFixed(0)} ms` : '< 50 ms (none)'} | ${result.heap.toFixed(1)} MB | ${result.marks} | ${markJs.work.toFixed(0)} ms | ${markJs.marks} | ${floor.toFixed(0)} ms | ${(result.work / floor).toFixed(1)}× | ${(markJs.work / result.work).toFixed(1)}× |`,
    );
    await plain.close();
  }
  const size = bundleSizes();
  console.log(
    `\ncontent.js: ${(size.total / 1024).toFixed(1)} kB minified, of which glossary data ${(size.data / 1024).toFixed(1)} kB, code ${(size.code / 1024).toFixed(1)} kB`,
  );
  await harness.close();
}

await main();
