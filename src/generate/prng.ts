// A small seeded PRNG (sfc32, seeded through splitmix32) and the sampling helpers the batch
// generator needs. Same seed and stream label -> same sequence, on every platform: the
// generator's byte-for-byte reproducibility rests on this file, so nothing here may touch
// Math.random or the clock.

/** A stream of uniform numbers plus the draws built on it. */
export interface Rng {
  /** Uniform in [0, 1), 32 bits of randomness. */
  next(): number;
  /** Integer uniform in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element, uniformly. Throws on an empty list (a bug in the caller). */
  pick<T>(items: readonly T[]): T;
  /** One element with probability proportional to its weight. */
  weightedPick<T>(items: readonly T[], weights: readonly number[]): T;
  /** A new array with the items in random order (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
}

/** splitmix32: spreads a poorly mixed seed (1, 2, 3 …) over all 32 bits. */
function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** FNV-1a over the label, so each named stream starts somewhere else. */
function hashLabel(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A generator for `seed` (any safe integer, negative included) and an optional stream label.
 * Separate labels give independent streams, so that drawing one more destination does not
 * shift every later SKU draw.
 */
export function createRng(seed: number, stream = ''): Rng {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`prng: seed must be a safe integer, got ${seed}`);
  // Both 32-bit halves of the 64-bit two's complement seed enter the state.
  const wide = BigInt.asUintN(64, BigInt(seed));
  const lo = Number(wide & 0xffffffffn);
  const hi = Number(wide >> 32n);
  const mix = { s: (lo ^ Math.imul(hi, 0x27d4eb2d) ^ hashLabel(stream)) | 0 };
  let a = splitmix32(mix);
  let b = splitmix32(mix);
  let c = splitmix32(mix);
  let d = 1;
  const sfc32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // sfc32's authors discard the first outputs so the state is well mixed.
  for (let i = 0; i < 12; i++) sfc32();

  const next = (): number => sfc32() / 4294967296;
  const int = (min: number, max: number): number => {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
      throw new RangeError(`prng: int(${min}, ${max}) needs integers with min <= max`);
    }
    return min + Math.floor(next() * (max - min + 1));
  };
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new RangeError('prng: pick from an empty list');
    return items[Math.floor(next() * items.length)] as T;
  };
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick,
    weightedPick: <T>(items: readonly T[], weights: readonly number[]): T =>
      items[weightedIndex(next(), weights)] as T,
    shuffle: <T>(items: readonly T[]): T[] => {
      const out = items.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const tmp = out[i] as T;
        out[i] = out[j] as T;
        out[j] = tmp;
      }
      return out;
    },
  };
}

/** Index chosen by u in [0, 1) over the weights (linear scan: callers have short lists). */
function weightedIndex(u: number, weights: readonly number[]): number {
  const total = checkedTotal(weights);
  let target = u * total;
  for (let i = 0; i < weights.length; i++) {
    target -= weights[i] as number;
    if (target < 0) return i;
  }
  // Rounding can leave target a hair above 0: fall back to the last positive weight.
  for (let i = weights.length - 1; i >= 0; i--) if ((weights[i] as number) > 0) return i;
  return weights.length - 1;
}

function checkedTotal(weights: readonly number[]): number {
  let total = 0;
  for (const w of weights) {
    if (!Number.isFinite(w) || w < 0) throw new RangeError(`prng: weights must be finite and >= 0, got ${w}`);
    total += w;
  }
  if (!(total > 0)) throw new RangeError('prng: weights must have a positive sum');
  return total;
}

/**
 * A sampler over fixed weights with a prefix-sum table and binary search: O(log n) per draw,
 * for the draws made once per order or line over long lists (zones, SKUs).
 */
export function weightedSampler(weights: readonly number[]): (rng: Rng) => number {
  checkedTotal(weights);
  const prefix: number[] = [];
  let sum = 0;
  for (const w of weights) prefix.push((sum += w));
  const total = sum;
  return (rng) => {
    const target = rng.next() * total;
    let lo = 0;
    let hi = prefix.length - 1;
    // First index whose prefix sum exceeds the target; zero-weight items are never chosen
    // because their prefix equals their predecessor's.
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((prefix[mid] as number) > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}
