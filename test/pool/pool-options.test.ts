// Pool options and life cycle: the size is checked (RangeError naming the option), a closed
// pool refuses work, and the worker file is the compiled one.
import { describe, expect, it } from 'vitest';
import { DEFAULT_NETWORK } from '../../src/cli/paths.js';
import { loadNetwork } from '../../src/io/load.js';
import { PartitionPool, workerFile } from '../../src/pool/partition-pool.js';

const network = loadNetwork(DEFAULT_NETWORK);

describe('partition pool options', () => {
  it.each([0, -1, 1.5, Number.NaN])('rejects size %s', (size) => {
    expect(() => new PartitionPool({ network, size })).toThrow(RangeError);
    expect(() => new PartitionPool({ network, size })).toThrow(/options\.size must be an integer >= 1/);
  });

  it('runs the compiled worker of dist/', () => {
    expect(workerFile()).toMatch(/[/\\]dist[/\\]workers[/\\]solve-partition\.js$/);
  });

  it('starts one thread per size, and refuses work once closed', async () => {
    const pool = new PartitionPool({ network, size: 2 });
    expect(pool.threads).toBe(2);
    await pool.close();
    await expect(pool.solve([], { solver: 'heuristic' })).rejects.toThrow(/the pool is closed/);
    await pool.close(); // idempotent
  });
});
