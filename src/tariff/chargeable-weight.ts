// Chargeable weight of air cargo: the greater of actual and volumetric weight, rounded up to
// the next 0.5 kg (IATA practice; see docs/DOMAIN.md "Air cargo pricing").
import { ceilWithTolerance } from './rounding.js';

/** Volumetric ("dimensional") weight in kg: m³ × 1e6 cm³/m³ ÷ divisor (cm³ per kg, 6000 usually). */
export function volumetricKg(volumeM3: number, divisor: number): number {
  return (volumeM3 * 1e6) / divisor;
}

/**
 * Rounds a weight up to the next 0.5 kg. A weight within float noise of a half-kg step stays
 * on it (12.0000000001 kg → 12 kg, not 12.5): see STEP_EPSILON for why that tolerance is safe.
 * Zero and negative weights give 0; any positive weight, however small, at least 0.5 kg.
 */
export function roundUpToHalfKg(weightKg: number): number {
  if (!(weightKg > 0)) return 0;
  return Math.max(1, ceilWithTolerance(weightKg * 2)) / 2;
}

/** max(actual, volumetric), rounded up to the next 0.5 kg. */
export function chargeableKg(weightKg: number, volumeM3: number, divisor: number): number {
  return roundUpToHalfKg(Math.max(weightKg, volumetricKg(volumeM3, divisor)));
}

/** The volumetric divisor of a parcel that flies no air lane: IATA's 6000, the schema's default. */
export const STANDARD_VOLUMETRIC_DIVISOR = 6000;

/**
 * What a parcel's `chargeableKg` means, for the planner and the verifier alike: its chargeable
 * weight at the volumetric divisor of the first air lane of its itinerary (the carrier that
 * accepts the parcel at origin measures it on its own divisor), or STANDARD_VOLUMETRIC_DIVISOR
 * when it flies none. Per-parcel kg charges and the sharing of consolidation costs use it;
 * each consolidation's own chargeable weight uses its lane's divisor (consolidationCost).
 */
export function parcelChargeableKg(
  weightKg: number,
  volumeM3: number,
  lanes: readonly ({ readonly mode: string; readonly volumetricDivisor: number } | undefined)[],
): number {
  const firstAir = lanes.find((lane) => lane?.mode === 'air');
  return chargeableKg(weightKg, volumeM3, firstAir?.volumetricDivisor ?? STANDARD_VOLUMETRIC_DIVISOR);
}

/**
 * The divisor at which a parcel's chargeable weight is least over every itinerary of these lanes,
 * for the lower bound: a parcel is billed on the divisor of its first air lane, or the standard
 * one when it flies none (parcelChargeableKg), and the largest divisor gives the least
 * volumetric weight. So chargeableKg(weight, volume, this) never exceeds what any itinerary bills.
 */
export function leastBillingDivisor(lanes: readonly { readonly mode: string; readonly volumetricDivisor: number }[]): number {
  let most = STANDARD_VOLUMETRIC_DIVISOR;
  for (const lane of lanes) if (lane.mode === 'air' && lane.volumetricDivisor > most) most = lane.volumetricDivisor;
  return most;
}
