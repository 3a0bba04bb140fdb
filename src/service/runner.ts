// The job runner: takes queued jobs from the store, oldest first, at most `concurrency` at a
// time, and plans each from its stored inputs with the library's `createPlanner`. Progress is
// written to the store as it happens (throttled); the results are committed in one
// transaction. A job a crash left running is queued again on start and re-run from its
// inputs — planning is deterministic, so it ends with the plan it would have had.
import type { Network } from '../domain/network.js';
import type { Order, StockRecord } from '../domain/orders.js';
import { createPlanner, type PlanProgress } from '../api/planner.js';
import { AbortError } from '../pool/errors.js';
import { checkBatch } from './inputs.js';
import { renderResults } from './results.js';
import type { JobProgress } from './schemas.js';
import type { JobRow, JobStore } from './store.js';

export interface RunnerOptions {
  /** Jobs solved at once; the rest wait in the queue. */
  concurrency: number;
  /** Worker threads per solve (0: on the service's thread). */
  solveWorkers: number;
  /** Where inputs are unpacked for checking. */
  scratchDir: string;
  /** Minimum time between two progress writes of one job. */
  progressIntervalMs?: number;
  now?: () => Date;
}

/** Why an abort happened: a user's cancel ends the job, a shutdown leaves it to be re-run. */
const SHUTDOWN = 'shutdown';

export class JobRunner {
  readonly #store: JobStore;
  readonly #options: Required<RunnerOptions>;
  readonly #running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  #stopped = false;

  constructor(store: JobStore, options: RunnerOptions) {
    this.#store = store;
    this.#options = { progressIntervalMs: 200, now: () => new Date(), ...options };
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
    const write = (progress: JobProgress, force: boolean) => {
      const changedPhase = progress.phase !== last.phase;
      last = progress;
      const t = Date.now();
      if (force || changedPhase || t - lastWriteMs >= this.#options.progressIntervalMs) {
        lastWriteMs = t;
        this.#store.setProgress(job.id, progress);
      }
    };
    write(last, true);
    try {
      // Let the status of "running" be seen before the synchronous checking starts.
      await new Promise<void>((resolve) => setImmediate(resolve));
      const inputs = this.#inputs(job);
      const planner = createPlanner({
        network: inputs.network,
        stock: inputs.stock,
        solver: job.options.solver,
        workers: this.#options.solveWorkers,
      });
      let plan;
      try {
        plan = await planner.plan(inputs.orders, {
          signal,
          ...(job.options.timeLimitSeconds === undefined ? {} : { timeLimitMs: job.options.timeLimitSeconds * 1000 }),
          onProgress: (event: PlanProgress) => write(toJobProgress(event), false),
        });
      } finally {
        await planner.close();
      }
      write({ ...last, phase: 'writing' }, true);
      const results = renderResults(plan, inputs.network, inputs.orders);
      const final: JobProgress = {
        phase: 'done',
        done: last.total,
        total: last.total,
        bestCostMinor: plan.totals.cost.total,
        boundMinor: plan.totals.lowerBoundMinor ?? null,
      };
      this.#store.succeed(job.id, now(), final, results.outputs, results.explanations);
    } catch (error) {
      if (signal.aborted) {
        // A cancel already ended the job; a shutdown leaves it running, to be queued again on start.
        return;
      }
      const message = error instanceof AbortError ? 'aborted' : error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      this.#store.finish(job.id, 'failed', now(), message);
    }
  }

  #inputs(job: JobRow): { network: Network; orders: Order[]; stock: StockRecord[] } {
    const bytes = (hash: string): Buffer => {
      const b = this.#store.blob(hash);
      if (b === undefined) throw new Error(`internal: input ${hash} of job ${job.id} is missing`);
      return b;
    };
    const checked = checkBatch(
      {
        orders: { name: job.orders.name, bytes: bytes(job.orders.hash) },
        stock: { name: job.stock.name, bytes: bytes(job.stock.hash) },
        network: { name: job.network.name, bytes: bytes(job.network.hash) },
      },
      this.#options.scratchDir,
    );
    if (!checked.ok) throw new Error(`inputs no longer valid: ${checked.errors[0]?.message ?? '?'}`);
    return checked;
  }
}

export function toJobProgress(event: PlanProgress): JobProgress {
  return {
    phase: event.phase,
    done: event.partitionsDone,
    total: event.partitionsTotal,
    bestCostMinor: event.bestCostMinor ?? null,
    boundMinor: event.boundMinor ?? null,
  };
}
