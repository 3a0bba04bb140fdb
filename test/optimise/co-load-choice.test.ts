// Per departure the optimiser ships loose (co-load) or consolidates on our own MAWB, whichever
// is cheaper for the load it carries: the incremental pricing (Assignment), the exact MILP and
// the assembled plan agree with the tariff's choice, and the bound stays below the optimum.
import { describe, expect, it } from 'vitest';
import { planBatch } from '../../src/engine/plan-batch.js';
import { Assignment } from '../../src/optimise/model/assignment.js';
import { anyRoutingBound, anyRoutingFloors } from '../../src/optimise/bound/any-routing.js';
import { buildMilp, choicesFromSolution } from '../../src/optimise/exact/milp.js';
import type { Problem } from '../../src/optimise/model/problem.js';
import { highsBackend } from '../../src/solvers/highs-backend.js';
import { consolidationTotalMinor, consolidationCost } from '../../src/tariff/index.js';
import { consolidationFixture, fixtureProblem, oneDeparture, randomOrders } from './fixtures.js';

// AIR-A of the fixture: M 20,000; N 2,000/kg; +45 1,600; +100 1,200; MAWB 60,000; 10,000 per
// AKE (1,588 kg), at most 2. The offer: 1,600 per kg (1.33 × the +100 rate), minimum 30,000.
const CO_LOAD = { perKgMinor: 1_600, minChargeMinor: 30_000 };

async function milpOptimum(problem: Problem, index: ReturnType<typeof consolidationFixture>['index']) {
  const milp = buildMilp(problem, index, problem.orders.map(() => true));
  const result = await highsBackend.solve(milp.model);
  expect(result.status).toBe('optimal');
  const assignment = new Assignment(problem, index);
  choicesFromSolution(milp, result.values).forEach((c, o) => assignment.assign(o, c));
  return { objective: result.objective, assignment };
}

describe('co-load chosen per departure', () => {
  const { index } = consolidationFixture(CO_LOAD);
  const airA = index.lanes.get('AIR-A')!;

  it('a small load ships loose: Assignment and MILP both price 1,000 + 30,000', async () => {
    // 10 kg: own 60,000 + 10,000 + max(20,000, 2,000 × 10) = 90,000; co-load max(30,000, 16,000) = 30,000.
    expect(consolidationCost(airA, 10, 0.01).shipping).toBe('co_load');
    const problem = oneDeparture([10]);
    const a = new Assignment(problem, index);
    a.assign(0, 0);
    expect(a.total).toBe(31_000);
    const { objective, assignment } = await milpOptimum(problem, index);
    expect(objective).toBeCloseTo(31_000, 3);
    expect(assignment.recomputeTotal()).toBe(31_000);
  });

  it('a big load consolidates on our own MAWB: 4 × 250 kg cost 4,000 + 1,270,000', async () => {
    // 1,000 kg in 1 AKE: own 60,000 + 10,000 + 1,200 × 1,000 = 1,270,000; co-load 1,600,000.
    expect(consolidationCost(airA, 1_000, 0.04).shipping).toBe('own');
    const { objective, assignment } = await milpOptimum(oneDeparture([250, 250, 250, 250]), index);
    expect(objective).toBeCloseTo(1_274_000, 3);
    expect(assignment.recomputeTotal()).toBe(1_274_000);
  });

  it('pruneOwn: own rows left out only where they can never win, with the same optimum', async () => {
    // 3 × 10 kg: own costs at least 60,000 + 10,000 + 20,000 = 90,000, loose at most
    // max(30,000, 1,600 × 30) = 48,000: the own rows go, the optimum stays 3,000 + 48,000.
    const light = oneDeparture([10, 10, 10]);
    const full = buildMilp(light, index, [true, true, true]);
    const pruned = buildMilp(light, index, [true, true, true], { pruneOwn: true });
    expect(pruned.model.columns.length).toBeLessThan(full.model.columns.length);
    expect(pruned.model.columns.some((c) => /^[ynhzqF]\d/.test(c.name))).toBe(false);
    const [a, b] = await Promise.all([highsBackend.solve(full.model), highsBackend.solve(pruned.model)]);
    expect(a.status).toBe('optimal');
    expect(b.status).toBe('optimal');
    expect(b.objective).toBeCloseTo(a.objective, 6);
    expect(b.objective).toBeCloseTo(51_000, 3);
    // 4 × 250 kg: own (1,270,000) beats loose (1,600,000), so nothing is left out.
    const heavy = oneDeparture([250, 250, 250, 250]);
    const serve = [true, true, true, true];
    expect(buildMilp(heavy, index, serve, { pruneOwn: true }).model).toEqual(buildMilp(heavy, index, serve).model);
  });

  it('the MILP weighs co-load against not flying at all', async () => {
    // Two 10 kg orders, each also servable for 20,000 without the flight. Both fly loose:
    // 2 × 1,000 + max(30,000, 1,600 × 20 = 32,000) = 34,000 < 40,000 (both grounded) and
    // < 1,000 + 30,000 + 20,000 = 51,000 (one each way). Without co-load, flying would cost
    // 2,000 + 70,000 + 20,000 (minimum) = 92,000, so both stay grounded at 40,000.
    const problem = oneDeparture([10, 10], 20_000);
    const withOffer = await milpOptimum(problem, index);
    expect(withOffer.objective).toBeCloseTo(34_000, 3);
    expect(Array.from(withOffer.assignment.choiceOf)).toEqual([0, 0]);
    const plain = consolidationFixture();
    const without = await milpOptimum(problem, plain.index);
    expect(without.objective).toBeCloseTo(40_000, 3);
    expect(Array.from(without.assignment.choiceOf)).toEqual([1, 1]);
  });

  it('the planned consolidations state the tariff\'s way for their load, and the plans verify', async () => {
    // 5 orders (seed 31) load two departures lightly (co-load); 10 (seed 24) fill one (own).
    const { ctx } = consolidationFixture(CO_LOAD);
    const seen = new Set<string>();
    for (const [seed, count] of [[31, 5], [24, 10]] as const) {
      const { orders, stock } = randomOrders(seed, count);
      const plan = await planBatch(ctx, orders, stock, { solver: 'highs', candidates: { k: 2, departuresPerLane: 2 } });
      for (const c of plan.consolidations) {
        const priced = consolidationCost(index.lanes.get(c.lane)!, c.weightKg, c.volumeM3);
        expect(c.shipping).toBe(priced.shipping);
        expect(c.freightMinor + c.fixedMinor + c.uldMinor).toBe(consolidationTotalMinor(priced));
        if (c.shipping === 'co_load') expect([c.ulds, c.fixedMinor, c.uldMinor, c.utilisation]).toEqual([0, 0, 0, 0]);
        seen.add(c.shipping ?? 'own');
      }
    }
    expect([...seen].sort()).toEqual(['co_load', 'own']);
  });

  // Small instances, so that some departures are light enough to ship loose.
  for (const [seed, count] of [[31, 5], [32, 6], [21, 8], [24, 10]] as const) {
    it(`seed ${seed}, ${count} orders: the bound over every itinerary ≤ the proven optimum with co-load offers`, async () => {
      const { problem, model, ctx, factsOf } = fixtureProblem(seed, count, CO_LOAD);
      const { assignment } = await milpOptimum(problem, model.index);
      const optimum = assignment.recomputeTotal();
      const bound = anyRoutingBound(anyRoutingFloors(ctx, problem, factsOf, () => true), () => true);
      expect(bound).toBeGreaterThan(0);
      expect(bound).toBeLessThanOrEqual(optimum);
    });
  }
});
