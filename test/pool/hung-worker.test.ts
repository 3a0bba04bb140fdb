// A partition whose worker does not answer by the deadline (a stuck solver: the test-only
// `hang` fault spins the worker for ever) is abandoned shortly after it: its orders keep their
// start routing, its thread is terminated and replaced, the other partitions' answers are
// untouched, and the plan still completes and passes the verifier. Without a deadline nothing
// is timed (no wall clock may change an answer), so only time-limited solves abandon.
import { describe, expect, it, vi } from 'vitest';
import { planBatch } from '../../src/engine/plan-batch.js';
import { ABANDON_AFTER_DEADLINE_MS } from '../../src/pool/partition-pool.js';
import { sharedPool } from './fixtures.js';

const shared = sharedPool(300, 5);

/** Far enough ahead for the healthy partitions of this small batch to finish first. */
const AHEAD_MS = 4_000;

describe('a worker that hangs past the deadline', () => {
  it('is abandoned: its partition keeps the start routing, the others their answers', async () => {
    expect(shared.f.partitions.length).toBeGreaterThanOrEqual(2);
    const deadlineMs = Date.now() + AHEAD_MS;
    const results = await shared.pool.solve(shared.f.partitions, { solver: 'heuristic', deadlineMs, faultInjection: { partitionIndex: 1, fault: 'hang', attempts: 1 } });
    expect(Date.now()).toBeGreaterThanOrEqual(deadlineMs + ABANDON_AFTER_DEADLINE_MS - 50);
    expect(results[1]?.choiceOf).toEqual(shared.f.partitions[1]?.start);
    expect(results[1]?.stopped).toBe(true);
    expect(results[1]?.exact).toBe(false);
    shared.f.reference.forEach((ref, i) => {
      if (i !== 1) expect(results[i]).toEqual(ref);
    });
    expect(shared.pool.partitionsAbandoned).toBe(1);
    expect(shared.pool.busy).toBe(0);
  });

  it('has its thread replaced: the pool is back to full strength and answers as before', async () => {
    await vi.waitFor(() => expect(shared.pool.threads).toBe(2), { timeout: 10_000 });
    expect(await shared.pool.solve(shared.f.partitions, { solver: 'heuristic' })).toEqual(shared.f.reference);
  });

  it('still gives a complete plan that passes the verifier, marked time-limited', async () => {
    const deadlineMs = Date.now() + AHEAD_MS;
    const plan = await planBatch(shared.f.context(), shared.f.orders, shared.f.stock, {
      solver: 'heuristic',
      shouldStop: () => Date.now() >= deadlineMs,
      solvePartitions: shared.pool.solver({ solver: 'heuristic', deadlineMs, faultInjection: { partitionIndex: 0, fault: 'hang', attempts: 1 } }),
    });
    // planBatch verifies before returning: reaching here means the verifier accepted it.
    expect(plan.orders).toHaveLength(shared.f.orders.length);
    expect(plan.timeLimited).toBe(true);
    expect(shared.pool.partitionsAbandoned).toBe(2);
  });
});
