// Shared test plumbing: verify the fixture plan after one corruption, and find things in it.
import type { Network } from '../../src/domain/network.js';
import type { Order, StockRecord } from '../../src/domain/orders.js';
import type { Consolidation, Plan, PlanLeg, PlannedOrder, PlanParcel } from '../../src/domain/plan.js';
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
