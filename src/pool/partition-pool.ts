// The worker pool (edge code): solves a batch's partitions on piscina worker threads. Each
// worker receives the network once, at start-up, and builds its index once; a task carries
// only a partition. Results come back in partition order whatever finishes first, so the plan
// is the same byte for byte with 1 worker or 16. A task whose worker throws or crashes is
// retried once; a second failure is reported (PartitionError) after the other partitions
// have finished, with their results. An AbortSignal stops everything at once (AbortError):
// queued tasks are dropped, running ones have their thread terminated (piscina replaces it).
// With a deadline (a time limit), a partition whose worker has not answered shortly after it
// is abandoned the same way: its orders keep their start routing, its thread is replaced, and
// the plan goes on. Without one nothing is timed: no wall clock may change an answer.
import { setMaxListeners } from 'node:events';
import { existsSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import type { Network } from '../domain/network.js';
import type { SolvePartitions } from '../optimise/optimise.js';
import type { Partition } from '../optimise/partition/partition.js';
import { wireSolver } from '../engine/solver-wiring.js';
import type { PartitionResult, PartitionSettings } from '../optimise/partition/solve-partition.js';
import { AbortError, type FailedPartition, PartitionError, isAbort, untilAborted } from './errors.js';
import type { InjectedFault, PartitionSolverName, PartitionTask, PoolWorkerData, SlowSolves } from './task.js';

export interface PartitionPoolOptions {
  /** The network every worker plans on; sent to each worker once. Must be a checked network. */
  network: Network;
  /** Worker threads. @default os.availableParallelism() */
  size?: number;
  /** The worker module; for tests (a worker that cannot start). @default workerFile() */
  workerFile?: string;
  /**
   * The solver the requests will mostly use: each worker loads its backend while starting, so
   * the first partitions do not wait for it (HiGHS compiles its WebAssembly on first use).
   * @default null (nothing preloaded)
   */
  preload?: PartitionSolverName | null;
}

/** TEST ONLY: the partition whose first `attempts` tries fail with `fault` (1: the retry succeeds). */
export interface FaultInjection {
  partitionIndex: number;
  fault: InjectedFault;
  attempts: 1 | 2;
}

export interface SolveRequest {
  solver: PartitionSolverName;
  /** @default the solver's own (see wireSolver) */
  settings?: PartitionSettings;
  /** Epoch ms at which each partition's search stops with its best answer so far. */
  deadlineMs?: number | null;
  /** Aborts queued and running tasks; the solve rejects with AbortError. */
  signal?: AbortSignal;
  /** After each partition solved (in completion order): how many are done, of how many. */
  onProgress?: (done: number, total: number) => void;
  /** TEST ONLY: makes one partition's worker fail (see FaultInjection). */
  faultInjection?: FaultInjection;
  /** TEST ONLY: every exact solve slowed (see SlowSolves). */
  slowSolves?: SlowSolves;
}

/** Attempts per partition: the first, and one retry. */
const ATTEMPTS = 2;

/**
 * How long after the deadline a partition's worker may still answer before it is abandoned:
 * a worker checks the deadline between moves and cuts the exact solve to the time left, so a
 * healthy one answers well within this.
 */
export const ABANDON_AFTER_DEADLINE_MS = 250;

/** The reason an attempt's signal is aborted with when its partition is abandoned. */
const ABANDONED = Symbol('abandoned at the deadline');

/** A partition given up at the deadline: its orders keep the start routing. */
export function abandonedResult(partition: Partition): PartitionResult {
  return {
    choiceOf: [...partition.start],
    // Not computed: the worker that would have priced it is gone, and nothing reads it.
    totalMinor: Number.NaN,
    exact: false,
    modelAnswered: false,
    passes: 0,
    moves: 0,
    stopped: true,
  };
}

export class PartitionPool {
  readonly size: number;
  readonly #piscina: Piscina<PartitionTask, PartitionResult>;
  #busy = 0;
  #closed = false;
  #replaced = 0;
  #abandoned = 0;
  /** Errors piscina reports outside any task (a worker dying while idle); kept, not thrown. */
  readonly #idleErrors: unknown[] = [];
  /** Rejects once no thread can run (see #giveUp); every solve races it, so none waits forever. */
  readonly #broken: Promise<never>;
  #giveUp: (error: Error) => void = () => {};
  #isBroken = false;

  constructor(options: PartitionPoolOptions) {
    const size = options.size ?? os.availableParallelism();
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`partition pool: options.size must be an integer >= 1, got ${size}`);
    this.size = size;
    const workerData: PoolWorkerData = { network: options.network, preload: options.preload ?? null };
    this.#broken = new Promise<never>((_, reject) => {
      this.#giveUp = reject;
    });
    this.#broken.catch(() => {}); // rejected on purpose; each solve reports it
    this.#piscina = new Piscina<PartitionTask, PartitionResult>({
      filename: pathToFileURL(options.workerFile ?? workerFile()).href,
      minThreads: size,
      maxThreads: size,
      // Threads stay up between batches: they hold the network index, which is their point.
      idleTimeout: Infinity,
      workerData,
    });
    // Without a listener an 'error' event would take the whole process down.
    this.#piscina.on('error', (error: unknown) => {
      this.#idleErrors.push(error);
      // piscina does not replace a thread that fails while starting (the worker module cannot
      // load): with no thread left, queued tasks would wait forever. Fail them instead.
      if (this.#piscina.threads.length === 0) this.#breakDown(error);
    });
    this.#piscina.on('workerDestroy', () => {
      if (!this.#closed) this.#replaced += 1;
    });
  }

  /** Solves the partitions; results in partition order. */
  async solve(partitions: readonly Partition[], request: SolveRequest): Promise<PartitionResult[]> {
    const { signal } = request;
    if (signal?.aborted === true) throw new AbortError(signal.reason);
    if (this.#closed) throw new Error('partition pool: the pool is closed');
    if (this.#isBroken) await this.#broken;
    const total = partitions.length;
    const results: (PartitionResult | null)[] = partitions.map(() => null);
    const failed: FailedPartition[] = [];
    let done = 0;
    // piscina listens on the signal once per task: the tasks get a signal of their own, with
    // room for that many listeners, which the caller's signal aborts.
    const tasks = new AbortController();
    setMaxListeners(total + 1, tasks.signal);
    const forward = () => tasks.abort(signal?.reason);
    signal?.addEventListener('abort', forward, { once: true });
    const taskRequest: SolveRequest = { ...request, signal: tasks.signal };
    const all = Promise.all(
      partitions.map(async (partition, i) => {
        try {
          results[i] = await this.#solveOne(partition, i, taskRequest);
        } catch (error) {
          if (isAbort(error)) throw error;
          failed.push({ partitionIndex: i, orders: partition.orders.length, error });
          return;
        }
        done += 1;
        request.onProgress?.(done, total);
      }),
    );
    try {
      const settled = Promise.race([all, this.#broken]);
      await (signal === undefined ? settled : untilAborted(settled, signal));
    } finally {
      signal?.removeEventListener('abort', forward);
    }
    if (failed.length > 0) {
      failed.sort((a, b) => a.partitionIndex - b.partitionIndex);
      throw new PartitionError(failed, results);
    }
    return results as PartitionResult[];
  }

  /** The pool as planBatch's `solvePartitions`, for one request's options. */
  solver(request: SolveRequest): SolvePartitions {
    return (partitions) => this.solve(partitions, request);
  }

  /** Live worker threads (after an abort or crash, briefly fewer while one is replaced). */
  get threads(): number {
    return this.#piscina.threads.length;
  }

  /** Threads stopped and replaced so far: by an abort of a running task, or by a crash. */
  get threadsReplaced(): number {
    return this.#replaced;
  }

  /** Partitions abandoned at a deadline so far (their worker did not answer in time). */
  get partitionsAbandoned(): number {
    return this.#abandoned;
  }

  /** Tasks submitted and not yet settled. */
  get busy(): number {
    return this.#busy;
  }

  /** Tasks waiting for a free thread. */
  get queued(): number {
    return this.#piscina.queueSize;
  }

  /** Share of the pool's lifetime its threads spent running tasks (piscina's figure, 0…1). */
  get utilization(): number {
    return this.#piscina.utilization;
  }

  /** Errors the threads raised outside any task (normally none). */
  get idleErrors(): readonly unknown[] {
    return this.#idleErrors;
  }

  /** Waits for running tasks, then stops the threads. Idempotent. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    // A broken pool has nothing running, only tasks queued for threads that will never come.
    await (this.#isBroken ? this.#piscina.destroy() : this.#piscina.close());
  }

  #breakDown(cause: unknown): void {
    if (this.#isBroken) return;
    this.#isBroken = true;
    const why = cause instanceof Error ? cause.message : String(cause);
    this.#giveUp(new Error(`partition pool: no worker thread can start (${why})`, { cause }));
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  async #solveOne(partition: Partition, partitionIndex: number, request: SolveRequest): Promise<PartitionResult> {
    const { signal, faultInjection } = request;
    let lastError: unknown = null;
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const fault =
        faultInjection !== undefined && faultInjection.partitionIndex === partitionIndex && attempt <= faultInjection.attempts
          ? faultInjection.fault
          : undefined;
      const task: PartitionTask = {
        partitionIndex,
        partition,
        settings: request.settings ?? wireSolver(request.solver).partition,
        solver: request.solver,
        deadlineMs: request.deadlineMs ?? null,
        attempt,
        ...(fault === undefined ? {} : { fault }),
        ...(request.slowSolves === undefined ? {} : { slowSolves: request.slowSolves }),
      };
      // Each attempt has a signal of its own: the caller's abort, or the deadline passing.
      const attemptControl = new AbortController();
      const forward = () => attemptControl.abort(signal?.reason);
      signal?.addEventListener('abort', forward, { once: true });
      if (signal?.aborted === true) forward();
      const deadlineMs = request.deadlineMs ?? null;
      const timer =
        deadlineMs === null
          ? null
          : setTimeout(() => attemptControl.abort(ABANDONED), Math.max(0, deadlineMs + ABANDON_AFTER_DEADLINE_MS - Date.now()));
      this.#busy += 1;
      try {
        return await this.#piscina.run(task, { signal: attemptControl.signal });
      } catch (error) {
        if (signal?.aborted === true) throw new AbortError(signal.reason);
        if (attemptControl.signal.reason === ABANDONED) {
          this.#abandoned += 1;
          return abandonedResult(partition);
        }
        if (isAbort(error)) throw new AbortError(signal?.reason);
        lastError = error;
      } finally {
        this.#busy -= 1;
        if (timer !== null) clearTimeout(timer);
        signal?.removeEventListener('abort', forward);
      }
    }
    throw lastError;
  }
}

export function createPartitionPool(options: PartitionPoolOptions): PartitionPool {
  return new PartitionPool(options);
}

/**
 * The compiled worker: beside this module when it runs from dist/, else (running from the
 * TypeScript sources, under vitest or tsx) in the package's dist/. Workers always run built JS.
 */
export function workerFile(): string {
  const candidates = [
    new URL('../../workers/solve-partition.js', import.meta.url),
    new URL('../../dist/workers/solve-partition.js', import.meta.url),
  ].map((url) => fileURLToPath(url));
  const found = candidates.find((path) => existsSync(path));
  if (found === undefined) {
    throw new Error(`partition pool: no compiled worker at ${candidates.join(' or ')}; run \`npm run build\` first`);
  }
  return found;
}
