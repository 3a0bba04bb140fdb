// bound ≤ optimum ≤ plan cost, where the optimum is HiGHS's proven optimum of the exact
// order-level MILP (instances of 20–30 orders, beyond enumeration) over the kept choices —
// itself at least the true optimum — and the bound is the engine's own: the least each order
// adds on any itinerary the network allows (bound/any-routing.ts), not the MILP's.
import { describe, expect, it } from 'vitest';
import { anyRoutingBound, anyRoutingFloors } from '../../src/optimise/bound/any-routing.js';
import { Assignment } from '../../src/optimise/model/assignment.js';
import { buildMilp, choicesFromSolution } from '../../src/optimise/exact/milp.js';
import { highsBackend } from '../../src/solvers/highs-backend.js';
import { fixtureProblem } from './fixtures.js';

describe('lower bounds', () => {
  for (const [seed, count] of [[21, 20], [22, 25], [23, 30]] as const) {
    it(`seed ${seed}, ${count} orders: 0 < the bound over every itinerary ≤ proven optimum`, async () => {
      const { problem, model, ctx, factsOf } = fixtureProblem(seed, count);
      const serve = problem.orders.map(() => true);
      const milp = buildMilp(problem, model.index, serve);
      const result = await highsBackend.solve(milp.model);
      expect(result.status).toBe('optimal');
      // Re-price the MILP's answer exactly: that is the optimum in real money.
      const best = new Assignment(problem, model.index);
      choicesFromSolution(milp, result.values).forEach((c, o) => best.assign(o, c));
      const optimum = best.recomputeTotal();
      const all = () => true;
      const floors = anyRoutingFloors(ctx, problem, factsOf, all);
      expect(Array.from(floors).every(Number.isFinite)).toBe(true);
      const bound = anyRoutingBound(floors, all);
      expect(bound).toBeGreaterThan(0);
      expect(bound).toBeLessThanOrEqual(optimum);
    });
  }
});
