// Partitions are origin groups. A parcel routed through a hub flies from several origins: it
// joins their groups into one partition while that stays small enough to solve exactly (the
// cap), else it keeps its routing, pinned, as does a split order (parcels from several sources).
import { describe, expect, it } from 'vitest';
import type { DecidedParcel } from '../../../src/optimise/model/decisions.js';
import type { Choice, Problem } from '../../../src/optimise/model/problem.js';
import { partitionProblem } from '../../../src/optimise/partition/partition.js';

const parcel = (source: string): DecidedParcel => ({ source, mode: 'direct_mail', lines: [{ line: 0, qty: 1 }], legs: [] });

/** A choice on the given departures (by index), with one parcel or `parcels` of them. */
function choice(deps: number[], parcels = 1): Choice {
  return {
    parcels: Array.from({ length: parcels }, (_, i) => parcel(`S${i}`)),
    ownMinor: 100,
    uses: deps.map((dep) => ({ dep, weightKg: 1, volumeM3: 0.001 })),
    portDays: [],
    stock: [],
  };
}

/** Departures 0 at A, 1 at B, 2 at C; orders: two at A, one at B, one at C, then `last`. */
function problem(last: Choice): Problem {
  return {
    departures: [
      { lane: 'LA', departureMs: 0, origin: 'A' },
      { lane: 'LB', departureMs: 0, origin: 'B' },
      { lane: 'LC', departureMs: 0, origin: 'C' },
    ],
    portDays: [],
    stock: [],
    orders: [
      { order: 'a1', weightKg: 1, choices: [choice([0])] },
      { order: 'a2', weightKg: 1, choices: [choice([0])] },
      { order: 'b1', weightKg: 1, choices: [choice([1])] },
      { order: 'c1', weightKg: 1, choices: [choice([2])] },
      { order: 'hub', weightKg: 1, choices: [last] },
    ],
  };
}

const start = [0, 0, 0, 0, 0];
const groups = (p: ReturnType<typeof partitionProblem>) => p.partitions.map((part) => part.orders);

describe('origin groups', () => {
  it('join the origins a hub-routed parcel flies from, into one partition with its order', () => {
    const result = partitionProblem(problem(choice([0, 1])), start, { joinUpTo: 40 });
    expect(result.pinned).toEqual([]);
    expect(groups(result)).toEqual([[0, 1, 2, 4], [3]]);
    // The hub order keeps its routing inside the joined partition.
    const joined = result.partitions[0];
    expect(joined?.start[3]).toBe(0);
    expect(joined?.problem.departures.map((d) => d.origin)).toEqual(['A', 'B']);
  });

  it('stay apart without joining (no exact step), the hub order pinned', () => {
    const result = partitionProblem(problem(choice([0, 1])), start, { joinUpTo: 0 });
    expect(result.pinned).toEqual([4]);
    expect(groups(result)).toEqual([[0, 1], [2], [3]]);
  });

  it('stay apart when the joined group would pass the cap', () => {
    // A (2 orders) + B (1) + the hub order = 4 > 3.
    const result = partitionProblem(problem(choice([0, 1])), start, { joinUpTo: 3 });
    expect(result.pinned).toEqual([4]);
    expect(groups(result)).toEqual([[0, 1], [2], [3]]);
  });

  it('stay apart for a split order: parcels from two sources keep their routing', () => {
    const result = partitionProblem(problem(choice([0, 2], 2)), start, { joinUpTo: 40 });
    expect(result.pinned).toEqual([4]);
    expect(groups(result)).toEqual([[0, 1], [2], [3]]);
  });
});
