// The PRNG gives the same stream for the same seed and label, and different streams otherwise.
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/generate/prng.js';

const draw = (seed: number, label = '', n = 8): number[] => {
  const rng = createRng(seed, label);
  return Array.from({ length: n }, () => rng.next());
};

describe('createRng', () => {
  it('repeats its stream for the same seed and label', () => {
    expect(draw(42, 'lines')).toEqual(draw(42, 'lines'));
  });

  it('gives different streams for neighbouring seeds, for labels, and for the high half of a wide seed', () => {
    expect(draw(1)).not.toEqual(draw(2));
    expect(draw(1, 'a')).not.toEqual(draw(1, 'b'));
    // 2^32 + 1 and 1 share their low 32 bits: the high half must still change the stream.
    expect(draw(2 ** 32 + 1)).not.toEqual(draw(1));
    expect(draw(-1)).not.toEqual(draw(1));
  });

  it('stays in [0, 1) and looks uniform over 10,000 draws', () => {
    const rng = createRng(7);
    const buckets = new Array<number>(10).fill(0);
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < 10_000; i++) {
      const u = rng.next();
      min = Math.min(min, u);
      max = Math.max(max, u);
      buckets[Math.floor(u * 10)] = (buckets[Math.floor(u * 10)] ?? 0) + 1;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    // Expected 1,000 per bucket; binomial sd ≈ 30, so ±150 is a 5-sigma band.
    for (const b of buckets) expect(Math.abs(b - 1000)).toBeLessThan(150);
  });

  it('rejects a seed that is not a safe integer', () => {
    expect(() => createRng(1.5)).toThrow(RangeError);
    expect(() => createRng(2 ** 60)).toThrow(RangeError);
  });
});
