#!/usr/bin/env node
// Makes sure a Chromium for the end-to-end tests is present: Debian's package, installed with
// apt-get when missing (as root). Playwright's own browser download does not work here.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(path)) process.exit(0);

const fail = (why) => {
  console.error(`begrip: end-to-end tests need Chromium at ${path}. ${why}`);
  console.error(
    'Install it with: sudo apt-get update && sudo apt-get install -y chromium (or set CHROMIUM_PATH).',
  );
  process.exit(1);
};

if (process.getuid?.() !== 0)
  fail('It is missing and this user is not root, so it cannot be installed here.');
console.log('begrip: installing Debian chromium for the end-to-end tests (apt-get)…');
try {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
} catch (error) {
  fail(`apt-get failed: ${error.message}`);
}
if (!existsSync(path)) fail('apt-get finished but the browser is still missing.');
