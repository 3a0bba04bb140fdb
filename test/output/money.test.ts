// Minor units print as major units with two decimals, by integer arithmetic.
import { describe, expect, it } from 'vitest';
import { formatMinor, minorToMajor } from '../../src/output/money.js';

describe('formatMinor', () => {
  it('puts the last two digits after the point', () => {
    expect(formatMinor(12990)).toBe('129.90');
    expect(formatMinor(5)).toBe('0.05');
    expect(formatMinor(50)).toBe('0.50');
    expect(formatMinor(0)).toBe('0.00');
    expect(formatMinor(100)).toBe('1.00');
  });

  it('handles large amounts without float error', () => {
    expect(formatMinor(100_000_000)).toBe('1000000.00');
    // 2^53 − 1, the largest safe integer: 90071992547409 major, 91 minor.
    expect(formatMinor(Number.MAX_SAFE_INTEGER)).toBe('90071992547409.91');
    expect(formatMinor(1e12 - 1)).toBe('9999999999.99');
  });

  it('keeps the sign on negative amounts, including those under one major unit', () => {
    expect(formatMinor(-5)).toBe('-0.05');
    expect(formatMinor(-12990)).toBe('-129.90');
    expect(formatMinor(-100_000_000)).toBe('-1000000.00');
  });

  it('groups thousands only when asked', () => {
    expect(formatMinor(100_000_000, { grouping: true })).toBe('1,000,000.00');
    expect(formatMinor(-123_456_789, { grouping: true })).toBe('-1,234,567.89');
    expect(formatMinor(99_999, { grouping: true })).toBe('999.99');
  });

  it('refuses fractions and unsafe integers: money is integer minor units', () => {
    expect(() => formatMinor(12.5)).toThrow(RangeError);
    expect(() => formatMinor(Number.NaN)).toThrow(RangeError);
    expect(() => formatMinor(2 ** 53)).toThrow(RangeError);
  });
});

describe('minorToMajor', () => {
  it('gives the double nearest the decimal amount', () => {
    expect(minorToMajor(12990)).toBe(129.9);
    expect(minorToMajor(30)).toBe(0.3);
    expect(minorToMajor(-5)).toBe(-0.05);
  });
});
