// Checks every answer from every backend must pass, whatever the model: shared by the
// conformance spec and the backends-agree property test. Kept free of vitest so the bench can
// run the same checks when it prints "answer checked".
import type { LinearModel, SolveResult } from '../../src/solvers/index.js';
import { checkSolution } from '../../src/solvers/index.js';

/** Σ cost·value, recomputed here rather than trusted from the backend. */
export function objectiveFromValues(model: LinearModel, values: ArrayLike<number>): number {
  let sum = 0;
  model.columns.forEach((c, i) => (sum += c.cost * (values[i] ?? NaN)));
  return sum;
}

/** Relative comparison with an absolute floor of 1 × tol, for objectives near zero. */
export function nearlyEqual(a: number, b: number, relTol: number): boolean {
  return Math.abs(a - b) <= relTol * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * Why an 'optimal' or 'feasible' answer is not acceptable, or null when it is: it must pass
 * checkSolution, report Σ cost·value as its objective, give exact integers for integer columns
 * (unless relaxed) and never claim a lower bound above its own objective.
 */
export function answerProblem(model: LinearModel, result: SolveResult, options: { relax?: boolean } = {}): string | null {
  if (result.status !== 'optimal' && result.status !== 'feasible') return `status is ${result.status}, not a solution`;
  const rejected = checkSolution(model, result.values, options);
  if (rejected !== null) return `checkSolution: ${rejected}`;
  const recomputed = objectiveFromValues(model, result.values);
  if (!nearlyEqual(result.objective, recomputed, 1e-9)) return `objective ${result.objective} but Σ cost·value = ${recomputed}`;
  if (!options.relax) {
    for (const [i, c] of model.columns.entries()) {
      const v = result.values[i] ?? NaN;
      if (c.integer && !Number.isInteger(v)) return `integer column ${c.name} = ${v} is not an exact integer`;
    }
  }
  if (result.bound !== null && result.bound > result.objective + 1e-9 * Math.max(1, Math.abs(result.objective))) {
    return `bound ${result.bound} above objective ${result.objective}`;
  }
  return null;
}
