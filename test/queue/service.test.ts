// The service with --redis: its jobs live in Redis and go through BullMQ, and their partitions
// are solved by queue workers. Two instances on one Redis share the jobs — submitted to A, read,
// listed and cancelled through B; an instance SIGKILLed mid-plan loses nothing: another one runs
// the job again and serves the plan the embedded service (SQLite, in-process pool) serves for
// the same input, byte for byte. A Redis that is not there fails the start, naming the URL.
// One redis-server and one in-process queue worker serve the whole file (started once).
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueueConnectionError, type QueueWorker, startQueueWorker } from '../../src/queue/index.js';
import { SERVICE_QUEUE_NAME } from '../../src/service/redis-store.js';
import { runCli } from '../fixtures/run-cli.js';
import { KEY_A, ROOT, type StatusBody, TINY_FILES, type TestService, auth, multipart, pollJob, startTestService, tinyFile } from '../service/helpers.js';
import { type RedisServer, startRedis, until } from './redis.js';

const A = auth(KEY_A);
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** Short locks, so that a dead instance's job is taken up within a second or two. */
const QUICK = { jobLockDurationMs: 1_000, jobStalledIntervalMs: 300 };
const partitionsWaiting = () => redis.client.llen('bull:xbroute-partitions:wait');

let redis: RedisServer;
let worker: QueueWorker | null = null;
let solved: string[] = [];
/** The services running, disposed in afterAll. */
const services: TestService[] = [];

