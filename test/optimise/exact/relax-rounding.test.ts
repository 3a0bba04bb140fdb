// MilpOptions.relaxRounding: chargeable weights as real numbers, not whole half-kilograms. The
// model is then a relaxation of the exact one — never dearer, cheaper by at most half a
// kilogram's freight per departure — whose answers are re-priced exactly; and a partition
// solved that way is never reported as proven optimal. PartitionSettings.relaxFirst: the
// relaxed model first, the exact one only where the relaxed answer saved nothing with room left.
import { describe, expect, it } from 'vitest';
import { Assignment } from '../../../src/optimise/model/assignment.js';
import { buildMilp, choicesFromSolution } from '../../../src/optimise/exact/milp.js';
import type { Partition } from '../../../src/optimise/partition/partition.js';
import { solvePartition } from '../../../src/optimise/partition/solve-partition.js';
import type { SolverBackend } from '../../../src/solvers/backend.js';
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

  describe('relaxFirst', () => {
    const settings = { maxPasses: 2, exactMaxOrders: 10, exactMaxNodes: 1_000, relaxFirst: true };
    /** HiGHS, noting of each model it solves whether it is the relaxed one (continuous chargeable weights). */
    const recording = (): { backend: SolverBackend; relaxed: boolean[] } => {
      const relaxed: boolean[] = [];
      const backend: SolverBackend = {
        name: 'recording',
        solve: (model, options) => {
          relaxed.push(model.columns.some((c) => c.name === 'h0' && !c.integer));
          return highsBackend.solve(model, options);
        },
      };
      return { backend, relaxed };
    };
    const partitionOf = (p: typeof problem): Partition => ({ orders: [0, 1, 2, 3], problem: p, portCapacity: [], start: [0, 0, 0, 0], choiceMap: [[0], [0], [0], [0]] });

    it('solves the exact model too when the relaxed optimum leaves room its answer did not take', async () => {
      // 1,000.8 kg: the relaxed optimum (1,274,960) lies 240 below the start, which nothing beats.
      const { backend, relaxed } = recording();
      const result = await solvePartition(partitionOf(problem), index, backend, settings);
      expect(relaxed).toEqual([true, false]);
      expect(result.exact).toBe(true);
      expect(result.modelAnswered).toBe(true);
      expect(result.totalMinor).toBe(1_275_200);
    });

    it('stops at the relaxed model when it leaves no room below the start', async () => {
      // 1,000 kg exactly: no rounding, the relaxed optimum is the start's cost.
      const { backend, relaxed } = recording();
      const result = await solvePartition(partitionOf(oneDeparture([250, 250, 250, 250])), index, backend, settings);
      expect(relaxed).toEqual([true]);
      expect(result.exact).toBe(false);
      expect(result.modelAnswered).toBe(true);
      expect(result.totalMinor).toBe(4_000 + 70_000 + 1_200_000);
    });

    it('stops at the relaxed model when its answer saves', async () => {
      // Each order may also ship alone for 2,000 (no departure): the relaxed solve finds that all
      // four alone (8,000) beats the shared departure, and that answer is taken.
      const { backend, relaxed } = recording();
      const p = oneDeparture([250.2, 250.2, 250.2, 250.2], 2_000);
      const part: Partition = { ...partitionOf(p), choiceMap: [[0, 1], [0, 1], [0, 1], [0, 1]] };
      const result = await solvePartition(part, index, backend, { ...settings, maxPasses: 0 });
      expect(relaxed).toEqual([true]);
      expect(result.totalMinor).toBe(8_000);
    });
  });
});
