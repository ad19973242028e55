/**
 * Reading Begrip's gloss in the e2e tests. The gloss renders into a closed shadow root, so the
 * tests read it the way only an extension can: through a test-only extension (tests/fixtures/
 * gloss-probe) that the harnesses load beside Begrip. A page cannot do this, which is the point.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface GlossState {
  open: boolean;
  mode: 'open' | 'closed' | null;
  text?: string;
  html?: string;
  placement?: string | null;
  box?: Box;
  focused?: boolean;
  role?: string | null;
  buttons?: { text: string; box: Box }[];
  scroll?: { client: number; height: number; overflow: string };
  /** The inline reading mode's notes: their words, language and the page text just before. */
  inline?: { text: string | null; lang: string | null; before: string }[];
  /** The elements inside the gloss that match the selector asked with. */
  matches?: { text: string; lang: string | null; box: Box }[];
}

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Write the probe extension for a browser into `dir`; returns its directory. */
export function writeGlossProbe(dir: string, browser: 'chromium' | 'firefox'): string {
  const out = join(dir, `gloss-probe-${browser}`);
  mkdirSync(out, { recursive: true });
  copyFileSync(resolve('tests/fixtures/gloss-probe/probe.js'), join(out, 'probe.js'));
  const contentScripts = [{ matches: ['https://*/*'], js: ['probe.js'], run_at: 'document_start' }];
  const manifest =
    browser === 'chromium'
      ? {
          manifest_version: 3,
          name: 'Begrip gloss probe (tests)',
          version: '1.0',
          content_scripts: contentScripts,
        }
      : {
          manifest_version: 2,
          name: 'Begrip gloss probe (tests)',
          version: '1.0',
          permissions: ['https://*/*'],
          content_scripts: contentScripts,
          browser_specific_settings: { gecko: { id: 'gloss-probe@begrip.invalid' } },
        };
  writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return out;
}

/** Runs in the page: ask the probe (with a selector to match inside the gloss), read its answer. */
export function askProbe(selector: string | null): GlossState {
  document.dispatchEvent(new CustomEvent('begrip-probe', { detail: selector }));
  const answer = document.documentElement.getAttribute('data-begrip-probe');
  document.documentElement.removeAttribute('data-begrip-probe');
  return answer ? (JSON.parse(answer) as GlossState) : { open: false, mode: null };
}

/** Anything with an `evaluate(fn, arg)`: a Playwright or a Puppeteer page. */
interface Evaluates {
  evaluate<R, A>(fn: (arg: A) => R, arg: A): Promise<R>;
}

export const glossState = (page: Evaluates, selector: string | null = null): Promise<GlossState> =>
  page.evaluate(askProbe, selector);

/** The inline reading mode's notes on the page, in document order. */
export const inlineNotes = async (page: Evaluates) => (await glossState(page)).inline ?? [];

/** The elements matching `selector` inside the open gloss. */
export const glossMatches = async (page: Evaluates, selector: string) =>
  (await glossState(page, selector)).matches ?? [];

/** The centre of the first button or link in the gloss whose text matches `name`. */
export async function glossButton(page: Evaluates, name: string | RegExp): Promise<{ x: number; y: number }> {
  const buttons = (await glossState(page)).buttons ?? [];
  const button = buttons.find((b) => (typeof name === 'string' ? b.text === name : name.test(b.text)));
  if (!button) throw new Error(`No button ${name} in the gloss: ${buttons.map((b) => b.text).join(', ')}`);
  return { x: button.box.left + button.box.width / 2, y: button.box.top + button.box.height / 2 };
}

/** The gloss's text, or '' while none is open. */
export const glossText = async (page: Evaluates): Promise<string> => (await glossState(page)).text ?? '';
