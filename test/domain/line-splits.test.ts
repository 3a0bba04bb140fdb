// The least cost of an order's lines over every split into parcels: exact up to the line cap
// (checked against brute force over every set partition), the heaviest line's parcel beyond it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leastLineSplit } from '../../src/domain/line-splits.js';
import type { Order } from '../../src/domain/orders.js';

function orderOf(weights: readonly number[]): Order {
  return {
    id: 'O',
    createdAt: '2026-11-11T00:00:00+08:00',
    destination: 'Z',
    serviceLevel: 'L',
    lines: weights.map((w, i) => ({ sku: `S${i}`, qty: 1, unitWeightKg: w, unitVolumeM3: 0.001, unitValueMinor: 100 })),
  };
}

/** Every set partition of 0..n-1, each as a list of blocks. */
function partitions(n: number): number[][][] {
  if (n === 0) return [[]];
  const out: number[][][] = [];
  for (const p of partitions(n - 1)) {
    out.push([...p, [n - 1]]);
    p.forEach((_, b) => out.push(p.map((block, k) => (k === b ? [...block, n - 1] : block))));
  }
  return out;
}

describe('leastLineSplit', () => {
  it('is the least over every set partition of the lines (seeded)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 1_000_000 }), (n, seed) => {
        // A parcel's cost: a fixed part and a pseudo-random part per set of lines; some sets unservable.
        const cost = (lines: readonly number[]): number => {
          const key = lines.reduce((m, l) => m | (1 << l), 0);
          const h = Math.imul(key + 1, 2654435761 + seed) >>> 0;
          return h % 7 === 0 && lines.length > 1 ? Infinity : 10 + (h % 50);
        };
        const brute = Math.min(...partitions(n).map((p) => p.reduce((s, block) => s + cost(block.sort((a, b) => a - b)), 0)));
        expect(leastLineSplit(orderOf(Array.from({ length: n }, () => 1)), 6, cost)).toBe(brute);
      }),
      { seed: 7, numRuns: 200 },
    );
  });

  it('beyond the cap, is the heaviest line alone', () => {
    const seen: number[][] = [];
    const least = leastLineSplit(orderOf([1, 5, 2, 4]), 3, (lines) => {
      seen.push([...lines]);
      return 42;
    });
    expect(least).toBe(42);
    expect(seen).toEqual([[1]]);
  });
});
