/**
 * `npm run bench:page`: the content script in real Chromium (issue 6), side by side in one run,
 * on a typical page (seed 004 as HTML) and on a 5 MB-text page:
 *   - Begrip: main-thread work it causes (script + style + layout + paint: the sum of the renderer
 *     main thread's tasks in a Chromium trace, minus the same page loaded where the extension does
 *     not run), its longest task after the load event, and the extra JS heap;
 *   - mark.js 8.11 marking the same glossary forms on the same page (where the extension is off);
 *   - the floor: one TreeWalker pass over every text node, tokenizing it once.
 * Plus the content script's size without the glossary data. Figures go in BENCHMARKS.md.
 */
import { readFileSync, statSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { CURATED_ENTRIES, DATA_FILES } from '../glossary/data';
import { formsOf } from '../glossary/forms';
import { type Harness, launch } from '../tests/e2e/harness';
import { seedPage } from '../tests/fixtures/seed-page';
import { readSeed } from '../tests/fixtures/seeds';
import { mainThreadTasks, recordTrace, type TraceEvent, threadOf } from './chromium-trace';

const MARK_JS = readFileSync('node_modules/mark.js/dist/mark.min.js', 'utf8');

interface Busy {
  /** Sum of top-level main-thread tasks (ms): script, style, layout and paint alike. */
  total: number;
  /** Sum of those that started after DOMContentLoaded (ms): the content script runs in these. */
  afterContentLoaded: number;
  /** Longest such task (ms) that started after the page's load event. */
  longestAfterLoad: number;
  /** After DOMContentLoaded: evaluating the content script (ms). */
  evaluation: number;
}

/** Main-thread work while `action` runs, from a Chromium trace (devtools.timeline). */
async function traceBusy(page: Page, action: () => Promise<void>): Promise<Busy> {
  const events = await recordTrace(page, action);
  const { main, tasks: mainTasks } = mainThreadTasks(events);
  const load = events.filter((e) => e.name === 'MarkLoad' && threadOf(e) === main).at(-1)?.ts ?? 0;
  const ready = events.filter((e) => e.name === 'MarkDOMContent' && threadOf(e) === main).at(-1)?.ts ?? 0;
  const sum = (list: TraceEvent[]) => list.reduce((total, t) => total + (t.dur ?? 0), 0) / 1000;
  // Chrome captures a page's text for translation some time after load, with or without Begrip
  // (30–90 ms on the 5 MB page): a task that is mostly that is not Begrip's longest.
  const captures = events.filter((e) => e.name === 'ChromeRenderFrameObserver::CapturePageText');
  const isTextCapture = (task: TraceEvent) =>
    captures.some(
      (c) =>
        threadOf(c) === main &&
        c.ts >= task.ts &&
        c.ts < task.ts + (task.dur ?? 0) &&
        (c.dur ?? 0) * 2 > (task.dur ?? 0),
    );
  const inside = events.filter((e) => e.ph === 'X' && threadOf(e) === main && e.ts >= ready);
  return {
    evaluation: sum(
      inside.filter(
        (e) =>
          e.name === 'EvaluateScript' && JSON.stringify(e.args ?? {}).includes('content-scripts/content.js'),
      ),
    ),
    total: sum(mainTasks),
    afterContentLoaded: sum(mainTasks.filter((t) => t.ts >= ready)),
    longestAfterLoad:
      Math.max(0, ...mainTasks.filter((t) => t.ts >= load && !isTextCapture(t)).map((t) => t.dur ?? 0)) /
      1000,
  };
}

async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 1024 / 1024;
}

async function settle(page: Page, selector: string): Promise<void> {
  let previous = -1;
  for (let i = 0; i < 600; i++) {
    const count = await page.evaluate((s) => document.querySelectorAll(s).length, selector);
    if (count > 0 && count === previous) return;
    previous = count;
    await page.waitForTimeout(250);
  }
}

/** Load `path` where the extension does not run and where it does; the difference is Begrip's. */
async function measureBegrip(harness: Harness, path: string) {
  const plain = await harness.context.newPage();
  const base = await traceBusy(plain, async () => {
    await plain.goto(`https://www.example.org${path}`, { timeout: 120_000 });
    await plain.waitForTimeout(1500);
  });
  const baseHeap = await heapMB(plain);
  const page = await harness.context.newPage();
  const busy = await traceBusy(page, async () => {
    await page.goto(`https://www.rijksoverheid.nl${path}`, { timeout: 120_000 });
    await settle(page, 'begrip-mark');
  });
  const heap = (await heapMB(page)) - baseHeap;
  const marks = await page.evaluate(() => document.querySelectorAll('begrip-mark').length);
  await page.close();
  return {
    // The page's own parsing and first layout happen before DOMContentLoaded on both loads.
    work: busy.afterContentLoaded - base.afterContentLoaded,
    evaluation: busy.evaluation,
    longest: busy.longestAfterLoad,
    baseLongest: base.longestAfterLoad,
    heap,
    marks,
    plain,
  };
}

