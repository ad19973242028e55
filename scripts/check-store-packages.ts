/**
 * `npm run check:store` (and a step of `npm test`): the store packages `npm run zip` makes are the
 * builds, carry package.json's version and the Firefox settings AMO asks for, and `web-ext lint`
 * finds no error in the Firefox package and no warning in Begrip's own code.
 *
 * Whose code a warning is in is read from source maps, per warning: the Firefox build is made a
 * second time with hidden source maps (same code, byte for byte: checked), and the warning's line
 * and column are mapped to the original file. A file under node_modules/ is its package's; any
 * other place, a place the maps do not cover and a file without a map are Begrip's. Files that the
 * build copies unchanged from a package (PDF.js's worker) are that package's when their bytes are
 * the original's. One method for every file: gloss-view.js, the background and the content script
 * are single files with Begrip's and libraries' code side by side, as is the pages' shared chunk.
 *
 * Options: --no-zip (use the zips `npm run zip` just made), --report=FILE (JSON: passed, failed,
 * checks; `npm test` adds them to its total).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import {
  type LintMessage,
  type LintResult,
  lintFirefoxPackage,
  sourceMapBuild,
  whoseWarning,
} from './store-lint';
import { readDirectory, readZip, sameFiles } from './zip-entries';

const ROOT = process.cwd();
const args = process.argv.slice(2);
const reportFile = args.find((arg) => arg.startsWith('--report='))?.slice('--report='.length);
const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

interface Check {
  name: string;
  ok: boolean;
  detail?: string;
}
const checks: Check[] = [];

function check(name: string, ok: boolean, detail?: string): boolean {
  checks.push({ name, ok, ...(detail ? { detail } : {}) });
  console.log(`${ok ? '✓' : '✗'} ${name}${detail ? `\n    ${detail.replaceAll('\n', '\n    ')}` : ''}`);
  return ok;
}

function finish(): never {
  const failed = checks.filter((c) => !c.ok).length;
  const passed = checks.length - failed;
  if (reportFile) {
    mkdirSync(dirname(reportFile), { recursive: true });
    writeFileSync(reportFile, `${JSON.stringify({ passed, failed, checks }, null, 2)}\n`);
  }
  console.log(`\nstore packages: ${passed} checks passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

if (!args.includes('--no-zip')) {
  const { status } = spawnSync('npm', ['run', 'zip'], { stdio: 'inherit' });
  if (!check('npm run zip', status === 0, status === 0 ? undefined : `exit ${status}`)) finish();
}

const zipPath = (kind: string) => join('.output', `begrip-${version}-${kind}.zip`);
let zips: Record<'chrome' | 'firefox' | 'sources', Map<string, Buffer>>;
try {
  zips = {
    chrome: readZip(zipPath('chrome')),
    firefox: readZip(zipPath('firefox')),
    sources: readZip(zipPath('sources')),
  };
  check(`packages for version ${version}`, true, ['chrome', 'firefox', 'sources'].map(zipPath).join(', '));
} catch (error) {
  check(`packages for version ${version}`, false, (error as Error).message);
  finish();
}

type Manifest = Record<string, unknown> & { version?: string; manifest_version?: number };
const manifestOf = (files: Map<string, Buffer>): Manifest =>
  JSON.parse(files.get('manifest.json')?.toString('utf8') ?? '{}') as Manifest;

// Chrome Web Store package.
const chromeBuild = readDirectory('.output/chrome-mv3');
const chromeSame = sameFiles(zips.chrome, chromeBuild);
check(
  'the Chrome package holds exactly the Chrome build (.output/chrome-mv3)',
  chromeSame.ok,
  chromeSame.detail,
);
const chrome = manifestOf(zips.chrome);
check(
  `the Chrome manifest is MV3, version ${version}`,
  chrome.manifest_version === 3 && chrome.version === version,
  `manifest_version ${chrome.manifest_version}, version ${chrome.version}`,
);

// Firefox (AMO) package and its sources.
const firefoxSame = sameFiles(zips.firefox, readDirectory('.output/firefox-mv2'));
check(
  'the Firefox package holds exactly the Firefox build (.output/firefox-mv2)',
  firefoxSame.ok,
  firefoxSame.detail,
);
const firefox = manifestOf(zips.firefox);
const gecko = ((firefox.browser_specific_settings ?? {}) as { gecko?: Record<string, unknown> }).gecko ?? {};
const id = String(gecko.id ?? '');
const minVersion = Number.parseFloat(String(gecko.strict_min_version ?? '0'));
// AMO: an id is a GUID or email-like, at most 80 characters. data_collection_permissions needs
// Firefox 140 (desktop) and 142 (Android, which reads `gecko` too): extensionworkshop.com,
// "Firefox built-in consent for data collection and transmission".
check(
  `the Firefox manifest: version ${version}, gecko id, strict_min_version ≥ 142, no data collected`,
  firefox.version === version &&
    id.length <= 80 &&
    /^(\{[0-9a-f-]{36}\}|[\w.+-]*@[\w.-]+)$/i.test(id) &&
    minVersion >= 142 &&
    isDeepStrictEqual(gecko.data_collection_permissions, { required: ['none'] }),
  `version ${firefox.version}, gecko ${JSON.stringify(gecko)}`,
);
const sourceNames = [...zips.sources.keys()];
const missing = ['package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json'].filter(
  (name) => !zips.sources.has(name),
);
// What git ignores (dependencies, build output, test screenshots, logs) has no place there.
const ignored = spawnSync('git', ['check-ignore', '--stdin'], {
  input: sourceNames.join('\n'),
  encoding: 'utf8',
});
const strays = ignored.status === 0 ? ignored.stdout.trim().split('\n') : [];
check(
  'the sources package has what the build needs and nothing git ignores',
  missing.length === 0 && strays.length === 0 && ignored.status !== 128,
  [
    `${sourceNames.length} files`,
    missing.length ? `missing: ${missing.join(', ')}` : '',
    strays.length ? `ignored by git: ${strays.slice(0, 8).join(', ')}${strays.length > 8 ? ', …' : ''}` : '',
    ignored.status === 128 ? `git check-ignore failed: ${ignored.stderr.trim()}` : '',
  ]
    .filter(Boolean)
    .join('; '),
);

// The name and the short description the stores show come from the locales: the Chrome Web
// Store takes at most 75 and 132 characters, AMO at most 50 for a name.
const texts = [...zips.firefox].flatMap(([name, data]) => {
  const locale = name.match(/^_locales\/([^/]+)\/messages\.json$/)?.[1];
  if (!locale) return [];
  const messages = JSON.parse(data.toString('utf8')) as Record<string, { message?: string }>;
  return [{ locale, name: messages.extName?.message ?? '', summary: messages.extDescription?.message ?? '' }];
});
const tooLong = texts.filter((t) => !t.name || t.name.length > 50 || !t.summary || t.summary.length > 132);
check(
  'store name (≤ 50 characters) and short description (≤ 132) in every locale',
  texts.length > 0 && tooLong.length === 0,
  texts.map((t) => `${t.locale}: name ${t.name.length}, description ${t.summary.length}`).join('; '),
);

// web-ext lint on the Firefox package as uploaded (unpacked: web-ext lints a directory), with
// AMO's rules (no --self-hosted).
const unpacked = mkdtempSync(join(tmpdir(), 'begrip-store-'));
let lint: LintResult;
try {
  lint = lintFirefoxPackage(zips.firefox, unpacked);
} catch (error) {
  check('web-ext lint ran', false, (error as Error).message);
  rmSync(unpacked, { recursive: true, force: true });
  finish();
}
rmSync(unpacked, { recursive: true, force: true });
const place = (m: LintMessage) => `${m.file ?? '(package)'}${m.line ? `:${m.line}:${m.column ?? 0}` : ''}`;
const line = (m: LintMessage) => `${m.code}  ${place(m)}  ${m.message}`;
check(
  `web-ext lint: ${lint.errors.length} errors`,
  lint.errors.length === 0,
  lint.errors.map(line).join('\n'),
);
for (const notice of lint.notices) console.log(`  notice: ${line(notice)}`);

// Whose code each warning is in.
const mapped = await sourceMapBuild(resolve(ROOT, '.cache/store-check'));
const mappedSame = sameFiles(zips.firefox, mapped.files);
check(
  'the source-map build is the Firefox package byte for byte (maps aside)',
  mappedSame.ok,
  mappedSame.ok ? undefined : `${mappedSame.detail}\n(was the code edited while this ran? run it again)`,
);
const owned = lint.warnings.map((warning) => ({
  warning,
  ...whoseWarning(warning, zips.firefox, mapped, ROOT),
}));
console.log(`\nweb-ext lint: ${lint.warnings.length} warnings`);
for (const { warning, owner, where } of owned) {
  console.log(`  ${warning.code}  ${place(warning)}  ${owner}  (${where})`);
}
const own = owned.filter((w) => w.owner === 'Begrip');
const counts = new Map<string, number>();
for (const { owner } of owned) counts.set(owner, (counts.get(owner) ?? 0) + 1);
const byOwner = [...counts].map(([owner, count]) => `${owner} ${count}`);
check(
  `web-ext lint: 0 warnings from Begrip's own code (${byOwner.join(', ') || 'none at all'})`,
  mappedSame.ok && own.length === 0,
  own.map(({ warning, where }) => `${line(warning)} ← ${where}`).join('\n'),
);
finish();
