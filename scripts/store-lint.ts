/**
 * web-ext lint on the Firefox store package, and whose code each of its warnings is in (see
 * check-store-packages.ts for the method).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { build } from 'wxt';
import { displayPath, originalPosition, packageOf, type SourceMap } from './source-origin';
import { readDirectory } from './zip-entries';

export interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
  /** 1-based (web-ext reports where the flagged expression starts). */
  column?: number;
}

export interface LintResult {
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

/** Unpacks `files` into `dir` and lints it as AMO would (no --self-hosted), JSON output. */
export function lintFirefoxPackage(files: Map<string, Buffer>, dir: string): LintResult {
  for (const [name, data] of files) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, data);
  }
  const { stdout, stderr, error } = spawnSync(
    'npx',
    ['web-ext', 'lint', '--source-dir', dir, '--no-config-discovery', '--output', 'json'],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (error) throw error;
  const json = stdout.slice(stdout.indexOf('{'));
  try {
    return JSON.parse(json) as LintResult;
  } catch {
    throw new Error(`web-ext lint gave no JSON report:\n${stdout}\n${stderr}`);
  }
}

export interface MappedBuild {
  dir: string;
  /** The built files (maps left out), to compare with the package. */
  files: Map<string, Buffer>;
  /** Emitted asset → the files it was made from (Rollup's originalFileNames, root-relative). */
  assetOrigins: Map<string, string[]>;
}

/** The Firefox build again into `outDir`, with hidden source maps (no sourceMappingURL comment). */
export async function sourceMapBuild(outDir: string): Promise<MappedBuild> {
  const assetOrigins = new Map<string, string[]>();
  const recordAssets: Plugin = {
    name: 'begrip-asset-origins',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type === 'asset') assetOrigins.set(file.fileName, file.originalFileNames);
      }
    },
  };
  rmSync(outDir, { recursive: true, force: true });
  await build({
    browser: 'firefox',
    outDir,
    vite: () => ({ build: { sourcemap: 'hidden' }, plugins: [recordAssets] }),
  });
  const dir = join(outDir, 'firefox-mv2');
  return { dir, files: readDirectory(dir), assetOrigins };
}

/**
 * The owner of the code a warning points at (in `packaged`, the Firefox package's files): an npm
 * package's name, or 'Begrip'; `where` names the original file and line, or why the warning
 * counts as Begrip's.
 */
export function whoseWarning(
  warning: LintMessage,
  packaged: Map<string, Buffer>,
  build: MappedBuild,
  root: string,
): { owner: string; where: string } {
  if (!warning.file) return { owner: 'Begrip', where: 'the package itself' };
  const shipped = packaged.get(warning.file);
  if (shipped && build.files.get(warning.file)?.equals(shipped) !== true) {
    return { owner: 'Begrip', where: 'unknown: the source-map build of this file differs' };
  }
  const built = join(build.dir, warning.file);
  const mapFile = `${built}.map`;
  if (existsSync(mapFile)) {
    if (!warning.line) return { owner: 'Begrip', where: 'no line given' };
    const map = JSON.parse(readFileSync(mapFile, 'utf8')) as SourceMap;
    const origin = originalPosition(map, mapFile, warning.line, (warning.column ?? 1) - 1);
    if (!origin) return { owner: 'Begrip', where: 'a place no source map covers' };
    return {
      owner: packageOf(origin.source) ?? 'Begrip',
      where: `${displayPath(origin.source, root)}:${origin.line}:${origin.column + 1}`,
    };
  }
  const origins = build.assetOrigins.get(warning.file) ?? [];
  if (origins.length === 1 && existsSync(built)) {
    const original = resolve(root, origins[0] as string);
    const copied = existsSync(original) && readFileSync(original).equals(readFileSync(built));
    const owner = packageOf(original);
    if (copied && owner) return { owner, where: `${displayPath(original, root)}, copied unchanged` };
  }
  return { owner: 'Begrip', where: 'not from a package' };
}
