// CONSOLIDATION / SHIPPING / ULDS_TOO_FEW / ULD_OVERLOADED and the consolidations' own costs:
// who rides in which consolidation (both directions), what it weighs, whether it ships on our
// own MAWB or loose (co-load), how many ULDs it needs, what it costs, and each parcel's share.
import type { Lane } from '../domain/network.js';
import type { Consolidation, PlanParcel } from '../domain/plan.js';
import {
  allocateMinor, coLoadCost, consolidationCost, isConsolidating, ownConsolidationCost, uldsNeeded,
} from '../tariff/index.js';
import type { VerifyContext, Where } from './context.js';
import type { ParcelFacts } from './facts.js';
import type { ItineraryFacts } from './itinerary.js';
import { exceeds, sameQuantity } from './tolerance.js';

/** ULDs booked on one departure of one lane, over all its consolidations. */
export interface DepartureLoad {
  lane: Lane;
  departureMs: number;
  ulds: number;
  consolidations: string[];
}

/** A consolidation with its parcel ids as a set: a departure may carry many thousand parcels. */
export interface IndexedConsolidation {
  consolidation: Consolidation;
  parcelIds: ReadonlySet<string>;
}

/** The plan's consolidations by id (the first of a duplicated id wins; DUPLICATE_ID reports it). */
export function indexConsolidations(consolidations: readonly Consolidation[]): Map<string, IndexedConsolidation> {
  const byId = new Map<string, IndexedConsolidation>();
  for (const consolidation of consolidations) {
    if (!byId.has(consolidation.id)) byId.set(consolidation.id, { consolidation, parcelIds: new Set(consolidation.parcels) });
  }
  return byId;
}

/** Every leg on a consolidating lane rides in a consolidation of that lane and departure that lists the parcel. */
export function checkLegConsolidations(
  ctx: VerifyContext,
  orderId: string,
  parcel: PlanParcel,
  itinerary: ItineraryFacts,
  consolidations: ReadonlyMap<string, IndexedConsolidation>,
): void {
  parcel.legs.forEach((leg, i) => {
    const lane = itinerary.lanes[i];
    const departureMs = itinerary.departuresMs[i] ?? null;
    if (lane === undefined) return;
    const at = (): Where => {
      const where: Where = { order: orderId, parcel: parcel.id };
      if (departureMs !== null) where.departure = ctx.departureLabel(lane, departureMs);
      return where;
    };
    const label = `parcel ${parcel.id} leg ${i} (${lane.id})`;
    if (leg.consolidation === undefined) {
      if (isConsolidating(lane)) {
        ctx.report({ rule: 'CONSOLIDATION', ...at(), message: `${label}: lane ${lane.id} consolidates, but the leg names no consolidation` });
      }
      return;
    }
    const indexed = consolidations.get(leg.consolidation);
    if (indexed === undefined) {
      ctx.report({ rule: 'CONSOLIDATION', ...at(), consolidation: leg.consolidation, message: `${label}: names consolidation ${leg.consolidation}, which the plan lacks` });
      return;
    }
    const { consolidation, parcelIds } = indexed;
    const where = (): Where => ({ ...at(), consolidation: consolidation.id });
    if (consolidation.lane !== lane.id) {
      ctx.report({ rule: 'CONSOLIDATION', ...where(), message: `${label}: rides consolidation ${consolidation.id}, which is on lane ${consolidation.lane}`, expected: lane.id, found: consolidation.lane });
    }
    const consolidationMs = ctx.peekInstant(consolidation.departure);
    if (departureMs !== null && consolidationMs !== null && consolidationMs !== departureMs) {
      ctx.report({ rule: 'CONSOLIDATION', ...where(), message: `${label}: departs ${leg.departure}, its consolidation ${consolidation.id} departs ${consolidation.departure}`, expected: consolidation.departure, found: leg.departure });
    }
    if (!parcelIds.has(parcel.id)) {
      ctx.report({ rule: 'CONSOLIDATION', ...where(), message: `${label}: rides consolidation ${consolidation.id}, which does not list the parcel` });
    }
  });
}

/**
 * Checks each consolidation against its parcels and the tariff, gives each member parcel its
 * cost shares, and returns the ULDs booked per (lane, departure) for the capacity check.
 */
