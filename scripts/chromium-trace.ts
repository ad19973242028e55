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

interface ProfileNode {
  id: number;
  callFrame: { url: string };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a page's main thread spent its time while `action` ran, from V8's sampling profiler (ms). */
export interface ScriptTime {
  /** In functions of `scriptUrl`, and in what they called (DOM, messaging, other scripts). */
  script: number;
  /** Garbage collection, whoever allocated. */
  gc: number;
}

/**
 * Time spent under the functions of scripts whose URL starts with `scriptUrl` (an extension's
 * content scripts run in the page's isolated world, on the page's main thread), by sampling.
 */
export async function profileScript(
  page: Page,
  scriptUrl: string,
  action: () => Promise<void>,
): Promise<ScriptTime> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await action();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  await cdp.detach();
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const underScript = new Map<number, boolean>();
  const isUnderScript = (id: number): boolean => {
    const known = underScript.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    const up = parent.get(id);
    const result =
      !!node && (node.callFrame.url.startsWith(scriptUrl) || (up !== undefined && isUnderScript(up)));
    underScript.set(id, result);
    return result;
  };
  const gcNode = profile.nodes.find(
    (node) => (node.callFrame as { functionName?: string }).functionName === '(garbage collector)',
  );
  let script = 0;
  let gc = 0;
  profile.samples.forEach((id, index) => {
    const ms = (profile.timeDeltas[index + 1] ?? 0) / 1000;
    if (id === gcNode?.id) gc += ms;
    else if (isUnderScript(id)) script += ms;
  });
  return { script, gc };
}
