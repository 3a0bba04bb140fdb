// Randomised cross-check: every backend proves the same optimum on small random consolidation
// MILPs (8–15 orders × 3 candidate routes, 4–6 lanes with fixed costs and integer ULDs), and
// every answer passes the independent checks. Seeded, so a failure replays exactly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BACKENDS } from '../../src/solvers/index.js';
import { answerProblem, nearlyEqual } from './answer-checks.js';
import { type ConsolidationSpec, consolidationModel, type LaneSpec, type OrderSpec } from './consolidation-model.js';

const laneArb: fc.Arbitrary<LaneSpec> = fc.record({
  fixedCostMinor: fc.integer({ min: 50, max: 250 }).map((k) => k * 1_000),
  uldCostMinor: fc.integer({ min: 20, max: 60 }).map((k) => k * 1_000),
  uldCapacityKg: fc.integer({ min: 10, max: 30 }).map((k) => k * 50),
});

function orderArb(laneCount: number): fc.Arbitrary<OrderSpec> {
  const route = fc.record({
    // One or two distinct lanes (a direct flight, or two legs).
    lanes: fc.uniqueArray(fc.integer({ min: 0, max: laneCount - 1 }), { minLength: 1, maxLength: 2 }),
    perKgCostMinor: fc.integer({ min: 20, max: 180 }),
  });
  return fc.record({
    weightKg: fc.integer({ min: 5, max: 150 }),
    routes: fc.array(route, { minLength: 3, maxLength: 3 }),
  });
}

const specArb: fc.Arbitrary<ConsolidationSpec> = fc.integer({ min: 4, max: 6 }).chain((laneCount) =>
  fc.record({
    lanes: fc.array(laneArb, { minLength: laneCount, maxLength: laneCount }),
    orders: fc.array(orderArb(laneCount), { minLength: 8, maxLength: 15 }),
  }),
);

describe('backends agree on random consolidation MILPs', () => {
  it(
    'every backend proves the same optimum, and every answer checks',
    async () => {
      const names = Object.keys(BACKENDS);
      await fc.assert(
        fc.asyncProperty(specArb, async (spec) => {
          const model = consolidationModel(spec);
          const objectives: number[] = [];
          for (const name of names) {
            const result = await (BACKENDS[name] as (typeof BACKENDS)[string]).solve(model);
            expect(result.status, name).toBe('optimal');
            expect(answerProblem(model, result), name).toBeNull();
            objectives.push(result.objective);
          }
          const [first] = objectives;
          for (const objective of objectives) expect(nearlyEqual(objective, first as number, 1e-6), `${objectives.join(' vs ')}`).toBe(true);
        }),
        { seed: 42, numRuns: 20 },
      );
    },
    // Twenty exact MILP solves per backend; generous because CI machines are shared.
    300_000,
  );
});