async function measureMarkJs(plain: Page, keywords: string[]) {
  await plain.addScriptTag({ content: MARK_JS });
  let marks = 0;
  const busy = await traceBusy(plain, async () => {
    marks = await plain.evaluate((words) => {
      // @ts-expect-error mark.js is a global from the script tag
      new Mark(document.body).mark(words, {
        separateWordSearch: false,
        accuracy: 'exactly',
        diacritics: false,
      });
      void document.body.offsetHeight; // include the layout its marks cause
      return document.querySelectorAll('mark').length;
    }, keywords);
    await plain.waitForTimeout(300);
  });
  return { work: busy.total, marks };
}

async function measureFloor(plain: Page): Promise<number> {
  const busy = await traceBusy(plain, async () => {
    await plain.evaluate(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let tokens = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const _ of (node.nodeValue ?? '').matchAll(/[\p{L}\p{N}]+/gu)) tokens++;
      }
      return tokens;
    });
  });
  return busy.total;
}

/** The content script's size; the glossary data lives in the background and must not be in it. */
function bundleSizes() {
  const script = readFileSync('.output/chrome-mv3/content-scripts/content.js', 'utf8');
  const firstEntry = JSON.stringify((Object.values(DATA_FILES)[0] ?? [])[0]?.nl.definition ?? '').slice(
    1,
    40,
  );
  return {
    total: statSync('.output/chrome-mv3/content-scripts/content.js').size,
    hasData: script.includes(firstEntry),
  };
}

async function main() {
  const harness = await launch();
  const seed004 = readSeed('004_58c76a8e68136705.txt');
  const seed002 = readSeed('002_e3c0c53e0898a8e8.txt');
  const large = Array.from({ length: Math.ceil((5 * 1024 * 1024) / seed002.length) }, () => seed002).join(
    '\n\n',
  );
  harness.serve('/typical', { body: seedPage('Artikel 100-brief', seed004) });
  harness.serve('/large', { body: seedPage('Groot document', large) });
  const keywords = [...new Set(CURATED_ENTRIES.flatMap((e) => formsOf(e).map((f) => f.text)))];
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  const breakdown: string[] = [];

  console.log(`Chromium headless, production build; ${keywords.length} glossary forms for mark.js\n`);
  console.log(
    '| page | Begrip work | longest task after load: Begrip / page alone | extra heap | marks | mark.js work | mark.js marks | floor | Begrip ÷ floor | mark.js ÷ Begrip |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const [name, path] of [
    ['typical (seed 004, 22 kB)', '/typical'],
    ['5 MB text', '/large'],
  ] as const) {
    // Median of three for Begrip and the floor (page loads vary); mark.js once (it takes minutes).
    const runs: (Awaited<ReturnType<typeof measureBegrip>> & { floor: number })[] = [];
    for (let i = 0; i < 3; i++) {
      const run = await measureBegrip(harness, path);
      runs.push({ ...run, floor: await measureFloor(run.plain) });
      if (i < 2) await run.plain.close();
    }
    const median = (key: (r: (typeof runs)[number]) => number) =>
      [...runs].sort((a, b) => key(a) - key(b))[1] as (typeof runs)[number];
    const begrip = { ...median((r) => r.work), plain: (runs[2] as (typeof runs)[number]).plain };
    const floor = median((r) => r.floor).floor;
    begrip.longest = Math.max(...runs.map((r) => r.longest));
    const markJs = await measureMarkJs(begrip.plain, keywords);
    breakdown.push(`| ${name} | ${ms(begrip.work)} | ${ms(begrip.evaluation)} |`);
    console.log(
      `| ${name} | ${ms(begrip.work)} | ${ms(begrip.longest)} / ${ms(begrip.baseLongest)} | ${begrip.heap.toFixed(1)} MB | ${begrip.marks} | ${ms(markJs.work)} | ${markJs.marks} | ${ms(floor)} | ${(begrip.work / floor).toFixed(1)}× | ${(markJs.work / begrip.work).toFixed(0)}× |`,
    );
    await begrip.plain.close();
  }
  console.log("\nOf Begrip's work (same median load), evaluating content.js:\n");
  console.log('| page | work | content.js evaluation |');
  console.log('|---|---:|---:|');
  for (const line of breakdown) console.log(line);
  const size = bundleSizes();
  console.log(
    `\ncontent.js: ${(size.total / 1024).toFixed(1)} kB minified (${size.hasData ? 'WITH' : 'without'} the glossary data)`,
  );
  await harness.close();
}

await main();
