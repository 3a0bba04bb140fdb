// On instances small enough to enumerate, the optimiser's plan costs exactly the optimum over
// the same candidate routings, and its lower bound is at most that optimum. The enumeration
// prices every combination with the tariff directly (Assignment.recomputeTotal) and checks
// capacity and stock through the same resource rules; it shares nothing with the search.
import { describe, expect, it } from 'vitest';
import { planBatch, type SolverName } from '../../src/engine/plan-batch.js';
import { Assignment } from '../../src/optimise/model/assignment.js';
import { orderCandidates } from '../../src/optimise/choices/candidates.js';
import { examineOrder, type OrderFacts } from '../../src/optimise/choices/order-facts.js';
import { ProblemBuilder } from '../../src/optimise/model/problem.js';
import { StockLedger } from '../../src/optimise/ledger/stock-ledger.js';
import { consolidationFixture, randomOrders } from './fixtures.js';

const CANDIDATES = { k: 2, departuresPerLane: 2 };

function enumerateOptimum(seed: number, count: number): { optimum: number; planned: number } {
  const { ctx, model } = consolidationFixture();
  const { orders, stock } = randomOrders(seed, count);
  const ledger = new StockLedger(stock);
  const builder = new ProblemBuilder(model, (node, sku) => ledger.available(node, sku));
  for (const order of orders) {
    const facts = examineOrder(model, order) as OrderFacts;
    const candidates = orderCandidates(ctx, facts, ledger, CANDIDATES);
    if (!('status' in candidates)) builder.add(candidates);
  }
  const { problem } = builder;
  let optimum = Infinity;
  const pick = new Array<number>(problem.orders.length).fill(0);
  const visit = (o: number, a: Assignment): void => {
    if (o === problem.orders.length) {
      optimum = Math.min(optimum, a.recomputeTotal());
      return;
    }
    problem.orders[o]!.choices.forEach((_, c) => {
      if (a.insertionCost(o, c) === Infinity) return;
      pick[o] = c;
      a.assign(o, c);
      visit(o + 1, a);
      a.unassign(o);
    });
  };
  visit(0, new Assignment(problem, model.index));
  return { optimum, planned: problem.orders.length };
}

describe('the optimiser on enumerable instances', () => {
  const solvers: SolverName[] = ['highs', 'lp-solver', 'heuristic'];
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`seed ${seed}: plan cost = enumerated optimum, bound ≤ optimum`, async () => {
      const { optimum, planned } = enumerateOptimum(seed, 6);
      expect(Number.isFinite(optimum)).toBe(true);
      const { ctx } = consolidationFixture();
      const { orders, stock } = randomOrders(seed, 6);
      for (const solver of solvers) {
        const plan = await planBatch(ctx, orders, stock, { solver, candidates: CANDIDATES });
        expect(plan.totals.planned, solver).toBe(planned);
        if (solver !== 'heuristic') expect(plan.totals.cost.total, solver).toBe(optimum);
        else expect(plan.totals.cost.total, solver).toBeGreaterThanOrEqual(optimum);
        expect(plan.totals.lowerBoundMinor, solver).not.toBeNull();
        expect(plan.totals.lowerBoundMinor!, solver).toBeLessThanOrEqual(optimum);
      }
    });
  }

  it('consolidates: the optimum is cheaper than the baseline when orders could share a flight', async () => {
    const { ctx } = consolidationFixture();
    const { orders, stock } = randomOrders(7, 8);
    const baseline = await planBatch(ctx, orders, stock, { solver: 'baseline', candidates: CANDIDATES });
    const optimised = await planBatch(ctx, orders, stock, { solver: 'highs', candidates: CANDIDATES });
    expect(optimised.totals.planned).toBe(baseline.totals.planned);
    expect(optimised.totals.cost.total).toBeLessThan(baseline.totals.cost.total);
    expect(optimised.consolidations.length).toBeLessThan(baseline.consolidations.length);
  });
});
