// The queue's cost and what it buys: one batch planned in process (the thread pool, one thread
// per core) and through BullMQ with 1, 2 and 3 `xbroute worker` processes (one thread each) on
// a redis-server this script starts (a unix socket in a temp dir, no persistence), the plans
// compared by sha256. From the 1-worker run's per-job solve times (each worker prints them), a
// model of N machines: the serial part of a plan (everything but the partitions) stays, the
// partition work divides over the machines' threads, no job is shorter than the longest.
// `npm run build && node dist/bench/queue.js [--large | --size L|M] [--workers 1,2,3] [--threads-per-machine 2]`
// (--large: the L batch, 100,000 orders — `xbroute generate --orders 100000 --seed 3 --profile
// double-eleven`.) Writes bench/results/queue-<size>.json after every run, so that a run cut
// short keeps what it measured. Needs redis-server (Debian: apt-get install redis-server).
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { createPlanner, type Planner, type PlanProgress } from '../src/api/planner.js';
import { planJsonText } from '../src/cli/commands/plan.js';
import type { Network } from '../src/domain/network.js';
import type { StockRecord } from '../src/domain/orders.js';
import { generateBatch, type Profile } from '../src/generate/batch.js';
import { loadDefaultNetwork } from '../src/api/bundled.js';
import { connectQueueExecutor } from '../src/queue/index.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const CLI = join(HERE, '..', 'src', 'cli', 'main.js');
const args = process.argv.slice(2);
const arg = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const size = args.includes('--large') ? 'L' : (arg('--size') ?? 'M');
const workerCounts = (arg('--workers') ?? '1,2,3').split(',').map(Number);
const threadsPerMachine = Number(arg('--threads-per-machine') ?? os.availableParallelism());
const BATCHES: Record<string, { orders: number; seed: number; profile: Profile }> = {
  S: { orders: 1_000, seed: 1, profile: 'normal' },
  M: { orders: 10_000, seed: 2, profile: 'normal' },
  L: { orders: 100_000, seed: 3, profile: 'double-eleven' },
};
const batch = BATCHES[size];
if (batch === undefined) throw new Error(`--size: S, M or L, found "${size}"`);

interface Run {
  variant: string;
  wallS: number;
  /** From the first partition handed out to the last result back. */
  solvingS: number;
  serialS: number;
  partitions: number;
  sha256: string;
  /** 1-minute load average before and after the run (the machine is shared). */
  loadBefore: number;
  loadAfter: number;
  /** Per-job solve times the workers printed (queue runs). */
  jobMs?: number[];
}

const network = loadDefaultNetwork();
const genStartMs = performance.now();
const { orders, stock } = generateBatch(network, batch);
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** Plans once, timing the whole and the solving phase (from its progress events). */
async function timedPlan(planner: Planner, variant: string): Promise<Run> {
  const loadBefore = os.loadavg()[0] ?? 0;
  const startMs = performance.now();
  let solvingFromMs = 0;
  let solvingToMs = 0;
  let partitions = 0;
  const plan = await planner.plan(orders, {
    onProgress: (p: PlanProgress) => {
      if (p.phase === 'solving' && solvingFromMs === 0) solvingFromMs = performance.now();
      if (p.phase === 'bounding' && solvingToMs === 0) solvingToMs = performance.now();
      partitions = p.partitionsTotal;
    },
  });
  const wallS = (performance.now() - startMs) / 1000;
  const solvingS = (solvingToMs - solvingFromMs) / 1000;
  return { variant, wallS, solvingS, serialS: wallS - solvingS, partitions, sha256: sha(planJsonText(plan)), loadBefore, loadAfter: os.loadavg()[0] ?? 0 };
}

async function startRedis(dir: string): Promise<{ url: string; process: ChildProcess }> {
  const socket = join(dir, 'redis.sock');
  const server = spawn('redis-server', ['--port', '0', '--unixsocket', socket, '--save', '', '--appendonly', 'no', '--dir', dir, '--maxmemory-policy', 'noeviction'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let log = '';
    server.on('error', reject);
    server.stdout?.on('data', (b: Buffer) => {
      log += b.toString();
      if (/ready to accept connections/i.test(log)) resolve();
    });
  });
  return { url: `unix://${socket}`, process: server };
}

interface Worker {
  child: ChildProcess;
  jobMs: number[];
}

