// The service's jobs in Redis (the JobStore of ./job-store.ts with `serve --redis`): any number
// of service instances given one Redis share them — a job submitted to one is read, listed and
// cancelled through any other — and run them off one BullMQ queue (`xbroute-service-jobs`).
//
// A job is a record (a hash: its fixed part as JSON, and the fields that change), its inputs
// are blobs under their sha256 (kept once), its outputs and explanations hashes of the exact
// bytes served. Changes of state are Lua scripts, so they are atomic across instances: a job
// starts only from queued or running (a re-run), ends only once, and its outputs appear with
// its `succeeded` in one step (written to keys of their own first, renamed in). The queue
// holds the job's id only; its lock is what says an instance is running it. An instance that
// dies (SIGKILL, a lost machine) stops renewing that lock; once it lapses another instance's
// stalled-job check puts the job back and it is run again from its inputs — planning is
// deterministic, so it ends with the plan it would have had. A cancel ends the record at once;
// the instance running the job sees it within CANCEL_POLL_MS and aborts. An instance that
// stops (SIGTERM) puts its running jobs back on the queue for the others.
import { randomUUID } from 'node:crypto';
import { Queue, WaitingError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { checkReachable, longLivedOptions } from '../queue/connection.js';
import { parseRedisUrl, type RedisTarget } from '../queue/redis-url.js';
import {
  CANCELLED, type JobConsumer, type JobRow, type JobStore, type NewJob, type Output, QUEUED_PROGRESS, type RunJob, SHUTDOWN, sha256,
} from './job-store.js';
import type { JobProgress, JobState } from './schemas.js';

export interface RedisJobStoreOptions {
  /** redis://[user:password@]host[:port][/db], rediss://… or unix:///path/to/redis.sock */
  url: string;
  /** The BullMQ queue of the service's jobs. @default 'xbroute-service-jobs' */
  queueName?: string;
  /** How long an instance's lock on a running job lasts unless renewed (every half of it). @default 30_000 */
  lockDurationMs?: number;
  /** How often an instance looks for jobs whose lock lapsed (their instance died) and puts them back. @default 30_000 */
  stalledIntervalMs?: number;
}

export const SERVICE_QUEUE_NAME = 'xbroute-service-jobs';
const PREFIX = 'xbroute:service';
/** How often an instance reads the state of the jobs it runs (a cancel through another instance). */
const CANCEL_POLL_MS = 500;
/** Times a job's instance may die under it before the job fails (a job that kills its instance). */
const MAX_STALLED = 5;
/** Explanations written per command (a 100,000-order plan has as many). */
const WRITE_CHUNK = 1_000;
const JOB_OPTIONS = { attempts: 2, removeOnComplete: true, removeOnFail: { age: 7 * 24 * 3600 } } as const;

const key = {
  job: (id: string) => `${PREFIX}:job:${id}`,
  outputs: (id: string) => `${PREFIX}:job:${id}:outputs`,
  explanations: (id: string) => `${PREFIX}:job:${id}:explanations`,
  blob: (hash: string) => `${PREFIX}:blob:${hash}`,
  owner: (owner: string) => `${PREFIX}:owner:${owner}`,
  idempotency: (owner: string, k: string) => `${PREFIX}:idempotency:${sha256(`${owner}\n${k}`)}`,
  seq: `${PREFIX}:seq`,
  /** The jobs not ended yet (queued or running), by seq: what the reconciliation looks at. */
  open: `${PREFIX}:open`,
};

/** The record's fixed part (field `meta`); state, progress and the rest are fields of their own. */
type Meta = Omit<JobRow, 'seq' | 'state' | 'progress' | 'error' | 'attempts' | 'startedAt' | 'finishedAt'>;

// KEYS: job, owner, idempotency, seq, open. ARGV: has idempotency key ('1'/'0'), id, meta, progress.
const INSERT = `
if ARGV[1] == '1' and not redis.call('SET', KEYS[3], ARGV[2], 'NX') then return 0 end
local seq = redis.call('INCR', KEYS[4])
redis.call('HSET', KEYS[1], 'seq', seq, 'meta', ARGV[3], 'state', 'queued', 'progress', ARGV[4], 'error', 'null',
  'attempts', 0, 'startedAt', 'null', 'finishedAt', 'null')
redis.call('ZADD', KEYS[2], seq, ARGV[2])
redis.call('ZADD', KEYS[5], seq, ARGV[2])
return seq`;

// KEYS: job. ARGV: startedAt (JSON). queued → running, or running → running (a re-run after a crash).
const MARK_RUNNING = `
local s = redis.call('HGET', KEYS[1], 'state')
if s ~= 'queued' and s ~= 'running' then return 0 end
redis.call('HSET', KEYS[1], 'state', 'running', 'startedAt', ARGV[1])
redis.call('HINCRBY', KEYS[1], 'attempts', 1)
return 1`;

// KEYS: job. ARGV: progress (JSON).
const SET_PROGRESS = `
if redis.call('HGET', KEYS[1], 'state') ~= 'running' then return 0 end
redis.call('HSET', KEYS[1], 'progress', ARGV[1])
return 1`;

// KEYS: job, open. ARGV: state, finishedAt (JSON), error (JSON), id.
const FINISH = `
local s = redis.call('HGET', KEYS[1], 'state')
if s ~= 'queued' and s ~= 'running' then return 0 end
redis.call('HSET', KEYS[1], 'state', ARGV[1], 'finishedAt', ARGV[2], 'error', ARGV[3])
redis.call('ZREM', KEYS[2], ARGV[4])
return 1`;

// KEYS: job, staged outputs, staged explanations, outputs, explanations, open. ARGV: finishedAt (JSON), progress (JSON), id.
const SUCCEED = `
if redis.call('HGET', KEYS[1], 'state') ~= 'running' then
  redis.call('DEL', KEYS[2], KEYS[3])
  return 0
end
if redis.call('EXISTS', KEYS[2]) == 1 then redis.call('RENAME', KEYS[2], KEYS[4]) end
if redis.call('EXISTS', KEYS[3]) == 1 then redis.call('RENAME', KEYS[3], KEYS[5]) end
redis.call('HSET', KEYS[1], 'state', 'succeeded', 'finishedAt', ARGV[1], 'progress', ARGV[2])
redis.call('ZREM', KEYS[6], ARGV[3])
return 1`;

// KEYS: job. ARGV: progress (JSON). running → queued (an instance stopping hands its job back).
const REQUEUE = `
if redis.call('HGET', KEYS[1], 'state') ~= 'running' then return 0 end
redis.call('HSET', KEYS[1], 'state', 'queued', 'progress', ARGV[1], 'startedAt', 'null')
return 1`;

function toRow(fields: Record<string, string>): JobRow | undefined {
  if (fields.meta === undefined) return undefined;
  const meta = JSON.parse(fields.meta) as Meta;
  return {
    seq: Number(fields.seq),
    ...meta,
    state: fields.state as JobState,
    progress: JSON.parse(fields.progress ?? 'null') as JobProgress,
    error: JSON.parse(fields.error ?? 'null') as string | null,
    attempts: Number(fields.attempts ?? 0),
    startedAt: JSON.parse(fields.startedAt ?? 'null') as string | null,
    finishedAt: JSON.parse(fields.finishedAt ?? 'null') as string | null,
  };
}

const typeField = (name: string) => `${name}\ttype`;

export class RedisJobStore implements JobStore {
  readonly target: RedisTarget;
  readonly queue: Queue<{ id: string }>;
  readonly #redis: Redis;
  readonly #options: Required<Omit<RedisJobStoreOptions, 'url'>>;
  readonly #consumers = new Set<RedisConsumer>();
  #closed = false;

  /** Checks that Redis answers at the URL (else a QueueConnectionError naming it), then connects. */
  static async connect(options: RedisJobStoreOptions): Promise<RedisJobStore> {
    const target = parseRedisUrl(options.url);
    await checkReachable(target);
    const store = new RedisJobStore(target, options);
    await store.queue.waitUntilReady();
    return store;
  }

  private constructor(target: RedisTarget, options: RedisJobStoreOptions) {
    this.target = target;
    this.#options = {
      queueName: options.queueName ?? SERVICE_QUEUE_NAME,
      lockDurationMs: options.lockDurationMs ?? 30_000,
      stalledIntervalMs: options.stalledIntervalMs ?? 30_000,
    };
    const closed = () => this.#closed;
    // Fail fast: a request while Redis is gone is an error (500), not a wait.
    this.#redis = new Redis(longLivedOptions(target, true, closed));
    this.#redis.on('error', () => undefined);
    this.queue = new Queue<{ id: string }>(this.#options.queueName, { connection: longLivedOptions(target, true, closed) });
    this.queue.on('error', () => undefined);
  }

  async putBlob(bytes: Buffer): Promise<string> {
    const hash = sha256(bytes);
    await this.#redis.set(key.blob(hash), bytes, 'NX');
    return hash;
  }

  async blob(hash: string): Promise<Buffer | undefined> {
    return (await this.#redis.getBuffer(key.blob(hash))) ?? undefined;
  }

  async insertJob(job: NewJob): Promise<JobRow> {
    const { inputs } = job;
    const [orders, stock, network] = await Promise.all([this.putBlob(inputs.orders.bytes), this.putBlob(inputs.stock.bytes), this.putBlob(inputs.network.bytes)]);
    const meta: Meta = {
      id: job.id,
      owner: job.owner,
      idempotencyKey: job.idempotencyKey,
      requestHash: job.requestHash,
      options: job.options,
      orders: { name: job.inputs.orders.name, hash: orders },
      stock: { name: job.inputs.stock.name, hash: stock },
      network: { name: job.inputs.network.name, hash: network },
      warnings: job.warnings,
      createdAt: job.createdAt,
    };
    const idem = job.idempotencyKey === null ? `${PREFIX}:no-idempotency` : key.idempotency(job.owner, job.idempotencyKey);
    const seq = Number(
      await this.#redis.eval(INSERT, 5, key.job(job.id), key.owner(job.owner), idem, key.seq, key.open,
        job.idempotencyKey === null ? '0' : '1', job.id, JSON.stringify(meta), JSON.stringify(QUEUED_PROGRESS)),
    );
    if (seq === 0) throw new Error(`idempotency key "${job.idempotencyKey}" already names a job`);
    // After the record: a job taken off the queue always has one. A crash in between leaves a
    // record without a queue entry, which the reconciliation (RedisConsumer) adds.
    await this.enqueue(job.id);
    return { seq, ...meta, state: 'queued', progress: QUEUED_PROGRESS, error: null, attempts: 0, startedAt: null, finishedAt: null };
  }

  async job(id: string): Promise<JobRow | undefined> {
    return toRow(await this.#redis.hgetall(key.job(id)));
  }

  async byIdempotencyKey(owner: string, k: string): Promise<JobRow | undefined> {
    const id = await this.#redis.get(key.idempotency(owner, k));
    return id === null ? undefined : this.job(id);
  }

  async jobsOf(owner: string, limit: number): Promise<JobRow[]> {
    const ids = await this.#redis.zrevrange(key.owner(owner), 0, limit - 1);
    const rows = await Promise.all(ids.map((id) => this.job(id)));
    return rows.filter((r) => r !== undefined);
  }

  async queuedCount(): Promise<number> {
    return this.queue.getJobCountByTypes('wait', 'prioritized', 'delayed', 'paused');
  }

  async setProgress(id: string, progress: JobProgress): Promise<void> {
    await this.#redis.eval(SET_PROGRESS, 1, key.job(id), JSON.stringify(progress));
  }

  async succeed(id: string, at: string, progress: JobProgress, outputs: readonly Output[], explanations: ReadonlyMap<string, Buffer>): Promise<void> {
    // Staged under keys of this attempt's own, then renamed in with the state (see SUCCEED).
    const token = randomUUID();
    const stagedOutputs = `${key.outputs(id)}:${token}`;
    const stagedExplanations = `${key.explanations(id)}:${token}`;
    try {
      const fields: (string | Buffer)[] = [];
      for (const o of outputs) fields.push(o.name, o.bytes, typeField(o.name), o.contentType);
      if (fields.length > 0) await this.#redis.hset(stagedOutputs, ...fields);
      const entries = [...explanations];
      for (let i = 0; i < entries.length; i += WRITE_CHUNK) {
        await this.#redis.hset(stagedExplanations, ...entries.slice(i, i + WRITE_CHUNK).flat());
      }
      await this.#redis.eval(SUCCEED, 6, key.job(id), stagedOutputs, stagedExplanations, key.outputs(id), key.explanations(id), key.open,
        JSON.stringify(at), JSON.stringify(progress), id);
    } catch (error) {
      await this.#redis.del(stagedOutputs, stagedExplanations).catch(() => undefined);
      throw error;
    }
  }

  async finish(id: string, state: 'failed' | 'cancelled', at: string, error: string | null): Promise<boolean> {
    return Number(await this.#redis.eval(FINISH, 2, key.job(id), key.open, state, JSON.stringify(at), JSON.stringify(error), id)) === 1;
  }

  async output(id: string, name: string): Promise<Output | undefined> {
    const [bytes, type] = await this.#redis.hmgetBuffer(key.outputs(id), name, typeField(name));
    if (bytes == null || type == null) return undefined;
    return { name, contentType: type.toString('utf8'), bytes };
  }

  async explanation(id: string, order: string): Promise<Buffer | undefined> {
    return (await this.#redis.hgetBuffer(key.explanations(id), order)) ?? undefined;
  }

  consume(concurrency: number, run: RunJob): JobConsumer {
    const consumer = new RedisConsumer(this, concurrency, run, this.#options, {
      markRunning: async (id) => Number(await this.#redis.eval(MARK_RUNNING, 1, key.job(id), JSON.stringify(new Date().toISOString()))) === 1,
      state: async (id) => this.#redis.hget(key.job(id), 'state'),
      requeue: async (id) => {
        await this.#redis.eval(REQUEUE, 1, key.job(id), JSON.stringify(QUEUED_PROGRESS));
      },
      openIds: () => this.#redis.zrange(key.open, 0, -1),
    });
    this.#consumers.add(consumer);
    return consumer;
  }

  /** Adds a job's queue entry, named by its id (once: BullMQ ignores a second add of one id); also for a record left without one (see insertJob). */
  async enqueue(id: string): Promise<void> {
    await this.queue.add('job', { id }, { ...JOB_OPTIONS, jobId: id });
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.#consumers].map((c) => c.stop()));
    this.#closed = true;
    await this.queue.close().catch(() => undefined);
    this.#redis.disconnect();
  }
}

interface RecordOps {
  markRunning(id: string): Promise<boolean>;
  state(id: string): Promise<string | null>;
  requeue(id: string): Promise<void>;
  openIds(): Promise<string[]>;
}

/** This instance's share of the jobs: a BullMQ worker taking them, `concurrency` at once. */
class RedisConsumer implements JobConsumer {
  readonly #running = new Map<string, AbortController>();
  readonly #worker: Worker<{ id: string }>;
  readonly #store: RedisJobStore;
  readonly #ops: RecordOps;
  readonly #reconciling: NodeJS.Timeout;
  #stopping = false;
  #stopped: Promise<void> | null = null;

  constructor(store: RedisJobStore, concurrency: number, run: RunJob, options: Required<Omit<RedisJobStoreOptions, 'url'>>, ops: RecordOps) {
    this.#store = store;
    this.#ops = ops;
    this.#worker = new Worker<{ id: string }>(
      options.queueName,
      async (bull, token) => {
        const id = bull.data.id;
        if (this.#stopping) return this.#handBack(bull, token);
        if (!(await ops.markRunning(id))) return 'ended';
        const job = await store.job(id);
        if (job === undefined) return 'no record';
        const controller = new AbortController();
        this.#running.set(id, controller);
        // A cancel through any instance ends the record: seen here, it aborts the plan.
        const watch = setInterval(() => {
          ops.state(id).then(
            (state) => {
              if (state !== null && state !== 'running') controller.abort(CANCELLED);
            },
            () => undefined,
          );
        }, CANCEL_POLL_MS);
        try {
          await run(job, controller.signal);
        } finally {
          clearInterval(watch);
          this.#running.delete(id);
        }
        if (controller.signal.reason === SHUTDOWN) {
          await ops.requeue(id);
          return this.#handBack(bull, token);
        }
        return 'done';
      },
      {
        connection: longLivedOptions(store.target, false, () => this.#stopping),
        concurrency,
        lockDuration: options.lockDurationMs,
        stalledInterval: options.stalledIntervalMs,
        maxStalledCount: MAX_STALLED,
      },
    );
    this.#worker.on('error', () => undefined);
    // Records left without a queue entry, or whose entry failed for good: at start, then now and then.
    void this.#reconcile();
    this.#reconciling = setInterval(() => void this.#reconcile(), Math.max(1_000, options.stalledIntervalMs));
  }

  get running(): number {
    return this.#running.size;
  }

  kick(): void {
    // The queue tells the worker of a new job itself.
  }

  async cancel(id: string): Promise<boolean> {
    const ended = await this.#store.finish(id, 'cancelled', new Date().toISOString(), null);
    // Waiting: taken off the queue. Running (locked, here or elsewhere): its instance sees the record.
    await this.#store.queue.remove(id).catch(() => undefined);
    this.#running.get(id)?.abort(CANCELLED);
    return ended;
  }

  stop(): Promise<void> {
    this.#stopped ??= (async () => {
      this.#stopping = true;
      clearInterval(this.#reconciling);
      for (const controller of this.#running.values()) controller.abort(SHUTDOWN);
      await this.#worker.close();
    })();
    return this.#stopped;
  }

  /** Back to the queue for another instance (or this one after a restart); BullMQ's way to say so. */
  async #handBack(bull: { moveToWait(token?: string): Promise<number> }, token: string | undefined): Promise<never> {
    await bull.moveToWait(token);
    throw new WaitingError();
  }

  async #reconcile(): Promise<void> {
    try {
      for (const id of await this.#ops.openIds()) {
        if (this.#stopping) return;
        const state = await this.#store.queue.getJobState(id);
        if (state === 'unknown') {
          // Ended meanwhile (finish removes it from the open set first)? Only an open record is re-queued.
          const recordState = await this.#ops.state(id);
          if (recordState === 'queued' || recordState === 'running') await this.#store.enqueue(id);
        } else if (state === 'failed') {
          const failed = await this.#store.queue.getJob(id);
          await this.#store.finish(id, 'failed', new Date().toISOString(), failed?.failedReason ?? 'failed');
        }
      }
    } catch {
      // Redis not answering: the next round tries again.
    }
  }
}
