// The SolverBackend conformance spec: one suite that conformance.test.ts runs against every entry
// of BACKENDS (graphology's spec-factory pattern), so a new backend is tested by registering it.
// Every model is small enough that its optimum is worked out by hand in the comment above it.
import { describe, expect, it } from 'vitest';
import { type LinearModel, ModelBuilder, type SolveResult, type SolverBackend } from '../../src/solvers/index.js';
import { answerProblem } from './answer-checks.js';

/** Where the interface leaves a backend a choice, what this backend does (pinned, so a change shows). */
export interface BackendExpectations {
  /** A model whose LP relaxation is already infeasible. */
  infeasibleLp: 'infeasible' | 'no_solution';
  /** A model whose LP relaxation is feasible but which has no integer point. */
  infeasibleMilp: 'infeasible' | 'no_solution';
}

/** Fails with the reason when the answer is not a checked solution. */
function expectSolution(model: LinearModel, result: SolveResult, options: { relax?: boolean } = {}): void {
  expect(answerProblem(model, result, options)).toBeNull();
}

function expectValuesClose(values: Float64Array, expected: readonly number[]): void {
  expect(values).toHaveLength(expected.length);
  expected.forEach((v, i) => expect(values[i]).toBeCloseTo(v, 6));
}

// max 3x + 2y  s.t.  x + y ≤ 4,  x + 3y ≤ 7,  0 ≤ x ≤ 3,  y ≥ 0  (minimise the negative).
// Vertices: (0,0) 0; (3,0) 9; (3,1) 11; (2.5,1.5) 10.5; (0,7/3) 4.67 → optimum (3,1), value 11,
// with only x ≤ 3 and x + y ≤ 4 tight (non-degenerate): objective −11.
function twoVariableLp(): LinearModel {
  const b = new ModelBuilder();
  const x = b.column('x', -3, { upper: 3 });
  const y = b.column('y', -2);
  b.row('sum', [[x, 1], [y, 1]], { upper: 4 });
  b.row('mix', [[x, 1], [y, 3]], { upper: 7 });
  return b.model;
}

// min 2x + y + 3z  s.t.  x + y = 3,  x ≥ −4 (a row),  y + z ≥ 6;  x free, y ≥ 0, −2 ≤ z ≤ 5.
// y = 3 − x, so the objective is x + 3 + 3z and the last row says z ≥ 3 + x. As x ≥ −4, 3 + x ≥ −1
// > −2, so z = 3 + x and the objective is 4x + 12: least at x = −4 → y = 7, z = −1, objective −4.
// Both x and z end negative: a backend that keeps columns ≥ 0 gets this wrong.
function equalityWithNegativeColumns(): LinearModel {
  const b = new ModelBuilder();
  const x = b.column('x', 2, { lower: -Infinity });
  const y = b.column('y', 1);
  const z = b.column('z', 3, { lower: -2, upper: 5 });
  b.row('balance', [[x, 1], [y, 1]], { lower: 3, upper: 3 });
  b.row('floor', [[x, 1]], { lower: -4 });
  b.row('cover', [[y, 1], [z, 1]], { lower: 6 });
  return b.model;
}

// Knapsack, capacity 10, items (weight, value): A (5, 10), B (4, 40), C (6, 30), D (3, 50).
// Subsets that fit: B+D 7 kg → 90; C+D 9 → 80; B+C 10 → 70; A+D 8 → 60; A+B 9 → 50; singles
// ≤ 50; any three weigh ≥ 12. Integer optimum B+D = 90 → objective −90, values [0, 1, 0, 1].
// LP relaxation by value per kg: D 16.7, B 10, C 5, A 2 → D, B, then 3 of C's 6 kg:
// 50 + 40 + 15 = 105 → objective −105, values [0, 1, 0.5, 1].
function knapsack(): LinearModel {
  const b = new ModelBuilder();
  const items = [
    ['A', 5, 10],
    ['B', 4, 40],
    ['C', 6, 30],
    ['D', 3, 50],
  ] as const;
  const cols = items.map(([name, , value]) => b.column(name, -value, { upper: 1, integer: true }));
  b.row(
    'capacity',
    items.map(([, weight], i) => [cols[i] as number, weight] as const),
    { upper: 10 },
  );
  return b.model;
}

