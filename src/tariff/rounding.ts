// Rounding of money and of weights/counts computed in floating point. Every billed charge is
// rounded exactly once, here, so that the optimiser, the plan and the verifier agree to the unit.

/**
 * Relative nudge applied before rounding a charge. A product such as 1.005 × 100 is 100.5
 * mathematically but 100.49999999999999 in binary floating point; without the nudge it would
 * round down. 1e-12 relative is hundreds of ulps (float noise of a few multiplications and
 * additions is a handful of ulps) yet far below any real fraction of a minor unit: at a
 * charge of 1e8 minor units (one million CNY) it moves the value by 1e-4 of a fen.
 */
const ROUNDING_NUDGE = 1e-12;

/**
 * Rounds a charge to a whole minor unit, half away from zero (Math.round for positives:
 * 2.5 → 3; mirrored for negatives: -2.5 → -3), after removing float noise (see above).
 */
export function roundMinor(amount: number): number {
  if (!Number.isFinite(amount)) throw new RangeError(`xbroute/tariff: cannot round a non-finite charge (${amount})`);
  const magnitude = Math.abs(amount);
  const rounded = Math.round(magnitude + magnitude * ROUNDING_NUDGE);
  // `0 * -1` would be -0, which prints as 0 but fails Object.is checks downstream.
  return amount < 0 && rounded !== 0 ? -rounded : rounded;
}

/**
 * Tolerance for "exactly at a limit" on weights, volumes and ULD fractions. Sums of parcel
 * weights/volumes pick up float noise (0.1 + 0.2 m³ = 0.30000000000000004; ten 0.43 m³
 * parcels = 4.300000000000001 m³), and a value that is really *at* a step must not be pushed
 * over it (to the next 0.5 kg, or one more ULD). Inputs carry at most gram/cm³ precision,
 * so 1e-6 of a step (0.5 mg of a 0.5 kg step; 1.6 g of an AKE) never hides a real excess,
 * while float noise at the largest allowed values (500 t ≈ 1e6 half-kg steps, ulp ≈ 1e-10)
 * stays well inside it.
 */
export const STEP_EPSILON = 1e-6;

/** ceil(x) that treats values within STEP_EPSILON above an integer as that integer; never -0. */
export function ceilWithTolerance(x: number): number {
  const c = Math.ceil(x - STEP_EPSILON);
  return c === 0 ? 0 : c;
}
