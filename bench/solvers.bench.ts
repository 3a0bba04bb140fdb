// Solver backends compared on random consolidation models
// (N orders × k candidate routes, lane fixed costs with x ≤ y linking, integer ULD counts):
// three MILPs and one LP relaxation, each solved by every backend in BACKENDS with a 30 s limit.
// Every answer is re-checked (checkSolution, Σ cost·value, exact integers) before it counts, and
// for each MILP the backend fastest to a checked optimum is named: the one to use by default for
// exact partition solves. Figures go to bench/results/solvers.json.
// Run: npx tsx bench/solvers.bench.ts   (about 1.5 minutes: lp-solver runs into the limit twice)
//
// Times are wall clock (tinybench) plus this process's CPU time, which is the steadier figure on
// a shared machine: both solvers are single-threaded and run on this thread.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Bench } from 'tinybench';
import { BACKENDS, type LinearModel, type SolveResult, type SolverBackend } from '../src/solvers/index.js';
import { answerProblem, nearlyEqual } from '../test/solvers/answer-checks.js';
import { type ConsolidationSizes, consolidationModel, randomConsolidationSpec } from '../test/solvers/consolidation-model.js';

const SEED = 42;
const TIME_LIMIT_MS = 30_000;
/** Small partitions vary a lot from instance to instance: 20/5/3 is also swept over these seeds. */
const SWEEP_SEEDS = Array.from({ length: 10 }, (_, i) => 101 + i);
const SWEEP_SIZES: ConsolidationSizes = { orders: 20, lanes: 5, routes: 3 };
const RESULTS_PATH = join(dirname(fileURLToPath(import.meta.url)), 'results', 'solvers.json');

interface ModelCase {
  name: string;
  sizes: ConsolidationSizes;
  relax: boolean;
  /** Timed solves per backend: one for the models that take seconds, to keep the bench short. */
  iterations: number;
}

const CASES: readonly ModelCase[] = [
  { name: 'MILP 20/5/3', sizes: { orders: 20, lanes: 5, routes: 3 }, relax: false, iterations: 5 },
  { name: 'MILP 50/10/3', sizes: { orders: 50, lanes: 10, routes: 3 }, relax: false, iterations: 1 },
  { name: 'MILP 100/15/3', sizes: { orders: 100, lanes: 15, routes: 3 }, relax: false, iterations: 1 },
  { name: 'LP 200/20/4', sizes: { orders: 200, lanes: 20, routes: 4 }, relax: true, iterations: 1 },
];

interface Row {
  backend: string;
  model: string;
  status: SolveResult['status'];
  objective: number | null;
  bound: number | null;
  /** Wall-clock ms per solve (tinybench latency). */
  meanMs: number;
  minMs: number;
  maxMs: number;
  /** This process's CPU ms per solve (user + system). */
  cpuMs: number;
  samples: number;
  checked: boolean;
  problem: string | null;
  /** Whether every timed solve gave the same status and objective. */
  stable: boolean;
}

function describeModel(model: LinearModel): { columns: number; integerColumns: number; rows: number; nonZeros: number } {
  return {
    columns: model.columns.length,
    integerColumns: model.columns.filter((c) => c.integer).length,
    rows: model.rows.length,
    nonZeros: model.rows.reduce((n, r) => n + r.terms.length, 0),
  };
}

interface WarmUp {
  seed: number;
  status: SolveResult['status'];
  objective: number;
  /** The first solve in the process, then the mean of two more on the same model. */
  firstSolveMs: number;
  warmSolveMs: number;
}

/**
 * The first solve in a process loads HiGHS's WASM and runs it before V8 has optimised it
 * (several times slower than later solves): pay that here, on another 20/5/3 instance, and report
 * it with the warm time on the same instance, which doubles as a second small-model data point.
 */
async function warmUp(backend: SolverBackend): Promise<WarmUp> {
  const seed = SEED + 1;
  const model = consolidationModel(randomConsolidationSpec(seed, { orders: 20, lanes: 5, routes: 3 }));
  let start = performance.now();
  const first = await backend.solve(model, { timeLimitMs: TIME_LIMIT_MS });
  const firstSolveMs = performance.now() - start;
  start = performance.now();
  for (let i = 0; i < 2; i++) await backend.solve(model, { timeLimitMs: TIME_LIMIT_MS });
  return { seed, status: first.status, objective: first.objective, firstSolveMs, warmSolveMs: (performance.now() - start) / 2 };
}