export function checkConsolidations(
  ctx: VerifyContext,
  consolidations: readonly Consolidation[],
  parcels: ReadonlyMap<string, ParcelFacts>,
): DepartureLoad[] {
  const loads = new Map<string, DepartureLoad>();
  for (const consolidation of consolidations) {
    const where: Where = { consolidation: consolidation.id };
    const lane = ctx.index.lanes.get(consolidation.lane);
    const members = checkMembers(ctx, consolidation, parcels);
    if (lane === undefined) {
      ctx.report({ rule: 'UNKNOWN_LANE', ...where, message: `consolidation ${consolidation.id}: the network has no lane ${consolidation.lane}`, found: consolidation.lane });
      continue;
    }
    const departureMs = ctx.instant(consolidation.departure, where, 'departure');
    if (departureMs !== null) {
      where.departure = ctx.departureLabel(lane, departureMs);
      ctx.checkOffset(consolidation.departure, departureMs, lane.from, `consolidation ${consolidation.id} departure`, where);
      if (ctx.departureAt(lane.id, departureMs) === null) {
        ctx.report({ rule: 'NO_SUCH_DEPARTURE', ...where, message: `consolidation ${consolidation.id}: lane ${lane.id} has no departure at ${consolidation.departure}`, found: consolidation.departure });
      }
      const key = `${lane.id}|${departureMs}`;
      const load = loads.get(key);
      if (load === undefined) loads.set(key, { lane, departureMs, ulds: consolidation.ulds, consolidations: [consolidation.id] });
      else {
        load.ulds += consolidation.ulds;
        load.consolidations.push(consolidation.id);
      }
    }
    if (!isConsolidating(lane)) {
      ctx.report({ rule: 'CONSOLIDATION', ...where, message: `consolidation ${consolidation.id}: lane ${lane.id} has no consolidated tariff, ULDs or fixed costs` });
    }
    checkLoadAndCost(ctx, consolidation, lane, members, where);
  }
  return [...loads.values()];
}

/** The listed parcels that exist, once each, in list order; reports the others. */
function checkMembers(ctx: VerifyContext, consolidation: Consolidation, parcels: ReadonlyMap<string, ParcelFacts>): ParcelFacts[] {
  const members: ParcelFacts[] = [];
  const seen = new Set<string>();
  for (const parcelId of consolidation.parcels) {
    const where = { consolidation: consolidation.id, parcel: parcelId };
    if (seen.has(parcelId)) {
      ctx.report({ rule: 'CONSOLIDATION', ...where, message: `consolidation ${consolidation.id} lists parcel ${parcelId} twice` });
      continue;
    }
    seen.add(parcelId);
    const facts = parcels.get(parcelId);
    if (facts === undefined) {
      ctx.report({ rule: 'CONSOLIDATION', ...where, message: `consolidation ${consolidation.id} lists parcel ${parcelId}, which no planned order has` });
      continue;
    }
    if (!facts.parcel.legs.some((leg) => leg.consolidation === consolidation.id)) {
      ctx.report({
        rule: 'CONSOLIDATION',
        ...where,
        order: facts.order.id,
        message: `consolidation ${consolidation.id} lists parcel ${parcelId}, but no leg of the parcel rides in it`,
      });
    }
    members.push(facts);
  }
  return members;
}

