// What crosses the thread boundary: the data each pool worker starts with (the network, once)
// and one task (a partition and how to solve it). Plain, structured-clonable data only, so the
// same task could as well be put on a job queue and solved on another machine.
import type { Network } from '../domain/network.js';
import type { SolverName } from '../engine/plan-batch.js';
import type { Partition } from '../optimise/partition.js';
import type { PartitionSettings } from '../optimise/solve-partition.js';
import { BACKENDS, type SolverBackend } from '../solvers/index.js';

/** Solvers that solve partitions (`baseline` plans without partitions). */
export type PartitionSolverName = Exclude<SolverName, 'baseline'>;

/** Given to every worker once, at start-up (piscina `workerData`). */
export interface PoolWorkerData {
  network: Network;
  /** A backend to load while the worker starts (HiGHS compiles its WebAssembly on first use). */
  preload: PartitionSolverName | null;
}

/**
 * TEST ONLY: makes the worker fail before solving — `throw` raises an error in the task,
 * `exit` ends the worker thread with `process.exit(1)` (a crash), `hang` spins forever without
 * answering (a stuck solver). Never set in production.
 */
export type InjectedFault = 'throw' | 'exit' | 'hang';

export interface PartitionTask {
  /** The partition's position in the batch (error messages name it). */
  partitionIndex: number;
  partition: Partition;
  settings: PartitionSettings;
  solver: PartitionSolverName;
  /** Epoch ms after which the search stops with the best answer so far; null: no limit. */
  deadlineMs: number | null;
  /** 1 on the first try, 2 on the retry. */
  attempt: number;
  /** TEST ONLY: see InjectedFault. */
  fault?: InjectedFault;
}

/** The backend a solver name stands for; null for the heuristic (local search only). */
export function backendFor(solver: PartitionSolverName): SolverBackend | null {
  if (solver === 'heuristic') return null;
  const backend = BACKENDS[solver];
  if (backend === undefined) throw new Error(`internal: no solver backend named "${solver}"`);
  return backend;
}

/** The settings with the exact solve's budget cut to the time left before the deadline. */
export function withinDeadline(settings: PartitionSettings, deadlineMs: number | null, nowMs: number): PartitionSettings {
  if (deadlineMs === null) return settings;
  const leftMs = Math.max(1, deadlineMs - nowMs);
  return leftMs >= settings.exactTimeLimitMs ? settings : { ...settings, exactTimeLimitMs: leftMs };
}
