// A cutoff asks only for answers below it: HiGHS prunes by it (objective_bound) and answers the
// same optimum when the optimum lies below it. When nothing does, HiGHS still calls what it
// holds 'Optimal' (seen here: a far worse answer); the backend must not. The exact partition
// step passes one just above the local search's cost, so its answers are unchanged.
import { describe, expect, it } from 'vitest';
import { highsBackend } from '../../src/solvers/highs-backend.js';
import { knapsack } from './knapsack-model.js';

describe('a cutoff', () => {
  it('HiGHS: the same optimum when it lies below the cutoff; never optimal when nothing does', async () => {
    const model = knapsack(40, 6, 11);
    const free = await highsBackend.solve(model);
    expect(free.status).toBe('optimal');
    const above = await highsBackend.solve(model, { cutoff: free.objective + 1 });
    expect(above.status).toBe('optimal');
    expect(above.objective).toBeCloseTo(free.objective, 6);
    for (const cutoff of [free.objective - 0.5, free.objective - 50]) {
      const below = await highsBackend.solve(model, { cutoff });
      expect(below.status).not.toBe('optimal');
      expect(below.bound).toBeNull();
      if (below.status === 'feasible') expect(below.objective).toBeGreaterThanOrEqual(free.objective);
    }
  });

  it('HiGHS: a relaxed solve ignores it (the LP bound is wanted whatever it is)', async () => {
    const model = knapsack(40, 6, 11);
    const relaxed = await highsBackend.solve(model, { relax: true });
    const cut = await highsBackend.solve(model, { relax: true, cutoff: relaxed.objective - 100 });
    expect(cut.status).toBe(relaxed.status);
    expect(cut.objective).toBeCloseTo(relaxed.objective, 6);
  });
});
