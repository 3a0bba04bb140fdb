// Faults, against a real redis-server and real worker processes: a worker SIGKILLed mid-job
// (its job goes to another worker once its lock lapses; the plan is unchanged), Redis not
// there at start (a clear error naming the URL, exit 1), Redis lost mid-plan (a clear error,
// or with a time limit a plan by the limit — never a hang), a duplicate enqueue (a no-op:
// job ids are content hashes), a cancel (the plan's waiting jobs are removed), and Ctrl-C /
// SIGTERM on `xbroute plan --redis` (its waiting jobs removed before it exits 130 / 143).
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPlanner } from '../../src/api/planner.js';
import { planJsonText } from '../../src/cli/commands/plan.js';
import type { SolvePartitions } from '../../src/optimise/optimise.js';
import { planBatch } from '../../src/engine/plan-batch.js';
import { AbortError } from '../../src/pool/errors.js';
import { solveInThread } from '../../src/pool/in-thread.js';
import { QueueConnectionError, connectQueueExecutor, type QueueExecutor } from '../../src/queue/index.js';
import { runCli } from '../fixtures/run-cli.js';
import { type PoolFixture, poolFixture } from '../pool/fixtures.js';
import { type RedisServer, type WorkerProcess, startRedis, startWorker, until } from './redis.js';

let f: PoolFixture;
let redis: RedisServer;
let reference: string;
const started: { workers: WorkerProcess[]; executors: QueueExecutor[]; servers: RedisServer[] } = { workers: [], executors: [], servers: [] };

async function worker(url: string, concurrency = 1, extra: readonly string[] = []): Promise<WorkerProcess> {
  const w = await startWorker(url, concurrency, extra);
  started.workers.push(w);
  return w;
}
/** A worker (2 threads) on the file's Redis kept from one test to the next (one process less to start). */
let shared: WorkerProcess | null = null;
async function sharedWorker(): Promise<WorkerProcess> {
  shared ??= await startWorker(redis.url, 2);
  return shared;
}
async function stopSharedWorker(): Promise<void> {
  await shared?.kill();
  shared = null;
}
async function executor(url: string, options: { connectionLostAfterMs?: number } = {}): Promise<QueueExecutor> {
  const e = await connectQueueExecutor({ url, ...options });
  started.executors.push(e);
  return e;
}

/** Fails (instead of hanging the suite) when `work` has not settled within `ms`. */
function settlesWithin<T>(work: Promise<T>, ms: number): Promise<T> {
  return Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`still waiting after ${ms} ms: a hang`)), ms))]);
}


beforeAll(async () => {
  // 50 orders: 7 partitions.
  [f, redis] = await Promise.all([poolFixture(50, 5), startRedis()]);
  started.servers.push(redis);
  const plan = await planBatch(f.context(), f.orders, f.stock, { solver: 'highs', solvePartitions: solveInThread(f.index, { solver: 'highs' }) });
  reference = planJsonText(plan);
});
afterEach(async () => {
  await Promise.all(started.workers.splice(0).map((w) => w.kill()));
  await Promise.all(started.executors.splice(0).map((e) => settlesWithin(e.close(), 10_000)));
  await redis.client.flushall().catch(() => undefined);
});
afterAll(async () => {
  // Again here: a test body that ran past its timeout may have started one after its afterEach.
  await Promise.all(started.workers.splice(0).map((w) => w.kill()));
  await stopSharedWorker();
  await Promise.all(started.servers.map((s) => s.stop()));
});

