// Solver backends by name. The optimiser receives one of these; nothing else imports a solver.
import type { SolverBackend } from './backend.js';
import { highsBackend } from './highs-backend.js';
import { lpSolverBackend } from './lp-solver-backend.js';

export type { SolveOptions, SolveResult, SolveStatus, SolverBackend } from './backend.js';
export { checkSolution } from './check.js';
export { type LinearModel, ModelBuilder, relaxIntegrality } from './linear-model.js';

export const BACKENDS: Readonly<Record<string, SolverBackend>> = {
  highs: highsBackend,
  'lp-solver': lpSolverBackend,
};
