// bound ≤ optimum ≤ plan cost, where the optimum is HiGHS's proven optimum of the exact
// order-level MILP (instances of 20–30 orders, beyond enumeration), and the bound is the
// engine's own (Lagrangian and per-partition bounds, not the MILP's).
import { describe, expect, it } from 'vitest';
import { Assignment } from '../../src/optimise/model/assignment.js';
import { lagrangianBound } from '../../src/optimise/bound/lagrangian-bound.js';
import { departureRates, lowerBound } from '../../src/optimise/bound/lower-bound.js';
import { buildMilp, choicesFromSolution } from '../../src/optimise/exact/milp.js';
import { highsBackend } from '../../src/solvers/highs-backend.js';
import { fixtureProblem } from './fixtures.js';

describe('lower bounds', () => {
  for (const [seed, count] of [[21, 20], [22, 25], [23, 30]] as const) {
    it(`seed ${seed}, ${count} orders: per-kg floor bound ≤ Lagrangian-or-less ≤ proven optimum`, async () => {
      const { problem, model } = fixtureProblem(seed, count);
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
