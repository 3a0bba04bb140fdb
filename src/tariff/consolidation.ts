// The cost of one consolidation: every parcel on one departure of one lane, billed together
// on the consolidated totals — either on our own master air waybill (shared ULDs, one set of
// fixed charges) or shipped loose under a consolidator's (co-load), whichever is cheaper.
import type { Lane } from '../domain/network.js';
import { chargeableKg } from './chargeable-weight.js';
import { roundMinor } from './rounding.js';
import { uldUtilisation, uldsNeeded } from './uld.js';
import { weightBreakCostMinor } from './weight-breaks.js';

/** How a departure's load flies: on our own MAWB and ULDs, or loose under a consolidator's. */
export type Shipping = 'own' | 'co_load';

/** True when parcels on this lane share costs per departure, so they must be planned together. */
export function isConsolidating(lane: Lane): boolean {
  const { cost } = lane;
  return cost.freight !== undefined || lane.coLoad !== undefined || lane.uld !== undefined || cost.perConsolidationMinor > 0 || cost.perUldMinor > 0;
}

export interface ConsolidationCost {
  /** Which way the departure ships (the cheaper one; co-load whenever our allotment cannot take it). */
  shipping: Shipping;
  /** Chargeable weight of the consolidated totals (not the sum of the parcels' own). */
  chargeableKg: number;
  ulds: number;
  /** Weight-break freight on `chargeableKg` (co-load: the consolidator's charge), rounded once. */
  freightMinor: number;
  /** perConsolidationMinor, once when anything rides; 0 for an empty departure. */
  fixedMinor: number;
  /** perUldMinor × ulds. */
  uldMinor: number;
  /** max(weight, volume) share of the ULDs' limits; 1 on a lane without a ULD type; 0 when empty or co-loaded. */
  utilisation: number;
  /** More ULDs than the lane's allotment per departure: the consolidation is infeasible as is. */
  overCapacity: boolean;
}

const EMPTY: ConsolidationCost = Object.freeze({
  shipping: 'own' as const, chargeableKg: 0, ulds: 0, freightMinor: 0, fixedMinor: 0, uldMinor: 0, utilisation: 0, overCapacity: false,
});

/**
 * Cost of carrying `weightKg` / `volumeM3` (the sums over the parcels) on one departure: the
 * cheaper of our own consolidation and the lane's co-load offer, if it has one. Own wins a tie.
 * When our own would need more ULDs than the allotment, co-load takes the load (it uses none
 * of our ULDs). Every planner, bound and the verifier price departures through here (or
 * through consolidationTotalAt, the same figures without the breakdown).
 */
export function consolidationCost(lane: Lane, weightKg: number, volumeM3: number): ConsolidationCost {
  const own = ownConsolidationCost(lane, weightKg, volumeM3);
  if (lane.coLoad === undefined || own.chargeableKg === 0) return own;
  const loose = coLoadCost(lane, weightKg, volumeM3);
  return ownLoses(own.overCapacity, consolidationTotalMinor(own), consolidationTotalMinor(loose)) ? loose : own;
}

/**
 * The least any departure of the lane costs once it carries anything (weight or volume > 0):
 * our own MAWB's fee and, with ULDs, one ULD, or shipping loose at the co-load minimum —
 * whichever is less (freight left out: never below 0). The bound charges it once for an origin
 * some order cannot avoid (src/optimise/bound/origin-minimums.ts).
 */
export function leastDepartureChargeMinor(lane: Lane): number {
  const own = lane.cost.perConsolidationMinor + (lane.uld === undefined ? 0 : lane.cost.perUldMinor);
  return lane.coLoad === undefined ? own : Math.min(own, lane.coLoad.minChargeMinor);
}

/**
 * consolidationTotalMinor(consolidationCost(lane, weightKg, volumeM3)), Infinity where that is
 * over capacity — without building either breakdown: the search prices a departure this way
 * for every move it weighs (on M, 160 MB of short-lived breakdowns).
 */
