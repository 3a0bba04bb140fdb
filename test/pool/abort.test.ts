// Cancellation: aborting while partitions run rejects at once with an AbortError, terminates
// the running tasks' threads (piscina replaces them) and leaves nothing queued or busy; the
// pool then solves the next request as if nothing had happened.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AbortError } from '../../src/pool/errors.js';
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

describe('aborting a solve', () => {
  it('rejects with AbortError, leaves no busy task, and the pool solves correctly afterwards', async () => {
    const controller = new AbortController();
    const solving = pool.solve(f.partitions, { solver: 'heuristic', signal: controller.signal });
    // Every partition was handed to piscina synchronously: two are running, the rest queued.
    expect(pool.busy).toBe(f.partitions.length);
    const replacedBefore = pool.threadsReplaced;
    controller.abort();
    await expect(solving).rejects.toBeInstanceOf(AbortError);
    // The two running tasks had their threads stopped; the queued one never started.
    expect(pool.threadsReplaced - replacedBefore).toBe(Math.min(2, f.partitions.length));
    expect(pool.busy).toBe(0);
    expect(pool.queued).toBe(0);
    await vi.waitFor(() => expect(pool.threads).toBe(2), { timeout: 10_000 });

    const after = await pool.solve(f.partitions, { solver: 'heuristic' });
    expect(after).toEqual(f.reference);
    expect(pool.busy).toBe(0);
    expect(pool.idleErrors).toEqual([]);
  });

  it('listens on the caller\'s signal once, however many partitions (no MaxListeners warning)', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on('warning', onWarning);
    const many = Array.from({ length: 4 }, () => f.partitions).flat(); // 4 × 3 = 12 tasks > 10 listeners
    const controller = new AbortController();
    const results = await pool.solve(many, { solver: 'heuristic', signal: controller.signal });
    await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on a later tick
    process.off('warning', onWarning);
    expect(results).toEqual(Array.from({ length: 4 }, () => f.reference).flat());
    expect(warnings).toEqual([]);
  });

  it('rejects without starting anything when the signal is already aborted', async () => {
    const reason = new Error('user left');
    const solving = pool.solve(f.partitions, { solver: 'heuristic', signal: AbortSignal.abort(reason) });
    expect(pool.busy).toBe(0);
    const error = await solving.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).cause).toBe(reason);
  });
});
