// A node limit is a work limit: a solve it stops says so (`limit: 'nodes'`), is not reported
// optimal, and gives the same answer every time; a limit that does not bind changes nothing.
import { describe, expect, it } from 'vitest';
import { highsBackend } from '../../src/solvers/highs-backend.js';
import { knapsack } from './knapsack-model.js';
import { lpSolverBackend } from '../../src/solvers/lp-solver-backend.js';

describe('node limits', () => {
  it('HiGHS: a limit of 1 node stops the search and says so; a generous one proves the optimum', async () => {
    const model = knapsack(60, 8, 7);
    const unlimited = await highsBackend.solve(model);
    expect(unlimited.status).toBe('optimal');
    const stopped = await highsBackend.solve(model, { maxNodes: 1 });
    expect(stopped.status).not.toBe('optimal');
    expect(stopped.limit).toBe('nodes');
    const generous = await highsBackend.solve(model, { maxNodes: 1_000_000 });
    expect(generous).toEqual(unlimited);
  });

  it('javascript-lp-solver: the counting clock stops it after the nodes, the same way each time', async () => {
    const model = knapsack(14, 3, 3);
    const stopped = await lpSolverBackend.solve(model, { maxNodes: 2 });
    expect(stopped.status).not.toBe('optimal');
    expect(stopped.limit).toBe('nodes');
    expect(await lpSolverBackend.solve(model, { maxNodes: 2 })).toEqual(stopped);
    const generous = await lpSolverBackend.solve(model, { maxNodes: 1_000_000 });
    const reference = await highsBackend.solve(model);
    expect(generous.status).toBe('optimal');
    expect(generous.limit).toBeUndefined();
    expect(generous.objective).toBeCloseTo(reference.objective, 6);
  });
});
