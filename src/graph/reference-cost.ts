// The default price of an itinerary for one parcel, before the optimiser knows which parcels
// will share a departure: node handling + the lanes' per-parcel fees + the parcel's share of
// a consolidation of like parcels at a reference load. Used to rank itineraries; the plan's
// real cost is the optimiser's (actual consolidations), checked by the verifier.
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
