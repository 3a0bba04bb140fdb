// What crosses the thread boundary: the data each pool worker starts with (the network, once)
// and one task (a partition and how to solve it). Plain, structured-clonable data only, so the
// same task could as well be put on a job queue and solved on another machine.
import type { Network } from '../domain/network.js';
import type { PartitionSolverName } from '../engine/solver-wiring.js';
import type { Partition } from '../optimise/partition/partition.js';
import type { PartitionLimits, PartitionSettings } from '../optimise/partition/solve-partition.js';
import type { SolverBackend } from '../solvers/backend.js';

export type { PartitionSolverName } from '../engine/solver-wiring.js';

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

/**
 * TEST ONLY: every exact solve as on a machine `factor` times slower: it waits `delayMs` before
 * solving, and a wall-clock budget it is handed buys 1/factor of the work (so a budget in
 * milliseconds that changed the answer would show). Never set in production.
 */
export interface SlowSolves {
  delayMs: number;
  factor: number;
}

/** TEST ONLY: `backend` slowed as SlowSolves says. */
export function slowedBackend(backend: SolverBackend | null, slow: SlowSolves | undefined): SolverBackend | null {
  if (backend === null || slow === undefined) return backend;
  return {
    name: backend.name,
    async solve(model, options = {}) {
      await new Promise((resolve) => setTimeout(resolve, slow.delayMs));
      const { timeLimitMs, ...rest } = options;
      return backend.solve(model, timeLimitMs === undefined ? rest : { ...rest, timeLimitMs: Math.max(1, timeLimitMs / slow.factor) });
    },
  };
}

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
  /** TEST ONLY: see SlowSolves. */
  slowSolves?: SlowSolves;
}

/**
 * The edge's limits for one partition: stop the search at the deadline (the user's time
 * limit), and give an exact solve no more than the time left. No deadline: no clock at all.
 */
export function deadlineLimits(deadlineMs: number | null, stop: () => boolean = () => false): PartitionLimits {
  if (deadlineMs === null) return { shouldStop: stop };
  return { shouldStop: () => stop() || Date.now() >= deadlineMs, timeLeftMs: () => deadlineMs - Date.now() };
}
