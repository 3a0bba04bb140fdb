// Shared test plumbing: verify the fixture plan after one corruption, and find things in it.
import type { Network } from '../../src/domain/network.js';
import { Order as OrderSchema, type Order, type StockRecord } from '../../src/domain/orders.js';
import type { Consolidation, Plan, PlanLeg, PlannedOrder, PlanParcel, UnplannedOrder } from '../../src/domain/plan.js';
import { type Violation, type VerifyResult, type VerifyRule, verifyPlan } from '../../src/verify/index.js';
import { fixtureInputs, validPlan } from './fixtures.js';

export interface Alterations {
  network?: (n: Network) => void;
  orders?: (o: Order[]) => void;
  stock?: (s: StockRecord[]) => void;
}

/** Verifies the valid fixture plan after `corrupt` changed it (and `alter` the inputs). */
export function verifyCorrupted(corrupt: (plan: Plan) => void = () => {}, alter: Alterations = {}): VerifyResult {
  const plan = validPlan();
  corrupt(plan);
  return verifyPlan(fixtureInputs(alter), plan);
}

/** The distinct rules broken, sorted: tests pin exactly which rules one corruption trips. */
export function rulesOf(result: VerifyResult): VerifyRule[] {
  return [...new Set(result.violations.map((v) => v.rule))].sort();
}

export function violationsOf(result: VerifyResult, rule: VerifyRule): Violation[] {
  return result.violations.filter((v) => v.rule === rule);
}

export function plannedOrder(plan: Plan, orderId: string): PlannedOrder {
  const answer = plan.orders.find((a) => a.order === orderId);
  if (answer?.status !== 'planned') throw new Error(`test: ${orderId} is not planned in the fixture`);
  return answer;
}

export function parcelOf(plan: Plan, orderId: string): PlanParcel {
  const parcel = plannedOrder(plan, orderId).parcels[0];
  if (parcel === undefined) throw new Error(`test: ${orderId} has no parcel`);
  return parcel;
}

export function legOf(plan: Plan, orderId: string, lane: string): PlanLeg {
  const leg = parcelOf(plan, orderId).legs.find((l) => l.lane === lane);
  if (leg === undefined) throw new Error(`test: ${orderId} has no leg on ${lane}`);
  return leg;
}

export function consolidationOf(plan: Plan, id: string): Consolidation {
  const consolidation = plan.consolidations.find((c) => c.id === id);
  if (consolidation === undefined) throw new Error(`test: no consolidation ${id}`);
  return consolidation;
}

/**
 * Turns a planned order (one that rides no consolidation) into `answer` and keeps the totals
 * true: its cost leaves them, the counts move, the gap follows the new cost.
 */
export function unplan(plan: Plan, orderId: string, answer: Omit<UnplannedOrder, 'order' | 'status'>): void {
  const at = plan.orders.findIndex((a) => a.order === orderId);
  const old = plan.orders[at];
  if (old?.status !== 'planned') throw new Error(`test: ${orderId} is not planned in the fixture`);
  const parcelIds = new Set(old.parcels.map((p) => p.id));
  if (plan.consolidations.some((c) => c.parcels.some((id) => parcelIds.has(id)))) throw new Error(`test: ${orderId} rides a consolidation`);
  plan.orders[at] = { order: orderId, status: 'unplanned', ...answer };
  const totals = plan.totals;
  const cost = totals.cost as Record<string, number>;
  for (const [component, minor] of Object.entries(old.cost as Record<string, number>)) cost[component] = (cost[component] ?? 0) - minor;
  const oldTax = (old as { taxMinor?: number }).taxMinor;
  const totalsTax = totals as { taxMinor?: number };
  if (oldTax !== undefined && totalsTax.taxMinor !== undefined) totalsTax.taxMinor -= oldTax;
  totals.planned -= 1;
  totals.unplanned[answer.reason] = (totals.unplanned[answer.reason] ?? 0) + 1;
  if (totals.lowerBoundMinor !== null) totals.gap = (totals.cost.total - totals.lowerBoundMinor) / totals.cost.total;
}

/** Answers one more order (added to the batch with `alter.orders`) as `answer`, totals kept true. */
export function answerExtra(plan: Plan, orderId: string, answer: Omit<UnplannedOrder, 'order' | 'status'>): void {
  plan.orders.push({ order: orderId, status: 'unplanned', ...answer });
  plan.totals.orders += 1;
  plan.totals.unplanned[answer.reason] = (plan.totals.unplanned[answer.reason] ?? 0) + 1;
}

/** An extra order for the batch: O5, created with O1, by direct mail to ZONE-SH, `lines` as given. */
export function extraOrder(fields: Partial<Order> = {}): Order {
  return OrderSchema.parse({
    id: 'O5',
    createdAt: '2026-11-10T06:00:00-08:00',
    destination: 'ZONE-SH',
    serviceLevel: 'DM-6',
    lines: [{ sku: 'SKU-B', qty: 1, unitWeightKg: 2.1, unitVolumeM3: 0.012, unitValueMinor: 10000 }],
    ...fields,
  });
}
