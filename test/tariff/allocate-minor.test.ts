// allocateMinor: largest-remainder split of a whole charge; shares sum to it exactly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateMinor } from '../../src/tariff/index.js';

describe('allocateMinor', () => {
  it('splits exactly when the proportions divide', () => {
    // 1000 over 1:2:3:4 → 100, 200, 300, 400.
    expect(allocateMinor(1000, [1, 2, 3, 4])).toEqual([100, 200, 300, 400]);
  });

  it('gives leftover units to the largest remainders', () => {
    // 10 over 1:2 → 3.333, 6.667 → floors 3 + 6 = 9; the 1 left goes to remainder .667 → [3, 7].
    expect(allocateMinor(10, [1, 2])).toEqual([3, 7]);
    // 100 over 0.2 : 0.3 : 0.5 kg → 20, 30, 50.
    expect(allocateMinor(100, [0.2, 0.3, 0.5])).toEqual([20, 30, 50]);
  });

  it('breaks ties towards the lower index', () => {
    // 100 over 1:1:1 → 33.333 each → floors 99; 1 left, remainders tie → index 0.
    expect(allocateMinor(100, [1, 1, 1])).toEqual([34, 33, 33]);
    // 1125 over two 20 kg parcels → 562.5 each → [563, 562].
    expect(allocateMinor(1125, [20, 20])).toEqual([563, 562]);
    // 5 over 1:1:1:1 → 1.25 each → 4 floored, 1 left → [2, 1, 1, 1].
    expect(allocateMinor(5, [1, 1, 1, 1])).toEqual([2, 1, 1, 1]);
  });

  it('shares equally when every weight is zero', () => {
    expect(allocateMinor(10, [0, 0])).toEqual([5, 5]);
    expect(allocateMinor(7, [0, 0, 0])).toEqual([3, 2, 2]); // 2.333 each, 1 left → index 0
  });

  it('gives nothing to a zero weight beside a positive one', () => {
    expect(allocateMinor(5, [0, 3])).toEqual([0, 5]);
  });

  it('handles zero totals and no weights', () => {
    expect(allocateMinor(0, [1, 2])).toEqual([0, 0]);
    expect(allocateMinor(0, [])).toEqual([]);
    expect(() => allocateMinor(5, [])).toThrow(RangeError);
  });

  it('refuses fractional totals and negative or non-finite weights', () => {
    expect(() => allocateMinor(10.5, [1])).toThrow(RangeError);
    expect(() => allocateMinor(10, [1, -1])).toThrow(RangeError);
    expect(() => allocateMinor(10, [1, Number.NaN])).toThrow(RangeError);
  });

  it('always sums exactly, each share within one unit of its exact value (property)', () => {
    const weights = fc.array(
      fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 100_000 }), fc.double({ min: 0, max: 1e6, noNaN: true })),
      { minLength: 1, maxLength: 30 },
    );
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e12 }), weights, (total, ws) => {
        const shares = allocateMinor(total, ws);
        expect(shares).toHaveLength(ws.length);
        expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
        const weightSum = ws.reduce((a, b) => a + b, 0);
        shares.forEach((share, i) => {
          expect(Number.isInteger(share)).toBe(true);
          const exact = weightSum > 0 ? (total * (ws[i] ?? 0)) / weightSum : total / ws.length;
          // Largest remainder gives floor(exact) or floor(exact) + 1; allow float slack at 1e12.
          expect(Math.abs(share - exact)).toBeLessThan(1 + 1e-6 * Math.max(1, Math.abs(exact)));
        });
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it('never gives a unit to a zero weight while some weight is positive (property)', () => {
    const weights = fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 1e6, noNaN: true })), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), weights, (total, ws) => {
        fc.pre(ws.some((w) => w > 0));
        const shares = allocateMinor(total, ws);
        ws.forEach((w, i) => {
          if (w === 0) expect(shares[i]).toBe(0);
        });
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it('is deterministic (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 20 }), (total, ws) => {
        expect(allocateMinor(total, ws)).toEqual(allocateMinor(total, ws));
      }),
      { seed: 42 },
    );
  });
});
