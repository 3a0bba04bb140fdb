// Per-parcel lane charges (clearance fees, last-mile first/additional weight) and which cost
// component a lane's charges are reported under.
import type { Lane } from '../domain/network.js';
import { roundMinor } from './rounding.js';

/**
 * perParcelMinor + perParcelKgMinor × max(0, chargeableKg − includedKg), rounded once
 * (the per-kg rate may be fractional). Consolidation charges of the lane are not included:
 * those are billed per departure (consolidationCost).
 */
export function parcelLaneCostMinor(lane: Lane, parcelChargeableKg: number): number {
  const { perParcelMinor, perParcelKgMinor, includedKg } = lane.cost;
  return roundMinor(perParcelMinor + perParcelKgMinor * Math.max(0, parcelChargeableKg - includedKg));
}

/** The cost component a lane's charges belong to: air and truck are freight. */
export function laneCostComponent(lane: Lane): 'freight' | 'clearance' | 'lastMile' {
  switch (lane.mode) {
    case 'air':
    case 'truck':
      return 'freight';
    case 'clearance':
      return 'clearance';
    case 'last_mile':
      return 'lastMile';
  }
}
