#!/usr/bin/env node
// Makes sure the browsers of the end-to-end tests are present: Debian's Chromium and Firefox ESR,
// installed with apt-get when missing (as root). Playwright's and puppeteer's own browser
// downloads do not work here.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const browsers = [
  {
    name: 'Chromium',
    path: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    pkg: 'chromium',
    env: 'CHROMIUM_PATH',
  },
  {
    name: 'Firefox ESR',
    path: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    pkg: 'firefox-esr',
    env: 'FIREFOX_PATH',
  },
];
const missing = browsers.filter((browser) => !existsSync(browser.path));
if (missing.length === 0) process.exit(0);

const packages = missing.map((browser) => browser.pkg);
const fail = (why) => {
  for (const browser of missing)
    console.error(`begrip: end-to-end tests need ${browser.name} at ${browser.path}.`);
  console.error(why);
  console.error(
    `Install with: sudo apt-get update && sudo apt-get install -y ${packages.join(' ')} (or set ${missing.map((b) => b.env).join(' / ')}).`,
  );
  process.exit(1);
};

if (process.getuid?.() !== 0)
  fail('They are missing and this user is not root, so they cannot be installed here.');
console.log(`begrip: installing ${packages.join(' and ')} from Debian for the end-to-end tests (apt-get)…`);
try {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env });
} catch (error) {
  fail(`apt-get failed: ${error.message}`);
}
const still = missing.filter((browser) => !existsSync(browser.path));
if (still.length) fail(`apt-get finished but ${still.map((b) => b.name).join(' and ')} is still missing.`);
