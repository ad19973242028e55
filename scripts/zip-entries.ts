/**
 * The files in a zip archive, read with Node's zlib alone (stored and deflated entries; the
 * store packages `wxt zip` writes are small and never zip64). Used to check the store packages
 * against the build they were made from, and to lint the Firefox package exactly as uploaded.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { inflateRawSync } from 'node:zlib';

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/** File path (forward slashes, no directories) → contents. */
export function readZip(path: string): Map<string, Buffer> {
  const zip = readFileSync(path);
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== END_OF_DIRECTORY) end -= 1;
  if (end < 0) throw new Error(`${path}: not a zip archive (no end-of-directory record)`);
  const count = zip.readUInt16LE(end + 10);
  let entry = zip.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i += 1) {
    if (zip.readUInt32LE(entry) !== DIRECTORY_ENTRY) throw new Error(`${path}: damaged central directory`);
    const method = zip.readUInt16LE(entry + 10);
    const compressedSize = zip.readUInt32LE(entry + 20);
    const size = zip.readUInt32LE(entry + 24);
    const nameLength = zip.readUInt16LE(entry + 28);
    const extraLength = zip.readUInt16LE(entry + 30);
    const commentLength = zip.readUInt16LE(entry + 32);
    const local = zip.readUInt32LE(entry + 42);
    const name = zip.toString('utf8', entry + 46, entry + 46 + nameLength);
    entry += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith('/')) continue;
    if (zip.readUInt32LE(local) !== LOCAL_HEADER) throw new Error(`${path}: damaged entry ${name}`);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + compressedSize);
    if (method !== 0 && method !== 8) throw new Error(`${path}: ${name} uses compression method ${method}`);
    const data = method === 0 ? Buffer.from(raw) : inflateRawSync(raw);
    if (data.length !== size) throw new Error(`${path}: ${name} is ${data.length} bytes, not ${size}`);
    files.set(name, data);
  }
  return files;
}

/** The files under `dir`, as `readZip` names them; `.map` files left out (never packaged). */
export function readDirectory(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name.endsWith('.map')) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path).split('\\').join('/'), readFileSync(path));
  }
  return files;
}

/** Whether two file sets are the same names with the same bytes, and what differs if not. */
export function sameFiles(
  actual: Map<string, Buffer>,
  expected: Map<string, Buffer>,
): { ok: boolean; detail: string } {
  const extra = [...actual.keys()].filter((name) => !expected.has(name));
  const absent = [...expected.keys()].filter((name) => !actual.has(name));
  const changed = [...actual].filter(([name, data]) => expected.get(name)?.equals(data) === false);
  const problems = [
    extra.length ? `only in the package: ${extra.join(', ')}` : '',
    absent.length ? `missing from the package: ${absent.join(', ')}` : '',
    changed.length ? `different: ${changed.map(([name]) => name).join(', ')}` : '',
  ].filter(Boolean);
  return { ok: problems.length === 0, detail: problems.join('\n') || `${actual.size} files, same bytes` };
}
