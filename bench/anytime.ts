// Anytime behaviour in wall-clock time — so a benchmark, not a test. On the M batch (10,000
// orders): how long after an abort is due the plan rejects, and how far a time limit is
// overrun. With `--large`, on the L batch (100,000 orders, Double Eleven, seed 3) through the
// command line, load → verified plan → written: the whole-run overrun of `--time-limit` against
// the allowance max(10 % of the limit, 1 s), how many orders the run had no time to examine
// (TIME_LIMIT answers), and where the time goes (phases, in process; `--skip-phases` skips them).
// `npm run build && node dist/bench/anytime.js [--large] [--skip-m] [--skip-phases] [--limits 0.5,2,5,15,30,60]`
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPlanner, generateBatch, loadDefaultNetwork, loadInputs } from '../src/index.js';
import type { PlanProgress } from '../src/api/planner.js';

const args = process.argv.slice(2);
const large = args.includes('--large');
const skipM = args.includes('--skip-m');
const skipPhases = args.includes('--skip-phases');
const limitsArg = args[args.indexOf('--limits') + 1];
const L_LIMITS_S = args.includes('--limits') && limitsArg !== undefined ? limitsArg.split(',').map(Number) : [0.5, 2, 5, 15, 30, 60];

const load = () => os.loadavg()[0]?.toFixed(1) ?? '?';

if (!skipM) await mediumBatch();
if (large) await largeBatch();

async function mediumBatch(): Promise<void> {
  const network = loadDefaultNetwork();
  const { orders, stock } = generateBatch(network, { orders: 10_000, seed: 2, profile: 'normal' });
  const planner = createPlanner({ network, stock });

  const aborts: { abortAtMs: number; latencyMs: number; outcome: string }[] = [];
  for (const afterMs of [100, 500, 1_500, 2_500, 3_500, 4_500, 6_000]) {
    const controller = new AbortController();
    const startMs = performance.now();
    setTimeout(() => controller.abort(), afterMs);
    let outcome = 'finished first';
    try {
      await planner.plan(orders, { signal: controller.signal });
    } catch (error) {
      outcome = error instanceof Error ? error.name : String(error);
    }
    aborts.push({ abortAtMs: afterMs, latencyMs: Math.round(performance.now() - startMs - afterMs), outcome });
  }
  console.table(aborts);
  const caught = aborts.filter((r) => r.outcome === 'AbortError').map((r) => r.latencyMs);
  console.log(`abort: worst latency ${Math.max(...caught)} ms; pool after: ${JSON.stringify(planner.status())}`);

  const limits: { limitMs: number; wallMs: number; overrunMs: number; allowedMs: number; timeLimited: boolean; gap: string }[] = [];
  for (const limitMs of [2_500, 3_500, 4_500]) {
    const startMs = performance.now();
    const plan = await planner.plan(orders, { timeLimitMs: limitMs });
    const wallMs = Math.round(performance.now() - startMs);
    limits.push({
      limitMs,
      wallMs,
      overrunMs: wallMs - limitMs,
      allowedMs: Math.round(Math.max(limitMs * 0.1, 1_000)),
      timeLimited: plan.timeLimited,
      gap: plan.totals.gap === null ? '-' : `${(100 * plan.totals.gap).toFixed(2)} %`,
    });
  }
  console.table(limits);
  await planner.close();
}

async function largeBatch(): Promise<void> {
  const bin = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));
  const dir = mkdtempSync(join(os.tmpdir(), 'xbroute-anytime-'));
  try {
    const gen = spawnSync(process.execPath, [bin, 'generate', '--orders', '100000', '--seed', '3', '--profile', 'double-eleven', '--out-dir', dir], { encoding: 'utf8' });
    if (gen.status !== 0) throw new Error(`generate failed: ${gen.stderr}`);
    const orders = join(dir, 'orders.csv');
    const stock = join(dir, 'stock.csv');

    // Where the time goes, in process: wall and CPU per phase, with no limit and with a tiny one.
    for (const limitMs of skipPhases ? [] : [undefined, 500]) {
      const rows: { phase: string; wallMs: number; cpuMs: number }[] = [];
      let phase = 'loading';
      let wall = performance.now();
      let cpu = cpuMs();
      const lap = (next: string) => {
        const w = performance.now();
        const c = cpuMs();
        rows.push({ phase, wallMs: Math.round(w - wall), cpuMs: Math.round(c - cpu) });
        phase = next;
        wall = w;
        cpu = c;
      };
      const inputs = loadInputs({ network: fileURLToPath(new URL('../../data/network.json', import.meta.url)), orders, stock });
      lap('start-up (network, stock checked)');
      const planner = createPlanner({ network: inputs.network, stock: inputs.stock ?? [] });
      const plan = await planner.plan(inputs.orders ?? [], {
        ...(limitMs === undefined ? {} : { timeLimitMs: limitMs }),
        // 'candidates' includes checking the orders again (the library API checks what it is given).
        onProgress: (e: PlanProgress) => {
          if (e.phase !== phase) lap(e.phase);
        },
      });
      lap('end');
      await planner.close();
      console.log(`L phases, ${limitMs === undefined ? 'no limit' : `time limit ${limitMs} ms`} (load average ${load()}; main-thread CPU; timeLimited ${plan.timeLimited}):`);
      console.table(rows.slice(0, -1));
    }

    // The whole run through the CLI, as a user runs it.
    const runs: Record<string, string | number | boolean>[] = [];
    for (const limitS of L_LIMITS_S) {
      const startMs = performance.now();
      const r = spawnSync(process.execPath, [bin, 'plan', '--orders', orders, '--stock', stock, '--time-limit', String(limitS), '--out', join(dir, 'plan.json'), '--json'], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      const wallMs = Math.round(performance.now() - startMs);
      if (r.status !== 0) throw new Error(`plan --time-limit ${limitS} failed (${r.status}): ${r.stderr}`);
      const summary = JSON.parse(r.stdout) as {
        timeLimited: boolean; elapsedMs: number; planned: number; gap: number | null; totalCostMinor: number; unplanned: Record<string, number>;
      };
      const allowedMs = Math.max(0.1 * limitS * 1000, 1000);
      runs.push({
        limitS,
        wallMs,
        elapsedMs: summary.elapsedMs,
        overrunMs: wallMs - limitS * 1000,
        allowedMs,
        within: wallMs - limitS * 1000 <= allowedMs,
        timeLimited: summary.timeLimited,
        planned: summary.planned,
        notExamined: summary.unplanned.TIME_LIMIT ?? 0,
        cost: (summary.totalCostMinor / 100).toFixed(2),
        gap: summary.gap === null ? '-' : `${(100 * summary.gap).toFixed(2)} %`,
        load: load(),
      });
    }
    console.log('L whole run through the CLI (process start → plan.json written):');
    console.table(runs);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function cpuMs(): number {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
}
