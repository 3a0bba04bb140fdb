// The queue-backed executor (edge code): a batch's partitions as BullMQ jobs on Redis, solved by
// `xbroute worker` processes on any number of machines (./worker.ts). The network goes to
// Redis once, under its content hash; each job carries a partition and names the network.
// Results are gathered by partition index (./gather.ts), never in completion order, so the
// plan is the one the thread pool or the calling thread would make, byte for byte.
//
// Results arrive as QueueEvents; a sweep of the pending jobs' states every `sweepMs` catches
// any an event missed (a job finished before this producer listened, by a duplicate enqueue,
// or while the event stream reconnected) and re-adds a job someone removed. A failed job
// (its worker threw on both attempts) is reported as the pool reports it (PartitionError,
// after the others finished). Cancelling removes the plan's jobs still waiting. With a
// deadline, partitions not back shortly after it are abandoned as the pool abandons them.
// Redis silent for `connectionLostAfterMs` fails the plan with a QueueConnectionError.
import { setMaxListeners } from 'node:events';
import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import type { Network } from '../domain/network.js';
import type { SolvePartitions } from '../optimise/optimise.js';
import type { Partition } from '../optimise/partition/partition.js';
import type { PartitionResult } from '../optimise/partition/solve-partition.js';
import { wireSolver } from '../engine/solver-wiring.js';
import { AbortError, PartitionError } from '../pool/errors.js';
import type { PartitionExecutor } from '../pool/executor.js';
import { abandonedResult, type SolveRequest } from '../pool/partition-pool.js';
import { checkReachable, longLivedOptions, reason } from './connection.js';
import { QueueConnectionError } from './errors.js';
import { Gathering } from './gather.js';
import { JOB_FORMAT, type PartitionJob, type PartitionJobData, QUEUE_NAME, jobIdOf } from './jobs.js';
import { storeNetwork } from './network-store.js';
import { type RedisTarget, parseRedisUrl } from './redis-url.js';
import { decodeWire, encodeWire } from './wire.js';

export interface QueueExecutorOptions {
  /** redis://[user:password@]host[:port][/db], rediss://… (TLS) or unix:///path/to/redis.sock */
  url: string;
  /** @default 'xbroute-partitions' */
  queueName?: string;
  /** How long Redis may leave a PING unanswered while a plan waits on it before the plan fails. @default 20_000 */
  connectionLostAfterMs?: number;
  /** How often the states of a plan's pending jobs are read. @default 1_000 */
  sweepMs?: number;
  /** How long after a plan's deadline a partition may still come back before it is abandoned. @default 1_000 */
  abandonAfterDeadlineMs?: number;
}

/** How long a finished job (its result) stays in Redis: a plan of the same batch meanwhile reuses it. */
export const KEEP_FINISHED_SECONDS = 3600;
/** Jobs per addBulk call (each carries a partition: keeps one command's size moderate). */
const ADD_CHUNK = 100;
/** How often the connection watch looks (see #watch). */
const WATCH_TICK_MS = 500;
/** Re-adds of one job found missing in one plan before it counts as failed. */
const MAX_READDS = 3;

const JOB_OPTIONS = {
  // The first try and one retry, as on the thread pool.
  attempts: 2,
  removeOnComplete: { age: KEEP_FINISHED_SECONDS },
  removeOnFail: { age: KEEP_FINISHED_SECONDS },
} as const;

/** Checks the URL and that Redis answers there (else a QueueConnectionError naming it), then connects. */
export async function connectQueueExecutor(options: QueueExecutorOptions): Promise<QueueExecutor> {
  const target = parseRedisUrl(options.url);
  await checkReachable(target);
  const executor = new QueueExecutor(target, options);
  await executor.ready();
  return executor;
}

export class QueueExecutor implements PartitionExecutor {
  readonly target: RedisTarget;
  readonly queue: Queue<PartitionJobData, string>;
  readonly #events: QueueEvents;
  /** For the network store (BullMQ's own connections are for its commands). */
  readonly #redis: Redis;
  readonly #lostAfterMs: number;
  readonly #sweepMs: number;
  readonly #abandonAfterMs: number;
  /** The plans in flight, each with the promise of its end (its waiting jobs removed if it was cancelled). */
  readonly #active = new Map<Gathering, Promise<void>>();
  #lastError: unknown = null;
  #closed = false;

