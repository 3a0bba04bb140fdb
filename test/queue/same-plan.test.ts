// Same plan, byte for byte, wherever the partitions are solved: on the calling thread, on the
// thread pool, and as BullMQ jobs solved by 1 and by 3 `xbroute worker` processes (the sha256
// of the plan JSON compared). Redis is emptied before each queue run, so every partition is
// solved again there rather than read back from the previous run's results. The three worker
// processes are started once, with the file: the 3-worker run first, then two of them stop.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlanner } from '../../src/api/planner.js';
import { planJsonText } from '../../src/cli/commands/plan.js';
import { connectQueueExecutor } from '../../src/queue/index.js';
import { runCli } from '../fixtures/run-cli.js';
import { type PoolFixture, poolFixture } from '../pool/fixtures.js';
import { type RedisServer, type WorkerProcess, startRedis, startWorkers, until } from './redis.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

let f: PoolFixture;
let redis: RedisServer;
let workers: WorkerProcess[] = [];
let inProcess: string;

beforeAll(async () => {
  // 50 orders: 7 partitions, several jobs for every worker.
  [f, redis] = await Promise.all([poolFixture(50, 5), startRedis()]);
  [workers] = await Promise.all([
    startWorkers(redis.url, 3),
    (async () => {
      const planner = createPlanner({ network: f.network, stock: f.stock, workers: 0 });
      inProcess = sha256(planJsonText(await planner.plan(f.orders)));
      await planner.close();
    })(),
  ]);
});
afterAll(async () => {
  await Promise.all(workers.map((w) => w.kill()));
  await redis?.stop();
});

async function planThroughQueue(): Promise<string> {
  const executor = await connectQueueExecutor({ url: redis.url });
  try {
    const planner = createPlanner({ network: f.network, stock: f.stock, executor });
    return sha256(planJsonText(await planner.plan(f.orders)));
  } finally {
    await executor.close();
  }
}

describe('the same plan through BullMQ', () => {
  it('on the thread pool as in process', async () => {
    const planner = createPlanner({ network: f.network, stock: f.stock, workers: 2 });
    expect(sha256(planJsonText(await planner.plan(f.orders)))).toBe(inProcess);
    await planner.close();
  });

  it('with 3 worker processes and with 1, as in process', { timeout: 120_000 }, async () => {
    expect(f.partitions.length).toBeGreaterThanOrEqual(3);
    for (const n of [3, 1]) {
      // Idle (every job of the run above reported): stopped at once.
      if (n === 1) await Promise.all(workers.splice(1).map((w) => w.kill('SIGKILL')));
      expect(workers).toHaveLength(n);
      await redis.client.flushall();
      const before = workers.map((w) => w.completed().length);
      expect(await planThroughQueue()).toBe(inProcess);
      // The workers' lines may come after the results did: every finished job reported first.
      const finished = await redis.client.zcard('bull:xbroute-partitions:completed');
      const since = () => workers.reduce((sum, w, i) => sum + w.completed().length - before[i]!, 0);
      await until(async () => since() >= finished, 'every finished job reported');
      expect(since()).toBe(finished);
      // Every partition was solved by a worker, once (one job per distinct partition).
      const done = workers.flatMap((w, i) => w.completed().slice(before[i]));
      expect(new Set(done).size).toBe(done.length);
      expect(done.length).toBeGreaterThanOrEqual(f.partitions.length - 1);
      // With 3, the work was shared (the jobs are not all taken by one process).
      if (n === 3) expect(workers.filter((w, i) => w.completed().length > before[i]!).length).toBeGreaterThanOrEqual(2);
    }
  });

  it('xbroute plan --redis writes the file plan writes alone', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xb-queue-cli-'));
    try {
      const inputs = ['--network', 'data/examples/tiny/network.json', '--orders', 'data/examples/tiny/orders.csv', '--stock', 'data/examples/tiny/stock.csv'];
      const alone = await runCli(['plan', ...inputs, '--workers', '0', '--out', join(dir, 'alone.json')]);
      expect(alone.code).toBe(0);
      expect(workers.length).toBeGreaterThan(0);
      const queued = await runCli(['plan', ...inputs, '--redis', redis.url, '--out', join(dir, 'queued.json')]);
      expect(queued.stderr).toBe('');
      expect(queued.code).toBe(0);
      expect(readFileSync(join(dir, 'queued.json'), 'utf8')).toBe(readFileSync(join(dir, 'alone.json'), 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
