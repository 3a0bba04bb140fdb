// Load on the service (`npm run build && node dist/bench/service-load.js`): starts `xbroute
// serve` as its own process on loopback, submits the S sample batch N times at once (default
// 20), polls the jobs' status at a fixed rate (default 50 requests/s, round robin) until every
// job has ended, then checks that each ended succeeded with the same plan (planning is
// deterministic) and verifies that plan independently. Reports status latency (p50, p99, max)
// and the server's resident memory (peak, from /proc). Bounded: a fixed number of jobs and
// an overall time limit. Options: --jobs N, --rate R, --concurrency C, --solve-workers W,
// --time-limit-s S.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { DEFAULT_NETWORK, DEFAULT_ORDERS, DEFAULT_STOCK, PACKAGE_ROOT } from '../src/cli/paths.js';
import { indexNetwork } from '../src/domain/network-index.js';
import { loadInputs } from '../src/io/load.js';
import { createTimeModel } from '../src/time/index.js';
import { verifyPlan } from '../src/verify/index.js';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i < 0 ? undefined : Number(process.argv[i + 1]);
  return value === undefined || !Number.isFinite(value) ? fallback : value;
}

const JOBS = option('jobs', 20);
const RATE = option('rate', 50);
const CONCURRENCY = option('concurrency', 2);
const SOLVE_WORKERS = option('solve-workers', 1);
const TIME_LIMIT_MS = option('time-limit-s', 900) * 1000;
const BIN = join(PACKAGE_ROOT, 'dist/src/cli/main.js');

function startServer(dataDir: string): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(
    process.execPath,
    [BIN, 'serve', '--port', '0', '--no-auth', '--data-dir', dataDir, '--concurrency', String(CONCURRENCY), '--solve-workers', String(SOLVE_WORKERS), '--rate-limit', '1000000'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match?.[1] !== undefined) resolve({ child, base: match[1] });
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code})`)));
  });
}

/** Resident and peak resident memory of a process, MiB (Linux /proc). */
function memoryMiB(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'xbroute-load-'));
  const server = await startServer(join(dir, 'data'));
  const pid = server.child.pid ?? 0;
  const start = performance.now();
  try {
    const orders = readFileSync(DEFAULT_ORDERS);
    const stock = readFileSync(DEFAULT_STOCK);
    const idle = memoryMiB(pid);

    // N submissions at once.
    const submitMs: number[] = [];
    const ids = await Promise.all(
      Array.from({ length: JOBS }, async () => {
        const form = new FormData();
        form.append('orders', new Blob([orders]), 'orders-s.csv');
        form.append('stock', new Blob([stock]), 'stock-s.csv');
        const t = performance.now();
        const response = await fetch(`${server.base}/v1/jobs`, { method: 'POST', body: form });
        submitMs.push(performance.now() - t);
        if (response.status !== 202) throw new Error(`submission: HTTP ${response.status} ${await response.text()}`);
        return ((await response.json()) as { id: string }).id;
      }),
    );

    // Status polls at RATE per second, round robin over the jobs not yet ended.
    const open = new Set(ids);
    const states = new Map<string, string>();
    const latencies: number[] = [];
    let peak = idle.peak;
    let maxRss = idle.rss;
    let next = 0;
    const interval = 1000 / RATE;
    const inFlight = new Set<Promise<void>>();
    for (let tick = 0; open.size > 0; tick++) {
      if (performance.now() - start > TIME_LIMIT_MS) throw new Error(`time limit: ${open.size} jobs still open`);
      const list = [...open];
      const id = list[next++ % list.length] ?? '';
      const poll = (async () => {
        const t = performance.now();
        const response = await fetch(`${server.base}/v1/jobs/${id}`);
        if (response.status !== 200) throw new Error(`status poll: HTTP ${response.status}`);
        const body = (await response.json()) as { state: string };
        latencies.push(performance.now() - t);
        states.set(id, body.state);
        if (body.state !== 'queued' && body.state !== 'running') open.delete(id);
      })();
      inFlight.add(poll);
      void poll.finally(() => inFlight.delete(poll));
      if (tick % RATE === 0) {
        const m = memoryMiB(pid);
        peak = Math.max(peak, m.peak);
        maxRss = Math.max(maxRss, m.rss);
      }
      // Open loop: the next poll leaves on schedule whether or not the last one answered.
      const due = start + (tick + 1) * interval;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
    }
    await Promise.all(inFlight);
    const wallS = (performance.now() - start) / 1000;

    const failed = ids.filter((id) => states.get(id) !== 'succeeded');
    const plans = await Promise.all(ids.map(async (id) => (await fetch(`${server.base}/v1/jobs/${id}/plan`)).text()));
    const distinct = new Set(plans).size;
    const inputs = loadInputs({ network: DEFAULT_NETWORK, orders: DEFAULT_ORDERS, stock: DEFAULT_STOCK });
    const model = createTimeModel(indexNetwork(inputs.network));
    const verdict = verifyPlan({ model, orders: inputs.orders ?? [], stock: inputs.stock ?? [] }, JSON.parse(plans[0] ?? '{}'));
    const sorted = [...latencies].sort((a, b) => a - b);
    const sortedSubmit = [...submitMs].sort((a, b) => a - b);
    const report = {
      jobs: JOBS,
      concurrency: CONCURRENCY,
      solveWorkers: SOLVE_WORKERS,
      pollRatePerS: RATE,
      succeeded: JOBS - failed.length,
      failed: failed.length,
      distinctPlans: distinct,
      planVerified: verdict.ok,
      wallS: Number(wallS.toFixed(1)),
      statusPolls: latencies.length,
      statusLatencyMs: { p50: Number(percentile(sorted, 50).toFixed(1)), p99: Number(percentile(sorted, 99).toFixed(1)), max: Number((sorted.at(-1) ?? 0).toFixed(1)) },
      submitLatencyMs: { p50: Number(percentile(sortedSubmit, 50).toFixed(0)), max: Number((sortedSubmit.at(-1) ?? 0).toFixed(0)) },
      serverMemoryMiB: { idle: Math.round(idle.rss), maxRss: Math.round(maxRss), peakRss: Math.round(peak) },
    };
    console.log(JSON.stringify(report, null, 2));
    if (failed.length > 0 || distinct !== 1 || !verdict.ok) process.exitCode = 1;
  } finally {
    server.child.kill('SIGTERM');
    await new Promise((resolve) => server.child.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
