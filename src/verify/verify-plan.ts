// The independent verifier: takes only the inputs and a plan (as untrusted data), recomputes
// every constraint and every cost from scratch, and lists what is wrong. It shares no code
// with any planner beyond the domain types and rules, the time model and the tariff functions
// (its route search for unplanned answers is its own: routes.ts), and it never throws on a bad
// plan: what it cannot even read is a SCHEMA violation.
import type { Order, StockRecord } from '../domain/orders.js';
import type { Plan, PlannedOrder } from '../domain/plan.js';
import type { TimeModel } from '../time/index.js';
import { type BookedParts, checkBookedParts } from './booked-parts.js';
import { checkDepartureCapacity, checkPortCapacity } from './capacity.js';
import { checkConsolidations, indexConsolidations } from './consolidations.js';
import { VerifyContext } from './context.js';
import { addCost, checkOrderCost, zeroCost } from './costs.js';
import type { ParcelFacts } from './facts.js';
import { checkOrderCoverage, checkUniqueIds } from './order-coverage.js';
import { checkPlannedOrder } from './planned-order.js';
import type { VerifyResult } from './rules.js';
import { StockLevels } from './order-sources.js';
import { PlanLoads } from './plan-loads.js';
import { RouteSearch } from './routes.js';
import { parsePlan } from './schema.js';
import { StockLedger } from './stock.js';
import { checkTotals } from './totals.js';
import { checkBoundCertificate } from './lower-bound.js';
import { checkUnplannedOrder } from './unplanned-order.js';

export interface VerifyInput {
  /** The time model over the network the plan was made for (its index is the network). */
  model: TimeModel;
  /** The batch the plan answers. */
  orders: readonly Order[];
  stock: readonly StockRecord[];
  /** A re-plan: the previous plan and its booked consolidations, which must stay (BOOKED_CHANGED). */
  booked?: BookedParts;
}

/** A plan from outside (a file, a request): it must parse with the `Plan` schema first (SCHEMA). */
export function verifyPlan(input: VerifyInput, plan: unknown): VerifyResult {
  const parsed = parsePlan(plan);
  if (!parsed.ok) return { ok: false, violations: parsed.violations, recomputedCostMinor: 0 };
  return verifyTypedPlan(input, parsed.plan);
}

/**
 * A plan the engine built from typed data, checked without the schema pass: every check but
 * SCHEMA's parse runs as for `verifyPlan` (instants are still read and judged one by one). The
 * parse would only confirm the plan's shape, which the type already fixes, and on a 100,000-order
 * plan it costs about half of the verification. The plan is read, never changed.
 */
export function verifyTypedPlan(input: VerifyInput, plan: Plan): VerifyResult {
  const orders = new Map<string, Order>();
  for (const order of input.orders) if (!orders.has(order.id)) orders.set(order.id, order);
  const ctx = new VerifyContext(input.model, orders);
  let recomputedCostMinor = 0;
  try {
    recomputedCostMinor = verifyParsedPlan(ctx, plan, input);
    if (input.booked !== undefined) checkBookedParts(ctx, plan, input.booked);
  } catch (error) {
    // A bug or an unforeseen input in the verifier itself: the plan is not verified, say so.
    ctx.report({ rule: 'UNCHECKABLE', message: `the verifier stopped: ${describe(error)}` });
  }
  return { ok: ctx.violations.length === 0, violations: ctx.violations, recomputedCostMinor };
}

function verifyParsedPlan(ctx: VerifyContext, plan: Plan, input: Pick<VerifyInput, 'orders' | 'stock'>): number {
  const { stock } = input;
  const currency = ctx.index.network.currency;
  if (plan.currency !== currency) {
    ctx.report({ rule: 'CURRENCY', message: `the plan is in ${plan.currency}, the network prices in ${currency}`, expected: currency, found: plan.currency });
  }
  checkOrderCoverage(ctx, plan, input.orders);
  checkUniqueIds(ctx, plan);

  const consolidations = indexConsolidations(plan.consolidations);

  const ledger = new StockLedger();
  const planned: { answer: PlannedOrder; facts: ParcelFacts[] }[] = [];
  const parcelsById = new Map<string, ParcelFacts>();
  for (const answer of plan.orders) {
    if (answer.status !== 'planned') continue;
    for (const parcel of answer.parcels) ledger.take(parcel);
    const order = ctx.orders.get(answer.order);
    if (order === undefined) continue; // ORDER_UNKNOWN: nothing to check its parcels against
    try {
      const facts = checkPlannedOrder(ctx, order, answer, consolidations);
      planned.push({ answer, facts });
      for (const f of facts) if (!parcelsById.has(f.parcel.id)) parcelsById.set(f.parcel.id, f);
    } catch (error) {
      ctx.report({ rule: 'UNCHECKABLE', order: answer.order, message: `order ${answer.order} could not be checked: ${describe(error)}` });
    }
  }
  ledger.check(ctx, stock);

  const loads = checkConsolidations(ctx, plan.consolidations, parcelsById);
  checkDepartureCapacity(ctx, loads);
  checkPortCapacity(ctx, planned.flatMap((p) => p.facts));

  const total = zeroCost();
  let taxMinor = 0;
  for (const { answer, facts } of planned) {
    try {
      const charges = checkOrderCost(ctx, answer, facts);
      addCost(total, charges.cost);
      taxMinor += charges.taxMinor;
    } catch (error) {
      ctx.report({ rule: 'UNCHECKABLE', order: answer.order, message: `the cost of order ${answer.order} could not be recomputed: ${describe(error)}` });
    }
  }
  checkTotals(ctx, plan, total, taxMinor);
  checkBoundCertificate(ctx, plan, stock);

  // Unplanned answers last: they are judged against what the planned orders use.
  const stockLevels = new StockLevels(stock, ledger);
  const routes = new RouteSearch(ctx);
  const planLoads = new PlanLoads(ctx, plan.consolidations, parcelsById, planned.flatMap((p) => p.facts));
  for (const answer of plan.orders) {
    if (answer.status !== 'unplanned') continue;
    const order = ctx.orders.get(answer.order);
    if (order === undefined) continue; // ORDER_UNKNOWN
    try {
      checkUnplannedOrder({ ctx, order, answer, stock: stockLevels, routes, loads: planLoads, timeLimited: plan.timeLimited });
    } catch (error) {
      ctx.report({ rule: 'UNCHECKABLE', order: answer.order, message: `the ${answer.reason} answer of order ${answer.order} could not be checked: ${describe(error)}` });
    }
  }
  return total.total;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
