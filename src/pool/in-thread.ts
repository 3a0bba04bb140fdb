// Partitions solved on the calling thread, one after another (`workers: 0`): the same core
// call the pool's workers make, with the same progress and abort behaviour. It yields to the
// event loop between partitions so that an abort (a timer, a closed connection) is noticed.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { NetworkIndex } from '../domain/network-index.js';
import type { SolvePartitions } from '../optimise/optimise.js';
import { DEFAULT_PARTITION_SETTINGS, type PartitionResult, solvePartition } from '../optimise/solve-partition.js';
import { AbortError } from './errors.js';
import type { SolveRequest } from './partition-pool.js';
import { backendFor, withinDeadline } from './task.js';

export type InThreadRequest = Omit<SolveRequest, 'faultInjection'>;

export function solveInThread(index: NetworkIndex, request: InThreadRequest): SolvePartitions {
  const backend = backendFor(request.solver);
  const settings = request.settings ?? DEFAULT_PARTITION_SETTINGS;
  const { signal } = request;
  const deadlineMs = request.deadlineMs ?? null;
  const shouldStop = () => signal?.aborted === true || (deadlineMs !== null && Date.now() >= deadlineMs);
  return async (partitions) => {
    const results: PartitionResult[] = [];
    for (const part of partitions) {
      await nextTurn();
      if (signal?.aborted === true) throw new AbortError(signal.reason);
      results.push(await solvePartition(part, index, backend, withinDeadline(settings, deadlineMs, Date.now()), shouldStop));
      request.onProgress?.(results.length, partitions.length);
    }
    if (signal?.aborted === true) throw new AbortError(signal.reason);
    return results;
  };
}
