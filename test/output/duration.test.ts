// Whole minutes read as days, hours and minutes.
import { describe, expect, it } from 'vitest';
import { formatMinutes } from '../../src/output/duration.js';

describe('formatMinutes', () => {
  it('uses the largest units first', () => {
    // 6419 = 4·1440 + 10·60 + 59
    expect(formatMinutes(6419)).toBe('4d 10h 59m');
    expect(formatMinutes(61)).toBe('1h 1m');
    expect(formatMinutes(1440)).toBe('1d 0h 0m');
    expect(formatMinutes(0)).toBe('0m');
  });

  it('signs negative durations once', () => {
    expect(formatMinutes(-90)).toBe('-1h 30m');
  });
});
