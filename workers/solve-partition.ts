// Pool worker entry point (piscina): indexes the network it was started with, once, then
// solves one partition per task with the same core function the in-process path calls.
// Edge code: reading the clock for the deadline happens here, never in the core.
import { workerData } from 'node:worker_threads';
import { indexNetwork } from '../src/domain/network-index.js';
import { type PartitionResult, solvePartition } from '../src/optimise/solve-partition.js';
import { type PartitionTask, type PoolWorkerData, backendFor, withinDeadline } from '../src/pool/task.js';

const index = indexNetwork((workerData as PoolWorkerData).network);

export default async function solve(task: PartitionTask): Promise<PartitionResult> {
  // TEST ONLY: the fault a test asked for (see InjectedFault).
  if (task.fault === 'exit') process.exit(1);
  if (task.fault === 'throw') throw new Error(`injected fault in partition ${task.partitionIndex}, attempt ${task.attempt}`);
  const { deadlineMs } = task;
  const shouldStop = deadlineMs === null ? undefined : () => Date.now() >= deadlineMs;
  const settings = withinDeadline(task.settings, deadlineMs, Date.now());
  return solvePartition(task.partition, index, backendFor(task.solver), settings, shouldStop);
}
