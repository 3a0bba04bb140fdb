// The one interface the optimiser talks to solvers through. Results are data to check:
// `checkSolution` re-tests every bound, row and integrality before a value is used.
import type { LinearModel } from './linear-model.js';

export interface SolveOptions {
  /**
   * Work budget: branch-and-bound nodes. A solve stopped by it gives the same answer on any
   * machine, at any load, so this is the limit the optimiser sets.
   */
  maxNodes?: number;
  /**
   * Wall-clock budget; backends stop at the next point they can. Answer-changing, so the
   * optimiser passes it only for the user's own time limit (and benches use it).
   */
  timeLimitMs?: number;
  /** Solve the LP relaxation (integer flags ignored). */
  relax?: boolean;
  /**
   * Only a solution with an objective below this is wanted: a backend may prune every branch
   * whose bound reaches it. An answer at or above it is therefore never `optimal` (it may be
   * `feasible`, or none may come back). A hint: a backend that cannot use it solves as without.
   */
  cutoff?: number;
}

export type SolveStatus =
  /** Proven optimal (within the backend's default MIP gap). */
  | 'optimal'
  /** A solution that passed the check, not proven optimal (node or time limit). */
  | 'feasible'
  | 'infeasible'
  /** No usable solution: a limit stopped the solve first, or the answer failed the check. */
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
  /** The limit that stopped the solve before it proved anything, when one did. */
  limit?: 'nodes' | 'time';
}

export interface SolverBackend {
  readonly name: string;
  solve(model: LinearModel, options?: SolveOptions): Promise<SolveResult>;
}
