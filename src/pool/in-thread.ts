// Partitions solved on the calling thread, one after another (`workers: 0`): the same core
// call the pool's workers make, with the same progress and abort behaviour. It yields to the
// event loop between partitions so that an abort (a timer, a closed connection) is noticed.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { NetworkIndex } from '../domain/network-index.js';
import type { SolvePartitions } from '../optimise/optimise.js';
import { wireSolver } from '../engine/solver-wiring.js';
import { type PartitionResult, solvePartition } from '../optimise/partition/solve-partition.js';
import { AbortError } from './errors.js';
import type { SolveRequest } from './partition-pool.js';
import { deadlineLimits, slowedBackend } from './task.js';

export type InThreadRequest = Omit<SolveRequest, 'faultInjection'>;

export function solveInThread(index: NetworkIndex, request: InThreadRequest): SolvePartitions {
  const wiring = wireSolver(request.solver);
  const settings = request.settings ?? wiring.partition;
  const { signal } = request;
  const limits = deadlineLimits(request.deadlineMs ?? null, () => signal?.aborted === true);
  return async (partitions) => {
    const results: PartitionResult[] = [];
    for (const part of partitions) {
      await nextTurn();
      if (signal?.aborted === true) throw new AbortError(signal.reason);
      results.push(await solvePartition(part, index, slowedBackend(wiring.backend, request.slowSolves), settings, limits));
      request.onProgress?.(results.length, partitions.length);
    }
    if (signal?.aborted === true) throw new AbortError(signal.reason);
    return results;
  };
}
