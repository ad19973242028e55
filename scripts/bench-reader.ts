/**
 * `npm run bench:reader` (issue 8): a 200-page PDF (seed 002 repeated, made with pdf-lib) in the
 * reader, production build in Chromium. Reports the time to the first glossed page, to the complete
 * term list, the longest main-thread task meanwhile (from a Chromium trace), and how many pages
 * were rendered (lazy rendering: only those near the viewport).
 */

import { launch } from '../tests/e2e/harness';
import { seedPdf } from '../tests/fixtures/seed-pdf';
import { readSeed } from '../tests/fixtures/seeds';
import { mainThreadTasks, recordTrace } from './chromium-trace';

async function main() {
  const seed = readSeed('002_e3c0c53e0898a8e8.txt');
  let text = '';
  while (text.split('\n').length < 200 * 60) text += `${seed}\n`;
  const pdf = await seedPdf(text);
  const harness = await launch();
  harness.serve('/documenten/groot.pdf', { body: pdf, contentType: 'application/pdf' });
  const page = await harness.context.newPage();
  const url = `chrome-extension://${harness.extensionId}/reader.html?url=${encodeURIComponent('https://www.rijksoverheid.nl/documenten/groot.pdf')}`;
  let firstMarks = 0;
  let termList = 0;
  let pages = 0;
  let rendered = 0;
  const events = await recordTrace(page, async () => {
    const start = Date.now();
    await page.goto(url);
    await page.locator('.textLayer begrip-mark').first().waitFor({ timeout: 120_000 });
    firstMarks = Date.now() - start;
    await page.locator('.page-term').first().waitFor({ timeout: 300_000 });
    termList = Date.now() - start;
    pages = await page.locator('.page').count();
    rendered = await page.locator('.page[data-rendered="true"]').count();
  });
  const { tasks: mainTasks } = mainThreadTasks(events);
  const longest = Math.max(...mainTasks.map((t) => t.dur ?? 0)) / 1000;
  if (process.env.BENCH_DEBUG) {
    for (const task of [...mainTasks].sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0)).slice(0, 3)) {
      const inside = events.filter(
        (e) =>
          e.ph === 'X' &&
          e.pid === task.pid &&
          e.tid === task.tid &&
          e !== task &&
          e.ts >= task.ts &&
          e.ts + (e.dur ?? 0) <= task.ts + (task.dur ?? 0) &&
          (e.dur ?? 0) > 5000,
      );
      console.error(
        `task ${((task.dur ?? 0) / 1000).toFixed(0)} ms:`,
        inside.map((e) => `${e.name} ${((e.dur ?? 0) / 1000).toFixed(0)}`).join(', '),
      );
    }
  }
  console.log(
    '| document | first glossed page | complete term list | longest main-thread task | pages rendered |',
  );
  console.log('|---|---:|---:|---:|---:|');
  console.log(
    `| ${pages} pages (seed 002 repeated) | ${firstMarks} ms | ${termList} ms | ${longest.toFixed(0)} ms | ${rendered} of ${pages} |`,
  );
  await harness.close();
}

await main();
