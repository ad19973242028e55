/**
 * `npm run bench`: matcher throughput, side by side in one run (issue 5).
 *   (a) the matcher with the curated glossary
 *   (b) the matcher with a synthetic 10,000-entry glossary (curated + generated entries)
 *   (c) the naive baseline: one RegExp per entry, run over a 1 MB slice
 *   (d) the floor: one pass of a Unicode word tokenizer over the same text
 *   (a0) baseline: the same matcher with the 0.1 glossary (127 entries, commit 0893a6a, read
 *        with git), so the effect of the larger glossary and the context rules shows in one run
 * (RegExp compile time is included in (c): that is what such a highlighter pays per page)
 * plus compile time and retained heap of each compiled matcher. Run with --expose-gc.
 * Figures go in BENCHMARKS.md; nothing here asserts timings.
 */
import { execFileSync } from 'node:child_process';
import { CURATED_ENTRIES } from '../glossary/data';
import { formsOf } from '../glossary/forms';
import { Matcher } from '../glossary/matcher';
import type { Entry, EntryInput } from '../glossary/schema';
import { upgradeEntry } from '../glossary/upgrade';
import { readSeed, seedFiles } from '../tests/fixtures/seeds';
import { syntheticGlossary } from '../tests/fixtures/synthetic';

const TARGET_BYTES = 10 * 1024 * 1024;
const NAIVE_SLICE = 1024 * 1024;
/** One RegExp per entry for 10,000 entries takes minutes per MB; a quarter MB gives the same MB/s. */
const NAIVE_BIG_SLICE = 256 * 1024;
const RUNS = 5;

