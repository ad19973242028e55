import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { readZip, sameFiles } from '../../../scripts/zip-entries';

/** A minimal zip (no CRCs: readZip does not check them), stored or deflated. */
function makeZip(files: [string, string, 'stored' | 'deflated'][]): Buffer {
  const locals: Buffer[] = [];
  const entries: Buffer[] = [];
  let offset = 0;
  for (const [name, text, how] of files) {
    const data = Buffer.from(text);
    const body = how === 'stored' ? data : deflateRawSync(data);
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(how === 'stored' ? 0 : 8, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(how === 'stored' ? 0 : 8, 10);
    entry.writeUInt32LE(body.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, body);
    entries.push(entry, nameBytes);
    offset += 30 + nameBytes.length + body.length;
  }
  const directory = Buffer.concat(entries);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const dir = mkdtempSync(join(tmpdir(), 'begrip-zip-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('reading a store package', () => {
  it('gives every file by its path, stored or deflated, and skips directories', () => {
    const path = join(dir, 'a.zip');
    writeFileSync(
      path,
      makeZip([
        ['manifest.json', '{"version":"1.0.0"}', 'deflated'],
        ['chunks/', '', 'stored'],
        ['chunks/ui.js', 'export {};', 'stored'],
      ]),
    );
    const files = readZip(path);
    expect([...files.keys()]).toEqual(['manifest.json', 'chunks/ui.js']);
    expect(files.get('manifest.json')?.toString()).toBe('{"version":"1.0.0"}');
  });

  it('refuses a file that is not a zip', () => {
    const path = join(dir, 'b.zip');
    writeFileSync(path, 'not a zip at all, just text that is long enough');
    expect(() => readZip(path)).toThrow(/not a zip/);
  });

  it('compares file sets by name and bytes', () => {
    const a = new Map([
      ['x.js', Buffer.from('1')],
      ['y.js', Buffer.from('2')],
    ]);
    expect(sameFiles(a, new Map(a)).ok).toBe(true);
    const b = new Map([
      ['x.js', Buffer.from('1')],
      ['z.js', Buffer.from('3')],
    ]);
    const { ok, detail } = sameFiles(a, b);
    expect(ok).toBe(false);
    expect(detail).toContain('only in the package: y.js');
    expect(detail).toContain('missing from the package: z.js');
  });
});
