// The job runner: plans each job the store hands it (JobStore.consume: oldest first, at most
// `concurrency` at a time) from its stored inputs with the library's `createPlanner`, on a
// worker thread of its own (./job-thread.ts). Progress is written to the store as it happens
// (throttled); the results are committed at once. A job a crash left running is run again from
// its inputs — planning is deterministic, so it ends with the plan it would have had.
import type { JobProgress } from './schemas.js';
import { runTask } from './threads.js';
import { type JobConsumer, type JobRow, type JobStore, storedBatch } from './job-store.js';

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

export class JobRunner {
  readonly #store: JobStore;
  readonly #options: Required<RunnerOptions>;
  #consumer: JobConsumer | null = null;

  constructor(store: JobStore, options: RunnerOptions) {
    this.#store = store;
    this.#options = { progressIntervalMs: 200, now: () => new Date(), redisUrl: null, ...options };
  }

  /** Starts on the store's queue (what a crash left running is run again). */
  start(): void {
    this.#consumer ??= this.#store.consume(this.#options.concurrency, (job, signal) => this.#run(job, signal));
  }

  /** Jobs running in this process. */
  get runningCount(): number {
    return this.#consumer?.running ?? 0;
  }

  /** A job was submitted: start it if there is a free slot. */
  kick(): void {
    this.#consumer?.kick();
  }

  /** Cancels a queued or running job (wherever it runs); false when it had already ended. */
  async cancel(id: string): Promise<boolean> {
    if (this.#consumer === null) return this.#store.finish(id, 'cancelled', this.#options.now().toISOString(), null);
    return this.#consumer.cancel(id);
  }

  /** Stops taking jobs and aborts the running ones, which stay in the store to be re-run. */
  async stop(): Promise<void> {
    await this.#consumer?.stop();
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
        void this.#store.setProgress(job.id, progress).catch(() => undefined);
      }
    };
    await this.#store.setProgress(job.id, last);
    const batch = await storedBatch(this.#store, job);
    const previous = job.options.replan === undefined ? {} : await previousPlanOf(this.#store, job.options.replan.of);
    if (signal.aborted) return;
    const task = runTask(
      {
        task: 'solve',
        batch,
        scratchDir: this.#options.scratchDir,
        options: job.options,
        solveWorkers: this.#options.solveWorkers,
        ...previous,
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
      await this.#store.succeed(job.id, now(), result.progress, outputs, explanations);
    } else {
      await this.#store.finish(job.id, 'failed', now(), result.type === 'failed' ? result.message : `internal: unexpected ${result.type}`);
    }
  }
}

/** A re-plan job's previous plan: the stored plan output of the job it re-plans (absent: the job fails). */
async function previousPlanOf(store: JobStore, id: string): Promise<{ previousPlan?: Uint8Array }> {
  const output = await store.output(id, 'plan');
  return output === undefined ? {} : { previousPlan: output.bytes };
}
