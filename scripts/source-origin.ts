/**
 * Whose code sits at a place in a built file: the original source a (v3) source map names for a
 * generated line and column, and the npm package that source belongs to, or Begrip. Small on
 * purpose (no source-map library among the project's dependencies).
 */
import { dirname, relative, resolve } from 'node:path';

export interface SourceMap {
  sources: string[];
  mappings: string;
  sourceRoot?: string;
}

export interface OriginalPosition {
  /** Absolute path of the original file (query such as `?url` removed). */
  source: string;
  /** 1-based, as editors count. */
  line: number;
  /** 0-based, as source maps count. */
  column: number;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((char, value) => [char, value]));

/** The fields of one mapping segment (Base64 VLQ, relative values). */
export function decodeSegment(segment: string): number[] {
  const fields: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = DIGIT.get(char);
    if (digit === undefined) throw new Error(`Invalid source-map character "${char}"`);
    value += (digit & 31) * 2 ** shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    fields.push(value % 2 === 1 ? -(value - 1) / 2 : value / 2);
    value = 0;
    shift = 0;
  }
  return fields;
}

/**
 * The original position of generated `line` (1-based) and `column` (0-based): the last mapping
 * segment of that line that starts at or before the column. Null when the place is unmapped
 * (before the line's first segment, or a segment without a source).
 */
export function originalPosition(
  map: SourceMap,
  mapFile: string,
  line: number,
  column: number,
): OriginalPosition | null {
  const lines = map.mappings.split(';');
  // Source index, original line and column carry over from segment to segment and line to line.
  let source = 0;
  let originalLine = 0;
  let originalColumn = 0;
  let found: OriginalPosition | null = null;
  for (let index = 0; index < line && index < lines.length; index += 1) {
    let generatedColumn = 0;
    for (const segment of (lines[index] as string).split(',')) {
      if (!segment) continue;
      const fields = decodeSegment(segment);
      generatedColumn += fields[0] ?? 0;
      const mapped = fields.length >= 4;
      if (mapped) {
        source += fields[1] as number;
        originalLine += fields[2] as number;
        originalColumn += fields[3] as number;
      }
      if (index !== line - 1) continue;
      if (generatedColumn > column) return found;
      found = mapped
        ? { source: sourcePath(map, mapFile, source), line: originalLine + 1, column: originalColumn }
        : null;
    }
  }
  return found;
}

function sourcePath(map: SourceMap, mapFile: string, index: number): string {
  const source = (map.sources[index] ?? '').replace(/\?.*$/, '');
  return resolve(dirname(mapFile), map.sourceRoot ?? '', source);
}

/** The npm package a file belongs to (the folder after its last `node_modules/`), or null. */
export function packageOf(path: string): string | null {
  const parts = path.split(/[\\/]/);
  const at = parts.lastIndexOf('node_modules');
  if (at < 0 || at + 1 >= parts.length) return null;
  const name = parts[at + 1] as string;
  return name.startsWith('@') && parts[at + 2] ? `${name}/${parts[at + 2]}` : name;
}

/** A path for people: relative to `root` when inside it, from `node_modules/` for a package. */
export function displayPath(path: string, root: string): string {
  const at = path.lastIndexOf('node_modules/');
  return at >= 0 ? path.slice(at) : relative(root, path);
}
