// A node limit is a work limit: a solve it stops says so (`limit: 'nodes'`), is not reported
// optimal, and gives the same answer every time; a limit that does not bind changes nothing.
import { describe, expect, it } from 'vitest';
import { highsBackend } from '../../src/solvers/highs-backend.js';
import { type LinearModel, ModelBuilder } from '../../src/solvers/linear-model.js';
import { lpSolverBackend } from '../../src/solvers/lp-solver-backend.js';

/** Seeded multi-row 0/1 knapsack (minimise −value): the root LP is fractional, so it branches. */
function knapsack(columns: number, rows: number, seed0: number): LinearModel {
  let seed = seed0;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const b = new ModelBuilder();
  const cols = Array.from({ length: columns }, (_, i) => b.column(`x${i}`, -Math.round(100 * rnd() + 1), { upper: 1, integer: true }));
  for (let k = 0; k < rows; k++) b.row(`c${k}`, cols.map((c) => [c, Math.round(100 * rnd() + 1)] as const), { upper: (columns * 50) / 3 + 0.5 });
  return b.model;
}

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
