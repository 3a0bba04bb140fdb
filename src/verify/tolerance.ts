// How closely recomputed quantities must match reported ones. Money has no tolerance at all
// (integers of minor units compare with ===); these are for kilograms, cubic metres, ratios.

/** Kilograms and cubic metres are float sums of unit figures; another summation order may
 *  differ in the last bits, never by a millionth. */
export const QUANTITY_RELATIVE_TOLERANCE = 1e-6;

/** The gap is a ratio of two exact integers, so anything beyond float noise is a wrong gap. */
export const GAP_TOLERANCE = 1e-9;

/** The lower bound's re-derivation sums floats (per-kg rates × kilograms) in its own order:
 *  a stated figure may exceed the recomputed one by this share of it, no more (on a
 *  10^9-minor batch, a thousandth of a minor unit). */
export const BOUND_RELATIVE_TOLERANCE = 1e-12;

/** Below this, two quantities are equal whatever their ratio (0 vs 1e-15 m³). */
const ABSOLUTE_FLOOR = 1e-9;

export function sameQuantity(expected: number, found: number): boolean {
  const scale = Math.max(Math.abs(expected), Math.abs(found));
  return Math.abs(expected - found) <= Math.max(ABSOLUTE_FLOOR, QUANTITY_RELATIVE_TOLERANCE * scale);
}

/** Whether `load` is over `limit` by more than the tolerance. */
export function exceeds(load: number, limit: number): boolean {
  return load > limit + Math.max(ABSOLUTE_FLOOR, QUANTITY_RELATIVE_TOLERANCE * Math.abs(limit));
}
