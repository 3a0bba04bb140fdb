// Pool worker entry point (piscina): indexes the network it was started with, once (and loads
// the solver backend it was told to preload), then solves one partition per task with the same
// core function the in-process path calls.
// Edge code: the clock is read for the deadline (deadlineLimits, src/pool/task.ts), never in the core.
import { workerData } from 'node:worker_threads';
import { type NetworkIndex, indexNetwork } from '../src/domain/network-index.js';
import { type PartitionResult, solvePartition } from '../src/optimise/partition/solve-partition.js';
import { wireSolver } from '../src/engine/solver-wiring.js';
import { type PartitionTask, type PoolWorkerData, deadlineLimits, slowedBackend } from '../src/pool/task.js';
import type { SolverBackend } from '../src/solvers/backend.js';
import { ModelBuilder } from '../src/solvers/linear-model.js';

const data = workerData as PoolWorkerData;
// A worker whose set-up fails stays alive and answers every task with the failure: a thread
// that dies while starting is not replaced by piscina, and its tasks would be left waiting.
let index: NetworkIndex | null = null;
let startFailure: string | null = null;
try {
  index = indexNetwork(data.network);
  if (data.preload !== null) await preload(wireSolver(data.preload).backend);
} catch (error) {
  startFailure = error instanceof Error ? error.message : String(error);
}

export default async function solve(task: PartitionTask): Promise<PartitionResult> {
  // TEST ONLY: the fault a test asked for (see InjectedFault).
  if (task.fault === 'exit') process.exit(1);
  if (task.fault === 'hang') spinForever();
  if (task.fault === 'throw') throw new Error(`injected fault in partition ${task.partitionIndex}, attempt ${task.attempt}`);
  if (index === null) throw new Error(`the worker could not start: ${startFailure ?? '?'}`);
  const backend = slowedBackend(wireSolver(task.solver).backend, task.slowSolves);
  return solvePartition(task.partition, index, backend, task.settings, deadlineLimits(task.deadlineMs));
}

/** TEST ONLY (the `hang` fault): a worker stuck in a loop, deaf to messages, as a stuck solver is. */
function spinForever(): never {
  for (;;) {
    // Busy on purpose: only terminating the thread ends this.
  }
}

/** Solves a one-variable MILP: loads the backend (and its WebAssembly) before the first task. */
async function preload(backend: SolverBackend | null): Promise<void> {
  if (backend === null) return;
  const b = new ModelBuilder();
  const x = b.column('x', 1, { upper: 1, integer: true });
  b.row('one', [[x, 1]], { lower: 1 });
  await backend.solve(b.model);
}