function corpus(): string {
  const seeds = seedFiles().map(readSeed).join('\n\n');
  return seeds.repeat(Math.ceil(TARGET_BYTES / Buffer.byteLength(seeds)));
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** How most highlighters work: one regular expression per entry, scanned over the whole text. */
function naiveRegExps(entries: readonly Entry[]): RegExp[] {
  return entries.map((entry) => {
    const forms = formsOf(entry).map((f) => escapeRegExp(f.text).replace(/\s+/g, '\\s+'));
    return new RegExp(`(?<![\\p{L}\\p{N}])(?:${forms.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  });
}

function naiveCount(regexps: RegExp[], text: string): number {
  let count = 0;
  for (const regexp of regexps) for (const _ of text.matchAll(regexp)) count++;
  return count;
}

function tokenizerFloor(text: string): number {
  let count = 0;
  for (const _ of text.matchAll(/[\p{L}\p{N}]+/gu)) count++;
  return count;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** Median MB/s of `runs` runs of fn over text. */
function throughput(
  text: string,
  fn: (text: string) => number,
  runs = RUNS,
): { mbps: number; result: number } {
  const megabytes = Buffer.byteLength(text) / 1024 / 1024;
  let result = 0;
  const speeds: number[] = [];
  fn(text.slice(0, 100_000)); // warm up the JIT
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = fn(text);
    speeds.push(megabytes / ((performance.now() - start) / 1000));
  }
  return { mbps: median(speeds), result };
}

const BASELINE_COMMIT = '0893a6a';
const BASELINE_FILES = ['mission', 'organisation', 'role', 'legal-political', 'military', 'place', 'concept'];

/** The glossary as it was at BASELINE_COMMIT (before the term-base records), or null outside git. */
function baselineGlossary(): Entry[] | null {
  try {
    return BASELINE_FILES.flatMap((name) => {
      const json = execFileSync('git', ['show', `${BASELINE_COMMIT}:glossary/data/${name}.json`], {
        encoding: 'utf8',
      });
      return (JSON.parse(json) as unknown[]).map((raw) => {
        const entry = upgradeEntry(raw) as EntryInput;
        return {
          ...entry,
          forms: (entry.forms ?? []).map((form) => ({ ...form, status: form.status ?? 'admitted' })),
          context: [],
          related: entry.related ?? [],
          sources: [],
        } as Entry;
      });
    });
  } catch {
    return null;
  }
}

const gc = (globalThis as { gc?: () => void }).gc;
function compile(entries: readonly Entry[]): { matcher: Matcher; ms: number; heapMB: number } {
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const start = performance.now();
  const matcher = new Matcher(entries);
  const ms = performance.now() - start;
  gc?.();
  const heapMB = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
  return { matcher, ms, heapMB };
}

function main() {
  if (!gc) console.warn('(run with node --expose-gc for heap figures)');
  const text = corpus();
  const slice = text.slice(0, NAIVE_SLICE);
  const synthetic = syntheticGlossary(10_000);
  const real = compile(CURATED_ENTRIES);
  const big = compile(synthetic);

  const baseline = baselineGlossary();
  const old = baseline ? compile(baseline) : null;
  const floor = throughput(text, tokenizerFloor);
  const a0 = old ? throughput(text, (t) => old.matcher.match(t).length) : null;
  const a = throughput(text, (t) => real.matcher.match(t).length);
  const b = throughput(text, (t) => big.matcher.match(t).length);
  const naiveReal = throughput(slice, (t) => naiveCount(naiveRegExps(CURATED_ENTRIES), t), 3);
  const naiveBig = throughput(
    text.slice(0, NAIVE_BIG_SLICE),
    (t) => naiveCount(naiveRegExps(synthetic), t),
    1,
  );

  const mb = (Buffer.byteLength(text) / 1024 / 1024).toFixed(1);
  console.log(
    `Input: the ${seedFiles().length} seeds repeated to ${mb} MB (${floor.result.toLocaleString('en')} words); node ${process.version}\n`,
  );
  const rows: [string, string, string][] = [
    [
      '(d) floor: tokenizer /[\\p{L}\\p{N}]+/gu',
      floor.mbps.toFixed(1),
      `${floor.result.toLocaleString('en')} tokens`,
    ],
    ...(a0 && baseline
      ? [
          [
            `(a0) baseline: matcher, 0.1 glossary (${baseline.length} entries)`,
            a0.mbps.toFixed(1),
            `${a0.result.toLocaleString('en')} matches`,
          ] as [string, string, string],
        ]
      : []),
    [
      `(a) matcher, curated glossary (${CURATED_ENTRIES.length} entries)`,
      a.mbps.toFixed(1),
      `${a.result.toLocaleString('en')} matches`,
    ],
    [
      `(b) matcher, synthetic glossary (${synthetic.length.toLocaleString('en')} entries)`,
      b.mbps.toFixed(1),
      `${b.result.toLocaleString('en')} matches`,
    ],
    [
      '(c) naive RegExp per entry, curated (1 MB slice)',
      naiveReal.mbps.toFixed(2),
      `${naiveReal.result.toLocaleString('en')} matches`,
    ],
    [
      '(c) naive RegExp per entry, 10,000 entries (256 kB slice)',
      naiveBig.mbps.toFixed(3),
      `${naiveBig.result.toLocaleString('en')} matches`,
    ],
  ];
  console.log('| run | MB/s | result |\n|---|---:|---|');
  for (const [name, speed, result] of rows) console.log(`| ${name} | ${speed} | ${result} |`);
  console.log('\n| ratio | value | goal |\n|---|---:|---|');
  console.log(`| floor / (a) | ${(floor.mbps / a.mbps).toFixed(2)}× slower | ≤ 3× |`);
  if (a0) console.log(`| (a0) / (a) | ${(a0.mbps / a.mbps).toFixed(2)}× slower | flat in glossary size |`);
  console.log(`| (a) / (b) | ${(a.mbps / b.mbps).toFixed(2)}× slower | ≤ 1.5× |`);
  console.log(
    `| (b) / naive 10k | ${(b.mbps / naiveBig.mbps).toFixed(0)}× faster | ≥ 20× (for (a): ${(a.mbps / naiveBig.mbps).toFixed(0)}×) |`,
  );
  console.log('\n| compiled matcher | compile ms | retained heap MB |\n|---|---:|---:|');
  if (old && baseline)
    console.log(`| 0.1 glossary (${baseline.length}) | ${old.ms.toFixed(1)} | ${old.heapMB.toFixed(2)} |`);
  console.log(`| curated (${CURATED_ENTRIES.length}) | ${real.ms.toFixed(1)} | ${real.heapMB.toFixed(2)} |`);
  console.log(
    `| synthetic (${synthetic.length.toLocaleString('en')}) | ${big.ms.toFixed(1)} | ${big.heapMB.toFixed(2)} |`,
  );
}

main();
