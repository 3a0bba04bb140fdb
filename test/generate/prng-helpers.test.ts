// The sampling helpers: ranges, weights and shuffles behave as documented.
import { describe, expect, it } from 'vitest';
import { createRng, weightedSampler } from '../../src/generate/prng.js';

describe('prng helpers', () => {
  it('int(min, max) covers both ends and nothing outside', () => {
    const rng = createRng(3);
    const seen = new Set<number>();
    for (let i = 0; i < 2_000; i++) seen.add(rng.int(-2, 2));
    expect([...seen].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2]);
    expect(() => rng.int(3, 2)).toThrow(RangeError);
  });

  it('weightedPick and weightedSampler never choose a zero weight and follow the weights', () => {
    const rng = createRng(11);
    const sample = weightedSampler([0, 3, 0, 1]);
    const counts = [0, 0, 0, 0];
    const picks = { b: 0, d: 0 };
    for (let i = 0; i < 8_000; i++) {
      const k = sample(rng);
      counts[k] = (counts[k] ?? 0) + 1;
      const p = rng.weightedPick(['a', 'b', 'c', 'd'] as const, [0, 3, 0, 1]);
      if (p === 'a' || p === 'c') throw new Error(`picked zero-weight ${p}`);
      picks[p] += 1;
    }
    expect(counts[0]).toBe(0);
    expect(counts[2]).toBe(0);
    // Weights 3 : 1 -> 6,000 : 2,000 expected; sd ≈ 39, allow ±250.
    expect(Math.abs((counts[1] ?? 0) - 6000)).toBeLessThan(250);
    expect(Math.abs(picks.b - 6000)).toBeLessThan(250);
  });

  it('rejects weights that are negative or sum to zero', () => {
    expect(() => weightedSampler([0, 0])).toThrow(RangeError);
    expect(() => createRng(1).weightedPick([1, 2], [1, -1])).toThrow(RangeError);
  });

  it('shuffle returns a permutation and leaves its input alone', () => {
    const input = [1, 2, 3, 4, 5, 6, 7, 8];
    const out = createRng(5).shuffle(input);
    expect(input).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect([...out].sort((a, b) => a - b)).toEqual(input);
    expect(out).not.toEqual(input); // 1 chance in 40,320 of a false failure, and the seed is fixed
  });
});
