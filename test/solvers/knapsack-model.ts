// A seeded multi-row 0/1 knapsack (minimise −value) for solver tests: its root LP is
// fractional, so a MILP solver has to branch.
import { type LinearModel, ModelBuilder } from '../../src/solvers/linear-model.js';

export function knapsack(columns: number, rows: number, seed0: number): LinearModel {
  let seed = seed0;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const b = new ModelBuilder();
  const cols = Array.from({ length: columns }, (_, i) => b.column(`x${i}`, -Math.round(100 * rnd() + 1), { upper: 1, integer: true }));
  for (let k = 0; k < rows; k++) b.row(`c${k}`, cols.map((c) => [c, Math.round(100 * rnd() + 1)] as const), { upper: (columns * 50) / 3 + 0.5 });
  return b.model;
}