async function measure(backend: SolverBackend, c: ModelCase, model: LinearModel): Promise<Row> {
  const results: SolveResult[] = [];
  let cpuMicros = 0;
  const bench = new Bench({ name: `${backend.name} ${c.name}`, iterations: c.iterations, time: 0, warmup: false, throws: true });
  bench.add(backend.name, async () => {
    const cpu = process.cpuUsage();
    results.push(await backend.solve(model, { timeLimitMs: TIME_LIMIT_MS, relax: c.relax }));
    const used = process.cpuUsage(cpu);
    cpuMicros += used.user + used.system;
  });
  await bench.run();
  const task = bench.tasks[0];
  const last = results.at(-1);
  if (task === undefined || last === undefined || task.result.state !== 'completed') {
    throw new Error(`solvers.bench: ${backend.name} on ${c.name} did not complete`);
  }
  const latency = task.result.latency;
  const problem = answerProblem(model, last, { relax: c.relax });
  const solved = last.status === 'optimal' || last.status === 'feasible';
  return {
    backend: backend.name,
    model: c.name,
    status: last.status,
    objective: solved ? last.objective : null,
    bound: last.bound,
    meanMs: latency.mean,
    minMs: latency.min,
    maxMs: latency.max,
    cpuMs: cpuMicros / 1000 / results.length,
    samples: results.length,
    checked: problem === null,
    problem: solved ? problem : (last.rejected ?? null),
    stable: results.every((r) => r.status === last.status && (Object.is(r.objective, last.objective) || r.objective === last.objective)),
  };
}

/** For a MILP: the backend with the least mean time among checked optima at the best checked objective. */
function fastestToVerifiedOptimum(rows: readonly Row[]): { backend: string | null; bestObjective: number | null; note: string } {
  const checked = rows.filter((r) => r.checked && r.objective !== null);
  if (checked.length === 0) return { backend: null, bestObjective: null, note: 'no backend returned a checked solution' };
  const best = Math.min(...checked.map((r) => r.objective as number));
  const optimal = checked.filter((r) => r.status === 'optimal' && nearlyEqual(r.objective as number, best, 1e-6));
  const wrongClaims = checked.filter((r) => r.status === 'optimal' && !nearlyEqual(r.objective as number, best, 1e-6));
  const warnings = wrongClaims.map((r) => `${r.backend} claims optimal at ${r.objective}, above ${best}`);
  if (optimal.length === 0) return { backend: null, bestObjective: best, note: ['no proven optimum within the limit', ...warnings].join('; ') };
  const fastest = optimal.reduce((a, b) => (b.meanMs < a.meanMs ? b : a));
  const others = optimal.filter((r) => r !== fastest).map((r) => `${r.backend} ${(r.meanMs / fastest.meanMs).toFixed(1)}× slower`);
  return { backend: fastest.backend, bestObjective: best, note: [...others, ...warnings].join('; ') || 'only backend to prove it' };
}

const loadAtStart = os.loadavg();
const backends = Object.values(BACKENDS);
const warmUps: Record<string, WarmUp> = {};
for (const backend of backends) warmUps[backend.name] = await warmUp(backend);

const models = [];
const rows: Row[] = [];
const verdicts = [];
for (const c of CASES) {
  const model = consolidationModel(randomConsolidationSpec(SEED, c.sizes));
  models.push({ name: c.name, ...c.sizes, relax: c.relax, seed: SEED, iterations: c.iterations, ...describeModel(model) });
  const caseRows: Row[] = [];
  for (const backend of backends) {
    const row = await measure(backend, c, model);
    caseRows.push(row);
    rows.push(row);
    console.log(`  ${c.name} ${backend.name}: ${row.status} in ${(row.meanMs / 1000).toFixed(2)} s`);
  }
  if (!c.relax) verdicts.push({ model: c.name, ...fastestToVerifiedOptimum(caseRows) });
}

interface SweepEntry {
  seed: number;
  backend: string;
  status: SolveResult['status'];
  objective: number | null;
  ms: number;
  checked: boolean;
}

