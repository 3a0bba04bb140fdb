// The re-plan's account of itself (plan.replan): booked and kept consolidations, what the
// disruptions reached, churn against the previous plan (parcels moved, consolidations opened
// and dropped, booked ones filled further) and the orders that now miss their promise.
import { parcelRoutingKey } from '../../domain/bookings.js';
import type { Plan, PlanParcel } from '../../domain/plan.js';
import type { MissedPromise, ReplanReport } from '../../domain/replan-report.js';
import { parseInstant } from '../../time/time-model.js';
import type { KeptSelection } from './kept.js';

export interface ReportInput {
  previous: Plan;
  booked: readonly string[];
  booking: ReplanReport['booking'];
  selection: KeptSelection;
}

export function replanReport(input: ReportInput, plan: Plan): ReplanReport {
  const { previous, booked, selection } = input;
  const before = parcelsOf(previous);
  const after = parcelsOf(plan);
  const oldIds = new Set(previous.consolidations.map((c) => c.id));
  const newById = new Map(plan.consolidations.map((c) => [c.id, c]));
  const disrupted = new Set(selection.disrupted);
  const kept = booked.filter((id) => !disrupted.has(id) && newById.has(id));
  const oldParcelsOf = new Map(previous.consolidations.map((c) => [c.id, new Set(c.parcels)]));
  const previousIds = new Set(previous.orders.map((a) => a.order));

  const missedPromises: MissedPromise[] = [];
  const wasPlanned = new Set(previous.orders.filter((a) => a.status === 'planned').map((a) => a.order));
  for (const answer of plan.orders) {
    if (answer.status !== 'unplanned' || !wasPlanned.has(answer.order)) continue;
    const late =
      answer.deadline !== undefined && answer.earliestDelivery !== undefined
        ? Math.max(0, Math.ceil((parseInstant(answer.earliestDelivery) - parseInstant(answer.deadline)) / 60_000))
        : undefined;
    missedPromises.push({
      order: answer.order,
      reason: answer.reason,
      ...(answer.deadline === undefined ? {} : { deadline: answer.deadline }),
      ...(answer.earliestDelivery === undefined ? {} : { earliestDelivery: answer.earliestDelivery }),
      ...(late === undefined ? {} : { lateMinutes: late }),
    });
  }

  return {
    previous: { orders: previous.totals.orders, costMinor: previous.totals.cost.total },
    newOrders: plan.orders.filter((a) => !previousIds.has(a.order)).length,
    booking: input.booking,
    booked: [...booked],
    kept,
    disrupted: [...selection.disrupted],
    affectedParcels: [...selection.affectedParcels],
    churn: {
      parcelsMoved: [...before].filter(([id, p]) => {
        const now = after.get(id);
        return now === undefined || parcelRoutingKey(now) !== parcelRoutingKey(p);
      }).map(([id]) => id),
      consolidationsOpened: plan.consolidations.filter((c) => !oldIds.has(c.id)).map((c) => c.id),
      consolidationsDropped: previous.consolidations.filter((c) => !newById.has(c.id)).map((c) => c.id),
      bookedFilled: kept.filter((id) => {
        const had = oldParcelsOf.get(id) ?? new Set<string>();
        return (newById.get(id)?.parcels ?? []).some((p) => !had.has(p));
      }),
    },
    missedPromises,
  };
}

function parcelsOf(plan: Plan): Map<string, PlanParcel> {
  const map = new Map<string, PlanParcel>();
  for (const a of plan.orders) if (a.status === 'planned') for (const p of a.parcels) map.set(p.id, p);
  return map;
}
