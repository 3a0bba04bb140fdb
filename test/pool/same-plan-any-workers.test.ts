// Determinism across thread counts: the same batch planned with its partitions solved on 1
// worker, on 2 workers and on the calling thread gives the same plan, byte for byte. With 2
// workers the partitions finish out of order (the smallest first), so this also pins that
// results are put back in partition order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planJsonText } from '../../src/cli/commands/plan.js';
import { planBatch } from '../../src/engine/plan-batch.js';
import { PartitionPool } from '../../src/pool/partition-pool.js';
import { solveInThread } from '../../src/pool/in-thread.js';
import { type PoolFixture, poolFixture } from './fixtures.js';

let f: PoolFixture;
const pools: PartitionPool[] = [];
beforeAll(async () => {
  f = await poolFixture(300, 5);
});
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

describe('planBatch with the worker pool', () => {
  it('plans byte-identically with 1 worker, 2 workers and in process', async () => {
    expect(f.partitions.length).toBeGreaterThanOrEqual(2);
    const texts: string[] = [];
    for (const size of [1, 2]) {
      const pool = new PartitionPool({ network: f.network, size });
      pools.push(pool);
      const plan = await planBatch(f.context(), f.orders, f.stock, { solver: 'highs', solvePartitions: pool.solver({ solver: 'highs' }) });
      texts.push(planJsonText(plan));
    }
    const inProcess = await planBatch(f.context(), f.orders, f.stock, { solver: 'highs', solvePartitions: solveInThread(f.index, { solver: 'highs' }) });
    const [one, two] = texts;
    expect(one).toBe(two);
    expect(one).toBe(planJsonText(inProcess));
    expect(JSON.parse(one!).totals.orders).toBe(300);
  });

  it('returns results in partition order, equal to the in-process results', async () => {
    const pool = new PartitionPool({ network: f.network, size: 2 });
    pools.push(pool);
    const results = await pool.solve(f.partitions, { solver: 'heuristic' });
    expect(results).toEqual(f.reference);
  });
});
