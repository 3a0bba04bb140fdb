// Runs the one SolverBackend conformance spec (backend-spec.ts) against every registered backend.
import { describe, expect, it } from 'vitest';
import { BACKENDS } from '../../src/solvers/index.js';
import { type BackendExpectations, solverBackendSpec } from './backend-spec.js';

// What each backend reports where the interface allows either answer (measured, then pinned):
// HiGHS returns model status "Infeasible" for both; javascript-lp-solver returns
// `feasible: false` for both (its branch-and-bound finds every branch infeasible on the MILP).
const EXPECTED: Readonly<Record<string, BackendExpectations>> = {
  highs: { infeasibleLp: 'infeasible', infeasibleMilp: 'infeasible' },
  'lp-solver': { infeasibleLp: 'infeasible', infeasibleMilp: 'infeasible' },
};

describe('SolverBackend registry', () => {
  it('has pinned expectations for every registered backend', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(BACKENDS).sort());
  });

  it('registers each backend under its own name', () => {
    for (const [key, backend] of Object.entries(BACKENDS)) expect(backend.name).toBe(key);
  });
});

for (const [name, backend] of Object.entries(BACKENDS)) {
  // A backend missing from EXPECTED fails the registry test above; it still runs the spec.
  solverBackendSpec(backend, EXPECTED[name] ?? { infeasibleLp: 'infeasible', infeasibleMilp: 'infeasible' });
}
