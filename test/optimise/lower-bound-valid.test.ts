// bound ≤ optimum ≤ plan cost, where the optimum is HiGHS's proven optimum of the exact
// order-level MILP (instances of 20–30 orders, beyond enumeration), and the bound is the
// engine's own (Lagrangian and per-partition bounds, not the MILP's).
import { describe, expect, it } from 'vitest';
import { Assignment } from '../../src/optimise/model/assignment.js';
import { orderCandidates } from '../../src/optimise/choices/candidates.js';
import { lagrangianBound } from '../../src/optimise/bound/lagrangian-bound.js';
import { departureRates, lowerBound } from '../../src/optimise/bound/lower-bound.js';
import { buildMilp, choicesFromSolution } from '../../src/optimise/exact/milp.js';
import { examineOrder, type OrderFacts } from '../../src/optimise/choices/order-facts.js';
import { ProblemBuilder } from '../../src/optimise/model/problem.js';
import { StockLedger } from '../../src/optimise/ledger/stock-ledger.js';
import { highsBackend } from '../../src/solvers/highs-backend.js';
import { consolidationFixture, randomOrders } from './fixtures.js';

describe('lower bounds', () => {
  for (const [seed, count] of [[21, 20], [22, 25], [23, 30]] as const) {
    it(`seed ${seed}, ${count} orders: per-kg floor bound ≤ Lagrangian-or-less ≤ proven optimum`, async () => {
      const { ctx, model } = consolidationFixture();
      const { orders, stock } = randomOrders(seed, count);
      const ledger = new StockLedger(stock);
      const builder = new ProblemBuilder(model, (node, sku) => ledger.available(node, sku));
      for (const order of orders) {
        const candidates = orderCandidates(ctx, examineOrder(model, order) as OrderFacts, ledger, { k: 3, departuresPerLane: 2 });
        if (!('status' in candidates)) builder.add(candidates);
      }
      const { problem } = builder;
      const serve = problem.orders.map(() => true);
      const milp = buildMilp(problem, model.index, serve);
      const result = await highsBackend.solve(milp.model);
      expect(result.status).toBe('optimal');
      // Re-price the MILP's answer exactly: that is the optimum in real money.
      const best = new Assignment(problem, model.index);
      choicesFromSolution(milp, result.values).forEach((c, o) => best.assign(o, c));
      const optimum = best.recomputeTotal();
      const floor = lowerBound(problem, departureRates(problem, model.index), () => true);
      const lagrangian = lagrangianBound(problem, model.index, () => true, optimum, { iterations: 1000, patience: 30 }, best.prices());
      expect(floor).toBeLessThanOrEqual(optimum);
      expect(lagrangian).toBeLessThanOrEqual(optimum);
      // The Lagrangian bound is the stronger one on these consolidation instances.
      expect(lagrangian).toBeGreaterThan(floor);
    });
  }
});
