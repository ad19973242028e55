/**
 * The pages of `npm run bench:stress` (scripts/bench-stress.ts), built from the seeds
 * (../shared/seeds), and what the matcher finds in their text: the audit of 2026-11-30's stalls
 * (E7a–E7d, E9) as pages. Every builder is bounded by its arguments.
 */
import { findDefinitions } from '../glossary/abbreviations';
import { createAnnotator } from '../glossary/annotate';
import type { Matcher } from '../glossary/matcher';
import { readSeed, seedFiles } from '../tests/fixtures/seeds';
import { random } from '../tests/fixtures/synthetic';

export const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const htmlPage = (title: string, body: string, head = '') =>
  `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>${head}</head><body>${body}</body></html>`;

/** Long tasks of the page (PerformanceObserver, ≥ 50 ms) in `__long` as [start, duration]. */
export const LONG_TASKS = `<script>
window.__long = [];
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__long.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
} catch {}
</script>`;

/**
 * A 10 ms heartbeat: every gap over 50 ms between its ticks in `__gaps` as [start, length];
 * `__heartbeatFrom()` starts it afresh (a page that builds its content in a script calls it after).
 */
export const HEARTBEAT = `<script>
window.__gaps = [];
{
  let last = performance.now();
  window.__heartbeatFrom = () => {
    last = performance.now();
  };
  setInterval(() => {
    const now = performance.now();
    if (now - last > 50) window.__gaps.push([last, now - last]);
    last = now;
  }, 10);
}
</script>`;

/** Every non-empty line of every seed, trimmed, in file order. */
export function seedLines(): string[] {
  return seedFiles().flatMap((name) =>
    readSeed(name)
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.length > 0),
  );
}

/**
 * How many terms the matcher finds in `blocks`, as tests/e2e/page-checks.ts counts them: one
 * annotator for the whole text (the page's own acronym definitions), then block by block.
 */
export function expectedTerms(matcher: Matcher, blocks: readonly string[]): number {
  const annotator = createAnnotator(matcher, blocks.join('\n'));
  return blocks.reduce((sum, block) => sum + annotator.annotate(block).length, 0);
}

/** Seed lines, repeated until their text is at least `chars` long. */
export function transcriptLines(chars: number): string[] {
  const source = seedLines();
  const lines: string[] = [];
  for (let size = 0, i = 0; size < chars; i++) {
    const line = source[i % source.length] as string;
    lines.push(line);
    size += line.length;
  }
  return lines;
}

export const TRANSCRIPT_HEADING = 'Verslag commissiedebat';

/** One <div> of <br>-separated lines: one block, one text run of the content script. */
export const transcriptBody = (lines: readonly string[]) =>
  `<h1>${TRANSCRIPT_HEADING}</h1><div id="transcript">${lines.map(escapeHtml).join('<br>')}</div>`;

/** Short phrases from the seeds around a glossary term (a feed's items), each with at least one term. */
export function termSnippets(matcher: Matcher, count: number, maxLength = 60): string[] {
  const snippets = new Set<string>();
  for (const line of seedLines()) {
    for (const match of matcher.match(line)) {
      const from = match.start > 14 ? line.lastIndexOf(' ', match.start - 14) + 1 : 0;
      const space = line.indexOf(' ', match.end + 14);
      const snippet = line.slice(from, space < 0 ? line.length : space).trim();
      if (snippet.length <= maxLength && matcher.match(snippet).length > 0) snippets.add(snippet);
      if (snippets.size >= count) return [...snippets];
    }
  }
  return [...snippets];
}

/**
 * A page that appends `perFrame` <p> (the snippets in turn), one by one, in every animation frame
 * for `ms` once `__startStorm()` is called; it resolves with the frames and paragraphs.
 */
export function stormPage(
  intro: readonly string[],
  snippets: readonly string[],
  perFrame: number,
  ms: number,
) {
  const body = `<main><h1>Liveblog: de missies in Irak</h1><div id="feed">${intro
    .map((text) => `<p>${escapeHtml(text)}</p>`)
    .join('')}</div></main>
<script>
window.__startStorm = () => new Promise((done) => {
  const texts = ${JSON.stringify(snippets).replace(/</g, '\\u003c')};
  const feed = document.getElementById('feed');
  const start = performance.now();
  let frames = 0;
  let added = 0;
  const tick = () => {
    for (let i = 0; i < ${perFrame}; i++) {
      const p = document.createElement('p');
      p.textContent = texts[added % texts.length];
      added++;
      feed.append(p);
    }
    frames++;
    const now = performance.now();
    if (now - start < ${ms}) requestAnimationFrame(tick);
    // The next frame begins once the page has laid out and painted the last additions: the
    // storm's own tail, which the page takes with or without Begrip.
    else requestAnimationFrame(() => done({ frames, added, start, end: now, settled: performance.now() }));
  };
  requestAnimationFrame(tick);
});
</script>`;
  return htmlPage('Liveblog', body, `${LONG_TASKS}${HEARTBEAT}`);
}

