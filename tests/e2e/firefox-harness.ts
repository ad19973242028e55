/**
 * End-to-end harness for Firefox: the Firefox build (MV2, `.output/firefox-mv2`) in Debian's
 * Firefox ESR, driven over WebDriver BiDi by puppeteer-core. (Playwright drives only its own
 * patched Firefox, which cannot be downloaded here.) Pages come from the same HTTPS fixture
 * server as in Chromium. Firefox has no host-resolver rules: the `network.dns.localDomains` pref
 * sends HOSTS to 127.0.0.1, so URLs carry the server's port, which match patterns ignore.
 * The extension gets a fixed internal UUID, so its own pages have a known moz-extension:// URL.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { writeGlossProbe } from './gloss-probe';
import { type Fixture, HOSTS, makeCertificate, SCREENSHOT_DIR, startServer } from './harness';

export const FIREFOX_EXTENSION_DIR = resolve('.output/firefox-mv2');
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const ADDON_ID = 'begrip@begrip.invalid';
const EXTENSION_UUID = '5f0c2d1e-8b7a-4c3d-9e6f-1a2b3c4d5e6f';

export const pause = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** Polls `read` until it returns something truthy (or the time is up). */
export async function until<T>(read: () => Promise<T>, timeout = 10_000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (value || Date.now() > end) return value;
    await pause(100);
  }
}

export interface FirefoxHarness {
  browser: Browser;
  /** `https://host:port` of the fixture server under a real host name. */
  origin(host: string): string;
  /** Opens a page of the extension itself, such as popup.html. */
  openExtensionPage(path: string): Promise<Page>;
  /** Console errors and uncaught exceptions of pages opened with `open`, as "url: text". */
  errors: string[];
  serve(path: string, fixture: Fixture): void;
  open(url: string): Promise<Page>;
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

export async function launchFirefox(): Promise<FirefoxHarness> {
  for (const [what, path] of [
    ['the Firefox build', join(FIREFOX_EXTENSION_DIR, 'manifest.json')],
    ['Firefox', FIREFOX_PATH],
  ]) {
    if (!existsSync(path as string))
      throw new Error(`No ${what} at ${path}: run "npm run build" and npm test.`);
  }
  const workDir = mkdtempSync(join(tmpdir(), 'begrip-firefox-'));
  const fixtures = new Map<string, Fixture>([['/favicon.ico', { body: '', contentType: 'image/x-icon' }]]);
  const server = await startServer(makeCertificate(workDir), fixtures);
  const port = (server.address() as AddressInfo).port;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    acceptInsecureCerts: true,
    userDataDir: join(workDir, 'profile'),
    // Lets the driver open the extension's own moz-extension:// pages (options, popup).
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'network.dns.localDomains': HOSTS.join(','),
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: EXTENSION_UUID }),
      // Grants optional host permissions without the prompt a user would answer (headless has no
      // one to click it), so adding a site can be tested end to end.
      'extensions.webextOptionalPermissionPrompts': false,
    },
  });
  const installed = await browser.installExtension(FIREFOX_EXTENSION_DIR);
  if (installed !== ADDON_ID) throw new Error(`Firefox installed ${installed}, not ${ADDON_ID}.`);
  // The gloss probe reads Begrip's closed gloss for the tests (gloss-probe.ts).
  await browser.installExtension(writeGlossProbe(workDir, 'firefox'));
  const errors: string[] = [];
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    browser,
    errors,
    origin: (host) => `https://${host}:${port}`,
    async openExtensionPage(path) {
      const url = `moz-extension://${EXTENSION_UUID}/${path}`;
      const page = await browser.newPage();
      // The page loads, but the driver never hears that its navigation ended (it runs in the
      // extension's process): do not wait for the navigation, wait for the document instead.
      page.goto(url).catch(() => {});
      const end = Date.now() + 15_000;
      for (;;) {
        const ready = await page
          .evaluate(() => (document.readyState === 'complete' ? location.href : ''))
          .catch(() => '');
        if (ready === url) return page;
        if (Date.now() > end) throw new Error(`Firefox did not open ${url}`);
        await new Promise((done) => setTimeout(done, 100));
      }
    },
    serve: (path, fixture) => fixtures.set(path, fixture),
    async open(url) {
      const page = await browser.newPage();
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => errors.push(`${page.url()}: ${String(error)}`));
      await page.goto(url);
      return page;
    },
    async screenshot(page, name) {
      const path = join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path });
      return path;
    },
    async close() {
      await browser.close();
      await new Promise((done) => server.close(done));
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}
