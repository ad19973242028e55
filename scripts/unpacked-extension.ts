/** Calibration extensions for the benchmarks, loaded unpacked beside Begrip. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * An unpacked Manifest V3 extension in a new temporary directory: its manifest and its files
 * (name → text). Returns the directory, for `launch({ extensions })`.
 */
export function unpackedExtension(name: string, manifest: object, files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'begrip-calibration-'));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({ manifest_version: 3, name, version: '1', ...manifest }),
  );
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}
