// Lookups over a plan shared by the renderers: which order a parcel belongs to, an order's
// answer by id, consolidations by id. Built on demand; plans are read, never changed.
import type { Consolidation, OrderAnswer, Plan, PlanParcel, PlannedOrder } from '../domain/plan.js';

/** Parcel id → the id of the order it belongs to. */
export function orderOfParcel(plan: Plan): Map<string, string> {
  const map = new Map<string, string>();
  for (const answer of plan.orders) {
    if (answer.status !== 'planned') continue;
    for (const parcel of answer.parcels) map.set(parcel.id, answer.order);
  }
  return map;
}

/** The answer for an order id, or undefined. */
export function findAnswer(plan: Plan, orderId: string): OrderAnswer | undefined {
  return plan.orders.find((a) => a.order === orderId);
}

export function consolidationsById(plan: Plan): Map<string, Consolidation> {
  return new Map(plan.consolidations.map((c) => [c.id, c]));
}

/** Every parcel of the plan with its order, in plan order. */
export function* plannedParcels(plan: Plan): Generator<{ order: PlannedOrder; parcel: PlanParcel }> {
  for (const answer of plan.orders) {
    if (answer.status !== 'planned') continue;
    for (const parcel of answer.parcels) yield { order: answer, parcel };
  }
}
