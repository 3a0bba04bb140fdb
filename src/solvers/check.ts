// Independent check of a solver's answer against the model it was given. javascript-lp-solver
// has been seen to return `feasible: true` with values that break rows after a timeout, so no
// backend's word is taken: bounds, rows and integrality are all recomputed here.
import type { LinearModel } from './linear-model.js';

/** Absolute tolerance scaled by the row's magnitude: solvers work in floating point. */
const FEAS_TOL = 1e-6;
const INT_TOL = 1e-6;

export function checkSolution(model: LinearModel, values: ArrayLike<number>, options: { relax?: boolean } = {}): string | null {
  if (values.length !== model.columns.length) return `expected ${model.columns.length} values, got ${values.length}`;
  for (const [i, c] of model.columns.entries()) {
    const v = values[i] ?? NaN;
    if (!Number.isFinite(v)) return `column ${c.name} is not finite`;
    const tol = FEAS_TOL * Math.max(1, Math.abs(v));
    if (v < c.lower - tol || v > c.upper + tol) return `column ${c.name} = ${v} outside [${c.lower}, ${c.upper}]`;
    if (c.integer && !options.relax && Math.abs(v - Math.round(v)) > INT_TOL) return `column ${c.name} = ${v} is not integral`;
  }
  for (const r of model.rows) {
    let sum = 0;
    let scale = 1;
    for (const [j, a] of r.terms) {
      const term = a * (values[j] ?? 0);
      sum += term;
      scale = Math.max(scale, Math.abs(term));
    }
    const tol = FEAS_TOL * scale;
    if (sum < r.lower - tol || sum > r.upper + tol) return `row ${r.name} = ${sum} outside [${r.lower}, ${r.upper}]`;
  }
  return null;
}

/** Rounds integer columns that are within tolerance of an integer, so downstream code sees exact counts. */
export function snapIntegers(model: LinearModel, values: Float64Array): Float64Array {
  const out = Float64Array.from(values);
  model.columns.forEach((c, i) => {
    // `+ 0` turns the −0 that Math.round gives for tiny negative noise (−1e-10) into 0.
    if (c.integer) out[i] = Math.round(out[i] ?? 0) + 0;
  });
  return out;
}