// Facility location. Facilities F1 (fixed 100, no capacity) and F2 (fixed 70, serves at most 2
// customers); customers c1..c3 each served once; serving costs F1: 20, 30, 70; F2: 60, 25, 20.
// Linking rows x(c, f) ≤ y(f); capacity row Σ x(c, F2) ≤ 2·y(F2).
//   F1 only: 100 + 20 + 30 + 70 = 220.
//   F2 only: infeasible (3 customers, capacity 2).
//   both: 170 + best split with ≤ 2 at F2 = c1→F1 20, c2→F2 25, c3→F2 20 → 170 + 65 = 235.
// Optimum: F1 only, 220. Columns: y1, y2, then x(c1,F1), x(c1,F2), x(c2,F1), … x(c3,F2).
function facilityLocation(): LinearModel {
  const b = new ModelBuilder();
  const y1 = b.column('y_F1', 100, { upper: 1, integer: true });
  const y2 = b.column('y_F2', 70, { upper: 1, integer: true });
  const serve = [
    [20, 60],
    [30, 25],
    [70, 20],
  ] as const;
  const atF2: [number, number][] = [];
  serve.forEach(([toF1, toF2], c) => {
    const x1 = b.column(`x_c${c + 1}_F1`, toF1, { upper: 1 });
    const x2 = b.column(`x_c${c + 1}_F2`, toF2, { upper: 1 });
    b.row(`serve_c${c + 1}`, [[x1, 1], [x2, 1]], { lower: 1, upper: 1 });
    b.row(`link_c${c + 1}_F1`, [[x1, 1], [y1, -1]], { upper: 0 });
    b.row(`link_c${c + 1}_F2`, [[x2, 1], [y2, -1]], { upper: 0 });
    atF2.push([x2, 1]);
  });
  b.row('capacity_F2', [...atF2, [y2, -2]], { upper: 0 });
  return b.model;
}

// Ranged row, upper side binding: min −x − 2y  s.t.  2 ≤ x + y ≤ 4,  y ≤ 3 (a row).
// Put as much as possible on y (3), the rest of the 4 on x (1): objective −1 − 6 = −7.
function rangedRowUpperBinding(): LinearModel {
  const b = new ModelBuilder();
  const x = b.column('x', -1);
  const y = b.column('y', -2);
  b.row('range', [[x, 1], [y, 1]], { lower: 2, upper: 4 });
  b.row('cap_y', [[y, 1]], { upper: 3 });
  return b.model;
}

// Ranged row, lower side binding, integers: min x + 2y  s.t.  2.5 ≤ x + y ≤ 4,  x, y integer.
// x + y must be 3 or 4; cheapest is all on x: x = 3, y = 0, objective 3 (x = 2, y = 1 costs 4).
function rangedRowLowerBindingMilp(): LinearModel {
  const b = new ModelBuilder();
  const x = b.column('x', 1, { integer: true });
  const y = b.column('y', 2, { integer: true });
  b.row('range', [[x, 1], [y, 1]], { lower: 2.5, upper: 4 });
  return b.model;
}

// x + y ≥ 5 and x + y ≤ 3 cannot both hold.
function infeasibleLp(): LinearModel {
  const b = new ModelBuilder();
  const x = b.column('x', 1);
  const y = b.column('y', 1);
  b.row('atLeast5', [[x, 1], [y, 1]], { lower: 5 });
  b.row('atMost3', [[x, 1], [y, 1]], { upper: 3 });
  return b.model;
}

// 2x = 1 with x integer: the LP relaxation (x = 0.5) is feasible, no integer point is.
function infeasibleMilp(): LinearModel {
  const b = new ModelBuilder();
  const x = b.column('x', 1, { integer: true });
  b.row('half', [[x, 2]], { lower: 1, upper: 1 });
  return b.model;
}

// min −x  s.t.  x − y ≤ 2, x, y ≥ 0: x = 2 + y grows without limit, the objective to −∞.
// (javascript-lp-solver answers `feasible: true, bounded: false` with x = 2, which passes the check.)
function unboundedLp(integer: boolean): LinearModel {
  const b = new ModelBuilder();
  const x = b.column('x', -1, { integer });
  const y = b.column('y', 0, { integer });
  b.row('gap', [[x, 1], [y, -1]], { upper: 2 });
  return b.model;
}

// min x  s.t.  x ≥ 1, plus a column in no row with zero cost and bounds [2, 5], integer.
// Optimum x = 1, objective 1; the loose column must still come back inside its bounds.
function looseColumn(): LinearModel {
  const b = new ModelBuilder();
  const x = b.column('x', 1);
  b.column('loose', 0, { lower: 2, upper: 5, integer: true });
  b.row('min1', [[x, 1]], { lower: 1 });
  return b.model;
}

