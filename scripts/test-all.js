#!/usr/bin/env node
// `npm test`: typecheck, lint/format, unit tests, build and store packages, their checks (Firefox
// lint included) and real-browser end-to-end tests, in that order. Prints one closing line
// "N passed, N failed" summed over unit tests, store-package checks and e2e tests (CI reads it) and
// exits non-zero on any failure. Browser tests are never skipped.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = '.cache/test-results';
mkdirSync(results, { recursive: true });
let passed = 0;
let failed = 0;
let stepFailed = false;

function run(title, command, args) {
  console.log(`\n── ${title}: ${command} ${args.join(' ')}`);
  const { status } = spawnSync(command, args, { stdio: 'inherit' });
  if (status !== 0) {
    console.error(`✗ ${title} failed (exit ${status})`);
    stepFailed = true;
  }
  return status === 0;
}

function countVitest(file) {
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed += report.numPassedTests;
    failed +=
      report.numFailedTests +
      (report.numTotalTestSuites > 0 && report.success === false && report.numFailedTests === 0 ? 1 : 0);
  } catch {
    failed += 1;
    console.error(`✗ no test report in ${file}`);
  }
}

/** The store-package check's report: one count per check, as the test runners count tests. */
function countChecks(file) {
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed += report.passed;
    failed += report.failed;
  } catch {
    failed += 1;
    console.error(`✗ no check report in ${file}`);
  }
}

const vitest = (config, file) => [
  'vitest',
  'run',
  ...(config ? ['--config', config] : []),
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${file}`,
];

run('typecheck', 'npx', ['tsc', '--noEmit']);
run('lint and format', 'npx', ['biome', 'check', '.']);
run('unit tests', 'npx', vitest(null, `${results}/unit.json`));
countVitest(`${results}/unit.json`);
// `npm run zip` builds both browsers and packs the store packages; the packages are checked and
// the Firefox one linted (scripts/check-store-packages.ts), then the builds are tested end to end.
if (run('build and store packages (Chrome and Firefox)', 'npm', ['run', 'zip'])) {
  rmSync(`${results}/store.json`, { force: true });
  run('store packages and Firefox lint', 'node', [
    '--import',
    'tsx',
    'scripts/check-store-packages.ts',
    '--no-zip',
    `--report=${results}/store.json`,
  ]);
  countChecks(`${results}/store.json`);
  if (run('browsers for e2e (Chromium, Firefox ESR)', 'node', ['scripts/ensure-browsers.js'])) {
    run('end-to-end tests', 'npx', vitest('vitest.e2e.config.ts', `${results}/e2e.json`));
    countVitest(`${results}/e2e.json`);
  }
}
if (stepFailed && failed === 0) failed = 1;
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(stepFailed || failed > 0 ? 1 : 0);
