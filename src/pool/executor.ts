// The seam between the planner and whatever solves its partitions: the thread pool
// (./partition-pool.ts) is one implementation, the BullMQ queue (src/queue) another. Either
// returns the results in partition order, so the plan cannot depend on which one ran.
import type { Network } from '../domain/network.js';
import type { SolvePartitions } from '../optimise/optimise.js';
import type { SolveRequest } from './partition-pool.js';

export interface PartitionExecutor {
  /**
   * planBatch's `solvePartitions` for one request, on `network` (the planner's checked
   * network: a pool was started on it, a queue stores it for its workers).
   */
  solver(request: SolveRequest, network: Network): SolvePartitions;
  close(): Promise<void>;
}
