// The default price of an itinerary for one parcel, before the optimiser knows which parcels
// will share a departure: node handling + the lanes' per-parcel fees + the parcel's share of
// a consolidation of like parcels at a reference load. Used to rank itineraries; the plan's
// real cost is the optimiser's (actual consolidations), checked by the verifier. The candidate
// search ranks each parcel by its own chargeable weight instead (parcelRankingCost, below).
import { chargeableKg, consolidationCost, consolidationTotalMinor, isConsolidating, parcelLaneCostMinor } from '../tariff/index.js';
import { must } from '../domain/network-index.js';
import type { ItineraryContext } from './context.js';
import { additiveCost, type AdditiveItineraryCost } from './itinerary.js';

/** A typical cross-border parcel: 1 kg in a 20 × 20 × 10 cm box (0.004 m³, 0.67 kg volumetric at ÷6000). */
export const REFERENCE_PARCEL: Readonly<{ weightKg: number; volumeM3: number }> = Object.freeze({ weightKg: 1, volumeM3: 0.004 });

/**
 * Chargeable kg of the consolidation the reference cost assumes a parcel rides in: 500 kg
 * sits in the +500 weight break and about a third of an AKE, a typical consolidated load of
 * one lane departure in a normal week (peaks fill more, which only lowers the rate).
 */
export const REFERENCE_LOAD_KG = 500;

const defaults = new WeakMap<ItineraryContext, AdditiveItineraryCost>();

/**
 * Per lane: handling per parcel at the lane's origin + parcelLaneCostMinor at the parcel's
 * chargeable weight + (consolidating lanes) the parcel's chargeable-weight share of the
 * freight, fixed and ULD charges of a consolidation of identical parcels totalling
 * REFERENCE_LOAD_KG chargeable. Each lane's figure is rounded to a whole minor unit.
 * Without `parcel`, REFERENCE_PARCEL, and the same function object per context (so searches memoise).
 */
export function referenceParcelCost(
  ctx: ItineraryContext,
  parcel?: { weightKg: number; volumeM3: number },
): AdditiveItineraryCost {
  if (parcel === undefined) {
    let cost = defaults.get(ctx);
    if (cost === undefined) {
      cost = buildReferenceCost(ctx, REFERENCE_PARCEL);
      defaults.set(ctx, cost);
    }
    return cost;
  }
  if (!(parcel.weightKg >= 0) || !(parcel.volumeM3 >= 0) || !Number.isFinite(parcel.weightKg + parcel.volumeM3)) {
    throw new RangeError(`xbroute/graph: reference parcel needs finite weightKg and volumeM3 >= 0, found ${parcel.weightKg} kg, ${parcel.volumeM3} m3`);
  }
  return buildReferenceCost(ctx, parcel);
}

function buildReferenceCost(ctx: ItineraryContext, parcel: { weightKg: number; volumeM3: number }): AdditiveItineraryCost {
  const perLane = new Map<string, number>();
  for (const lane of ctx.index.network.lanes) {
    const from = must(ctx.index.nodes, lane.from, 'node');
    const parcelKg = chargeableKg(parcel.weightKg, parcel.volumeM3, lane.volumetricDivisor);
    let share = 0;
    if (isConsolidating(lane) && parcelKg > 0) {
      // Scale the parcel up to the reference load, price that consolidation, take one parcel's part.
      const parcels = REFERENCE_LOAD_KG / parcelKg;
      const load = consolidationCost(lane, parcel.weightKg * parcels, parcel.volumeM3 * parcels);
      share = consolidationTotalMinor(load) / parcels;
    }
    const costMinor = Math.round(from.handlingPerParcelMinor + parcelLaneCostMinor(lane, parcelKg) + share);
    if (!Number.isFinite(costMinor) || costMinor < 0) {
      throw new Error(`xbroute/graph: lane "${lane.id}" has reference cost ${costMinor}`);
    }
    perLane.set(lane.id, costMinor);
  }
  return additiveCost((laneId) => {
    const costMinor = perLane.get(laneId);
    if (costMinor === undefined) throw new Error(`xbroute/graph: unknown lane "${laneId}"`);
    return costMinor;
  });
}

interface LaneRanking {
  divisorAt: number;
  handlingMinor: number;
  /** The reference parcel's chargeable kg on this lane: the least a share is priced for. */
  referenceKg: number;
  /** The reference consolidation's freight, fixed and ULD charges per chargeable kg. */
  sharePerKgMinor: number;
}

interface RankingTables {
  /** The volumetric divisors the network's lanes use, ascending. */
  divisors: number[];
  /** Per lane: its divisor's position in `divisors`, its origin's handling, its reference share. */
  lanes: Map<string, LaneRanking>;
  /** One cost per chargeable-weight step (see parcelRankingCost): searches memoise per cost object. */
  costs: Map<string, AdditiveItineraryCost>;
}

const rankingTables = new WeakMap<ItineraryContext, RankingTables>();

