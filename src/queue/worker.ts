// A queue worker (edge code, what `xbroute worker` runs): takes partition jobs from BullMQ and
// solves each on a piscina pool of this process (src/pool), so the CPU-bound search runs on
// worker threads and this thread stays free to renew the jobs' locks — a job whose lock lapses
// counts as stalled and is handed to another worker. The network a job names is fetched from
// Redis once and kept, with a pool started on it (the last few networks seen).
import os from 'node:os';
import { UnrecoverableError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { PartitionResult } from '../optimise/partition/solve-partition.js';
import { PartitionPool } from '../pool/partition-pool.js';
import { checkReachable, longLivedOptions, reason } from './connection.js';
import { JOB_FORMAT, type PartitionJob, type PartitionJobData, QUEUE_NAME } from './jobs.js';
import { fetchNetwork } from './network-store.js';
import { parseRedisUrl, type RedisTarget } from './redis-url.js';
import { decodeWire, encodeWire } from './wire.js';

export interface QueueWorkerOptions {
  /** redis://[user:password@]host[:port][/db], rediss://… or unix:///path/to/redis.sock */
  url: string;
  /** Jobs solved at once, each on a thread of this process's pool. @default os.availableParallelism() */
  concurrency?: number;
  /** @default 'xbroute-partitions' */
  queueName?: string;
  /**
   * How long a job's lock lasts unless renewed (renewed every half of it): a worker that dies
   * holding a job gives it up this long after. @default 30_000 (BullMQ's)
   */
  lockDurationMs?: number;
  /** How often this worker looks for jobs whose lock lapsed (stalled) and puts them back. @default 30_000 */
  stalledIntervalMs?: number;
  /** Each job taken, finished or failed, and connection errors (the CLI prints them). */
  onEvent?: (event: WorkerEvent) => void;
}

export type WorkerEvent =
  | { type: 'active'; jobId: string; orders: number }
  | { type: 'completed'; jobId: string; ms: number }
  | { type: 'failed'; jobId: string; message: string }
  | { type: 'error'; message: string };

/** Networks (and their pools) kept at once: a worker serves the few networks in use. */
const KEEP_NETWORKS = 2;

export interface QueueWorker {
  readonly target: RedisTarget;
  readonly concurrency: number;
  /** Stops taking jobs, lets the running ones finish, stops the threads. */
  close(): Promise<void>;
}

/** Checks that Redis answers at the URL (else a QueueConnectionError naming it), then starts taking jobs. */
export async function startQueueWorker(options: QueueWorkerOptions): Promise<QueueWorker> {
  const target = parseRedisUrl(options.url);
  const concurrency = options.concurrency ?? os.availableParallelism();
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError(`queue worker: options.concurrency must be an integer >= 1, got ${concurrency}`);
  await checkReachable(target);
  const emit = options.onEvent ?? (() => undefined);
  const pools = new PoolCache(concurrency);
  let closing = false;
  const started = new Map<string, number>();
  // For the network store (BullMQ's own connections are for its commands).
  const redis = new Redis(longLivedOptions(target, false, () => closing));
  redis.on('error', () => undefined);
  const worker = new Worker<PartitionJobData, string>(
    options.queueName ?? QUEUE_NAME,
    async (job) => {
      const data = job.data;
      if (data.format !== JOB_FORMAT) {
        // Another xbroute's job: solving it here could give another answer than its own would.
        throw new UnrecoverableError(`job format ${String(data.format)}, this worker reads format ${JOB_FORMAT}: run the same xbroute version everywhere`);
      }
      const task = decodeWire(data.task) as PartitionJob;
      started.set(job.id ?? '', Date.now());
      emit({ type: 'active', jobId: job.id ?? '?', orders: task.partition.orders.length });
      const pool = await pools.get(data.network, task, redis);
      const [result] = await pool.solve([task.partition], {
        solver: task.solver,
        settings: task.settings,
        deadlineMs: task.deadlineMs,
        ...(task.slowSolves === undefined ? {} : { slowSolves: task.slowSolves }),
      });
      if (result === undefined) throw new Error('internal: the pool returned no result');
      return encodeWire(result satisfies PartitionResult);
    },
    {
      connection: longLivedOptions(target, false, () => closing),
      concurrency,
      ...(options.lockDurationMs === undefined ? {} : { lockDuration: options.lockDurationMs }),
      ...(options.stalledIntervalMs === undefined ? {} : { stalledInterval: options.stalledIntervalMs }),
    },
  );
  worker.on('completed', (job) => emit({ type: 'completed', jobId: job.id ?? '?', ms: Date.now() - (started.get(job.id ?? '') ?? Date.now()) }));
  worker.on('failed', (job, error) => emit({ type: 'failed', jobId: job?.id ?? '?', message: error.message }));
  worker.on('error', (error) => emit({ type: 'error', message: reason(error) }));
  await worker.waitUntilReady();
  return {
    target,
    concurrency,
    close: async () => {
      closing = true;
      await worker.close();
      await pools.close();
      redis.disconnect();
    },
  };
}

/** The pools of the networks seen last, each started on its network (fetched once from Redis). */
class PoolCache {
  readonly #pools = new Map<string, Promise<PartitionPool>>();

  constructor(readonly size: number) {}

  get(hash: string, task: PartitionJob, redis: Redis): Promise<PartitionPool> {
    let pool = this.#pools.get(hash);
    if (pool === undefined) {
      pool = fetchNetwork(redis, hash).then((network) => new PartitionPool({ network, size: this.size, preload: task.solver }));
      // A failed fetch is not kept: the next job asks Redis again.
      pool.catch(() => this.#pools.delete(hash));
      this.#pools.set(hash, pool);
      for (const [old, evicted] of this.#pools) {
        if (this.#pools.size <= KEEP_NETWORKS) break;
        this.#pools.delete(old);
        void evicted.then((p) => p.close()).catch(() => undefined);
      }
    } else {
      // Most recently used last.
      this.#pools.delete(hash);
      this.#pools.set(hash, pool);
    }
    return pool;
  }

  async close(): Promise<void> {
    const all = [...this.#pools.values()];
    this.#pools.clear();
    await Promise.allSettled(all.map((p) => p.then((pool) => pool.close())));
  }
}
