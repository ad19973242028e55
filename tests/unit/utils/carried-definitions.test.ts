import { describe, expect, it } from 'vitest';
import type { PageDefinition } from '../../../glossary/abbreviations';
import { CarriedDefinitions } from '../../../utils/carried-definitions';

const define = (acronym: string, expansion: string): PageDefinition => ({
  acronym,
  expansion,
  start: 0,
  end: 0,
});
const KGO = define('KGO', 'Kofgo Gukba Oolda');
const ZQB = define('ZQB', 'Zorro Quux Baz');

describe('definitions carried from request to request', () => {
  it('adds what the page defined in its earlier requests to what it sends', () => {
    const carried = new CarriedDefinitions();
    expect(carried.known('7:0', 's1', [])).toEqual([]);
    // The first request's answer is still on its way when the second is matched.
    carried.remember('7:0', 's1', [KGO]);
    expect(carried.known('7:0', 's1', [])).toEqual([KGO]);
    // What the page sends comes first, and an acronym is there once.
    const other = define('KGO', 'Anders');
    expect(carried.known('7:0', 's1', [other, ZQB])).toEqual([other, ZQB]);
  });

  it('keeps each frame and each start of the content script apart', () => {
    const carried = new CarriedDefinitions();
    carried.remember('7:0', 's1', [KGO]);
    expect(carried.known('7:3', 's1', [])).toEqual([]);
    expect(carried.known('8:0', 's1', [])).toEqual([]);
    // The tab went to another page (or Begrip started over there): a new session starts empty.
    expect(carried.known('7:0', 's2', [ZQB])).toEqual([ZQB]);
    carried.remember('7:0', 's2', [ZQB]);
    expect(carried.known('7:0', 's2', [])).toEqual([ZQB]);
  });

  it('forgets a closed tab, and the senders used least recently beyond its limit', () => {
    const carried = new CarriedDefinitions(2);
    carried.remember('7:0', 's', [KGO]);
    carried.remember('7:2', 's', [KGO]);
    carried.remember('70:0', 's', [KGO]);
    expect(carried.size).toBe(2);
    expect(carried.known('7:0', 's', [])).toEqual([]);
    carried.forgetTab(7);
    expect(carried.size).toBe(1);
    expect(carried.known('70:0', 's', [])).toEqual([KGO]);
  });
});
