// Chargeable weight of air cargo: the greater of actual and volumetric weight, rounded up to
// the next 0.5 kg (IATA practice; see DOMAIN.md "Air cargo pricing").
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
