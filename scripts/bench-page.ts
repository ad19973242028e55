/**
 * `npm run bench:page`: the content script in real Chromium (issue 6), side by side in one run,
 * on a typical page (seed 004 as HTML) and on a 5 MB-text page:
 *   - Begrip: main-thread work it causes (script + style + layout + paint: the sum of the renderer
 *     main thread's tasks in a Chromium trace, minus the same page loaded where the extension does
 *     not run), its longest task after the load event, and the extra JS heap;
 *   - mark.js 8.11 marking the same glossary forms on the same page (where the extension is off);
 *   - the floor: one TreeWalker pass over every text node, tokenizing it once.
 * And what any highlighter that is a content script pays before its own code counts
 * (calibration, same run): an extension whose content script is empty, loaded beside Begrip;
 * on the typical page, showing the same matches, found elsewhere, as wrappers or with the CSS
 * Custom Highlight API (DOM, style, layout and paint only); on the 5 MB page, the longest task
 * after showing a single word, wrapped or highlighted.
 * Plus the content script's size without the glossary data. Figures go in BENCHMARKS.md.
 */
import { readFileSync, statSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { CURATED_ENTRIES, DATA_FILES } from '../glossary/data';
import { formsOf } from '../glossary/forms';
import { Matcher } from '../glossary/matcher';
import { type Harness, launch } from '../tests/e2e/harness';
import { seedPage } from '../tests/fixtures/seed-page';
import { readSeed } from '../tests/fixtures/seeds';
import { mainThreadTasks, recordTrace, type TraceEvent, threadOf } from './chromium-trace';
import { type ShowWay, showSpans, spansPerTextNode } from './in-page-marks';
import { unpackedExtension } from './unpacked-extension';

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

/** Waits until the terms shown (marks, and on very large pages highlighted ranges) stop changing. */
async function settle(page: Page): Promise<void> {
  let previous = -1;
  for (let i = 0; i < 600; i++) {
    const count = await page.evaluate(() => CSS.highlights.get('begrip')?.size ?? 0);
    if (count > 0 && count === previous) return;
    previous = count;
    await page.waitForTimeout(250);
  }
}

/** Pages under this path on www.example.org get the calibration extension's empty content script. */
const CALIBRATION_PATH = '/calibration';

/**
 * An unpacked extension that is only an empty content script, on CALIBRATION_PATH pages: what
 * Chromium charges for any content script (an isolated world, the injection) before its code.
 */
function emptyContentScriptExtension(): string {
  return unpackedExtension(
    'Calibration: an empty content script',
    {
      content_scripts: [
        {
          matches: [`https://www.example.org${CALIBRATION_PATH}/*`],
          js: ['empty.js'],
          run_at: 'document_idle',
        },
      ],
    },
    { 'empty.js': 'void 0;\n' },
  );
}

/**
 * Load `path` where no extension runs, then `url` (the same page where one does) until `done`;
 * the difference in main-thread work after DOMContentLoaded is the extension's.
 */
async function measureLoad(harness: Harness, path: string, url: string, done: (page: Page) => Promise<void>) {
  const plain = await harness.context.newPage();
  const base = await traceBusy(plain, async () => {
    await plain.goto(`https://www.example.org${path}`, { timeout: 120_000 });
    await plain.waitForTimeout(1500);
  });
  const baseHeap = await heapMB(plain);
  const page = await harness.context.newPage();
  const busy = await traceBusy(page, async () => {
    await page.goto(url, { timeout: 120_000 });
    await done(page);
  });
  const heap = (await heapMB(page)) - baseHeap;
  const marks = await page.evaluate(() => CSS.highlights.get('begrip')?.size ?? 0);
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

const measureBegrip = (harness: Harness, path: string) =>
  measureLoad(harness, path, `https://www.rijksoverheid.nl${path}`, (page) => settle(page));

const measureEmptyScript = (harness: Harness, path: string) =>
  measureLoad(harness, path, `https://www.example.org${CALIBRATION_PATH}${path}`, (page) =>
    page.waitForTimeout(1500),
  );

/** Showing the matcher's matches, found outside the page, one way: DOM, style, layout and paint only. */
async function measureShowing(
  harness: Harness,
  path: string,
  matcher: Matcher,
  way: ShowWay,
): Promise<number> {
  const page = await harness.context.newPage();
  await page.goto(`https://www.example.org${path}`);
  await page.waitForTimeout(500);
  const spans = await spansPerTextNode(page, matcher);
  const busy = await traceBusy(page, async () => {
    await page.evaluate(showSpans, [spans, way] as [number[][][], ShowWay]);
    await page.waitForTimeout(400);
  });
  await page.close();
  return busy.total;
}

/**
 * The longest task after showing one word of the first paragraph that still starts with text,
 * `way`: wrapped in an element, or as a range of a CSS Custom Highlight (no DOM change).
 */
async function measureOneChange(plain: Page, way: ShowWay): Promise<number> {
  const busy = await traceBusy(plain, async () => {
    await plain.evaluate((how) => {
      const text = [...document.querySelectorAll('p')]
        .map((p) => p.firstChild)
        .find(
          (node): node is Text =>
            node instanceof Text && node.data.length > 20 && !node.parentElement?.dataset.shown,
        );
      if (!text) throw new Error('no paragraph text');
      (text.parentElement as HTMLElement).dataset.shown = 'yes';
      const end = Math.max(1, text.data.indexOf(' '));
      if (how === 'highlight') {
        const range = new StaticRange({
          startContainer: text,
          startOffset: 0,
          endContainer: text,
          endOffset: end,
        });
        const highlight = CSS.highlights.get('one') ?? new Highlight();
        highlight.add(range);
        CSS.highlights.set('one', highlight);
        return;
      }
      text.splitText(end);
      const mark = document.createElement('begrip-mark');
      text.replaceWith(mark);
      mark.append(text);
    }, way);
    await plain.waitForTimeout(500);
  });
  return busy.longestAfterLoad;
}

async function measureMarkJs(plain: Page, keywords: string[]) {
  await plain.addScriptTag({ content: MARK_JS });
  let marks = 0;
  const busy = await traceBusy(plain, async () => {
    marks = await plain.evaluate((words) => {
      // mark.js recurses per keyword: with the 500-entry glossary's ~2,500 forms in one call V8
      // runs out of stack, so the forms go in batches of 200 (the same work, in one task).
      for (let i = 0; i < words.length; i += 200) {
        // @ts-expect-error mark.js is a global from the script tag
        new Mark(document.body).mark(words.slice(i, i + 200), {
          separateWordSearch: false,
          accuracy: 'exactly',
          diacritics: false,
        });
      }
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

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

const ms = (value: number) => `${value.toFixed(0)} ms`;

interface PageFigures {
  /** A row of the main table, of the breakdown and of the calibration table. */
  row: string;
  breakdown: string;
  calibration: string;
}

/**
 * Begrip, the floor and the empty content script over `loads` loads of `path` (medians: loads
 * vary a lot on a shared machine), mark.js once (it takes minutes on the large page), then the
 * page's calibration.
 */
async function benchPage(
  harness: Harness,
  matcher: Matcher,
  keywords: string[],
  [name, path, loads]: readonly [string, string, number],
): Promise<PageFigures> {
  const runs: (Awaited<ReturnType<typeof measureBegrip>> & { floor: number; empty: number })[] = [];
  for (let i = 0; i < loads; i++) {
    const run = await measureBegrip(harness, path);
    const floor = await measureFloor(run.plain);
    const empty = await measureEmptyScript(harness, path);
    await empty.plain.close();
    runs.push({ ...run, floor, empty: empty.work });
    if (i < loads - 1) await run.plain.close();
  }
  const begrip = [...runs].sort((a, b) => a.work - b.work)[Math.floor(loads / 2)] as (typeof runs)[number];
  const plain = (runs.at(-1) as (typeof runs)[number]).plain;
  const floor = median(runs.map((r) => r.floor));
  const empty = median(runs.map((r) => r.empty));
  const longest = Math.max(...runs.map((r) => r.longest));
  // mark.js takes over a quarter of an hour on the 5 MB page with the 500-entry glossary
  // (1,058 s on 2026-11-30): BENCH_MARKJS=typical measures it on the typical page only.
  const skipMarkJs = ONLY_TYPICAL || (process.env.BENCH_MARKJS === 'typical' && path !== '/typical');
  const markJs = skipMarkJs ? { work: Number.NaN, marks: 0 } : await measureMarkJs(plain, keywords);
  await plain.close();
  const showing = ONLY_TYPICAL
    ? { text: '', least: null }
    : path === '/typical'
      ? await showingCost(harness, path, matcher)
      : await oneChangeCost(harness, path);
  const ratio = (begrip.work / floor).toFixed(1);
  return {
    row: `| ${name} | ${ms(begrip.work)} | ${ms(longest)} / ${ms(begrip.baseLongest)} | ${begrip.heap.toFixed(1)} MB | ${begrip.marks} | ${ms(markJs.work)} | ${markJs.marks} | ${ms(floor)} | ${ratio}× | ${(markJs.work / begrip.work).toFixed(0)}× |`,
    breakdown: `| ${name} | ${ms(begrip.work)} | ${ms(begrip.evaluation)} |`,
    calibration: `| ${name} | ${ms(floor)} | ${ms(empty)} | ${showing.text} | ${showing.least === null ? '' : `${((empty + showing.least) / floor).toFixed(1)}×`} | ${ratio}× |`,
  };
}

/** Typical page: showing the matches as wrappers and as highlights (median of 3 each). */
async function showingCost(harness: Harness, path: string, matcher: Matcher) {
  const wrappers = median(await sequence(3, () => measureShowing(harness, path, matcher, 'wrappers')));
  const highlights = median(await sequence(3, () => measureShowing(harness, path, matcher, 'highlight')));
  return {
    text: `the matches: wrappers ${ms(wrappers)}, Highlight API ${ms(highlights)}`,
    least: Math.min(wrappers, highlights),
  };
}

/** 5 MB page: the task after one wrapped or one highlighted word (median of 3 each). */
async function oneChangeCost(harness: Harness, path: string) {
  const page = await harness.context.newPage();
  await page.goto(`https://www.example.org${path}`, { timeout: 120_000 });
  await page.waitForTimeout(1500);
  const wrapped = median(await sequence(3, () => measureOneChange(page, 'wrappers')));
  const highlighted = median(await sequence(3, () => measureOneChange(page, 'highlight')));
  await page.close();
  return {
    text: `longest task after one word: wrapped ${ms(wrapped)}, highlighted ${ms(highlighted)}`,
    least: null,
  };
}

/** Serves the typical and the 5 MB page, each also under CALIBRATION_PATH. */
function servePages(harness: Harness): void {
  const seed002 = readSeed('002_e3c0c53e0898a8e8.txt');
  const large = Array.from({ length: Math.ceil((5 * 1024 * 1024) / seed002.length) }, () => seed002).join(
    '\n\n',
  );
  for (const [path, body] of [
    ['/typical', seedPage('Artikel 100-brief', readSeed('004_58c76a8e68136705.txt'))],
    ['/large', seedPage('Groot document', large)],
  ] as const) {
    harness.serve(path, { body });
    harness.serve(`${CALIBRATION_PATH}${path}`, { body });
  }
}

function printTable(intro: string, header: string[], alignments: string, rows: string[]): void {
  console.log(`\n${intro}\n`);
  console.log(`| ${header.join(' | ')} |`);
  console.log(alignments);
  for (const row of rows) console.log(row);
}

/** BENCH_PAGE_ONLY=typical: Begrip's row for the typical page only (to compare two builds). */
const ONLY_TYPICAL = process.env.BENCH_PAGE_ONLY === 'typical';

async function main() {
  const harness = await launch({ extensions: [emptyContentScriptExtension()] });
  servePages(harness);
  // BENCH_PAGE_ONLY=inline: only the inline reading mode's cost (a few minutes less).
  if (process.env.BENCH_PAGE_ONLY === 'inline') {
    await inlineModeCost(harness);
    await harness.close();
    return;
  }
  const keywords = [...new Set(CURATED_ENTRIES.flatMap((e) => formsOf(e).map((f) => f.text)))];
  const matcher = new Matcher(CURATED_ENTRIES);
  const figures: PageFigures[] = [];
  const pages = [
    ['typical (seed 004, 22 kB)', '/typical', 7],
    ['5 MB text', '/large', 3],
  ] as const;
  for (const page of ONLY_TYPICAL ? pages.slice(0, 1) : pages) {
    figures.push(await benchPage(harness, matcher, keywords, page));
  }
  printTable(
    `Chromium headless, production build; ${keywords.length} glossary forms for mark.js`,
    [
      'page',
      'Begrip work',
      'longest task after load: Begrip / page alone',
      'extra heap',
      'terms shown (marks + highlighted)',
      'mark.js work',
      'mark.js marks',
      'floor',
      'Begrip ÷ floor',
      'mark.js ÷ Begrip',
    ],
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    figures.map((f) => f.row),
  );
  if (ONLY_TYPICAL) {
    await harness.close();
    return;
  }
  printTable(
    "Of Begrip's work (the median load), evaluating content.js:",
    ['page', 'work', 'content.js evaluation'],
    '|---|---:|---:|',
    figures.map((f) => f.breakdown),
  );
  printTable(
    'What a highlighter pays before its own code (medians, same run): an empty content script, and showing matches found elsewhere (typical) or one DOM change (5 MB):',
    [
      'page',
      'floor',
      'empty content script',
      'showing them, matches given',
      'script + cheaper way ÷ floor',
      'Begrip ÷ floor',
    ],
    '|---|---:|---:|---|---:|---:|',
    figures.map((f) => f.calibration),
  );
  await inlineModeCost(harness);
  const size = bundleSizes();
  console.log(
    `\ncontent.js: ${(size.total / 1024).toFixed(1)} kB minified (${size.hasData ? 'WITH' : 'without'} the glossary data)`,
  );
  await harness.close();
}

/** Switch the inline reading mode on or off for the government site, from the options page. */
async function setInlineSites(harness: Harness, sites: string[]): Promise<void> {
  const options = await harness.context.newPage();
  await options.goto(`chrome-extension://${harness.extensionId}/options.html`);
  await options.evaluate(
    (list) =>
      (globalThis as unknown as { chrome: typeof import('webextension-polyfill') }).chrome.storage.sync.set({
        inlineSites: list,
      }),
    sites,
  );
  await options.close();
}

/** Until the terms and the inline notes stop changing. */
async function settleWithNotes(page: Page): Promise<void> {
  await settle(page);
  let previous = -1;
  for (let i = 0; i < 200; i++) {
    const notes = await page.evaluate(() => document.getElementsByTagName('begrip-inline').length);
    if (notes > 0 && notes === previous) return;
    previous = notes;
    await page.waitForTimeout(250);
  }
}

/**
 * Issue 17: the inline reading mode on the typical page against Begrip without it (goal: at most
 * 2×), loads alternating off / on, medians.
 */
async function inlineModeCost(harness: Harness): Promise<void> {
  const LOADS = 5;
  const off: number[] = [];
  const on: number[] = [];
  let notes = 0;
  for (let i = 0; i < LOADS; i++) {
    await setInlineSites(harness, []);
    const without = await measureBegrip(harness, '/typical');
    await without.plain.close();
    off.push(without.work);
    await setInlineSites(harness, ['rijksoverheid.nl']);
    const withNotes = await measureLoad(
      harness,
      '/typical',
      'https://www.rijksoverheid.nl/typical',
      async (page) => {
        await settleWithNotes(page);
        notes = await page.evaluate(() => document.getElementsByTagName('begrip-inline').length);
      },
    );
    await withNotes.plain.close();
    on.push(withNotes.work);
  }
  await setInlineSites(harness, []);
  printTable(
    `Inline reading mode on the typical page (${LOADS} loads each, alternating; medians):`,
    ['Begrip without', 'Begrip with inline notes', 'notes written', 'with ÷ without'],
    '|---:|---:|---:|---:|',
    [`| ${ms(median(off))} | ${ms(median(on))} | ${notes} | ${(median(on) / median(off)).toFixed(2)}× |`],
  );
}

/** `count` results of `measure`, one after another (never in parallel: they would disturb each other). */
async function sequence(count: number, measure: () => Promise<number>): Promise<number[]> {
  const results: number[] = [];
  for (let i = 0; i < count; i++) results.push(await measure());
  return results;
}

await main();
