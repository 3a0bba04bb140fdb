// The service's embedded job store (the JobStore of ./job-store.ts without --redis): one
// SQLite file (better-sqlite3, WAL) holding the jobs, their inputs (by content hash, so the
// bundled network and repeated uploads are kept once) and their results as the exact bytes
// served. The database is the source of truth: a job is accepted only once its row and inputs
// are committed, and a result is visible only once every output of it is committed (one
// transaction), so a crash loses nothing accepted. Its jobs are run by this process only
// (SqliteConsumer): a job a crash left running is queued again at the next start.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  CANCELLED, type JobConsumer, type JobRow, type JobStore, type NewJob, type Output, QUEUED_PROGRESS, type RunJob, SHUTDOWN, sha256,
} from './job-store.js';
import type { JobProgress, JobState, PlanOptionsBody, Problem } from './schemas.js';

export { type InputBytes, type JobRow, type NewJob, type Output, QUEUED_PROGRESS, sha256, type StoredInput } from './job-store.js';

const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS blobs (
  hash TEXT PRIMARY KEY,
  bytes BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS jobs (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  owner TEXT NOT NULL,
  idempotency_key TEXT,
  request_hash TEXT NOT NULL,
  state TEXT NOT NULL,
  options TEXT NOT NULL,
  orders_name TEXT NOT NULL, orders_hash TEXT NOT NULL REFERENCES blobs(hash),
  stock_name TEXT NOT NULL, stock_hash TEXT NOT NULL REFERENCES blobs(hash),
  network_name TEXT NOT NULL, network_hash TEXT NOT NULL REFERENCES blobs(hash),
  warnings TEXT NOT NULL,
  progress TEXT NOT NULL,
  error TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  started_at TEXT,
  finished_at TEXT,
  UNIQUE (owner, idempotency_key)
);
CREATE INDEX IF NOT EXISTS jobs_state ON jobs (state, seq);
CREATE INDEX IF NOT EXISTS jobs_owner ON jobs (owner, seq);
CREATE TABLE IF NOT EXISTS outputs (
  job_id TEXT NOT NULL REFERENCES jobs(id),
  name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  bytes BLOB NOT NULL,
  PRIMARY KEY (job_id, name)
);
CREATE TABLE IF NOT EXISTS explanations (
  job_id TEXT NOT NULL REFERENCES jobs(id),
  order_id TEXT NOT NULL,
  bytes BLOB NOT NULL,
  PRIMARY KEY (job_id, order_id)
);
`;

interface RawJob {
  seq: number;
  id: string;
  owner: string;
  idempotency_key: string | null;
  request_hash: string;
  state: JobState;
  options: string;
  orders_name: string;
  orders_hash: string;
  stock_name: string;
  stock_hash: string;
  network_name: string;
  network_hash: string;
  warnings: string;
  progress: string;
  error: string | null;
  attempts: number;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

function toRow(raw: RawJob): JobRow {
  return {
    seq: raw.seq,
    id: raw.id,
    owner: raw.owner,
    idempotencyKey: raw.idempotency_key,
    requestHash: raw.request_hash,
    state: raw.state,
    options: JSON.parse(raw.options) as PlanOptionsBody,
    orders: { name: raw.orders_name, hash: raw.orders_hash },
    stock: { name: raw.stock_name, hash: raw.stock_hash },
    network: { name: raw.network_name, hash: raw.network_hash },
    warnings: JSON.parse(raw.warnings) as Problem[],
    progress: JSON.parse(raw.progress) as JobProgress,
    error: raw.error,
    attempts: raw.attempts,
    createdAt: raw.created_at,
    startedAt: raw.started_at,
    finishedAt: raw.finished_at,
  };
}

export class SqliteJobStore implements JobStore {
  readonly #db: Database.Database;

  /** Opens (creating when missing) `<dataDir>/xbroute.sqlite`; `:memory:` for a throwaway store. */
  constructor(dataDir: string | ':memory:') {
    if (dataDir === ':memory:') {
      this.#db = new Database(':memory:');
    } else {
      mkdirSync(dataDir, { recursive: true });
      this.#db = new Database(join(dataDir, 'xbroute.sqlite'));
      // WAL: readers (status polls) never wait for the writer; NORMAL sync is durable across
      // process crashes (what the service must survive), only a power cut may lose the last commit.
      this.#db.pragma('journal_mode = WAL');
      this.#db.pragma('synchronous = NORMAL');
    }
    this.#db.pragma('foreign_keys = ON');
    this.#db.pragma('busy_timeout = 5000');
    this.#db.exec(SCHEMA_SQL);
  }

  async putBlob(bytes: Buffer): Promise<string> {
    return this.#putBlob(bytes);
  }

  async blob(hash: string): Promise<Buffer | undefined> {
    const row = this.#db.prepare('SELECT bytes FROM blobs WHERE hash = ?').get(hash) as { bytes: Buffer } | undefined;
    return row?.bytes;
  }

  /** Inserts a job with its inputs in one transaction. */
  async insertJob(job: NewJob): Promise<JobRow> {
    const insert = this.#db.transaction(() => {
      const hashes = {
        orders: this.#putBlob(job.inputs.orders.bytes),
        stock: this.#putBlob(job.inputs.stock.bytes),
        network: this.#putBlob(job.inputs.network.bytes),
      };
      this.#db
        .prepare(
          `INSERT INTO jobs (id, owner, idempotency_key, request_hash, state, options,
             orders_name, orders_hash, stock_name, stock_hash, network_name, network_hash,
             warnings, progress, created_at)
           VALUES (@id, @owner, @idem, @requestHash, 'queued', @options, @ordersName, @ordersHash,
             @stockName, @stockHash, @networkName, @networkHash, @warnings, @progress, @createdAt)`,
        )
        .run({
          id: job.id,
          owner: job.owner,
          idem: job.idempotencyKey,
          requestHash: job.requestHash,
          options: JSON.stringify(job.options),
          ordersName: job.inputs.orders.name,
          ordersHash: hashes.orders,
          stockName: job.inputs.stock.name,
          stockHash: hashes.stock,
          networkName: job.inputs.network.name,
          networkHash: hashes.network,
          warnings: JSON.stringify(job.warnings),
          progress: JSON.stringify(QUEUED_PROGRESS),
          createdAt: job.createdAt,
        });
    });
    insert.immediate();
    const row = this.#job(job.id);
    if (row === undefined) throw new Error(`internal: job ${job.id} not found after insert`);
    return row;
  }

  async job(id: string): Promise<JobRow | undefined> {
    return this.#job(id);
  }

  async byIdempotencyKey(owner: string, key: string): Promise<JobRow | undefined> {
    const raw = this.#db.prepare('SELECT * FROM jobs WHERE owner = ? AND idempotency_key = ?').get(owner, key) as RawJob | undefined;
    return raw === undefined ? undefined : toRow(raw);
  }

  async jobsOf(owner: string, limit: number): Promise<JobRow[]> {
    const raws = this.#db.prepare('SELECT * FROM jobs WHERE owner = ? ORDER BY seq DESC LIMIT ?').all(owner, limit) as RawJob[];
    return raws.map(toRow);
  }

  async queuedCount(): Promise<number> {
    return (this.#db.prepare("SELECT count(*) AS n FROM jobs WHERE state = 'queued'").get() as { n: number }).n;
  }

  async setProgress(id: string, progress: JobProgress): Promise<void> {
    this.#db.prepare("UPDATE jobs SET progress = ? WHERE id = ? AND state = 'running'").run(JSON.stringify(progress), id);
  }

  /** running → succeeded with every output, in one transaction. */
  async succeed(id: string, at: string, progress: JobProgress, outputs: readonly Output[], explanations: ReadonlyMap<string, Buffer>): Promise<void> {
    const commit = this.#db.transaction(() => {
      // A cancel that won the race keeps the job cancelled, without results.
      const state = this.#db.prepare('SELECT state FROM jobs WHERE id = ?').get(id) as { state: JobState } | undefined;
      if (state?.state !== 'running') return;
      const putOutput = this.#db.prepare('INSERT OR REPLACE INTO outputs (job_id, name, content_type, bytes) VALUES (?, ?, ?, ?)');
      for (const o of outputs) putOutput.run(id, o.name, o.contentType, o.bytes);
      const putExplanation = this.#db.prepare('INSERT OR REPLACE INTO explanations (job_id, order_id, bytes) VALUES (?, ?, ?)');
      for (const [order, bytes] of explanations) putExplanation.run(id, order, bytes);
      this.#db
        .prepare("UPDATE jobs SET state = 'succeeded', finished_at = ?, progress = ? WHERE id = ?")
        .run(at, JSON.stringify(progress), id);
    });
    commit.immediate();
  }

  async finish(id: string, state: 'failed' | 'cancelled', at: string, error: string | null): Promise<boolean> {
    return this.#finish(id, state, at, error);
  }

  async output(id: string, name: string): Promise<Output | undefined> {
    const row = this.#db.prepare('SELECT name, content_type, bytes FROM outputs WHERE job_id = ? AND name = ?').get(id, name) as
      | { name: string; content_type: string; bytes: Buffer }
      | undefined;
    return row === undefined ? undefined : { name: row.name, contentType: row.content_type, bytes: row.bytes };
  }

  async explanation(id: string, order: string): Promise<Buffer | undefined> {
    const row = this.#db.prepare('SELECT bytes FROM explanations WHERE job_id = ? AND order_id = ?').get(id, order) as
      | { bytes: Buffer }
      | undefined;
    return row?.bytes;
  }

  /** Jobs a crash left running go back to the queue first, to be run again from their stored inputs. */
  consume(concurrency: number, run: RunJob): JobConsumer {
    this.#db.prepare("UPDATE jobs SET state = 'queued', progress = ?, started_at = NULL WHERE state = 'running'").run(JSON.stringify(QUEUED_PROGRESS));
    const consumer = new SqliteConsumer(concurrency, run, {
      nextQueued: () => {
        const raw = this.#db.prepare("SELECT * FROM jobs WHERE state = 'queued' ORDER BY seq LIMIT 1").get() as RawJob | undefined;
        return raw === undefined ? undefined : toRow(raw);
      },
      // queued → running; false when the job is no longer queued (cancelled meanwhile).
      markRunning: (id) =>
        this.#db
          .prepare("UPDATE jobs SET state = 'running', started_at = ?, attempts = attempts + 1 WHERE id = ? AND state = 'queued'")
          .run(new Date().toISOString(), id).changes === 1,
      cancel: (id) => this.#finish(id, 'cancelled', new Date().toISOString(), null),
    });
    consumer.kick();
    return consumer;
  }

  async close(): Promise<void> {
    this.#db.close();
  }

  #putBlob(bytes: Buffer): string {
    const hash = sha256(bytes);
    this.#db.prepare('INSERT OR IGNORE INTO blobs (hash, bytes) VALUES (?, ?)').run(hash, bytes);
    return hash;
  }

  #job(id: string): JobRow | undefined {
    const raw = this.#db.prepare('SELECT * FROM jobs WHERE id = ?').get(id) as RawJob | undefined;
    return raw === undefined ? undefined : toRow(raw);
  }

  #finish(id: string, state: 'failed' | 'cancelled', at: string, error: string | null): boolean {
    return (
      this.#db
        .prepare("UPDATE jobs SET state = ?, finished_at = ?, error = ? WHERE id = ? AND state IN ('queued', 'running')")
        .run(state, at, error, id).changes === 1
    );
  }
}

/** This process runs the jobs of its SQLite file: the oldest queued first, while a slot is free. */
class SqliteConsumer implements JobConsumer {
  readonly #running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  #stopped = false;

  constructor(
    readonly concurrency: number,
    readonly run: RunJob,
    readonly db: { nextQueued: () => JobRow | undefined; markRunning: (id: string) => boolean; cancel: (id: string) => boolean },
  ) {}

  get running(): number {
    return this.#running.size;
  }

  kick(): void {
    while (!this.#stopped && this.#running.size < this.concurrency) {
      const queued = this.db.nextQueued();
      if (queued === undefined) return;
      if (!this.db.markRunning(queued.id)) continue;
      // As marked: state, start and attempts as the store now has them.
      const job: JobRow = { ...queued, state: 'running', attempts: queued.attempts + 1 };
      const controller = new AbortController();
      const done = this.run(job, controller.signal).finally(() => {
        this.#running.delete(job.id);
        // The next job starts on a fresh tick, not inside this one's settlement.
        setImmediate(() => this.kick());
      });
      this.#running.set(job.id, { controller, done });
    }
  }

  async cancel(id: string): Promise<boolean> {
    const ended = this.db.cancel(id);
    this.#running.get(id)?.controller.abort(CANCELLED);
    return ended;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    const running = [...this.#running.values()];
    for (const r of running) r.controller.abort(SHUTDOWN);
    await Promise.allSettled(running.map((r) => r.done));
  }
}
