// MilpOptions.relaxRounding: chargeable weights as real numbers, not whole half-kilograms. The
// model is then a relaxation of the exact one — never dearer, cheaper by at most half a
// kilogram's freight per departure — whose answers are re-priced exactly; and a partition
// solved that way is never reported as proven optimal.
import { describe, expect, it } from 'vitest';
import { Assignment } from '../../../src/optimise/model/assignment.js';
import { buildMilp, choicesFromSolution } from '../../../src/optimise/exact/milp.js';
import type { Partition } from '../../../src/optimise/partition/partition.js';
import { solvePartition } from '../../../src/optimise/partition/solve-partition.js';
import { highsBackend } from '../../../src/solvers/highs-backend.js';
import { consolidationFixture, oneDeparture } from '../fixtures.js';

describe('relaxRounding', () => {
  const coLoad = { perKgMinor: 1_600, minChargeMinor: 30_000 };
  const { index } = consolidationFixture(coLoad);
  // One departure of AIR-A (+100 kg at 1,200 per kg, our own MAWB 60,000 + 10,000 per AKE).
  // 4 × 250.2 kg = 1,000.8 kg: billed as 1,001 kg on our own MAWB, 1,200 × 1,001 = 1,201,200.
  const problem = oneDeparture([250.2, 250.2, 250.2, 250.2]);
  const serve = [true, true, true, true];

  it('makes the chargeable weights, and only they, continuous', () => {
    const exact = buildMilp(problem, index, serve).model.columns;
    const relaxed = buildMilp(problem, index, serve, { relaxRounding: true }).model.columns;
    expect(relaxed.map((c) => c.name)).toEqual(exact.map((c) => c.name));
    const changed = relaxed.filter((c, i) => c.integer !== exact[i]!.integer).map((c) => c.name);
    expect(changed.sort()).toEqual(['h0', 'hc0']);
    expect(relaxed.filter((c) => /^hc?0$/.test(c.name)).every((c) => !c.integer)).toBe(true);
  });

  it('prices at most half a kilogram per departure below the exact model, and the answer re-prices the same', async () => {
    const exact = buildMilp(problem, index, serve);
    const relaxed = buildMilp(problem, index, serve, { relaxRounding: true });
    const [a, b] = await Promise.all([highsBackend.solve(exact.model), highsBackend.solve(relaxed.model)]);
    expect(a.status).toBe('optimal');
    expect(b.status).toBe('optimal');
    // 4,000 + 70,000 + 1,201,200 exactly; 1,200 × 1,000.8 = 1,200,960 relaxed.
    expect(a.objective).toBeCloseTo(1_275_200, 3);
    expect(b.objective).toBeCloseTo(1_274_960, 3);
    expect(a.objective - b.objective).toBeLessThanOrEqual(0.5 * 1_200 + 1e-6);
    const priced = (mapping: typeof exact, values: ArrayLike<number>): number => {
      const assignment = new Assignment(problem, index);
      choicesFromSolution(mapping, values).forEach((c, o) => assignment.assign(o, c));
      return assignment.recomputeTotal();
    };
    expect(priced(relaxed, b.values)).toBe(priced(exact, a.values));
    expect(priced(relaxed, b.values)).toBe(1_275_200);
  });

  it('a partition solved on the relaxed model is not reported exact', async () => {
    const partition: Partition = { orders: [0, 1, 2, 3], problem, portCapacity: [], start: [0, 0, 0, 0], choiceMap: [[0], [0], [0], [0]] };
    const settings = { maxPasses: 2, exactMaxOrders: 10, exactMaxNodes: 1_000 };
    const exact = await solvePartition(partition, index, highsBackend, settings);
    const relaxed = await solvePartition(partition, index, highsBackend, { ...settings, relaxRounding: true });
    expect(exact.exact).toBe(true);
    expect(relaxed.exact).toBe(false);
    expect(relaxed.choiceOf).toEqual(exact.choiceOf);
    expect(relaxed.totalMinor).toBe(exact.totalMinor);
  });
});
