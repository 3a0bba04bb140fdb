// Which consolidations of a plan are booked (their master air waybills bought from the
// airline): all of them, those departing before an instant, or a list of ids — the one rule
// the re-planner keeps and the verifier checks (src/verify/booked-parts.ts).
import { UsageError } from './errors.js';
import type { Plan, PlanParcel } from './plan.js';
import { parseInstant } from '../time/zone.js';

export interface Booking {
  /** Consolidations departing strictly before this instant (epoch ms) are booked. */
  beforeMs?: number;
  /** These consolidation ids are booked. */
  ids?: readonly string[];
}

/** Every consolidation of the plan is booked: no `beforeMs`, no `ids`. */
export const ALL_BOOKED: Booking = {};

/**
 * The booked consolidation ids of `plan`, in the plan's order. With neither `beforeMs` nor
 * `ids`, all; with both, those either names. An id the plan does not have is a usage error:
 * a typo would otherwise silently book nothing.
 */
export function bookedConsolidations(plan: Plan, booking: Booking): string[] {
  const everything = booking.beforeMs === undefined && booking.ids === undefined;
  const named = new Set(booking.ids ?? []);
  const known = new Set(plan.consolidations.map((c) => c.id));
  const unknown = [...named].filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new UsageError(`booked: the previous plan has no consolidation ${unknown.map((id) => `"${id}"`).join(', ')}`);
  }
  return plan.consolidations
    .filter((c) => everything || named.has(c.id) || (booking.beforeMs !== undefined && parseInstant(c.departure) < booking.beforeMs))
    .map((c) => c.id);
}

/** What must not change of a booked parcel: where it ships from, what it carries, every leg. */
export function parcelRoutingKey(p: Pick<PlanParcel, 'source' | 'mode' | 'lines' | 'legs'>): string {
  return JSON.stringify([p.source, p.mode, p.lines, p.legs.map((l) => [l.lane, l.departure, l.arrival, l.consolidation ?? null])]);
}