const LETTERS = 'ABCDEFGHIJKLMNOPRSTVWZ';
const VOWELS = 'aeiou';
const CONSONANTS = 'bdfgklmnprstvz';

/**
 * `count` invented acronyms the page defines itself ("Zorro Quux Baz (ZQB)", audit E9), none of
 * them a glossary term, each recognised as a definition by the same code the background uses.
 */
export function inventedDefinitions(
  matcher: Matcher,
  count: number,
): { acronym: string; expansion: string }[] {
  const next = random(2026);
  const pick = (from: string) => from[Math.floor(next() * from.length)] as string;
  const found: { acronym: string; expansion: string }[] = [];
  const seen = new Set<string>();
  for (let attempt = 0; attempt < count * 20 && found.length < count; attempt++) {
    const acronym = pick(LETTERS) + pick(LETTERS) + pick(LETTERS);
    if (seen.has(acronym)) continue;
    seen.add(acronym);
    const expansion = [...acronym]
      .map((letter) => letter + pick(VOWELS) + pick(CONSONANTS) + pick(CONSONANTS) + pick(VOWELS))
      .join(' ');
    const text = `${expansion} (${acronym}).`;
    const definitions = findDefinitions(text);
    if (matcher.match(text).length > 0 || definitions[0]?.acronym !== acronym) continue;
    found.push({ acronym, expansion });
  }
  return found;
}

/**
 * One block of `chars` characters: each invented acronym defined once, then used with a glossary
 * term ("NMI ZQB NMI ZQB …"), as in audit E9 (the glossary's matches against the page's own).
 */
export function definitionsText(
  definitions: readonly { acronym: string; expansion: string }[],
  chars: number,
) {
  const perDefinition = Math.ceil(chars / Math.max(1, definitions.length));
  return definitions
    .map(({ acronym, expansion }) => {
      const head = `${expansion} (${acronym}). `;
      const use = `NMI ${acronym} `;
      return head + use.repeat(Math.max(1, Math.floor((perDefinition - head.length) / use.length)));
    })
    .join('');
}

/** Short words of the seeds that are no glossary term (fillers for the million-text-node pages). */
export function fillerWords(matcher: Matcher, count = 40): string[] {
  const words = new Set<string>();
  for (const line of seedLines()) {
    for (const word of line.split(/\s+/)) {
      if (/^\p{Ll}{2,4}$/u.test(word) && matcher.match(word).length === 0) words.add(word);
      if (words.size >= count) return [...words];
    }
  }
  return [...words];
}

/**
 * A million text nodes built by the page's own script (audit E7a, E7d): `blocks` <p> (or one
 * <div> when 1) of <span> words each followed by a space text node; every `termEvery`-th word is
 * "NMI". `__built` is when the page finished building them; the heartbeat counts from then, so
 * the page's own first style, layout and paint of them count as the page's (with or without
 * Begrip); `__painted` is when that first frame was done.
 */
export function textNodesPage(
  words: readonly string[],
  blocks: number,
  spansPerBlock: number,
  termEvery: number,
) {
  const body = `<h1>Tekstknopen</h1><div id="root"></div>
<script>
{
  const words = ${JSON.stringify(words)};
  const root = document.getElementById('root');
  const fragment = document.createDocumentFragment();
  let n = 0;
  for (let b = 0; b < ${blocks}; b++) {
    const block = ${blocks} === 1 ? fragment : document.createElement('p');
    for (let i = 0; i < ${spansPerBlock}; i++, n++) {
      const span = document.createElement('span');
      span.textContent = n % ${termEvery} === 0 ? 'NMI' : words[n % words.length];
      block.append(span, ' ');
    }
    if (block !== fragment) fragment.append(block);
  }
  root.append(fragment);
  window.__built = performance.now();
  window.__heartbeatFrom();
  requestAnimationFrame(() => setTimeout(() => { window.__painted = performance.now(); }, 0));
}
</script>`;
  return htmlPage('Tekstknopen', body, `${LONG_TASKS}${HEARTBEAT}`);
}

/** The text of each block of textNodesPage as the content script reads it (words and spaces). */
export function textNodesBlocks(
  words: readonly string[],
  blocks: number,
  spansPerBlock: number,
  termEvery: number,
) {
  const texts: string[] = [];
  let n = 0;
  for (let b = 0; b < blocks; b++) {
    const parts: string[] = [];
    for (let i = 0; i < spansPerBlock; i++, n++)
      parts.push(n % termEvery === 0 ? 'NMI' : (words[n % words.length] as string));
    texts.push(`${parts.join(' ')} `);
  }
  return texts;
}