  constructor(target: RedisTarget, options: Omit<QueueExecutorOptions, 'url'>) {
    this.target = target;
    const name = options.queueName ?? QUEUE_NAME;
    this.#lostAfterMs = positive('connectionLostAfterMs', options.connectionLostAfterMs ?? 20_000);
    this.#sweepMs = positive('sweepMs', options.sweepMs ?? 1_000);
    const closed = () => this.#closed;
    this.#abandonAfterMs = positive('abandonAfterDeadlineMs', options.abandonAfterDeadlineMs ?? 1_000);
    this.queue = new Queue<PartitionJobData, string>(name, { connection: longLivedOptions(target, true, closed) });
    this.#events = new QueueEvents(name, { connection: longLivedOptions(target, false, closed) });
    // Without listeners, a connection error event would end the process; the plans waiting
    // on Redis report it (see #watch).
    const remember = (error: unknown) => {
      this.#lastError = error;
    };
    this.#redis = new Redis(longLivedOptions(target, true, closed));
    this.#redis.on('error', remember);
    this.queue.on('error', remember);
    this.#events.on('error', remember);
    this.#events.on('completed', ({ jobId, returnvalue }) => {
      let result: PartitionResult;
      try {
        result = decodeResult(returnvalue);
      } catch (error) {
        for (const g of this.#active.keys()) g.fail(jobId, error);
        return;
      }
      for (const g of this.#active.keys()) g.settle(jobId, result);
    });
    this.#events.on('failed', ({ jobId, failedReason }) => {
      for (const g of this.#active.keys()) g.fail(jobId, new Error(failedReason));
    });
  }

  async ready(): Promise<void> {
    await Promise.all([this.queue.waitUntilReady(), this.#events.waitUntilReady()]);
  }

  solver(request: SolveRequest, network: Network): SolvePartitions {
    return (partitions) => this.solve(partitions, request, network);
  }

  /** Solves the partitions through the queue; results in partition order. */
  async solve(partitions: readonly Partition[], request: SolveRequest, network: Network): Promise<PartitionResult[]> {
    const { signal } = request;
    if (signal?.aborted === true) throw new AbortError(signal.reason);
    if (this.#closed) throw new Error('queue executor: closed');
    const networkHash = await this.#orLost(storeNetwork(this.#redis, network));
    const settings = request.settings ?? wireSolver(request.solver).partition;
    const deadlineMs = request.deadlineMs ?? null;
    const jobs = partitions.map((partition) => {
      const job: PartitionJob = {
        partition,
        solver: request.solver,
        settings,
        deadlineMs,
        ...(request.slowSolves === undefined ? {} : { slowSolves: request.slowSolves }),
      };
      const task = encodeWire(job);
      return { id: jobIdOf(networkHash, task), data: { format: JOB_FORMAT, network: networkHash, task } satisfies PartitionJobData };
    });
    const gathering = new Gathering(
      jobs.map((j) => j.id),
      partitions.map((p) => p.orders.length),
      request.onProgress,
    );
    const dataOf = new Map(jobs.map((j) => [j.id, j.data]));
    let ended: () => void = () => undefined;
    this.#active.set(gathering, new Promise<void>((resolve) => (ended = resolve)));
    const stop = new AbortController();
    setMaxListeners(4, stop.signal);
    try {
      const onAbort = () => gathering.abort(new AbortError(signal?.reason));
      signal?.addEventListener('abort', onAbort, { once: true, signal: stop.signal });
      this.#watch(gathering, stop.signal);
      if (deadlineMs !== null) {
        const timer = setTimeout(() => gathering.abandonPending((i) => abandonedResult(partitions[i]!)), Math.max(0, deadlineMs + this.#abandonAfterMs - Date.now()));
        stop.signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
      }
      const adding = this.#enqueue([...dataOf], gathering);
      const enqueued = adding.then(() => this.#sweepLoop(gathering, dataOf, stop.signal));
      enqueued.catch((error: unknown) => gathering.abort(error));
      try {
        await gathering.done;
      } catch (error) {
        // Cancelled, or Redis lost: the plan's jobs still waiting are taken off the queue
        // (active ones finish; their results are kept for a re-run of the batch) — once the
        // adding stopped, so that no job of it is added after.
        if (error instanceof AbortError) {
          await adding.catch(() => undefined);
          await this.#removeWaiting(gathering.pendingIds());
        }
        throw error;
      }
    } finally {
      stop.abort();
      this.#active.delete(gathering);
      ended();
    }
    // Abandoned at the deadline: jobs still waiting would only keep workers busy.
    // Not awaited: a Redis that is gone (the likely reason they are late) must not hold the plan.
    if (gathering.abandoned > 0) void this.#removeWaiting(gathering.abandonedIds());
    const { results, failed } = gathering.outcome();
    if (failed.length > 0) throw new PartitionError(failed, results);
    return results as PartitionResult[];
  }

  /**
   * Ends every plan in flight with an AbortError (as their signals would) and resolves once
   * their waiting jobs are off the queue: what Ctrl-C on `xbroute plan --redis` does.
   */
  async cancelAll(reason?: unknown): Promise<void> {
    const plans = [...this.#active];
    for (const [gathering] of plans) gathering.abort(new AbortError(reason));
    await Promise.all(plans.map(([, ended]) => ended));
  }

  /** Connected workers (each `xbroute worker` process counts once per connection BullMQ lists). */
  async workerCount(): Promise<number> {
    return (await this.queue.getWorkers()).length;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#redis.disconnect();
    await Promise.allSettled([this.#events.close(), this.queue.close()]);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  /** Removes stale failed jobs of these ids (a re-run retries them), then adds the jobs. */
  async #enqueue(jobs: readonly [string, PartitionJobData][], gathering: Gathering): Promise<void> {
    const states = await Promise.all(jobs.map(([id]) => this.queue.getJobState(id)));
    await Promise.all(jobs.filter((_, i) => states[i] === 'failed').map(([id]) => this.queue.remove(id)));
    for (let i = 0; i < jobs.length && !gathering.ended; i += ADD_CHUNK) {
      const chunk = jobs.slice(i, i + ADD_CHUNK).filter((_, k) => states[i + k] !== 'completed');
      if (chunk.length > 0) await this.queue.addBulk(chunk.map(([id, data]) => ({ name: 'partition', data, opts: { ...JOB_OPTIONS, jobId: id } })));
    }
  }

  /** Reads the pending jobs' states until the gathering ends; see the banner. */
  async #sweepLoop(gathering: Gathering, dataOf: ReadonlyMap<string, PartitionJobData>, stop: AbortSignal): Promise<void> {
    const readds = new Map<string, number>();
    while (!stop.aborted) {
      try {
        await this.#sweep(gathering, dataOf, readds);
      } catch (error) {
        // Redis not answering: the watch decides when that fails the plan.
        this.#lastError = error;
      }
      await sleep(this.#sweepMs, stop);
    }
  }

  async #sweep(gathering: Gathering, dataOf: ReadonlyMap<string, PartitionJobData>, readds: Map<string, number>): Promise<void> {
    const ids = gathering.pendingIds();
    const states = await Promise.all(ids.map((id) => this.queue.getJobState(id)));
    await Promise.all(
      ids.map(async (id, i) => {
        const state = states[i];
        if (state === 'completed' || state === 'failed') {
          // The two fields only: the job's data (its partition) can be megabytes.
          const [returnvalue, failedReason] = await this.#redis.hmget(this.queue.toKey(id), 'returnvalue', 'failedReason');
          if (state === 'completed' && typeof returnvalue === 'string') gathering.settle(id, decodeResult(JSON.parse(returnvalue)));
          else if (state === 'failed') gathering.fail(id, new Error(failedReason ?? 'failed'));
        } else if (state === 'unknown') {
          const n = (readds.get(id) ?? 0) + 1;
          readds.set(id, n);
          if (n > MAX_READDS) gathering.fail(id, new Error(`job ${id} disappeared from the queue ${MAX_READDS} times`));
          else await this.queue.add('partition', dataOf.get(id)!, { ...JOB_OPTIONS, jobId: id });
        }
      }),
    );
  }

  /**
   * Fails the gathering once a PING has gone unanswered for connectionLostAfterMs (a PING, not
   * the sweeps: a sweep may wait behind a large job's transfer). A tick that comes late means
   * this process was busy, not Redis: the judgement then starts again on a fresh PING.
   */
  #watch(gathering: Gathering, stop: AbortSignal): void {
    const tickMs = Math.min(WATCH_TICK_MS, this.#lostAfterMs);
    let sentAtMs: number | null = null;
    let lastTickMs = Date.now();
    const timer = setInterval(() => {
      const nowMs = Date.now();
      if (nowMs - lastTickMs > 2 * tickMs) sentAtMs = null;
      lastTickMs = nowMs;
      if (sentAtMs === null) {
        const sent = nowMs;
        sentAtMs = sent;
        this.#redis.ping().then(
          () => {
            if (sentAtMs === sent) sentAtMs = null;
          },
          (error: unknown) => {
            // Still unanswered: the next ticks decide.
            this.#lastError = error;
          },
        );
        return;
      }
      const silentMs = nowMs - sentAtMs;
      if (silentMs < this.#lostAfterMs) return;
      const why = this.#lastError === null ? 'no answer' : reason(this.#lastError);
      gathering.abort(
        new QueueConnectionError(`lost the connection to Redis at ${this.target.shown}: no answer for ${Math.round(silentMs / 1000)} s (${why})`, { cause: this.#lastError }),
      );
    }, tickMs);
    stop.addEventListener('abort', () => clearInterval(timer), { once: true });
  }

  /** A Redis call at the start of a plan, failed as a lost connection when Redis does not answer. */
  async #orLost<T>(work: Promise<T>): Promise<T> {
    try {
      return await work;
    } catch (error) {
      throw new QueueConnectionError(`lost the connection to Redis at ${this.target.shown}: ${reason(error)}`, { cause: error });
    }
  }

  /** Takes jobs off the queue unless a worker holds them (remove refuses a locked job). */
  async #removeWaiting(ids: readonly string[]): Promise<void> {
    await Promise.allSettled(ids.map((id) => this.queue.remove(id)));
  }
}

function decodeResult(text: unknown): PartitionResult {
  if (typeof text !== 'string') throw new Error(`queue executor: a job result is not text (${typeof text})`);
  return decodeWire(text) as PartitionResult;
}

/** Waits `ms`, or less if `stop` fires (its listener removed either way). */
function sleep(ms: number, stop: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      stop.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    stop.addEventListener('abort', done, { once: true });
  });
}

function positive(option: string, value: number): number {
  if (!(Number.isFinite(value) && value > 0)) throw new RangeError(`queue executor: options.${option} must be a number > 0, got ${value}`);
  return value;
}