async function startWorker(url: string): Promise<Worker> {
  const child = spawn(process.execPath, [CLI, 'worker', '--redis', url, '--concurrency', '1', '--verbose'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const worker: Worker = { child, jobMs: [] };
  let out = '';
  await new Promise<void>((resolve) => {
    child.stdout?.on('data', (b: Buffer) => {
      out += b.toString();
      if (out.includes('taking partition jobs')) resolve();
      for (const m of b.toString().matchAll(/^completed \S+ in (\d+) ms/gm)) worker.jobMs.push(Number(m[1]));
    });
  });
  return worker;
}

async function queueRun(url: string, n: number, redis: Redis, net: Network, st: readonly StockRecord[]): Promise<{ run: Run; jobMs: number[] }> {
  await redis.flushall();
  const workers = await Promise.all(Array.from({ length: n }, () => startWorker(url)));
  const executor = await connectQueueExecutor({ url });
  try {
    const planner = createPlanner({ network: net, stock: st, executor });
    const run = await timedPlan(planner, `bullmq ${n} worker${n === 1 ? '' : 's'}`);
    const jobMs = workers.flatMap((w) => w.jobMs);
    return { run: { ...run, jobMs }, jobMs };
  } finally {
    await executor.close();
    for (const w of workers) w.child.kill('SIGTERM');
    await Promise.all(workers.map((w) => new Promise((r) => (w.child.exitCode === null ? w.child.on('exit', r) : r(null)))));
  }
}

const out = join(HERE, '..', '..', 'bench', 'results', `queue-${size}.json`);
mkdirSync(dirname(out), { recursive: true });
console.error(`${size}: ${orders.length} orders generated in ${((performance.now() - genStartMs) / 1000).toFixed(1)} s; load average ${os.loadavg()[0]?.toFixed(1)}`);
/** What was measured so far (the model is added at the end). */
function writePartial(runs: readonly Run[], model: unknown = null): void {
  writeFileSync(out, `${JSON.stringify({ size, batch, cores: os.availableParallelism(), loadAverage: os.loadavg()[0], runs, model }, null, 2)}\n`);
}

const dir = mkdtempSync(join(os.tmpdir(), 'xb-bench-queue-'));
const server = await startRedis(dir);
const redis = new Redis({ path: join(dir, 'redis.sock') });
const runs: Run[] = [];
let jobMs: number[] = [];
try {
  const pool = createPlanner({ network, stock });
  runs.push(await timedPlan(pool, `in process (${os.availableParallelism()} threads)`));
  await pool.close();
  writePartial(runs);
  console.error(`${runs[0]!.variant}: ${runs[0]!.wallS.toFixed(1)} s (solving ${runs[0]!.solvingS.toFixed(1)} s), load ${runs[0]!.loadBefore.toFixed(1)} → ${runs[0]!.loadAfter.toFixed(1)}`);
  for (const n of workerCounts) {
    const { run, jobMs: times } = await queueRun(server.url, n, redis, network, stock);
    runs.push(run);
    writePartial(runs);
    if (n === 1) jobMs = times;
    console.error(`${run.variant}: ${run.wallS.toFixed(1)} s (solving ${run.solvingS.toFixed(1)} s), load ${run.loadBefore.toFixed(1)} → ${run.loadAfter.toFixed(1)}, same plan: ${run.sha256 === runs[0]!.sha256}`);
  }
} finally {
  redis.disconnect();
  server.process.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
}

const reference = runs[0]!;
console.log(`${size}: ${orders.length.toLocaleString('en')} orders (seed ${batch.seed}, ${batch.profile}), ${reference.partitions} partitions; load average ${os.loadavg()[0]?.toFixed(1)}`);
console.table(
  runs.map((r) => ({
    variant: r.variant,
    'wall s': r.wallS.toFixed(1),
    'solving s': r.solvingS.toFixed(1),
    'rest s': r.serialS.toFixed(1),
    'vs in process': (r.wallS / reference.wallS).toFixed(2),
    'same plan': r.sha256 === reference.sha256 ? 'yes' : 'NO',
    load: `${r.loadBefore.toFixed(1)}-${r.loadAfter.toFixed(1)}`,
  })),
);

// The model. Work per job from the 1-worker run (one thread, nothing else solving); what the
// queue adds per job is that run's solving phase less the work, spread over the jobs.
const one = runs.find((r) => r.variant === 'bullmq 1 worker');
let model: { machines: number; planS: number; speedUp: number }[] = [];
if (one !== undefined && jobMs.length > 0) {
  const workS = jobMs.reduce((a, b) => a + b, 0) / 1000;
  const longestS = Math.max(...jobMs) / 1000;
  const overheadS = Math.max(0, one.solvingS - workS);
  const serialS = one.serialS;
  const solveOn = (threads: number) => Math.max(longestS, (workS + overheadS) / threads);
  const base = serialS + solveOn(threadsPerMachine);
  model = [1, 2, 4, 8, 16, 64].map((machines) => {
    const planS = serialS + solveOn(machines * threadsPerMachine);
    return { machines, planS: Number(planS.toFixed(1)), speedUp: Number((base / planS).toFixed(2)) };
  });
  const serialShare = serialS / (serialS + workS + overheadS);
  console.log(
    `per job (1 worker): ${jobMs.length} jobs, work ${workS.toFixed(1)} s in all, longest ${longestS.toFixed(2)} s, median ${(median(jobMs) / 1000).toFixed(3)} s; ` +
      `queue overhead ${((overheadS / jobMs.length) * 1000).toFixed(0)} ms a job; serial part ${serialS.toFixed(1)} s (share ${(serialShare * 100).toFixed(0)} %, ` +
      `Amdahl limit ${(1 / serialShare).toFixed(2)}x over one thread)`,
  );
  console.log(`model: N machines of ${threadsPerMachine} threads each, the serial part on the planning machine`);
  console.table(model);
}

writePartial(runs, model);
console.log(`written ${out}`);

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
