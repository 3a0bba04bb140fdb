// Itineraries priced against the plan (src/optimise/search/reroute.ts): an order moves onto a
// departure none of its candidates ride when another order already pays for it — and only then.
import { describe, expect, it } from 'vitest';
import { planBatch } from '../../../src/engine/plan-batch.js';
import { orderCandidates } from '../../../src/optimise/choices/candidates.js';
import { examineOrder, type OrderFacts } from '../../../src/optimise/choices/order-facts.js';
import { StockLedger } from '../../../src/optimise/ledger/stock-ledger.js';
import { Assignment } from '../../../src/optimise/model/assignment.js';
import { ProblemBuilder } from '../../../src/optimise/model/problem.js';
import { DEFAULT_REROUTE, rerouteAgainstPlan } from '../../../src/optimise/search/reroute.js';
import { DETOUR_ORDERS, DETOUR_STOCK, detourFixture, SHARED_FIXED_MINOR } from '../detour-fixture.js';

const ridesShared = (legs: readonly { lane: string }[]): boolean => legs.some((l) => l.lane === 'SHARED');

/** The detour network's problem with each order's 4 cheapest solo itineraries, A on its cheapest. */
function started(withB: boolean) {
  const { ctx, model, index } = detourFixture();
  const ledger = new StockLedger(DETOUR_STOCK);
  const builder = new ProblemBuilder(model, (node, sku) => ledger.available(node, sku));
  const facts = DETOUR_ORDERS.map((o) => examineOrder(model, o) as OrderFacts);
  for (const f of facts) {
    const found = orderCandidates(ctx, f, ledger, { k: 4, departuresPerLane: 1 });
    if ('status' in found) throw new Error(`order ${f.order.id}: ${found.reason}`);
    builder.add(found);
  }
  const a = new Assignment(builder.problem, index);
  a.assign(0, 0);
  if (withB) a.assign(1, 0);
  return { ctx, builder, a, facts };
}

describe('itineraries priced against the plan', () => {
  it("A's candidates miss the detour onto B's departure", () => {
    const { a } = started(true);
    expect(a.problem.orders[0]!.choices.some((c) => c.parcels.some((p) => ridesShared(p.legs)))).toBe(false);
    expect(a.total).toBe(SHARED_FIXED_MINOR + 100); // B's departure and A's direct lane
  });

  it('moves A onto the departure B pays for, as a new choice, and prices the plan exactly', () => {
    const { ctx, builder, a, facts } = started(true);
    const before = a.problem.orders[0]!.choices.length;
    const stats = rerouteAgainstPlan(ctx, builder, a, (o) => facts[o], DEFAULT_REROUTE);
    expect(stats.moved).toBe(1);
    expect(a.problem.orders[0]!.choices).toHaveLength(before + 1);
    expect(a.choiceOf[0]).toBe(before);
    expect(ridesShared(a.choice(0, before).parcels[0]!.legs)).toBe(true);
    // B's departure, and A's CNY 0.10 of own charges on the detour.
    expect(a.total).toBe(SHARED_FIXED_MINOR + 10);
    expect(a.recomputeTotal()).toBe(a.total);
  });

  it('leaves A where it is when nobody pays for that departure (alone it costs CNY 1,000)', () => {
    const { ctx, builder, a, facts } = started(false);
    const stats = rerouteAgainstPlan(ctx, builder, a, (o) => facts[o], DEFAULT_REROUTE);
    expect(stats.moved).toBe(0);
    expect(a.choiceOf[0]).toBe(0);
    expect(a.total).toBe(100);
  });

  it('stops on its budget of orders', () => {
    const { ctx, builder, a, facts } = started(true);
    // B, alone on a CNY 1,000 departure, is the dearer per kg and is searched first; A, on a
    // lane with no departure charges, second: a budget of one order never reaches it.
    const stats = rerouteAgainstPlan(ctx, builder, a, (o) => facts[o], { ...DEFAULT_REROUTE, maxOrders: 1 });
    expect(stats.moved).toBe(0);
    expect(a.total).toBe(SHARED_FIXED_MINOR + 100);
  });

  it('the planner plans the optimum: A on the detour', async () => {
    const { ctx } = detourFixture();
    const plan = await planBatch(ctx, DETOUR_ORDERS, DETOUR_STOCK, { solver: 'highs' });
    expect(plan.totals.cost.total).toBe(SHARED_FIXED_MINOR + 10);
    const a = plan.orders.find((o) => o.order === 'A');
    expect(a?.status === 'planned' && ridesShared(a.parcels[0]!.legs)).toBe(true);
    expect(plan.totals.lowerBoundMinor).not.toBeNull();
    expect(plan.totals.lowerBoundMinor!).toBeLessThanOrEqual(plan.totals.cost.total);
  });
});