describe('queue faults', () => {
  it('a worker SIGKILLed mid-job: another worker solves that job, the plan is unchanged', { timeout: 120_000 }, async () => {
    // Both at once: a, with a short lock (its job is free again a second after the kill), and
    // b, which takes the other jobs meanwhile and that one once it is free.
    const [a, b] = await Promise.all([worker(redis.url, 1, ['--lock-duration', '1000']), sharedWorker()]);
    const queue = await executor(redis.url);
    // Every exact solve waits 300 ms first (the answer is the same: the factor is 1), so the
    // kill lands while a job is held (a's first job also waits for its thread pool to start).
    const slowSolves = { delayMs: 300, factor: 1 };
    const planned = planBatch(f.context(), f.orders, f.stock, { solver: 'highs', solvePartitions: queue.solver({ solver: 'highs', slowSolves }, f.network) });
    // A partition small enough for the exact step, so it is inside the wait.
    const line = await a.waitFor(/^active \S+ \(([1-9]|[1-3]\d|40) orders\)/m);
    const held = line.split(' ')[1]!;
    await a.kill('SIGKILL');
    expect(a.completed()).not.toContain(held);
    expect(b.completed()).not.toContain(held);
    const plan = await settlesWithin(planned, 40_000);
    expect(planJsonText(plan)).toBe(reference);
    await until(async () => b.completed().includes(held), 'the held job solved by the other worker');
  });

  it('Redis not there at start: plan and worker fail with the URL named, exit 1', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const { port: p } = s.address() as { port: number };
        s.close(() => resolve(p));
      });
    });
    const url = `redis://127.0.0.1:${port}`;
    const tiny = ['--network', 'data/examples/tiny/network.json', '--orders', 'data/examples/tiny/orders.csv', '--stock', 'data/examples/tiny/stock.csv'];
    for (const argv of [['plan', ...tiny, '--redis', url], ['worker', '--redis', url]]) {
      const r = await settlesWithin(runCli(argv), 15_000);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`cannot reach Redis at ${url}`);
      expect(r.stderr).toContain('ECONNREFUSED');
    }
    await expect(connectQueueExecutor({ url })).rejects.toBeInstanceOf(QueueConnectionError);
  });

  it('Redis lost mid-plan: without a time limit a clear error, with one a verified plan by the limit — no hang', { timeout: 60_000 }, async () => {
    const own = await startRedis();
    started.servers.push(own);
    // No worker: the jobs of both plans wait in Redis until it is killed.
    const failing = await executor(own.url, { connectionLostAfterMs: 1_500 });
    const limited = await executor(own.url, { connectionLostAfterMs: 60_000 });
    const failed = createPlanner({ network: f.network, stock: f.stock, executor: failing }).plan(f.orders).then(() => null, (e: unknown) => e);
    const planned = createPlanner({ network: f.network, stock: f.stock, executor: limited }).plan(f.orders, { timeLimitMs: 3_000 });
    // Every partition of each (the deadline is in a job's content: the two plans' ids differ).
    await until(async () => (await failing.queue.getWaitingCount()) >= 2 * f.partitions.length, 'jobs waiting');
    own.kill();
    const error = await settlesWithin(failed, 20_000);
    expect(error).toBeInstanceOf(QueueConnectionError);
    expect((error as Error).message).toContain(`lost the connection to Redis at ${own.url}`);
    // The partitions never come back: each keeps its start routing, the plan says it is time-limited.
    const plan = await settlesWithin(planned, 25_000);
    expect(plan.timeLimited).toBe(true);
    expect(plan.totals.orders).toBe(f.orders.length);
  });

  it('the same batch enqueued twice at once, then again: every partition solved once', { timeout: 60_000 }, async () => {
    const w = await sharedWorker();
    const from = w.completed().length;
    const [one, two] = await Promise.all([executor(redis.url), executor(redis.url)]);
    // Tasks one plan submits: its partitions, then the neighbourhood sets of its search.
    let submitted = 0;
    const counted = (solve: SolvePartitions): SolvePartitions => (parts, stage) => {
      submitted += parts.length;
      return solve(parts, stage);
    };
    const plans = await Promise.all([
      planBatch(f.context(), f.orders, f.stock, { solver: 'highs', solvePartitions: counted(one!.solver({ solver: 'highs' }, f.network)) }),
      planBatch(f.context(), f.orders, f.stock, { solver: 'highs', solvePartitions: two!.solver({ solver: 'highs' }, f.network) }),
    ]);
    for (const p of plans) expect(planJsonText(p)).toBe(reference);
    // The worker's lines may come after the results did.
    const jobs = await one!.queue.getCompletedCount();
    await until(async () => w.completed().length - from >= jobs, 'the worker reported every job');
    const solved = w.completed().slice(from);
    expect(solved).toHaveLength(jobs);
    expect(new Set(solved).size).toBe(solved.length);
    expect(submitted).toBeGreaterThanOrEqual(f.partitions.length);
    expect(solved.length).toBeLessThanOrEqual(submitted);
    const again = await planBatch(f.context(), f.orders, f.stock, { solver: 'highs', solvePartitions: one!.solver({ solver: 'highs' }, f.network) });
    expect(planJsonText(again)).toBe(reference);
    expect(w.completed().slice(from)).toEqual(solved);
    // The network is in Redis once, under its hash.
    expect(await redis.client.keys('xbroute:network:*')).toHaveLength(1);
  });

  it('cancelling a plan removes its waiting jobs', { timeout: 30_000 }, async () => {
    await stopSharedWorker();
    const queue = await executor(redis.url);
    const planner = createPlanner({ network: f.network, stock: f.stock, executor: queue });
    const controller = new AbortController();
    const planned = planner.plan(f.orders, { signal: controller.signal });
    planned.catch(() => undefined);
    await until(async () => (await queue.queue.getWaitingCount()) === f.partitions.length, 'every job waiting');
    controller.abort('test');
    await expect(settlesWithin(planned, 10_000)).rejects.toBeInstanceOf(AbortError);
    await until(async () => (await queue.queue.getWaitingCount()) === 0, 'no job waiting');
    const counts = await queue.queue.getJobCounts();
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(0);
  });

  it('SIGINT / SIGTERM on xbroute plan --redis: its waiting jobs are removed, then it exits 130 / 143', { timeout: 30_000 }, async () => {
    const tiny = ['--network', 'data/examples/tiny/network.json', '--orders', 'data/examples/tiny/orders.csv', '--stock', 'data/examples/tiny/stock.csv'];
    const bin = join(import.meta.dirname, '..', '..', 'dist', 'src', 'cli', 'main.js');
    await stopSharedWorker();
    for (const [signal, status] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
      // No worker: the plan's partitions wait in the queue until the signal.
      const child = spawn(process.execPath, [bin, 'plan', ...tiny, '--redis', redis.url], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      await until(async () => (await redis.client.llen('bull:xbroute-partitions:wait')) > 0, 'jobs waiting');
      child.kill(signal);
      expect(await settlesWithin(exited, 10_000), stderr).toBe(status);
      expect(stderr).toContain(`interrupted (${signal})`);
      expect(stderr).not.toMatch(/error/i);
      // Gone, not merely not yet taken: nothing of the plan is left in the queue.
      expect(await redis.client.llen('bull:xbroute-partitions:wait')).toBe(0);
      expect(await redis.client.keys('bull:xbroute-partitions:p*')).toEqual([]);
    }
  });
});
