// The seam between the service and where its jobs live: one interface, two implementations —
// SQLite in the service's data directory (./store.ts, the default: one instance, everything
// embedded) and Redis with a BullMQ queue (./redis-store.ts, `serve --redis`: any number of
// instances share the jobs, and a job whose instance dies is taken up by another). The HTTP
// handlers and the runner see only this interface.
import { createHash } from 'node:crypto';
import type { SubmittedBatch } from './inputs.js';
import type { JobProgress, JobState, PlanOptionsBody, Problem } from './schemas.js';

export interface StoredInput {
  name: string;
  hash: string;
}

export interface JobRow {
  seq: number;
  id: string;
  owner: string;
  idempotencyKey: string | null;
  requestHash: string;
  state: JobState;
  options: PlanOptionsBody;
  orders: StoredInput;
  stock: StoredInput;
  network: StoredInput;
  warnings: Problem[];
  progress: JobProgress;
  error: string | null;
  attempts: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface NewJob {
  id: string;
  owner: string;
  idempotencyKey: string | null;
  requestHash: string;
  options: PlanOptionsBody;
  inputs: { orders: InputBytes; stock: InputBytes; network: InputBytes };
  warnings: Problem[];
  createdAt: string;
}

export interface InputBytes {
  name: string;
  bytes: Buffer;
}

export interface Output {
  name: string;
  contentType: string;
  bytes: Buffer;
}

export const QUEUED_PROGRESS: JobProgress = { phase: 'queued', done: 0, total: 0, bestCostMinor: null, boundMinor: null };

export function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Plans one job (the runner's part); resolves when it ended, or when `signal` stopped it. */
export type RunJob = (job: JobRow, signal: AbortSignal) => Promise<void>;

/** Why a running job is aborted: a user's cancel ends it, a shutdown leaves it to be run again. */
export const CANCELLED = 'cancelled';
export const SHUTDOWN = 'shutdown';

/** Hands the store's queued jobs to a RunJob (see JobStore.consume). */
export interface JobConsumer {
  /** Jobs running in this process. */
  readonly running: number;
  /** A job was just inserted: look for work now. */
  kick(): void;
  /** Ends a queued or running job as cancelled, wherever it runs; false when it had already ended. */
  cancel(id: string): Promise<boolean>;
  /** Stops taking jobs and aborts the running ones (with SHUTDOWN), which are left to be run again. */
  stop(): Promise<void>;
}

export interface JobStore {
  /** Keeps bytes by their hash (once); returns the hash. */
  putBlob(bytes: Buffer): Promise<string>;
  blob(hash: string): Promise<Buffer | undefined>;
  /**
   * Commits a job with its inputs, queued. Throws when the owner already has a job with this
   * idempotency key (two submissions raced: the caller then reads the first one's job).
   */
  insertJob(job: NewJob): Promise<JobRow>;
  job(id: string): Promise<JobRow | undefined>;
  byIdempotencyKey(owner: string, key: string): Promise<JobRow | undefined>;
  /** The owner's jobs, newest first. */
  jobsOf(owner: string, limit: number): Promise<JobRow[]>;
  /** Jobs waiting to be run (by any instance sharing the store). */
  queuedCount(): Promise<number>;
  /** Written only while the job is running. */
  setProgress(id: string, progress: JobProgress): Promise<void>;
  /** running → succeeded with every output, visible all at once (a cancel that won keeps the job cancelled). */
  succeed(id: string, at: string, progress: JobProgress, outputs: readonly Output[], explanations: ReadonlyMap<string, Buffer>): Promise<void>;
  /** Ends a job as failed or cancelled (from queued or running); false when it had already ended. */
  finish(id: string, state: 'failed' | 'cancelled', at: string, error: string | null): Promise<boolean>;
  output(id: string, name: string): Promise<Output | undefined>;
  explanation(id: string, order: string): Promise<Buffer | undefined>;
  /**
   * Starts handing queued jobs, oldest first, to `run`, at most `concurrency` at once; each is
   * marked running (attempts + 1) before. Jobs a crash left running are run again.
   */
  consume(concurrency: number, run: RunJob): JobConsumer;
  close(): Promise<void>;
}

/** A job's stored inputs, as they were submitted (a missing one is the store's fault: internal). */
export async function storedBatch(store: JobStore, job: JobRow): Promise<SubmittedBatch> {
  const file = async (input: StoredInput) => {
    const bytes = await store.blob(input.hash);
    if (bytes === undefined) throw new Error(`internal: input ${input.hash} of job ${job.id} is missing`);
    return { name: input.name, bytes };
  };
  const [orders, stock, network] = await Promise.all([file(job.orders), file(job.stock), file(job.network)]);
  return { orders, stock, network };
}
