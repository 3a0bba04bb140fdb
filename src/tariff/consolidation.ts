// The cost of one consolidation: every parcel on one departure of one lane, billed together
// on the consolidated totals (one master air waybill, shared ULDs, one set of fixed charges).
import type { Lane } from '../domain/network.js';
import { chargeableKg } from './chargeable-weight.js';
import { uldUtilisation, uldsNeeded } from './uld.js';
import { weightBreakCostMinor } from './weight-breaks.js';

/** True when parcels on this lane share costs per departure, so they must be planned together. */
export function isConsolidating(lane: Lane): boolean {
  const { cost } = lane;
  return cost.freight !== undefined || lane.uld !== undefined || cost.perConsolidationMinor > 0 || cost.perUldMinor > 0;
}

export interface ConsolidationCost {
  /** Chargeable weight of the consolidated totals (not the sum of the parcels' own). */
  chargeableKg: number;
  ulds: number;
  /** Weight-break freight on `chargeableKg`, rounded once. */
  freightMinor: number;
  /** perConsolidationMinor, once when anything rides; 0 for an empty departure. */
  fixedMinor: number;
  /** perUldMinor × ulds. */
  uldMinor: number;
  /** max(weight, volume) share of the ULDs' limits; 1 on a lane without a ULD type; 0 when empty. */
  utilisation: number;
  /** More ULDs than the lane's allotment per departure: the consolidation is infeasible as is. */
  overCapacity: boolean;
}

const EMPTY: ConsolidationCost = Object.freeze({
  chargeableKg: 0, ulds: 0, freightMinor: 0, fixedMinor: 0, uldMinor: 0, utilisation: 0, overCapacity: false,
});

/**
 * Cost of carrying `weightKg` / `volumeM3` (the sums over the parcels) on one departure.
 * The chargeable weight is taken on the totals because the airline bills the MAWB, not the
 * parcels; that (a higher break, a lower rate) is much of why consolidation pays.
 */
export function consolidationCost(lane: Lane, weightKg: number, volumeM3: number): ConsolidationCost {
  if (!(weightKg > 0) && !(volumeM3 > 0)) return { ...EMPTY };
  const chargeable = chargeableKg(weightKg, volumeM3, lane.volumetricDivisor);
  const ulds = lane.uld === undefined ? 0 : uldsNeeded(lane.uld, weightKg, volumeM3);
  const freight = lane.cost.freight;
  return {
    chargeableKg: chargeable,
    ulds,
    freightMinor: freight === undefined ? 0 : weightBreakCostMinor(freight, chargeable),
    fixedMinor: lane.cost.perConsolidationMinor,
    uldMinor: lane.cost.perUldMinor * ulds,
    utilisation: lane.uld === undefined ? 1 : uldUtilisation(lane.uld, ulds, weightKg, volumeM3),
    overCapacity: lane.maxUldsPerDeparture !== undefined && ulds > lane.maxUldsPerDeparture,
  };
}

/** freight + fixed + ULD charges of a consolidation. */
export function consolidationTotalMinor(cost: ConsolidationCost): number {
  return cost.freightMinor + cost.fixedMinor + cost.uldMinor;
}
