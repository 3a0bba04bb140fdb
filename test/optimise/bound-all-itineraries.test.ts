// The plan's lower bound holds for every itinerary the network allows, not only for the
// choices the optimiser kept. Seven nodes: order B's only routing rides lane SHARED, whose
// departure costs CNY 1,000 whatever it carries; order A has four direct last-mile lanes at
// CNY 1.00 and a detour onto B's departure of SHARED at CNY 0.10 — cheap only because B
// already pays that departure. The optimum is the detour; the candidate search ranks it
// behind the four direct lanes (at a reference load SHARED looks dear), so the optimiser
// keeps only those, and a bound over the kept choices lies above the true optimum.
import { describe, expect, it } from 'vitest';
import { planBatch } from '../../src/engine/plan-batch.js';
import { Assignment } from '../../src/optimise/model/assignment.js';
import { orderCandidates } from '../../src/optimise/choices/candidates.js';
import { examineOrder, type OrderFacts } from '../../src/optimise/choices/order-facts.js';
import { type Problem, ProblemBuilder } from '../../src/optimise/model/problem.js';
import { StockLedger } from '../../src/optimise/ledger/stock-ledger.js';
import { DETOUR_ORDERS as ORDERS, DETOUR_STOCK as STOCK, detourFixture, SHARED_FIXED_MINOR as FIXED_MINOR } from './detour-fixture.js';

/** Both orders with up to `k` itineraries each, as the optimiser's problem. */
function problemWith(k: number): Problem {
  const { ctx, model } = detourFixture();
  const ledger = new StockLedger(STOCK);
  const builder = new ProblemBuilder(model, (node, sku) => ledger.available(node, sku));
  for (const order of ORDERS) {
    const found = orderCandidates(ctx, examineOrder(model, order) as OrderFacts, ledger, { k, departuresPerLane: 1 });
    if ('status' in found) throw new Error(`order ${order.id}: ${found.reason}`);
    builder.add(found);
  }
  return builder.problem;
}

/** The true optimum: every combination of every itinerary of both orders, priced exactly. */
function enumeratedOptimum(): { costMinor: number; detour: boolean } {
  const problem = problemWith(50);
  const { index } = detourFixture();
  let best = { costMinor: Infinity, detour: false };
  problem.orders[0]!.choices.forEach((a, ca) => {
    problem.orders[1]!.choices.forEach((_b, cb) => {
      const assignment = new Assignment(problem, index);
      assignment.assign(0, ca);
      assignment.assign(1, cb);
      const costMinor = assignment.recomputeTotal();
      if (costMinor < best.costMinor) best = { costMinor, detour: a.parcels[0]!.legs.some((l) => l.lane === 'SHARED') };
    });
  });
  return best;
}

describe('the lower bound covers every itinerary the network allows', () => {
  it('the network has five routings for A (four direct, one detour) and one for B; the optimum is the detour', () => {
    const problem = problemWith(50);
    expect(problem.orders[0]!.choices).toHaveLength(5);
    expect(problem.orders[1]!.choices).toHaveLength(1);
    const optimum = enumeratedOptimum();
    expect(optimum.detour).toBe(true);
    // B pays SHARED's departure; A adds its CNY 0.10 of own charges.
    expect(optimum.costMinor).toBe(FIXED_MINOR + 10);
  });

  it('the optimum over the kept choices alone (the four direct routings) lies above the true optimum', () => {
    // So no bound over the kept choices can be both tight and valid: it must look further.
    const kept = problemWith(4);
    expect(kept.orders[0]!.choices.every((c) => c.parcels[0]!.legs.every((l) => l.lane !== 'SHARED'))).toBe(true);
    const { index } = detourFixture();
    let keptOptimum = Infinity;
    kept.orders[0]!.choices.forEach((_a, ca) => {
      const assignment = new Assignment(kept, index);
      assignment.assign(0, ca);
      assignment.assign(1, 0);
      keptOptimum = Math.min(keptOptimum, assignment.recomputeTotal());
    });
    expect(kept.orders[1]!.choices).toHaveLength(1);
    expect(keptOptimum).toBeGreaterThan(enumeratedOptimum().costMinor);
  });

  it("the plan's stated bound is at most the enumerated optimum, which is at most the plan's cost", async () => {
    const { ctx } = detourFixture();
    const plan = await planBatch(ctx, ORDERS, STOCK, { solver: 'highs' });
    const optimum = enumeratedOptimum().costMinor;
    expect(plan.totals.lowerBoundMinor).not.toBeNull();
    expect(plan.totals.lowerBoundMinor!).toBeLessThanOrEqual(optimum);
    expect(optimum).toBeLessThanOrEqual(plan.totals.cost.total);
  });
});
