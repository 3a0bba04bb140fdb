// The job runner: takes queued jobs from the store, oldest first, at most `concurrency` at a
// time, and plans each from its stored inputs with the library's `createPlanner`, on a worker
// thread of its own (./job-thread.ts). Progress is written to the store as it happens
// (throttled); the results are committed in one transaction. A job a crash left running is queued again on start and re-run from its
// inputs — planning is deterministic, so it ends with the plan it would have had.
import type { JobProgress } from './schemas.js';
import { runTask } from './threads.js';
import type { JobRow, JobStore } from './store.js';

export interface RunnerOptions {
  /** Jobs solved at once; the rest wait in the queue. */
  concurrency: number;
  /** Worker threads per solve, besides the job's own thread (0: partitions solved on it). */
  solveWorkers: number;
  /** Partitions solved as BullMQ jobs on this Redis instead (see ServiceConfig.redisUrl); null: on threads. */
  redisUrl?: string | null;
  /** Where inputs are unpacked for checking. */
  scratchDir: string;
  /** Minimum time between two progress writes of one job. */
  progressIntervalMs?: number;
  now?: () => Date;
}

/** How long a cancelled queue plan may take to clean up its jobs before its thread is stopped. */
const CANCEL_GRACE_MS = 3_000;

/** Why an abort happened: a user's cancel ends the job, a shutdown leaves it to be re-run. */
const SHUTDOWN = 'shutdown';

export class JobRunner {
  readonly #store: JobStore;
  readonly #options: Required<RunnerOptions>;
  readonly #running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  #stopped = false;

  constructor(store: JobStore, options: RunnerOptions) {
    this.#store = store;
    this.#options = { progressIntervalMs: 200, now: () => new Date(), redisUrl: null, ...options };
  }

  /** Re-queues what a crash left running, then starts on the queue. */
  start(): void {
    this.#store.requeueRunning();
    this.kick();
  }

  get runningCount(): number {
    return this.#running.size;
  }

  /** Starts queued jobs while there is a free slot. */
  kick(): void {
    while (!this.#stopped && this.#running.size < this.#options.concurrency) {
      const job = this.#store.nextQueued();
      if (job === undefined) return;
      if (!this.#store.markRunning(job.id, this.#options.now().toISOString())) continue;
      const controller = new AbortController();
      const done = this.#run(job, controller.signal).finally(() => {
        this.#running.delete(job.id);
        // The next job starts on a fresh tick, not inside this one's settlement.
        setImmediate(() => this.kick());
      });
      this.#running.set(job.id, { controller, done });
    }
  }

  /** Cancels a queued or running job; false when it had already ended. */
  cancel(id: string): boolean {
    const running = this.#running.get(id);
    const ended = this.#store.finish(id, 'cancelled', this.#options.now().toISOString(), null);
    running?.controller.abort('cancelled');
    return ended;
  }

  /** Stops taking jobs and aborts the running ones, which stay in the store to be re-run. */
  async stop(): Promise<void> {
    this.#stopped = true;
    const running = [...this.#running.values()];
    for (const r of running) r.controller.abort(SHUTDOWN);
    await Promise.allSettled(running.map((r) => r.done));
  }

  async #run(job: JobRow, signal: AbortSignal): Promise<void> {
    const now = () => this.#options.now().toISOString();
    let last: JobProgress = { phase: 'loading', done: 0, total: 0, bestCostMinor: null, boundMinor: null };
    let lastWriteMs = 0;
    const write = (progress: JobProgress) => {
      const changedPhase = progress.phase !== last.phase;
      last = progress;
      const t = Date.now();
      if (changedPhase || t - lastWriteMs >= this.#options.progressIntervalMs) {
        lastWriteMs = t;
        this.#store.setProgress(job.id, progress);
      }
    };
    this.#store.setProgress(job.id, last);
    const bytes = (hash: string): Buffer => {
      const b = this.#store.blob(hash);
      if (b === undefined) throw new Error(`internal: input ${hash} of job ${job.id} is missing`);
      return b;
    };
    const task = runTask(
      {
        task: 'solve',
        batch: {
          orders: { name: job.orders.name, bytes: bytes(job.orders.hash) },
          stock: { name: job.stock.name, bytes: bytes(job.stock.hash) },
          network: { name: job.network.name, bytes: bytes(job.network.hash) },
        },
        scratchDir: this.#options.scratchDir,
        options: job.options,
        solveWorkers: this.#options.solveWorkers,
        ...(job.options.replan === undefined ? {} : previousPlanOf(this.#store, job.options.replan.of)),
        redisUrl: this.#options.redisUrl,
      },
      (message) => {
        if (message.type === 'progress') write(message.progress);
      },
    );
    // With a Redis, the plan is aborted first, so that it takes its waiting jobs off the queue.
    const onAbort = () => (this.#options.redisUrl === null ? task.terminate() : task.cancel(CANCEL_GRACE_MS));
    signal.addEventListener('abort', onAbort, { once: true });
    const result = await task.result;
    signal.removeEventListener('abort', onAbort);
    // A cancel already ended the job; a shutdown leaves it running, to be queued again on start.
    if (signal.aborted) return;
    if (result.type === 'solved') {
      const explanations = new Map(result.explanations.map(([order, b]) => [order, Buffer.from(b)]));
      const outputs = result.outputs.map((o) => ({ ...o, bytes: Buffer.from(o.bytes) }));
      this.#store.succeed(job.id, now(), result.progress, outputs, explanations);
    } else {
      this.#store.finish(job.id, 'failed', now(), result.type === 'failed' ? result.message : `internal: unexpected ${result.type}`);
    }
  }
}

/** A re-plan job's previous plan: the stored plan output of the job it re-plans (absent: the job fails). */
function previousPlanOf(store: JobStore, id: string): { previousPlan?: Uint8Array } {
  const output = store.output(id, 'plan');
  return output === undefined ? {} : { previousPlan: output.bytes };
}
