// Workers that cannot start never leave a solve waiting: a worker whose set-up fails (here a
// network it cannot index) answers each task with that failure, so the solve ends in a
// PartitionError; a worker module that cannot even load (piscina then stops replacing
// threads) ends the solve with an error saying no thread can start, and close() still returns.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Network } from '../../src/domain/network.js';
import type { Partition } from '../../src/optimise/partition/partition.js';
import { PartitionError } from '../../src/pool/errors.js';
import { PartitionPool } from '../../src/pool/partition-pool.js';

// The workers fail before they look at a task: only the order count (for the error) matters.
const PARTITIONS = [[0], [1, 2], [3]].map((orders) => ({ orders })) as unknown as Partition[];
const BROKEN_WORKER = join(dirname(fileURLToPath(import.meta.url)), 'broken-worker.mjs');

describe('workers that cannot start', () => {
  it('a failed set-up: every partition fails with the set-up error, named in a PartitionError', async () => {
    const pool = new PartitionPool({ network: {} as Network, size: 2 });
    const error = await pool.solve(PARTITIONS, { solver: 'heuristic' }).catch((e: unknown) => e);
    await pool.close();
    expect(error).toBeInstanceOf(PartitionError);
    expect((error as PartitionError).failed.map((f) => f.partitionIndex)).toEqual([0, 1, 2]);
    expect((error as PartitionError).message).toMatch(/^partitions 0, 1, 2 of 3 failed on both attempts; partition 0 \(1 order\): the worker could not start: /);
  });

  it('a module that cannot load: the solve rejects (no thread can start) and close() returns', async () => {
    const pool = new PartitionPool({ network: {} as Network, size: 2, workerFile: BROKEN_WORKER });
    await expect(pool.solve(PARTITIONS, { solver: 'heuristic' })).rejects.toThrow(/no worker thread can start \(.*fails to load\)/);
    await expect(pool.solve(PARTITIONS, { solver: 'heuristic' })).rejects.toThrow(/no worker thread can start/);
    await pool.close();
    expect(pool.threads).toBe(0);
  });
});