function checkLoadAndCost(ctx: VerifyContext, consolidation: Consolidation, lane: Lane, members: readonly ParcelFacts[], where: Where): void {
  if (members.length === 0) return; // nothing to weigh; the membership reports say why
  const weightKg = members.reduce((sum, m) => sum + m.goods.weightKg, 0);
  const volumeM3 = members.reduce((sum, m) => sum + m.goods.volumeM3, 0);
  const cheaper = consolidationCost(lane, weightKg, volumeM3);
  const name = `consolidation ${consolidation.id}`;
  // The way the plan says it ships must be the cheaper way for this load (consolidationCost);
  // the figures below are then checked against the way it says, so each error is reported once.
  const shipping = consolidation.shipping ?? 'own';
  if (shipping !== cheaper.shipping) {
    ctx.report({
      rule: 'SHIPPING',
      ...where,
      message: `${name}: ships ${shipping}, but for ${cheaper.chargeableKg} kg chargeable ${cheaper.shipping} is the cheaper way (or the only one)`,
      expected: cheaper.shipping,
      found: shipping,
    });
  }
  const looseOffered = lane.coLoad !== undefined;
  if (shipping === 'co_load' && !looseOffered) {
    ctx.report({ rule: 'SHIPPING', ...where, message: `${name}: ships co_load on lane ${lane.id}, which offers no co-load`, expected: 'own', found: shipping });
  }
  const cost =
    shipping === cheaper.shipping ? cheaper : shipping === 'co_load' && looseOffered ? coLoadCost(lane, weightKg, volumeM3) : ownConsolidationCost(lane, weightKg, volumeM3);

  const quantities: [string, number, number][] = [
    ['weightKg', weightKg, consolidation.weightKg],
    ['volumeM3', volumeM3, consolidation.volumeM3],
    ['chargeableKg', cost.chargeableKg, consolidation.chargeableKg],
  ];
  for (const [field, expected, found] of quantities) {
    if (!sameQuantity(expected, found)) {
      ctx.report({ rule: 'CONSOLIDATION', ...where, message: `${name}: ${field} is ${found}, its parcels give ${expected}`, expected, found });
    }
  }

  const uld = lane.uld;
  if (cost.shipping === 'co_load') {
    // Loose under the consolidator's MAWB: none of our ULDs, so none booked and no utilisation.
    if (consolidation.ulds !== 0 || consolidation.utilisation !== 0) {
      ctx.report({
        rule: 'SHIPPING',
        ...where,
        message: `${name}: ships co_load but books ${consolidation.ulds} ULDs at utilisation ${consolidation.utilisation}; co-load uses none of ours`,
        expected: 0,
        found: consolidation.ulds,
      });
    }
  } else if (uld === undefined) {
    if (consolidation.ulds !== 0) {
      ctx.report({ rule: 'CONSOLIDATION', ...where, message: `${name}: books ${consolidation.ulds} ULDs on lane ${lane.id}, which has no ULD type`, expected: 0, found: consolidation.ulds });
    }
  } else {
    const needed = uldsNeeded(uld, weightKg, volumeM3);
    if (consolidation.ulds < needed) {
      ctx.report({
        rule: 'ULDS_TOO_FEW',
        ...where,
        message: `${name}: ${weightKg.toFixed(3)} kg / ${volumeM3.toFixed(4)} m³ need ${needed} × ${uld.type}, the plan books ${consolidation.ulds}`,
        expected: needed,
        found: consolidation.ulds,
      });
    }
    const maxKg = consolidation.ulds * uld.maxKg;
    const maxM3 = consolidation.ulds * uld.maxM3;
    if (exceeds(weightKg, maxKg) || exceeds(volumeM3, maxM3)) {
      ctx.report({
        rule: 'ULD_OVERLOADED',
        ...where,
        message: `${name}: ${weightKg.toFixed(3)} kg / ${volumeM3.toFixed(4)} m³ in ${consolidation.ulds} × ${uld.type} (limits ${maxKg} kg / ${maxM3} m³)`,
        expected: `≤ ${maxKg} kg, ≤ ${maxM3} m³`,
        found: `${weightKg} kg, ${volumeM3} m³`,
      });
    }
    // Utilisation of the ULDs the plan books: the tariff's figure when it books what the tariff
    // counts, else recomputed on the booked count (whichever limit binds).
    const utilisation =
      consolidation.ulds === cost.ulds ? cost.utilisation : consolidation.ulds === 0 ? 0 : Math.max(weightKg / maxKg, volumeM3 / maxM3);
    if (utilisation <= 1 && !sameQuantity(utilisation, consolidation.utilisation)) {
      ctx.report({ rule: 'CONSOLIDATION', ...where, message: `${name}: utilisation is ${consolidation.utilisation}, its load gives ${utilisation}`, expected: utilisation, found: consolidation.utilisation });
    }
  }

  const costs: [string, number, number][] = [
    ['freightMinor', cost.freightMinor, consolidation.freightMinor],
    ['fixedMinor', cost.fixedMinor, consolidation.fixedMinor],
    ['uldMinor', cost.uldMinor, consolidation.uldMinor],
  ];
  for (const [field, expected, found] of costs) {
    if (expected !== found) {
      ctx.report({ rule: 'COST_COMPONENT', ...where, message: `${name}: ${field} is ${found}, the tariff gives ${expected}`, expected, found });
    }
  }

  const weights = members.map((m) => m.chargeableKg);
  const freightShares = allocateMinor(cost.freightMinor, weights);
  const fixedShares = allocateMinor(cost.fixedMinor + cost.uldMinor, weights);
  members.forEach((member, i) => {
    member.freightShareMinor += freightShares[i] ?? 0;
    member.consolidationShareMinor += fixedShares[i] ?? 0;
  });
}