async function startPartitionWorker(): Promise<void> {
  worker = await startQueueWorker({ url: redis.url, concurrency: 1, lockDurationMs: 3_000, stalledIntervalMs: 500, onEvent: (e) => e.type === 'completed' && solved.push(e.jobId) });
}
async function stopPartitionWorker(): Promise<void> {
  await worker?.close();
  worker = null;
}
async function instance(config: Parameters<typeof startTestService>[0] = {}): Promise<TestService> {
  const s = await startTestService({ redisUrl: redis.url, ...QUICK, ...config });
  services.push(s);
  return s;
}
async function submit(service: TestService, headers: Record<string, string> = {}): Promise<string> {
  const body = await multipart(TINY_FILES, { solver: 'highs' });
  const response = await service.app.inject({ method: 'POST', url: '/v1/jobs', payload: body.payload, headers: { ...A, ...headers, ...body.headers } });
  expect(response.statusCode, response.body).toBe(202);
  return response.json<{ id: string }>().id;
}
async function status(service: TestService, id: string, headers = A): Promise<StatusBody & { attempts: number; startedAt: string | null }> {
  const response = await service.app.inject({ method: 'GET', url: `/v1/jobs/${id}`, headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await Promise.allSettled(services.map((s) => s.dispose()));
  await stopPartitionWorker();
  await redis?.stop();
});

describe('xbroute serve --redis: two instances on one Redis', () => {
  let a: TestService;
  let b: TestService;
  beforeAll(async () => {
    [a, b] = await Promise.all([instance(), instance()]);
  });
  // Stopped here: the crash test's instance must be the only one taking jobs.
  afterAll(async () => {
    await Promise.all(services.splice(0).map((s) => s.dispose()));
  });

  it('a job submitted to A is read, listed and fetched through B; its partitions were solved by the queue worker', { timeout: 60_000 }, async () => {
    await startPartitionWorker();
    const id = await submit(a, { 'idempotency-key': 'tiny-1' });
    // The same key through B: the same job (the key is shared, not per instance).
    expect(await submit(b, { 'idempotency-key': 'tiny-1' })).toBe(id);
    const last = (await pollJob(b, id, A)).at(-1);
    expect(last?.error ?? null).toBeNull();
    expect(last?.state).toBe('succeeded');
    for (const s of [a, b]) {
      const plan = await s.app.inject({ method: 'GET', url: `/v1/jobs/${id}/plan`, headers: A });
      expect(plan.body).toBe(tinyFile('expected-plan.json'));
      const list = (await s.app.inject({ method: 'GET', url: '/v1/jobs', headers: A })).json<{ jobs: { id: string }[] }>();
      expect(list.jobs.map((j) => j.id)).toEqual([id]);
    }
    const order = JSON.parse(tinyFile('expected-plan.json')).orders[0].order as string;
    expect((await b.app.inject({ method: 'GET', url: `/v1/jobs/${id}/orders/${order}/explain`, headers: A })).statusCode).toBe(200);
    // Solved there, not in the instances: the worker reported the partitions it finished.
    expect(solved.length).toBeGreaterThan(0);
    expect(solved.length).toBe(await redis.client.zcard('bull:xbroute-partitions:completed'));
    await stopPartitionWorker();
  });

  it('through B: a queued job is cancelled before it starts, a running one (on A or B) is stopped and its waiting partitions removed', { timeout: 60_000 }, async () => {
    // No partition worker: the two running jobs wait on their partitions; the third is queued.
    await redis.client.flushall();
    const ids = [await submit(a), await submit(a), await submit(a)];
    await until(async () => (await Promise.all(ids.map((id) => status(b, id)))).filter((s) => s.state === 'running').length === 2, 'two jobs running');
    const states = await Promise.all(ids.map((id) => status(b, id)));
    const queued = ids[states.findIndex((s) => s.state === 'queued')]!;
    const running = ids.filter((id) => id !== queued);
    expect(await redis.client.llen(`bull:${SERVICE_QUEUE_NAME}:wait`)).toBe(1);
    await until(async () => (await partitionsWaiting()) > 0, 'partitions waiting');

    const cancelQueued = await b.app.inject({ method: 'DELETE', url: `/v1/jobs/${queued}`, headers: A });
    expect(cancelQueued.json<{ state: string }>().state).toBe('cancelled');
    expect(await redis.client.llen(`bull:${SERVICE_QUEUE_NAME}:wait`)).toBe(0);
    for (const id of running) {
      const cancel = await b.app.inject({ method: 'DELETE', url: `/v1/jobs/${id}`, headers: A });
      expect(cancel.statusCode, cancel.body).toBe(200);
      expect(cancel.json<{ state: string }>().state).toBe('cancelled');
    }
    // Each instance saw the cancel of the job it ran, aborted the plan, and took its partitions off the queue.
    await until(async () => (await partitionsWaiting()) === 0, 'no partition waiting');
    await until(async () => a.runner.runningCount + b.runner.runningCount === 0, 'no job running');
    for (const id of ids) expect((await status(a, id)).state).toBe('cancelled');
    const never = await status(a, queued);
    expect(never.startedAt).toBeNull();
    expect(never.attempts).toBe(0);
    // An ended job cannot be cancelled again, through either instance.
    expect((await a.app.inject({ method: 'DELETE', url: `/v1/jobs/${queued}`, headers: A })).statusCode).toBe(409);
  });
});

describe('xbroute serve --redis: an instance SIGKILLed mid-plan', () => {
  let dir: string;
  let child: ChildProcess | null = null;
  let base: string;
  beforeAll(async () => {
    await redis.client.flushall();
    dir = mkdtempSync(join(tmpdir(), 'xb-service-crash-'));
    // Instance A, its own process (started while the batch is generated), its scratch files in
    // the test's directory, not the checkout. No worker is running, so its plan will wait on
    // its partitions.
    child = spawn(process.execPath, [join(ROOT, 'dist/src/cli/main.js'), 'serve', '--port', '0', '--no-auth', '--redis', redis.url, '--data-dir', join(dir, 'data'), '--lock-duration', '1000', '--stalled-interval', '300'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const listening = new Promise<string>((resolve, reject) => {
      let out = '';
      child?.stdout?.on('data', (b: Buffer) => {
        out += b.toString();
        const m = /listening on (http:\/\/\S+)/.exec(out);
        if (m?.[1] !== undefined) resolve(m[1]);
      });
      child?.on('exit', (code) => reject(new Error(`serve exited (${code}) before listening`)));
    });
    // 50 orders: 7 partitions.
    const generated = await runCli(['generate', '--orders', '50', '--seed', '7', '--out-dir', dir]);
    expect(generated.code).toBe(0);
    base = await listening;
  });
  afterAll(async () => {
    if (child !== null && child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    await Promise.all(services.splice(0).map((s) => s.dispose()));
    await stopPartitionWorker();
  });

  it('another instance runs the job again and serves the plan the embedded service serves', { timeout: 120_000 }, async () => {
    const files = { orders: { name: 'orders.csv', text: readFileSync(join(dir, 'orders.csv'), 'utf8') }, stock: { name: 'stock.csv', text: readFileSync(join(dir, 'stock.csv'), 'utf8') } };
    // The reference, planned meanwhile: the embedded service (SQLite, the in-process pool) on the same input.
    const embedded = await startTestService({ apiKeys: null });
    services.push(embedded);
    const body = await multipart(files);
    const reference = (await embedded.app.inject({ method: 'POST', url: '/v1/jobs', payload: body.payload, headers: body.headers })).json<{ id: string }>().id;

    const form = new FormData();
    for (const [field, f] of Object.entries(files)) form.append(field, new Blob([f.text]), f.name);
    const submitted = await fetch(`${base}/v1/jobs`, { method: 'POST', body: form });
    expect(submitted.status).toBe(202);
    const { id } = (await submitted.json()) as { id: string };
    await until(async () => ((await (await fetch(`${base}/v1/jobs/${id}`)).json()) as StatusBody).progress.phase === 'solving', 'A solving');
    await until(async () => (await partitionsWaiting()) > 0, 'partitions waiting');
    const killed = new Promise((resolve) => child?.once('exit', resolve));
    child?.kill('SIGKILL');
    await killed;

    // B (in this process), and a worker for the partitions: B takes the job up once A's lock lapsed.
    const b = await instance({ apiKeys: null });
    await startPartitionWorker();
    const last = (await pollJob(b, id, {})).at(-1);
    expect(last?.error ?? null).toBeNull();
    expect(last?.state).toBe('succeeded');
    // Started twice: on A before the kill, then on B.
    expect((await status(b, id, {})).attempts).toBe(2);
    const served = (await b.app.inject({ method: 'GET', url: `/v1/jobs/${id}/plan` })).body;

    expect((await pollJob(embedded, reference, {})).at(-1)?.state).toBe('succeeded');
    const expected = (await embedded.app.inject({ method: 'GET', url: `/v1/jobs/${reference}/plan` })).body;
    expect(sha256(served)).toBe(sha256(expected));
    expect(JSON.parse(served).totals.orders).toBe(50);
  });
});

describe('xbroute serve --redis: an instance stopped (SIGTERM)', () => {
  it('hands its running job back to the queue at once; the next instance plans it', { timeout: 60_000 }, async () => {
    await redis.client.flushall();
    const c = await instance();
    const id = await submit(c);
    await until(async () => (await partitionsWaiting()) > 0, 'C planning, its partitions waiting');
    // What `xbroute serve` does on SIGINT / SIGTERM.
    await c.dispose();
    services.splice(services.indexOf(c), 1);
    expect(await redis.client.hget(`xbroute:service:job:${id}`, 'state')).toBe('queued');
    expect(await redis.client.llen(`bull:${SERVICE_QUEUE_NAME}:wait`)).toBe(1);
    await startPartitionWorker();
    const d = await instance();
    const last = (await pollJob(d, id, A)).at(-1);
    expect(last?.state).toBe('succeeded');
    expect((await status(d, id)).attempts).toBe(2);
    expect((await d.app.inject({ method: 'GET', url: `/v1/jobs/${id}/plan`, headers: A })).body).toBe(tinyFile('expected-plan.json'));
  });
});

describe('xbroute serve --redis: no Redis', () => {
  it('does not start when the Redis is not there', async () => {
    const start = startTestService({ redisUrl: 'unix:///nonexistent/redis.sock' }, ':memory:');
    await expect(start).rejects.toThrow(QueueConnectionError);
    await expect(start).rejects.toThrow(/cannot reach Redis at unix:\/\/\/nonexistent\/redis.sock/);
  });
});