export function solverBackendSpec(backend: SolverBackend, expected: BackendExpectations): void {
  describe(`SolverBackend conformance: ${backend.name}`, () => {
    it('solves a two-variable LP to its vertex optimum', async () => {
      const model = twoVariableLp();
      const result = await backend.solve(model);
      expect(result.status).toBe('optimal');
      expectSolution(model, result);
      expect(result.objective).toBeCloseTo(-11, 6);
      expectValuesClose(result.values, [3, 1]);
    });

    it('handles an equality row and free / negative-bounded columns that end negative', async () => {
      const model = equalityWithNegativeColumns();
      const result = await backend.solve(model);
      expect(result.status).toBe('optimal');
      expectSolution(model, result);
      expect(result.objective).toBeCloseTo(-4, 6);
      expectValuesClose(result.values, [-4, 7, -1]);
    });

    it('solves a knapsack MILP and returns its integer columns as exact integers', async () => {
      const model = knapsack();
      const result = await backend.solve(model);
      expect(result.status).toBe('optimal');
      expectSolution(model, result);
      expect(result.objective).toBe(-90);
      expect(Array.from(result.values)).toEqual([0, 1, 0, 1]);
      expect(Array.from(result.values).every((v) => Number.isInteger(v))).toBe(true);
    });

    it('reports optimal, not feasible, when it finishes well inside a time limit', async () => {
      const model = knapsack();
      const result = await backend.solve(model, { timeLimitMs: 20_000 });
      expect(result.status).toBe('optimal');
      expectSolution(model, result);
      expect(result.objective).toBe(-90);
    });

    it('returns the LP relaxation value on the knapsack with relax: true', async () => {
      const model = knapsack();
      const result = await backend.solve(model, { relax: true });
      expect(result.status).toBe('optimal');
      expectSolution(model, result, { relax: true });
      expect(result.objective).toBeCloseTo(-105, 6);
      expectValuesClose(result.values, [0, 1, 0.5, 1]);
      // The relaxation is a lower bound: strictly below the integer optimum −90 here.
      expect(result.objective).toBeLessThan(-90);
    });

    it('solves a facility-location MILP with fixed costs, linking rows and a capacity', async () => {
      const model = facilityLocation();
      const result = await backend.solve(model);
      expect(result.status).toBe('optimal');
      expectSolution(model, result);
      expect(result.objective).toBeCloseTo(220, 6);
      expect([result.values[0], result.values[1]]).toEqual([1, 0]);
      expectValuesClose(result.values, [1, 0, 1, 0, 1, 0, 1, 0]);
    });

    it('respects a ranged row at its upper side', async () => {
      const model = rangedRowUpperBinding();
      const result = await backend.solve(model);
      expect(result.status).toBe('optimal');
      expectSolution(model, result);
      expect(result.objective).toBeCloseTo(-7, 6);
      expectValuesClose(result.values, [1, 3]);
    });

    it('respects a ranged row at its lower side with integer columns', async () => {
      const model = rangedRowLowerBindingMilp();
      const result = await backend.solve(model);
      expect(result.status).toBe('optimal');
      expectSolution(model, result);
      expect(result.objective).toBe(3);
      expect(Array.from(result.values)).toEqual([3, 0]);
    });

    it('gives a column that appears in no row a value inside its bounds', async () => {
      const model = looseColumn();
      const result = await backend.solve(model);
      expect(result.status).toBe('optimal');
      expectSolution(model, result);
      expect(result.objective).toBeCloseTo(1, 6);
    });

    it(`reports an infeasible LP as '${expected.infeasibleLp}'`, async () => {
      const result = await backend.solve(infeasibleLp());
      expect(result.status).toBe(expected.infeasibleLp);
    });

    it(`reports a MILP with a feasible relaxation but no integer point as '${expected.infeasibleMilp}'`, async () => {
      const result = await backend.solve(infeasibleMilp());
      expect(result.status).toBe(expected.infeasibleMilp);
    });

    it('never returns a solution for an LP unbounded below', async () => {
      // The interface has no 'unbounded' status and the model is not infeasible: no_solution.
      const result = await backend.solve(unboundedLp(false));
      expect(result.status).toBe('no_solution');
      expect(result.rejected).toBeDefined();
    });

    it('never returns a solution for a MILP unbounded below', async () => {
      // HiGHS's MIP presolve says only "Primal infeasible or unbounded": no_solution, not infeasible.
      const result = await backend.solve(unboundedLp(true));
      expect(result.status).toBe('no_solution');
    });
  });
}