export function consolidationTotalAt(lane: Lane, weightKg: number, volumeM3: number): number {
  if (!(weightKg > 0) && !(volumeM3 > 0)) return 0;
  const chargeable = chargeableKg(weightKg, volumeM3, lane.volumetricDivisor);
  const ulds = lane.uld === undefined ? 0 : uldsNeeded(lane.uld, weightKg, volumeM3);
  const overCapacity = isOverCapacity(lane, ulds);
  const own = ownFreightMinor(lane, chargeable) + lane.cost.perConsolidationMinor + lane.cost.perUldMinor * ulds;
  if (lane.coLoad === undefined) return overCapacity ? Infinity : own;
  const loose = coLoadFreightMinor(lane.coLoad, chargeable);
  return ownLoses(overCapacity, own, loose) ? loose : own;
}

/** Whether the load ships loose rather than on our own MAWB: own over the allotment, or dearer. */
function ownLoses(ownOverCapacity: boolean, ownMinor: number, looseMinor: number): boolean {
  return ownOverCapacity || looseMinor < ownMinor;
}

/**
 * Shipping loose: the consolidator bills our departure's consolidated chargeable weight at its
 * per-kg rate, at least its minimum; no MAWB fee, no ULDs of ours. Only for a lane with `coLoad`.
 */
export function coLoadCost(lane: Lane, weightKg: number, volumeM3: number): ConsolidationCost {
  const tariff = lane.coLoad;
  if (tariff === undefined) throw new Error(`tariff: lane ${lane.id} has no co-load offer`);
  if (!(weightKg > 0) && !(volumeM3 > 0)) return { ...EMPTY, shipping: 'co_load' };
  const chargeable = chargeableKg(weightKg, volumeM3, lane.volumetricDivisor);
  return {
    shipping: 'co_load',
    chargeableKg: chargeable,
    ulds: 0,
    freightMinor: coLoadFreightMinor(tariff, chargeable),
    fixedMinor: 0,
    uldMinor: 0,
    utilisation: 0,
    overCapacity: false,
  };
}

/** The consolidator's charge for a chargeable weight: its per-kg rate, at least its minimum, rounded once. */
function coLoadFreightMinor(tariff: NonNullable<Lane['coLoad']>, chargeable: number): number {
  return roundMinor(Math.max(tariff.minChargeMinor, tariff.perKgMinor * chargeable));
}

/**
 * Our own consolidation. The chargeable weight is taken on the totals because the airline
 * bills the MAWB, not the parcels; that (a higher break, a lower rate) is much of why
 * consolidation pays.
 */
export function ownConsolidationCost(lane: Lane, weightKg: number, volumeM3: number): ConsolidationCost {
  if (!(weightKg > 0) && !(volumeM3 > 0)) return { ...EMPTY };
  const chargeable = chargeableKg(weightKg, volumeM3, lane.volumetricDivisor);
  const ulds = lane.uld === undefined ? 0 : uldsNeeded(lane.uld, weightKg, volumeM3);
  return {
    shipping: 'own',
    chargeableKg: chargeable,
    ulds,
    freightMinor: ownFreightMinor(lane, chargeable),
    fixedMinor: lane.cost.perConsolidationMinor,
    uldMinor: lane.cost.perUldMinor * ulds,
    utilisation: lane.uld === undefined ? 1 : uldUtilisation(lane.uld, ulds, weightKg, volumeM3),
    overCapacity: isOverCapacity(lane, ulds),
  };
}

/** Weight-break freight of our own MAWB on a chargeable weight (0 on a lane without freight). */
function ownFreightMinor(lane: Lane, chargeable: number): number {
  return lane.cost.freight === undefined ? 0 : weightBreakCostMinor(lane.cost.freight, chargeable);
}

/** More ULDs than the lane's allotment per departure. */
function isOverCapacity(lane: Lane, ulds: number): boolean {
  return lane.maxUldsPerDeparture !== undefined && ulds > lane.maxUldsPerDeparture;
}

/** freight + fixed + ULD charges of a consolidation. */
export function consolidationTotalMinor(cost: ConsolidationCost): number {
  return cost.freightMinor + cost.fixedMinor + cost.uldMinor;
}
