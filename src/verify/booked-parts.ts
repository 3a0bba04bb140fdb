// BOOKED_CHANGED: a re-plan keeps what is booked. Given the previous plan and the ids of its
// booked consolidations, every booked consolidation that no disruption touched must still be
// in the plan — same id, lane and departure — with every parcel it carried, and each of those
// parcels exactly as it was (source, mode, lines, legs). "Touched" is judged here from the
// time model alone (the one closure rule it applies): a leg of one of its parcels departs on a
// departure that is no longer real, or clears on a port-day whose capacity is now below the
// network's. New parcels may join a booked consolidation: that is filling booked capacity.
import { parcelRoutingKey } from '../domain/bookings.js';
import type { Plan, PlanParcel } from '../domain/plan.js';
import type { VerifyContext } from './context.js';

export interface BookedParts {
  /** The plan re-planned. */
  previous: Plan;
  /** Ids of its booked consolidations (src/domain/bookings.ts). */
  consolidations: readonly string[];
}

export function checkBookedParts(ctx: VerifyContext, plan: Plan, booked: BookedParts): void {
  const oldParcels = parcelsOf(booked.previous);
  const newParcels = parcelsOf(plan);
  const newConsolidations = new Map(plan.consolidations.map((c) => [c.id, c]));
  const bookedIds = new Set(booked.consolidations);
  for (const old of booked.previous.consolidations) {
    if (!bookedIds.has(old.id)) continue;
    const riders = old.parcels.map((id) => oldParcels.get(id));
    if (riders.some((r) => r !== undefined && touched(ctx, r.parcel))) continue;
    const now = newConsolidations.get(old.id);
    if (now === undefined || now.lane !== old.lane || now.departure !== old.departure) {
      ctx.report({
        rule: 'BOOKED_CHANGED',
        consolidation: old.id,
        message: `booked consolidation ${old.id} is ${now === undefined ? 'gone' : `now on ${now.lane} at ${now.departure}`} though no disruption touched it`,
      });
      continue;
    }
    const listed = new Set(now.parcels);
    for (const id of old.parcels) {
      const before = oldParcels.get(id);
      const after = newParcels.get(id);
      const where = { consolidation: old.id, parcel: id, ...(before === undefined ? {} : { order: before.order }) };
      if (!listed.has(id)) {
        ctx.report({ rule: 'BOOKED_CHANGED', ...where, message: `booked consolidation ${old.id} no longer carries parcel ${id}` });
      } else if (before !== undefined && (after === undefined || after.order !== before.order || parcelRoutingKey(after.parcel) !== parcelRoutingKey(before.parcel))) {
        ctx.report({ rule: 'BOOKED_CHANGED', ...where, message: `parcel ${id} of booked consolidation ${old.id} changed (source, lines or legs) or is no longer planned` });
      }
    }
  }
}

/** Whether a disruption reaches the parcel: a departure gone, or a clearance day with less room. */
function touched(ctx: VerifyContext, parcel: PlanParcel): boolean {
  for (const leg of parcel.legs) {
    const departureMs = ctx.peekInstant(leg.departure);
    if (departureMs === null || !ctx.index.lanes.has(leg.lane)) return true;
    if (ctx.departureAt(leg.lane, departureMs) === null) return true;
    if (leg.mode === 'clearance') {
      const normal = ctx.index.nodes.get(leg.to)?.dailyParcelCapacity;
      const today = ctx.model.dailyParcelCapacity(leg.to, departureMs);
      if (today !== undefined && (normal === undefined || today < normal)) return true;
    }
  }
  return false;
}

function parcelsOf(plan: Plan): Map<string, { order: string; parcel: PlanParcel }> {
  const map = new Map<string, { order: string; parcel: PlanParcel }>();
  for (const answer of plan.orders) {
    if (answer.status !== 'planned') continue;
    for (const parcel of answer.parcels) if (!map.has(parcel.id)) map.set(parcel.id, { order: answer.order, parcel });
  }
  return map;
}