function tablesOf(ctx: ItineraryContext): RankingTables {
  let tables = rankingTables.get(ctx);
  if (tables !== undefined) return tables;
  const divisors = [...new Set(ctx.index.network.lanes.map((l) => l.volumetricDivisor))].sort((a, b) => a - b);
  const lanes = new Map<string, LaneRanking>();
  for (const lane of ctx.index.network.lanes) {
    let sharePerKgMinor = 0;
    const referenceKg = chargeableKg(REFERENCE_PARCEL.weightKg, REFERENCE_PARCEL.volumeM3, lane.volumetricDivisor);
    if (isConsolidating(lane) && referenceKg > 0) {
      // The consolidation referenceParcelCost assumes (REFERENCE_PARCELs totalling
      // REFERENCE_LOAD_KG chargeable), priced per chargeable kg.
      const parcels = REFERENCE_LOAD_KG / referenceKg;
      const load = consolidationCost(lane, REFERENCE_PARCEL.weightKg * parcels, REFERENCE_PARCEL.volumeM3 * parcels);
      sharePerKgMinor = consolidationTotalMinor(load) / REFERENCE_LOAD_KG;
    }
    const handlingMinor = must(ctx.index.nodes, lane.from, 'node').handlingPerParcelMinor;
    lanes.set(lane.id, { divisorAt: divisors.indexOf(lane.volumetricDivisor), handlingMinor, referenceKg, sharePerKgMinor });
  }
  tables = { divisors, lanes, costs: new Map() };
  rankingTables.set(ctx, tables);
  return tables;
}

/**
 * A parcel's part of the reference consolidation on a lane: by its chargeable kg, but never
 * less than the reference parcel's. A batch's real departures carry far less than the reference
 * load, so minimum charges and fixed fees make a light parcel cost about what a reference one
 * does: priced lower, light parcels would be ranked onto lanes whose share is small only at the
 * reference load. A parcel of no weight pays none (as in referenceParcelCost).
 */
function consolidationShareMinor(ranking: LaneRanking, parcelKg: number): number {
  return parcelKg > 0 ? Math.max(parcelKg, ranking.referenceKg) * ranking.sharePerKgMinor : 0;
}

/**
 * The ranking cost of one parcel by its own weight and volume, for the candidate search: per
 * lane, handling at its origin + parcelLaneCostMinor at the parcel's chargeable weight on the
 * lane's volumetric divisor + its part of the consolidation referenceParcelCost assumes
 * (REFERENCE_PARCELs totalling REFERENCE_LOAD_KG chargeable), by that chargeable weight with
 * the reference parcel's as the floor (consolidationShareMinor). Each lane's figure is rounded
 * to a whole minor unit. For REFERENCE_PARCEL it prices every lane as referenceParcelCost(ctx)
 * does.
 *
 * The figures depend on the parcel only through its chargeable kg at each divisor the network
 * uses (half-kg steps), so parcels on one step get the same function object and share the
 * memoised searches: the search runs once per commodity and weight step, and the k it keeps are
 * the cheapest for that parcel, not for a 1 kg one (a light parcel and a heavy one may rank a
 * lane with a high per-parcel fee and a low per-kg rate in opposite places).
 */
export function parcelRankingCost(ctx: ItineraryContext, parcel: { weightKg: number; volumeM3: number }): AdditiveItineraryCost {
  if (!(parcel.weightKg >= 0) || !(parcel.volumeM3 >= 0) || !Number.isFinite(parcel.weightKg + parcel.volumeM3)) {
    throw new RangeError(`xbroute/graph: a ranked parcel needs finite weightKg and volumeM3 >= 0, found ${parcel.weightKg} kg, ${parcel.volumeM3} m3`);
  }
  const tables = tablesOf(ctx);
  const stepKg = tables.divisors.map((d) => chargeableKg(parcel.weightKg, parcel.volumeM3, d));
  const key = stepKg.join('|');
  let cost = tables.costs.get(key);
  if (cost !== undefined) return cost;
  const perLane = new Map<string, number>();
  for (const lane of ctx.index.network.lanes) {
    const ranking = must(tables.lanes, lane.id, 'lane');
    const parcelKg = stepKg[ranking.divisorAt] ?? 0;
    const costMinor = Math.round(ranking.handlingMinor + parcelLaneCostMinor(lane, parcelKg) + consolidationShareMinor(ranking, parcelKg));
    if (!Number.isFinite(costMinor) || costMinor < 0) {
      throw new Error(`xbroute/graph: lane "${lane.id}" has ranking cost ${costMinor}`);
    }
    perLane.set(lane.id, costMinor);
  }
  cost = additiveCost((laneId) => {
    const costMinor = perLane.get(laneId);
    if (costMinor === undefined) throw new Error(`xbroute/graph: unknown lane "${laneId}"`);
    return costMinor;
  });
  tables.costs.set(key, cost);
  return cost;
}
