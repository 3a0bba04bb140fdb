// The edge that runs partitions: on a piscina worker pool, or on the calling thread.
export { createPartitionPool, PartitionPool, workerFile, type FaultInjection, type PartitionPoolOptions, type SolveRequest } from './partition-pool.js';
export { solveInThread, type InThreadRequest } from './in-thread.js';
export { AbortError, PartitionError, isAbort, untilAborted, type FailedPartition } from './errors.js';
export { deadlineLimits, type InjectedFault, type PartitionSolverName, type PartitionTask, type PoolWorkerData } from './task.js';
