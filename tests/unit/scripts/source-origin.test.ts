import { describe, expect, it } from 'vitest';
import {
  decodeSegment,
  displayPath,
  originalPosition,
  packageOf,
  type SourceMap,
} from '../../../scripts/source-origin';

describe('source-map segments (Base64 VLQ)', () => {
  it('decodes zero, positive, negative and multi-digit values', () => {
    expect(decodeSegment('AAAA')).toEqual([0, 0, 0, 0]);
    expect(decodeSegment('CAACC')).toEqual([1, 0, 0, 1, 1]);
    expect(decodeSegment('D')).toEqual([-1]);
    expect(decodeSegment('gBAAgB')).toEqual([16, 0, 0, 16]);
    expect(decodeSegment('2HAA')).toEqual([123, 0, 0]);
  });

  it('rejects what is not Base64', () => {
    expect(() => decodeSegment('A!')).toThrow(/Invalid/);
  });
});

describe('the original place of a generated line and column', () => {
  // Line 1: column 0 → lib line 1, column 5 → own.ts line 1, column 9 → nothing (one field).
  // Line 2: column 0 → lib line 2, column 3.
  const map: SourceMap = {
    sources: ['../node_modules/lib/index.js', '../src/own.ts?url'],
    mappings: 'AAAA,KCAA,I;ADCG',
  };
  const mapFile = '/repo/dist/out.js.map';

  it('takes the last segment at or before the column, carrying fields over lines', () => {
    expect(originalPosition(map, mapFile, 1, 0)).toEqual({
      source: '/repo/node_modules/lib/index.js',
      line: 1,
      column: 0,
    });
    expect(originalPosition(map, mapFile, 1, 4)?.source).toBe('/repo/node_modules/lib/index.js');
    expect(originalPosition(map, mapFile, 1, 7)).toEqual({ source: '/repo/src/own.ts', line: 1, column: 0 });
    expect(originalPosition(map, mapFile, 2, 50)).toEqual({
      source: '/repo/node_modules/lib/index.js',
      line: 2,
      column: 3,
    });
  });

  it('is null where the map covers nothing', () => {
    expect(originalPosition(map, mapFile, 1, 12)).toBeNull();
    expect(originalPosition(map, mapFile, 3, 0)).toBeNull();
  });
});

describe('whose file', () => {
  it('names the package after the last node_modules, scoped or not', () => {
    expect(packageOf('/repo/node_modules/preact/dist/preact.mjs')).toBe('preact');
    expect(packageOf('/repo/node_modules/@wxt-dev/browser/src/index.mjs')).toBe('@wxt-dev/browser');
    expect(packageOf('/repo/node_modules/a/node_modules/b/x.js')).toBe('b');
    expect(packageOf('/repo/utils/dom/gloss.ts')).toBeNull();
  });

  it('shows package files from node_modules/ and the rest relative to the repository', () => {
    expect(displayPath('/x/y/node_modules/preact/dist/preact.mjs', '/repo')).toBe(
      'node_modules/preact/dist/preact.mjs',
    );
    expect(displayPath('/repo/utils/dom/gloss.ts', '/repo')).toBe('utils/dom/gloss.ts');
  });
});
