/** Recording a Chromium trace of a page with Playwright, and finding its main thread's tasks. */
import type { Page } from 'playwright-core';

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/** The trace events (devtools.timeline) recorded while `action` runs. */
export async function recordTrace(page: Page, action: () => Promise<void>): Promise<TraceEvent[]> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (data) => {
    for (const event of data.value as unknown as TraceEvent[]) events.push(event);
  });
  await cdp.send('Tracing.start', {
    // `renderer` shows Chrome's own page-text capture (for translation), which benchmarks set apart.
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,renderer',
    transferMode: 'ReportEvents',
  });
  await action();
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  return events;
}

export const threadOf = (event: TraceEvent) => `${event.pid}:${event.tid}`;

/** Top-level tasks of the page's renderer main thread: the CrRendererMain that ran the most. */
export function mainThreadTasks(events: TraceEvent[]): { main: string | undefined; tasks: TraceEvent[] } {
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask');
  const perThread = new Map<string, number>();
  for (const task of tasks)
    perThread.set(threadOf(task), (perThread.get(threadOf(task)) ?? 0) + (task.dur ?? 0));
  const names = new Map(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => [threadOf(e), e.args?.name]),
  );
  const main = [...perThread]
    .filter(([thread]) => names.get(thread) === 'CrRendererMain')
    .sort((a, b) => b[1] - a[1])[0]?.[0];
  return { main, tasks: tasks.filter((task) => threadOf(task) === main) };
}
