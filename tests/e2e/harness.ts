/**
 * End-to-end harness: the production Chrome build in Debian's Chromium, on fixture pages served
 * over HTTPS from 127.0.0.1 under the real government host names (see ../shared/STACK.md), so the
 * content script runs with its production `matches`. Fails loudly when the extension does not load.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { writeGlossProbe } from './gloss-probe';
import type { Evaluate } from './page-checks';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');
export const SCREENSHOT_DIR = resolve('screenshots');
export const HOSTS = ['www.rijksoverheid.nl', 'www.tweedekamer.nl', 'www.example.org'];

export interface Fixture {
  body: string | Uint8Array;
  headers?: Record<string, string>;
  contentType?: string;
}

export interface Harness {
  context: BrowserContext;
  extensionId: string;
  /** Network requests seen by the browser (URL), for the privacy checks. */
  requests: string[];
  /** Console errors and uncaught exceptions of pages opened with `open`, as "url: text". */
  errors: string[];
  serve(path: string, fixture: Fixture): void;
  open(url: string): Promise<Page>;
  /** The popup page in a background tab, so that `page` stays the active tab it describes. */
  openPopupBehind(page: Page): Promise<Page>;
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

/** A self-signed certificate for HOSTS, written to `dir`. */
export function makeCertificate(dir: string): { key: Buffer; cert: Buffer } {
  const keyPath = join(dir, 'key.pem');
  const certPath = join(dir, 'cert.pem');
  const altNames = HOSTS.map((host) => `DNS:${host}`).join(',');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=www.rijksoverheid.nl',
      '-addext',
      `subjectAltName=${altNames}`,
      '-keyout',
      keyPath,
      '-out',
      certPath,
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(keyPath), cert: readFileSync(certPath) };
}

/** An HTTPS server on 127.0.0.1 (a free port) that answers with `fixtures` by path, else 404. */
export function startServer(
  tls: { key: Buffer; cert: Buffer },
  fixtures: Map<string, Fixture>,
): Promise<Server> {
  const server = createServer(tls, (request, response) => {
    const url = new URL(request.url ?? '/', `https://${request.headers.host}`);
    const fixture = fixtures.get(url.pathname);
    if (!fixture) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, {
      'content-type': fixture.contentType ?? 'text/html; charset=utf-8',
      ...fixture.headers,
    });
    response.end(fixture.body);
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

export interface LaunchOptions {
  /** More unpacked extensions to load beside Begrip (benchmarks use one for calibration). */
  extensions?: string[];
  /** More Chromium switches (the store screenshots use `--lang=nl` for a Dutch browser). */
  args?: string[];
}

/** A Playwright page's evaluate as page-checks.ts and page-terms.ts take it (plain data in and out). */
export const inPage =
  (page: Page): Evaluate =>
  (fn, arg) =>
    page.evaluate(fn as never, arg as never);

export async function launch(options: LaunchOptions = {}): Promise<Harness> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No extension build in ${EXTENSION_DIR}: run "npm run build" first.`);
  }
  const workDir = mkdtempSync(join(tmpdir(), 'begrip-e2e-'));
  // Browsers ask every host for a favicon; an empty one keeps 404s out of the console checks.
  const fixtures = new Map<string, Fixture>([['/favicon.ico', { body: '', contentType: 'image/x-icon' }]]);
  const server = await startServer(makeCertificate(workDir), fixtures);
  const port = (server.address() as AddressInfo).port;
  const mapped = HOSTS.map((host) => `MAP ${host} 127.0.0.1:${port}`).join(', ');
  // The gloss probe reads Begrip's closed gloss for the tests (gloss-probe.ts).
  const probe = writeGlossProbe(workDir, 'chromium');
  const extensions = [EXTENSION_DIR, probe, ...(options.extensions ?? [])].join(',');
  const context = await chromium.launchPersistentContext(join(workDir, 'profile'), {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    ignoreHTTPSErrors: true,
    args: [
      `--disable-extensions-except=${extensions}`,
      `--load-extension=${extensions}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--ignore-certificate-errors',
      `--host-resolver-rules=${mapped}, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1`,
      ...(options.args ?? []),
    ],
  });
  const requests: string[] = [];
  const errors: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const worker =
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker', { timeout: 15_000 }).catch(() => undefined));
  if (!worker) {
    await context.close();
    throw new Error('The extension did not load: no service worker appeared within 15 s.');
  }
  const extensionId = new URL(worker.url()).host;
  mkdirSync(SCREENSHOT_DIR, { recursive: true });

  return {
    context,
    extensionId,
    requests,
    errors,
    serve: (path, fixture) => fixtures.set(path, fixture),
    async open(url) {
      const page = await context.newPage();
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
      await page.goto(url);
      return page;
    },
    async openPopupBehind(page) {
      const extensionPage = `chrome-extension://${extensionId}`;
      const settings = await context.newPage();
      await settings.goto(`${extensionPage}/options.html`);
      await page.bringToFront();
      const created = context.waitForEvent('page');
      await settings.evaluate(
        (url) =>
          (globalThis as unknown as { chrome: typeof import('webextension-polyfill') }).chrome.tabs.create({
            url,
            active: false,
          }),
        `${extensionPage}/popup.html`,
      );
      const popup = await created;
      await settings.close();
      await popup.waitForLoadState();
      return popup;
    },
    async screenshot(page, name) {
      const path = join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path, fullPage: false });
      return path;
    },
    async close() {
      await context.close();
      await new Promise((done) => server.close(done));
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}
