// DEPARTURE_OVER_CAPACITY and PORT_OVER_CAPACITY: shared resources, summed over the whole plan.
import type { VerifyContext } from './context.js';
import type { DepartureLoad } from './consolidations.js';
import type { ParcelFacts } from './facts.js';

/** Σ ULDs booked on one (lane, departure) stays within the lane's allotment. */
export function checkDepartureCapacity(ctx: VerifyContext, loads: readonly DepartureLoad[]): void {
  for (const load of loads) {
    const max = load.lane.maxUldsPerDeparture;
    if (max === undefined || load.ulds <= max) continue;
    ctx.report({
      rule: 'DEPARTURE_OVER_CAPACITY',
      departure: ctx.departureLabel(load.lane, load.departureMs),
      consolidation: load.consolidations[0],
      message: `departure ${ctx.departureLabel(load.lane, load.departureMs)}: consolidations ${load.consolidations.join(', ')} book ${load.ulds} ULDs, the allotment is ${max}`,
      expected: `≤ ${max}`,
      found: load.ulds,
    });
  }
}

/**
 * A clearance port clears at most dailyParcelCapacity parcels per local calendar day; a parcel
 * counts on the local date (port's zone) its clearance leg into the port starts.
 */
export function checkPortCapacity(ctx: VerifyContext, parcels: Iterable<ParcelFacts>): void {
  const portCapacities = new Map<string, number>();
  for (const [key, count] of portDayCounts(ctx, parcels, portCapacities)) {
    const [port = '', date = ''] = key.split('|');
    const capacity = portCapacities.get(key) ?? Infinity;
    if (count > capacity) {
      ctx.report({
        rule: 'PORT_OVER_CAPACITY',
        node: port,
        message: `clearance port ${port} clears ${count} parcels on ${date}, its daily capacity is ${capacity}`,
        expected: `≤ ${capacity}`,
        found: count,
      });
    }
  }
}

/** Parcels per (port with a daily capacity, local date its clearance leg starts), in first-use order. */
export function portDayCounts(ctx: VerifyContext, parcels: Iterable<ParcelFacts>, capacities?: Map<string, number>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const facts of parcels) {
    facts.itinerary.lanes.forEach((lane, i) => {
      const departureMs = facts.itinerary.departuresMs[i] ?? null;
      if (lane?.mode !== 'clearance' || departureMs === null) return;
      const port = ctx.index.nodes.get(lane.to);
      if (port === undefined) return;
      // The day's capacity (a closure may change it for one day): per port-day, not per port.
      const capacity = ctx.model.dailyParcelCapacity(port.id, departureMs);
      if (capacity === undefined) return;
      const key = portDayKey(port.id, ctx.model.localDate(departureMs, port.id));
      counts.set(key, (counts.get(key) ?? 0) + 1);
      capacities?.set(key, capacity);
    });
  }
  return counts;
}

/** Node ids hold no '|' (the Id primitive), so the key splits back unambiguously. */
export function portDayKey(port: string, date: string): string {
  return `${port}|${date}`;
}
