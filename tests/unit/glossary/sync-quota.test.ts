import { describe, expect, it } from 'vitest';
import {
  isRateQuotaError,
  isSizeQuotaError,
  itemBytes,
  jsonBytes,
  ownEntriesBudget,
  recentWrites,
  SYNC_LIMITS,
  utf8Bytes,
  writeDelay,
} from '../../../glossary/sync-quota';

describe('counting bytes as the browser does', () => {
  it('counts UTF-8 bytes, not characters', () => {
    expect(utf8Bytes('a')).toBe(1);
    expect(utf8Bytes('é')).toBe(2);
    expect(utf8Bytes('€')).toBe(3);
    expect(utf8Bytes('😀')).toBe(4);
  });

  it('counts a value as Chrome writes its JSON: "<" and the line separators escaped', () => {
    expect(jsonBytes('ab')).toBe(4);
    expect(jsonBytes('é')).toBe(4);
    expect(jsonBytes('<')).toBe(8); // "\u003C"
    expect(jsonBytes('\u2028')).toBe(8); // "\u2028"
    expect(jsonBytes('a"b')).toBe(6); // "a\"b"
    expect(jsonBytes({ a: [1, '<'] })).toBe('{"a":[1,"\\u003C"]}'.length);
  });

  it('counts an item as its key plus its value', () => {
    expect(itemBytes('k', 'ab')).toBe(5);
    expect(itemBytes('sleutel€', 1)).toBe(11);
  });

  it('leaves room for the preferences beside the own entries', () => {
    expect(ownEntriesBudget(2_000, 8)).toEqual({
      bytes: SYNC_LIMITS.quotaBytes - 2_000 - 5_120,
      items: SYNC_LIMITS.maxItems - 8 - 16,
      perItem: 8_192,
    });
  });
});

describe('the write rate', () => {
  const now = 10 * 3_600_000;

  it('writes at once while well under the limits', () => {
    expect(writeDelay([], now, 3)).toBe(0);
    expect(
      writeDelay(
        Array.from({ length: 97 }, (_, i) => now - i * 100),
        now,
        3,
      ),
    ).toBe(0);
  });

  it('waits until the oldest writes of the last minute have left it', () => {
    // 100 writes in the last 50 s: 3 more would make 103 of the 100 allowed a minute.
    const log = Array.from({ length: 100 }, (_, i) => now - 50_000 + i * 500);
    const delay = writeDelay(log, now, 3);
    expect(delay).toBe((log[2] ?? Number.NaN) + 60_000 - now);
    expect(writeDelay(log, now + delay, 3)).toBe(0);
  });

  it('keeps under the hourly limit too', () => {
    const log = Array.from({ length: 1_600 }, (_, i) => now - 3_500_000 + i * 2_000);
    expect(writeDelay(log, now, 1)).toBe((log[0] ?? Number.NaN) + 3_600_000 - now);
    expect(recentWrites([now - 3_700_000, now - 10], now)).toEqual([now - 10]);
  });

  it('tells a full sync area from writing too often', () => {
    for (const message of [
      'Resource::kQuotaBytesPerItem quota exceeded',
      'Resource::kQuotaBytes quota exceeded',
      'Resource::kMaxItems quota exceeded',
      'QUOTA_BYTES quota exceeded',
      'QUOTA_BYTES_PER_ITEM quota exceeded',
      'MAX_ITEMS quota exceeded',
      'QuotaExceededError: storage.sync API call exceeded its quota limitations.',
    ]) {
      expect([isSizeQuotaError(message), isRateQuotaError(message)]).toEqual([true, false]);
    }
    for (const rate of [
      'Resource::kMaxWriteOperationsPerMinute quota exceeded',
      'Resource::kMaxWriteOperationsPerHour quota exceeded',
      'This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.',
    ]) {
      expect([isSizeQuotaError(rate), isRateQuotaError(rate)]).toEqual([false, true]);
    }
    expect(isSizeQuotaError('Network error')).toBe(false);
  });
});
