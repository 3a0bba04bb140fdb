// roundMinor: one rounding rule for every billed charge — half away from zero, float noise removed.
import { describe, expect, it } from 'vitest';
import { roundMinor } from '../../src/tariff/index.js';

describe('roundMinor', () => {
  it('rounds halves away from zero', () => {
    expect(roundMinor(2.5)).toBe(3);
    expect(roundMinor(-2.5)).toBe(-3);
    expect(roundMinor(2.4999)).toBe(2);
    expect(roundMinor(2.5001)).toBe(3);
  });

  it('treats a product that is a half mathematically as a half despite float noise', () => {
    // 1.005 × 100 = 100.5 exactly, but evaluates to 100.49999999999999 in binary floating point.
    expect(1.005 * 100).toBeLessThan(100.5);
    expect(roundMinor(1.005 * 100)).toBe(101);
  });

  it('never returns -0', () => {
    expect(Object.is(roundMinor(-0.4), 0)).toBe(true);
    expect(Object.is(roundMinor(0), 0)).toBe(true);
  });

  it('refuses non-finite amounts', () => {
    expect(() => roundMinor(Number.NaN)).toThrow(RangeError);
    expect(() => roundMinor(Infinity)).toThrow(RangeError);
  });
});
