// Faults: a partition whose worker throws or crashes (process.exit) is retried once; when the
// retry succeeds the answer is the clean one. When it fails again the solve rejects with a
// PartitionError naming that partition, after the others finished, and carrying their results;
// the pool stays usable. Faults are injected with the test-only `faultInjection` option.
import { describe, expect, it, vi } from 'vitest';
import { PartitionError } from '../../src/pool/errors.js';
import type { InjectedFault } from '../../src/pool/task.js';
import { sharedPool } from './fixtures.js';

const shared = sharedPool(300, 5);

const FAULTS: InjectedFault[] = ['throw', 'exit'];

describe.each(FAULTS)('a worker that fails with "%s"', (fault) => {
  it('is retried once: the result equals the clean run', async () => {
    const results = await shared.pool.solve(shared.f.partitions, { solver: 'heuristic', faultInjection: { partitionIndex: 1, fault, attempts: 1 } });
    expect(results).toEqual(shared.f.reference);
  });

  it('fails twice: PartitionError names the partition, keeps the other results, and the pool stays usable', async () => {
    expect(shared.f.partitions.length).toBeGreaterThanOrEqual(2);
    const error = await shared.pool
      .solve(shared.f.partitions, { solver: 'heuristic', faultInjection: { partitionIndex: 1, fault, attempts: 2 } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PartitionError);
    const failure = error as PartitionError;
    expect(failure.failed.map((p) => p.partitionIndex)).toEqual([1]);
    expect(failure.message).toMatch(/^partition 1 of \d+ failed on both attempts; partition 1 \(\d+ orders?\): /);
    expect(failure.message).toMatch(fault === 'throw' ? /injected fault in partition 1, attempt 2/ : /worker exited with code: 1/);
    expect(failure.results[1]).toBeNull();
    shared.f.reference.forEach((ref, i) => {
      if (i !== 1) expect(failure.results[i]).toEqual(ref);
    });
    expect(shared.pool.busy).toBe(0);

    await vi.waitFor(() => expect(shared.pool.threads).toBe(2), { timeout: 10_000 });
    expect(await shared.pool.solve(shared.f.partitions, { solver: 'heuristic' })).toEqual(shared.f.reference);
  });
});
