// ULD (unit load device) counts: how many containers/pallets a consolidation needs, whichever
// of weight or volume binds.
import type { UldType } from '../domain/network.js';
import { ceilWithTolerance } from './rounding.js';

/**
 * ceil(max(weightKg / maxKg, volumeM3 / maxM3)); 0 for no load. A load exactly at a limit
 * fills whole ULDs even when float sums land a hair above it (ten 0.43 m³ parcels sum to
 * 4.300000000000001 m³: one AKE of 4.3 m³, not two) — see STEP_EPSILON. Any real load needs
 * at least one ULD, however small.
 */
export function uldsNeeded(uld: UldType, weightKg: number, volumeM3: number): number {
  const w = Math.max(0, weightKg);
  const v = Math.max(0, volumeM3);
  if (w === 0 && v === 0) return 0;
  return Math.max(1, ceilWithTolerance(Math.max(w / uld.maxKg, v / uld.maxM3)));
}

/**
 * Share of the ULDs' limit used, whichever of weight or volume binds: 0 with no ULD.
 * Capped at 1 because a load within STEP_EPSILON over the limit still counts as full.
 */
export function uldUtilisation(uld: UldType, ulds: number, weightKg: number, volumeM3: number): number {
  if (ulds <= 0) return 0;
  return Math.min(1, Math.max(weightKg / (ulds * uld.maxKg), volumeM3 / (ulds * uld.maxM3)));
}
