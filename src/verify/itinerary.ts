// One parcel's itinerary, walked leg by leg: UNKNOWN_LANE, WRONG_ENDPOINTS, LEG_MODE,
// LEG_DISCONNECTED, NO_SUCH_DEPARTURE, WRONG_ARRIVAL, CUTOFF_MISSED, LOCAL_OFFSET.
// Times are recomputed from the schedules: after a real departure, the next leg is judged
// against that departure's true arrival, not the arrival the plan wrote down.
import type { Lane } from '../domain/network.js';
import type { Order } from '../domain/orders.js';
import type { PlanParcel } from '../domain/plan.js';
import type { VerifyContext, Where } from './context.js';

export interface ItineraryFacts {
  /** The lane of each leg; undefined where the plan names no such lane. */
  lanes: (Lane | undefined)[];
  /** Each leg's departure in epoch ms; null where it is not a real instant. */
  departuresMs: (number | null)[];
  /** True arrival of the last leg (the real departure's arrival where known), or null. */
  deliveredMs: number | null;
}

const MINUTE_MS = 60_000;

export function checkItinerary(ctx: VerifyContext, order: Order, parcel: PlanParcel, createdMs: number | null): ItineraryFacts {
  const facts: ItineraryFacts = { lanes: [], departuresMs: [], deliveredMs: null };
  const base: Where = { order: order.id, parcel: parcel.id };
  let previousTo = parcel.source;
  let previousArrivalMs: number | null = createdMs;

  parcel.legs.forEach((leg, i) => {
    const lane = ctx.index.lanes.get(leg.lane);
    const departureMs = ctx.instant(leg.departure, base, `legs[${i}].departure`);
    const reportedArrivalMs = ctx.instant(leg.arrival, base, `legs[${i}].arrival`);
    facts.lanes.push(lane);
    facts.departuresMs.push(departureMs);
    const label = `parcel ${parcel.id} leg ${i} (${leg.lane})`;

    if (lane === undefined) {
      ctx.report({ rule: 'UNKNOWN_LANE', ...base, message: `${label}: the network has no lane ${leg.lane}`, found: leg.lane });
      previousTo = leg.to;
      previousArrivalMs = reportedArrivalMs;
      return;
    }
    // The printable departure id costs a time-zone conversion: only build it for a report.
    const at = (): Where => (departureMs === null ? base : { ...base, departure: ctx.departureLabel(lane, departureMs) });

    if (leg.from !== lane.from || leg.to !== lane.to) {
      ctx.report({
        rule: 'WRONG_ENDPOINTS',
        ...at(),
        message: `${label}: says ${leg.from} → ${leg.to}, the lane runs ${lane.from} → ${lane.to}`,
        expected: `${lane.from} → ${lane.to}`,
        found: `${leg.from} → ${leg.to}`,
      });
    }
    if (leg.mode !== lane.mode) {
      ctx.report({ rule: 'LEG_MODE', ...at(), message: `${label}: mode ${leg.mode}, the lane is ${lane.mode}`, expected: lane.mode, found: leg.mode });
    }
    if (i === 0 && lane.from !== parcel.source) {
      ctx.report({
        rule: 'WRONG_ENDPOINTS',
        ...at(),
        message: `${label}: the first leg leaves ${lane.from}, but the parcel is sourced at ${parcel.source}`,
        expected: parcel.source,
        found: lane.from,
      });
    } else if (i > 0 && lane.from !== previousTo) {
      ctx.report({
        rule: 'LEG_DISCONNECTED',
        ...at(),
        message: `${label}: leaves ${lane.from}, but the previous leg ended at ${previousTo}`,
        expected: previousTo,
        found: lane.from,
      });
    }

    let arrivalMs = reportedArrivalMs;
    if (departureMs !== null) {
      const real = ctx.departureAt(lane.id, departureMs);
      if (real === null) {
        ctx.report({
          rule: 'NO_SUCH_DEPARTURE',
          ...at(),
          message: `${label}: lane ${lane.id} has no departure at ${leg.departure}`,
          found: leg.departure,
        });
      } else {
        if (reportedArrivalMs !== real.arrivalMs) {
          ctx.report({
            rule: 'WRONG_ARRIVAL',
            ...at(),
            message: `${label}: arrival written as ${leg.arrival}, the departure arrives ${ctx.model.toLocalIso(real.arrivalMs, lane.to)}`,
            expected: ctx.model.toLocalIso(real.arrivalMs, lane.to),
            found: leg.arrival,
          });
        }
        arrivalMs = real.arrivalMs;
      }
      checkBoarding(ctx, lane, i, departureMs, previousArrivalMs, label, at);
      ctx.checkOffset(leg.departure, departureMs, lane.from, `${label} departure`, at);
    }
    if (reportedArrivalMs !== null) ctx.checkOffset(leg.arrival, reportedArrivalMs, lane.to, `${label} arrival`, at);

    previousTo = lane.to;
    previousArrivalMs = arrivalMs;
  });

  if (previousTo !== order.destination) {
    ctx.report({
      rule: 'WRONG_ENDPOINTS',
      ...base,
      message: `parcel ${parcel.id}: the last leg ends at ${previousTo}, order ${order.id} goes to ${order.destination}`,
      expected: order.destination,
      found: previousTo,
    });
  }
  facts.deliveredMs = previousArrivalMs;
  return facts;
}

/**
 * Whether the parcel can board: it reaches the origin at `reachedMs` (the order's creation for
 * the first leg), spends the node's handling time there, and must then be ready by the cut-off
 * (weekly lanes) or by the departure itself (continuous and working-time lanes).
 */
function checkBoarding(
  ctx: VerifyContext,
  lane: Lane,
  i: number,
  departureMs: number,
  reachedMs: number | null,
  label: string,
  at: () => Where,
): void {
  if (reachedMs === null) return;
  if (i > 0 && reachedMs > departureMs) {
    ctx.report({
      rule: 'LEG_DISCONNECTED',
      ...at(),
      message: `${label}: departs ${ctx.model.toLocalIso(departureMs, lane.from)}, before the previous leg arrives at ${ctx.model.toLocalIso(reachedMs, lane.from)}`,
      expected: `departure ≥ ${ctx.model.toLocalIso(reachedMs, lane.from)}`,
      found: ctx.model.toLocalIso(departureMs, lane.from),
    });
    return;
  }
  if (!ctx.index.nodes.has(lane.from)) return;
  const readyMs = ctx.model.readyToLeave(lane.from, reachedMs);
  const cutoffMinutes = lane.schedule.kind === 'weekly' ? lane.schedule.cutoffMinutes : 0;
  const latestReadyMs = departureMs - cutoffMinutes * MINUTE_MS;
  if (readyMs > latestReadyMs) {
    const what = i === 0 ? 'the order is created and handled' : 'the parcel is handled';
    ctx.report({
      rule: 'CUTOFF_MISSED',
      ...at(),
      message:
        `${label}: ${what} at ${lane.from} by ${ctx.model.toLocalIso(readyMs, lane.from)}, ` +
        `after the ${cutoffMinutes > 0 ? `${cutoffMinutes}-minute cut-off` : 'departure'} at ${ctx.model.toLocalIso(latestReadyMs, lane.from)}`,
      expected: `ready ≤ ${ctx.model.toLocalIso(latestReadyMs, lane.from)}`,
      found: ctx.model.toLocalIso(readyMs, lane.from),
    });
  }
}
