// Cancellation: aborting while partitions run rejects at once with an AbortError, terminates
// the running tasks' threads (piscina replaces them) and leaves nothing queued or busy; the
// pool then solves the next request as if nothing had happened.
import { describe, expect, it, vi } from 'vitest';
import { AbortError } from '../../src/pool/errors.js';
import { sharedPool } from './fixtures.js';

const shared = sharedPool(300, 5);

describe('aborting a solve', () => {
  it('rejects with AbortError, leaves no busy task, and the pool solves correctly afterwards', async () => {
    const controller = new AbortController();
    const solving = shared.pool.solve(shared.f.partitions, { solver: 'heuristic', signal: controller.signal });
    // Every partition was handed to piscina synchronously: two are running, the rest queued.
    expect(shared.pool.busy).toBe(shared.f.partitions.length);
    const replacedBefore = shared.pool.threadsReplaced;
    controller.abort();
    await expect(solving).rejects.toBeInstanceOf(AbortError);
    // The two running tasks had their threads stopped; the queued one never started.
    expect(shared.pool.threadsReplaced - replacedBefore).toBe(Math.min(2, shared.f.partitions.length));
    expect(shared.pool.busy).toBe(0);
    expect(shared.pool.queued).toBe(0);
    await vi.waitFor(() => expect(shared.pool.threads).toBe(2), { timeout: 10_000 });

    const after = await shared.pool.solve(shared.f.partitions, { solver: 'heuristic' });
    expect(after).toEqual(shared.f.reference);
    expect(shared.pool.busy).toBe(0);
    expect(shared.pool.idleErrors).toEqual([]);
  });

  it('listens on the caller\'s signal once, however many partitions (no MaxListeners warning)', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on('warning', onWarning);
    const many = Array.from({ length: 4 }, () => shared.f.partitions).flat(); // 4 × 3 = 12 tasks > 10 listeners
    const controller = new AbortController();
    const results = await shared.pool.solve(many, { solver: 'heuristic', signal: controller.signal });
    await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on a later tick
    process.off('warning', onWarning);
    expect(results).toEqual(Array.from({ length: 4 }, () => shared.f.reference).flat());
    expect(warnings).toEqual([]);
  });

  it('rejects without starting anything when the signal is already aborted', async () => {
    const reason = new Error('user left');
    const solving = shared.pool.solve(shared.f.partitions, { solver: 'heuristic', signal: AbortSignal.abort(reason) });
    expect(shared.pool.busy).toBe(0);
    const error = await solving.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).cause).toBe(reason);
  });
});
