// Determinism across thread counts and machine speeds: the same batch planned with its
// partitions solved on 1 worker, on 2 workers and on the calling thread gives the same plan,
// byte for byte, and so it does with every exact solve slowed as on a machine 1,000 times
// slower (exact budgets count nodes, not milliseconds). With 2 workers the partitions finish
// out of order (the smallest first), so this also pins that results are put back in order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planJsonText } from '../../src/cli/commands/plan.js';
import { planBatch } from '../../src/engine/plan-batch.js';
import { wireSolver } from '../../src/engine/solver-wiring.js';
import type { SolvePartitions } from '../../src/optimise/optimise.js';
import { PartitionPool } from '../../src/pool/partition-pool.js';
import { solveInThread } from '../../src/pool/in-thread.js';
import { slowedBackend } from '../../src/pool/task.js';
import { ModelBuilder } from '../../src/solvers/linear-model.js';
import { type PoolFixture, poolFixture } from './fixtures.js';

let f: PoolFixture;
/** The batch planned on the calling thread, at full speed. */
let inProcessText: string;
let inProcessExact = 0;
const pools: PartitionPool[] = [];

/** Counts the partitions the exact step answered. */
function countingExact(inner: SolvePartitions, count: (n: number) => void): SolvePartitions {
  return async (parts) => {
    const results = await inner(parts);
    count(results.filter((r) => r.modelAnswered).length);
    return results;
  };
}

beforeAll(async () => {
  f = await poolFixture(300, 5);
  const solvePartitions = countingExact(solveInThread(f.index, { solver: 'highs' }), (n) => (inProcessExact = n));
  inProcessText = planJsonText(await planBatch(f.context(), f.orders, f.stock, { solver: 'highs', solvePartitions }));
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
    const [one, two] = texts;
    expect(one).toBe(two);
    expect(one).toBe(inProcessText);
    expect(JSON.parse(one!).totals.orders).toBe(300);
    // The exact step ran: partitions within its size were solved by the MILP.
    expect(f.partitions.some((p) => p.orders.length <= wireSolver('highs').partition.exactMaxOrders)).toBe(true);
    expect(inProcessExact).toBeGreaterThan(0);
  });

  it('plans byte-identically with every exact solve slowed 1,000-fold, in process and on 2 workers', async () => {
    const slowSolves = { delayMs: 20, factor: 1_000 };
    let exact = 0;
    const slowInProcess = countingExact(solveInThread(f.index, { solver: 'highs', slowSolves }), (n) => (exact = n));
    const inProcess = await planBatch(f.context(), f.orders, f.stock, { solver: 'highs', solvePartitions: slowInProcess });
    expect(planJsonText(inProcess)).toBe(inProcessText);
    expect(exact).toBe(inProcessExact);
    const pool = new PartitionPool({ network: f.network, size: 2 });
    pools.push(pool);
    const onTwo = await planBatch(f.context(), f.orders, f.stock, { solver: 'highs', solvePartitions: pool.solver({ solver: 'highs', slowSolves }) });
    expect(planJsonText(onTwo)).toBe(inProcessText);
  });

  it('the slowed backend does bite a budget in milliseconds (so the test above could fail)', async () => {
    // 60 binary columns, 8 knapsack rows, seeded: HiGHS needs branching, well past 1 µs.
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const b = new ModelBuilder();
    const cols = Array.from({ length: 60 }, (_, i) => b.column(`x${i}`, -Math.round(100 * rnd() + 1), { upper: 1, integer: true }));
    for (let k = 0; k < 8; k++) b.row(`c${k}`, cols.map((c) => [c, Math.round(100 * rnd() + 1)] as const), { upper: 1000.5 });
    const slowed = slowedBackend(wireSolver('highs').backend, { delayMs: 0, factor: 5_000_000 });
    if (slowed === null) throw new Error('highs has a backend');
    const limited = await slowed.solve(b.model, { timeLimitMs: 5_000 });
    expect(limited.status).not.toBe('optimal');
    expect(limited.limit).toBe('time');
  });

  it('returns results in partition order, equal to the in-process results', async () => {
    const pool = new PartitionPool({ network: f.network, size: 2 });
    pools.push(pool);
    const results = await pool.solve(f.partitions, { solver: 'heuristic' });
    expect(results).toEqual(f.reference);
  });
});
