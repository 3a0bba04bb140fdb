// Progress: one event per partition solved, counting up to the number of partitions, the
// last when every result is in.
import { describe, expect, it } from 'vitest';
import { sharedPool } from './fixtures.js';

const shared = sharedPool(300, 5);

describe('progress of a solve', () => {
  it('reports done/total once per partition, ending at total/total', async () => {
    const events: [number, number][] = [];
    await shared.pool.solve(shared.f.partitions, { solver: 'heuristic', onProgress: (done, total) => events.push([done, total]) });
    const n = shared.f.partitions.length;
    expect(events).toEqual(Array.from({ length: n }, (_, i) => [i + 1, n]));
  });
});
