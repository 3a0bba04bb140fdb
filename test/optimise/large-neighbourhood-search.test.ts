// The large-neighbourhood search (src/optimise/search/lns.ts) on seeded consolidation
// instances: from a plan where every order rides its cheapest routing alone (no thought of
// consolidation), it never raises the cost, keeps every served order served, and on these
// instances reaches the whole problem's MILP optimum (HiGHS, all orders at once, proven
// optimal). The answer does not depend on the order in which a wave's sub-solves finish.
import { describe, expect, it } from 'vitest';
import { wireSolver } from '../../src/engine/solver-wiring.js';
import { buildMilp, choicesFromSolution } from '../../src/optimise/exact/milp.js';
import { Assignment, UNASSIGNED } from '../../src/optimise/model/assignment.js';
import type { Problem } from '../../src/optimise/model/problem.js';
import { lnsSettings } from '../../src/optimise/optimise.js';
import { type PartitionResult, solvePartition } from '../../src/optimise/partition/solve-partition.js';
import { largeNeighbourhoodSearch, type SolveWave } from '../../src/optimise/search/lns.js';
import { NEIGHBOURHOODS } from '../../src/optimise/search/neighbourhoods/index.js';
import type { NetworkIndex } from '../../src/domain/network-index.js';
import { fixtureProblem } from './fixtures.js';

const { backend, partition } = wireSolver('highs');

function instance(seed: number, count: number): { problem: Problem; index: NetworkIndex } {
  const { problem, model } = fixtureProblem(seed, count);
  return { problem, index: model.index };
}

/** Each order on its own cheapest choice that fits, in order. */
function aloneStart(problem: Problem, index: NetworkIndex): Int32Array {
  const a = new Assignment(problem, index);
  problem.orders.forEach((order, o) => {
    let best = -1;
    order.choices.forEach((choice, c) => {
      if (a.insertionCost(o, c) < Infinity && (best < 0 || choice.ownMinor < order.choices[best]!.ownMinor)) best = c;
    });
    if (best >= 0) a.assign(o, best);
  });
  return Int32Array.from(a.choiceOf);
}

function totalOf(problem: Problem, index: NetworkIndex, choiceOf: ArrayLike<number>): number {
  const a = new Assignment(problem, index);
  Array.from(choiceOf).forEach((c, o) => {
    if (c === UNASSIGNED) return;
    expect(a.insertionCost(o, c)).toBeLessThan(Infinity);
    a.assign(o, c);
  });
  return a.recomputeTotal();
}

const inOrder = (index: NetworkIndex): SolveWave => async (parts, _wave, settings) => {
  const out: PartitionResult[] = [];
  for (const p of parts) out.push(await solvePartition(p, index, backend, settings));
  return out;
};

/** Solves a wave's sets last to first, then returns the results in set order (as the pool does). */
const reversed = (index: NetworkIndex): SolveWave => async (parts, _wave, settings) => {
  const out: PartitionResult[] = new Array(parts.length);
  for (let i = parts.length - 1; i >= 0; i--) out[i] = await solvePartition(parts[i]!, index, backend, settings);
  return out;
};

describe('large-neighbourhood search with exact sub-solves', () => {
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: from orders alone, reaches the whole-problem MILP optimum; served orders stay served`, async () => {
      const { problem, index } = instance(seed, 24);
      const start = aloneStart(problem, index);
      const startTotal = totalOf(problem, index, start);
      const choiceOf = Int32Array.from(start);
      // Sets of 12 at most: the search must combine several sets to reach the optimum.
      const settings = { ...lnsSettings(partition), maxOrders: 12, maxRounds: 10, maxSubSolves: 500, ordersPerSubSolve: 1 };
      const stats = await largeNeighbourhoodSearch(problem, index, choiceOf, NEIGHBOURHOODS, settings, inOrder(index));
      const found = totalOf(problem, index, choiceOf);
      expect(found).toBeLessThan(startTotal);
      expect(stats.accepted).toBeGreaterThan(0);
      expect(Math.round(stats.savedMinor)).toBe(Math.round(startTotal - found));
      start.forEach((c, o) => expect(choiceOf[o] === UNASSIGNED).toBe(c === UNASSIGNED));

      const serve = Array.from(start, (c) => c !== UNASSIGNED);
      const mapping = buildMilp(problem, index, serve);
      const exact = await backend!.solve(mapping.model);
      expect(exact.status).toBe('optimal');
      const optimum = totalOf(problem, index, choicesFromSolution(mapping, exact.values));
      // The MILP leaves out rounding each departure's freight to a whole minor unit.
      expect(found).toBeLessThanOrEqual(optimum + 0.5 * problem.departures.length);
    });
  }

  it('the same plan whatever order a wave is solved in', async () => {
    const { problem, index } = instance(4, 30);
    const settings = { ...lnsSettings(partition), maxOrders: 10, ordersPerSubSolve: 1 };
    const a = aloneStart(problem, index);
    const b = Int32Array.from(a);
    await largeNeighbourhoodSearch(problem, index, a, NEIGHBOURHOODS, settings, inOrder(index));
    await largeNeighbourhoodSearch(problem, index, b, NEIGHBOURHOODS, settings, reversed(index));
    expect(Array.from(b)).toEqual(Array.from(a));
  });

  it('every neighbourhood gives sets of served orders within the size', () => {
    const { problem, index } = instance(5, 30);
    const choiceOf = aloneStart(problem, index);
    for (const n of NEIGHBOURHOODS) {
      for (const set of n.sets({ problem, choiceOf }, 7)) {
        expect(set.length, n.name).toBeLessThanOrEqual(7);
        expect(set.length, n.name).toBeGreaterThanOrEqual(2);
        expect(new Set(set).size, n.name).toBe(set.length);
        for (const o of set) expect(choiceOf[o], n.name).not.toBe(UNASSIGNED);
      }
    }
    // The corridors alone hold every order that flies.
    const flying = Array.from(choiceOf).filter((c, o) => c !== UNASSIGNED && problem.orders[o]!.choices[c]!.uses.length > 0).length;
    const inCorridors = new Set(NEIGHBOURHOODS.find((n) => n.name === 'corridor')!.sets({ problem, choiceOf }, 7).flat());
    expect(inCorridors.size).toBeGreaterThan(flying / 2);
  });
});
