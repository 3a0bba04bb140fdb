// Progress: one event per partition solved, counting up to the number of partitions, the
// last when every result is in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PartitionPool } from '../../src/pool/partition-pool.js';
import { type PoolFixture, poolFixture } from './fixtures.js';

let f: PoolFixture;
let pool: PartitionPool;
beforeAll(async () => {
  f = await poolFixture(300, 5);
  pool = new PartitionPool({ network: f.network, size: 2 });
});
afterAll(async () => {
  await pool.close();
});

describe('progress of a solve', () => {
  it('reports done/total once per partition, ending at total/total', async () => {
    const events: [number, number][] = [];
    await pool.solve(f.partitions, { solver: 'heuristic', onProgress: (done, total) => events.push([done, total]) });
    const n = f.partitions.length;
    expect(events).toEqual(Array.from({ length: n }, (_, i) => [i + 1, n]));
  });
});
