// Backend: javascript-lp-solver (the design card's solver; Unlicense, pure JS). Good on small
// models; its root LP cannot be interrupted and after a timeout it may report `feasible: true`
// for values that break constraints (see ../shared/SOLVERS.md), so the optimiser only hands it
// small models and every answer goes through checkSolution.
import lpModule, { type Model, type SolveResult as LpResult, type SolverAPI } from 'javascript-lp-solver';
import type { SolveOptions, SolveResult, SolverBackend } from './backend.js';
import { checkSolution, snapIntegers } from './check.js';
import { type LinearModel, objectiveOf } from './linear-model.js';

const COST = '__cost';

// The package's typings describe a CommonJS module while Node loads its ESM build, whose
// default export is the solver itself: accept both shapes.
const solver: SolverAPI =
  (lpModule as unknown as { default?: SolverAPI }).default ?? (lpModule as unknown as SolverAPI);

export function toLpSolverModel(model: LinearModel, options: SolveOptions): Model {
  const constraints: Model['constraints'] = {};
  const variables: Model['variables'] = {};
  const ints: Record<string, boolean> = {};
  // The library keeps every variable ≥ 0 unless it is listed as unrestricted.
  const unrestricted: Record<string, boolean> = {};
  model.rows.forEach((r, j) => {
    const bound: { min?: number; max?: number; equal?: number } = {};
    if (r.lower === r.upper) bound.equal = r.lower;
    else {
      if (Number.isFinite(r.lower)) bound.min = r.lower;
      if (Number.isFinite(r.upper)) bound.max = r.upper;
    }
    constraints[`r${j}`] = bound;
  });
  model.columns.forEach((c, i) => {
    const coefficients: Record<string, number> = { [COST]: c.cost };
    variables[`c${i}`] = coefficients;
    if (c.integer && !options.relax) ints[`c${i}`] = true;
    if (c.lower < 0) unrestricted[`c${i}`] = true;
    // Column bounds become rows of their own: the model format has no column bounds.
    const hasLower = c.lower !== 0 && Number.isFinite(c.lower);
    if (Number.isFinite(c.upper) || hasLower) {
      const bound: { min?: number; max?: number } = {};
      if (hasLower) bound.min = c.lower;
      if (Number.isFinite(c.upper)) bound.max = c.upper;
      constraints[`b${i}`] = bound;
      coefficients[`b${i}`] = 1;
    }
  });
  model.rows.forEach((r, j) => {
    for (const [i, a] of r.terms) {
      const coefficients = variables[`c${i}`];
      if (coefficients !== undefined) coefficients[`r${j}`] = (coefficients[`r${j}`] ?? 0) + a;
    }
  });
  const result: Model = { optimize: COST, opType: 'min', constraints, variables, ints, unrestricted };
  if (options.timeLimitMs !== undefined) result.options = { timeout: options.timeLimitMs };
  return result;
}

export const lpSolverBackend: SolverBackend = {
  name: 'lp-solver',
  solve(model: LinearModel, options: SolveOptions = {}): Promise<SolveResult> {
    const lpModel = toLpSolverModel(model, options);
    // Date.now() because that is the clock the library's own timeout reads (see below).
    const startMs = Date.now();
    const answer = solver.Solve(lpModel) as LpResult;
    const elapsedMs = Date.now() - startMs;
    // Branch-and-bound stops only once Date.now() passes (its own start + timeout), and its own
    // start is after ours: a solve that returned within the limit ran to the end.
    const timedOut = options.timeLimitMs !== undefined && options.timeLimitMs > 0 && elapsedMs >= options.timeLimitMs;
    const values = new Float64Array(model.columns.length);
    model.columns.forEach((_, i) => {
      const v = answer[`c${i}`];
      values[i] = typeof v === 'number' ? v : 0; // it lists only non-zero variables
    });
    const hasIntegers = !options.relax && model.columns.some((c) => c.integer);
    // An unbounded LP comes back as `feasible: true, bounded: false` with arbitrary values that
    // can pass the check: never let it through as a solution.
    if (answer.bounded === false) {
      return Promise.resolve({ status: 'no_solution', values, objective: NaN, bound: null, rejected: 'unbounded' });
    }
    if (!answer.feasible) {
      // After a timeout "not feasible" may only mean "none found yet".
      return Promise.resolve({ status: timedOut ? 'no_solution' : 'infeasible', values, objective: NaN, bound: null });
    }
    if (hasIntegers && answer.isIntegral !== true) {
      return Promise.resolve({ status: 'no_solution', values, objective: NaN, bound: null, rejected: 'solver returned a non-integral answer' });
    }
    const snapped = hasIntegers ? snapIntegers(model, values) : values;
    const rejected = checkSolution(model, snapped, options);
    if (rejected !== null) return Promise.resolve({ status: 'no_solution', values: snapped, objective: NaN, bound: null, rejected });
    const objective = objectiveOf(model, snapped);
    // Unless it hit the time limit, javascript-lp-solver ran branch-and-bound to the end (its
    // default tolerance is 0): optimal.
    const status = timedOut ? 'feasible' : 'optimal';
    return Promise.resolve({ status, values: snapped, objective, bound: !hasIntegers ? objective : status === 'optimal' ? objective : null });
  },
};