// One timed solve per instance and backend (the per-instance spread is the point here, not the
// noise of one instance), each answer checked, and the optima compared across backends.
const sweep: SweepEntry[] = [];
for (const seed of SWEEP_SEEDS) {
  const model = consolidationModel(randomConsolidationSpec(seed, SWEEP_SIZES));
  for (const backend of backends) {
    const start = performance.now();
    const result = await backend.solve(model, { timeLimitMs: TIME_LIMIT_MS });
    const ms = performance.now() - start;
    const checked = answerProblem(model, result) === null;
    sweep.push({ seed, backend: backend.name, status: result.status, objective: checked ? result.objective : null, ms, checked });
  }
}
const sweepSummary = backends.map((backend) => {
  const mine = sweep.filter((e) => e.backend === backend.name);
  const times = mine.map((e) => e.ms).sort((a, b) => a - b);
  const bestOf = (seed: number): number => Math.min(...sweep.filter((e) => e.seed === seed && e.objective !== null).map((e) => e.objective as number));
  const wins = SWEEP_SEEDS.filter((seed) => {
    const proven = sweep.filter((e) => e.seed === seed && e.status === 'optimal' && e.objective !== null && nearlyEqual(e.objective, bestOf(seed), 1e-6));
    return proven.length > 0 && proven.reduce((a, b) => (b.ms < a.ms ? b : a)).backend === backend.name;
  }).length;
  return {
    backend: backend.name,
    instances: mine.length,
    provenOptimal: mine.filter((e) => e.status === 'optimal' && e.checked && e.objective !== null && nearlyEqual(e.objective, bestOf(e.seed), 1e-6)).length,
    fastest: wins,
    medianMs: times[Math.floor(times.length / 2)] ?? NaN,
    maxMs: times.at(-1) ?? NaN,
    totalMs: times.reduce((a, b) => a + b, 0),
  };
});
const loadAtEnd = os.loadavg();

console.log(`\nSolver backends, seed ${SEED}, time limit ${TIME_LIMIT_MS / 1000} s, ${os.cpus().length} CPUs, load ${loadAtStart[0]?.toFixed(1)} → ${loadAtEnd[0]?.toFixed(1)}`);
console.table(models.map((m) => ({ model: m.name, columns: m.columns, integer: m.integerColumns, rows: m.rows, nonZeros: m.nonZeros, timedSolves: m.iterations })));
console.table(
  rows.map((r) => ({
    backend: r.backend,
    model: r.model,
    status: r.status,
    objective: r.objective === null ? '-' : Number(r.objective.toFixed(2)),
    'time (s)': Number((r.meanMs / 1000).toFixed(3)),
    'cpu (s)': Number((r.cpuMs / 1000).toFixed(3)),
    checked: r.checked ? 'yes' : 'no',
  })),
);
console.log('Fastest to a verified optimum:');
for (const v of verdicts) console.log(`  ${v.model}: ${v.backend ?? 'none'} (${v.note})`);
console.log(`MILP 20/5/3 over seeds ${SWEEP_SEEDS[0]}–${SWEEP_SEEDS.at(-1)} (one solve each):`);
console.table(
  sweepSummary.map((r) => ({
    backend: r.backend,
    'proven optimal': `${r.provenOptimal}/${r.instances}`,
    'fastest on': r.fastest,
    'median (ms)': Number(r.medianMs.toFixed(1)),
    'max (ms)': Number(r.maxMs.toFixed(1)),
    'total (s)': Number((r.totalMs / 1000).toFixed(2)),
  })),
);
console.log(`Warm-up instance 20/5/3 seed ${SEED + 1}, first solve in the process → warm:`);
for (const [name, w] of Object.entries(warmUps)) {
  console.log(`  ${name}: ${w.status} ${w.objective}, ${w.firstSolveMs.toFixed(0)} ms → ${w.warmSolveMs.toFixed(0)} ms`);
}

mkdirSync(dirname(RESULTS_PATH), { recursive: true });
writeFileSync(
  RESULTS_PATH,
  `${JSON.stringify(
    {
      bench: 'solvers',
      command: 'npx tsx bench/solvers.bench.ts',
      measuredAt: new Date().toISOString(),
      node: process.version,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? null,
      loadAverage: { start: loadAtStart[0], end: loadAtEnd[0] },
      seed: SEED,
      timeLimitMs: TIME_LIMIT_MS,
      warmUps,
      models,
      results: rows,
      fastestToVerifiedOptimum: verdicts,
      sweep: { sizes: SWEEP_SIZES, seeds: SWEEP_SEEDS, summary: sweepSummary, entries: sweep },
    },
    null,
    2,
  )}\n`,
);
console.log(`Wrote ${RESULTS_PATH}`);
