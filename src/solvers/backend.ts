// The one interface the optimiser talks to solvers through. Results are data to check:
// `checkSolution` re-tests every bound, row and integrality before a value is used.
import type { LinearModel } from './linear-model.js';

export interface SolveOptions {
  /** Wall-clock budget for this solve; backends stop at the next point they can. */
  timeLimitMs?: number;
  /** Solve the LP relaxation (integer flags ignored). */
  relax?: boolean;
}

export type SolveStatus =
  /** Proven optimal (within the backend's default MIP gap). */
  | 'optimal'
  /** A solution that passed the check, not proven optimal (time limit). */
  | 'feasible'
  | 'infeasible'
  /** No usable solution: time ran out, or the backend's answer failed the check. */
  | 'no_solution';

export interface SolveResult {
  status: SolveStatus;
  /** Column values, in column order; meaningful for optimal/feasible only. */
  values: Float64Array;
  objective: number;
  /** A proven lower bound on the optimum when the backend reports one (MIP dual bound / LP optimum). */
  bound: number | null;
  /** Why a solution was rejected, when it was. */
  rejected?: string;
}

export interface SolverBackend {
  readonly name: string;
  solve(model: LinearModel, options?: SolveOptions): Promise<SolveResult>;
}
