// `npm run bench`: whole-batch planning on the default network, each run in its own child
// process (so peak RSS is that run's), for the S sample (data/orders-s.csv), a generated M batch
// (10,000 orders, seed 2, normal) and, with --large, an L batch (100,000, seed 2, double-eleven):
//   baseline      each order alone on its cheapest feasible itinerary (no consolidation)
//   lp-solver     the optimiser, exact partition solves by javascript-lp-solver, all workers
//   highs         the optimiser, exact partition solves by HiGHS, all workers
//   highs-1w      the same on 1 worker
//   whole-milp    the whole batch as ONE order-level MILP handed to HiGHS, with the time
//                 `highs` took (its choices re-priced exactly; no partitions, no local search);
//                 on S also with 60 s (whole-milp-60s)
// Prints a table per batch, the ratios measured in this run and, for the highs runs, a
// convergence table (the search's cost after each wave of the large-neighbourhood search, then
// the plan's cost and bound), writes bench/results/latest.json and regenerates the README's
// bench section from it (between the bench markers). Options: --large (adds L), --micro (then
// runs bench/micro.bench), --only S,M (a subset), --out <file>, --readme-only (regenerate the
// README section from the results file without running anything).
// Wall time = load (read the files, or generate the batch in memory) + createPlanner + plan.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createPlanner } from '../src/api/planner.js';
import { DEFAULT_NETWORK, DEFAULT_ORDERS, DEFAULT_STOCK } from '../src/cli/paths.js';
import { type NetworkIndex, indexNetwork } from '../src/domain/network-index.js';
import { Network } from '../src/domain/network.js';
import type { Order, StockRecord } from '../src/domain/orders.js';
import type { SolverName } from '../src/engine/plan-batch.js';
import { generateBatch, type Profile } from '../src/generate/batch.js';
import { generateHubScenario, HUB_MAX_LEGS, type HubScenarioOptions } from '../src/generate/hub-network.js';
import { avoidableNoStock } from '../src/verify/index.js';
import { createItineraryContext } from '../src/graph/index.js';
import { loadInputs, loadNetwork } from '../src/io/load.js';
import { Assignment, UNASSIGNED } from '../src/optimise/model/assignment.js';
import { DEFAULT_CANDIDATES } from '../src/optimise/choices/candidates.js';
import { buildMilp, choicesFromSolution } from '../src/optimise/exact/milp.js';
import { examineOrder, type OrderFacts } from '../src/optimise/choices/order-facts.js';
import { buildProblem } from '../src/optimise/optimise.js';
import type { Problem } from '../src/optimise/model/problem.js';
import { StockLedger } from '../src/optimise/ledger/stock-ledger.js';
import { BACKENDS } from '../src/solvers/index.js';
import { createTimeModel } from '../src/time/index.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const PACKAGE_ROOT = resolve(HERE, '..', '..');
const DEFAULT_OUT = join(PACKAGE_ROOT, 'bench', 'results', 'latest.json');
const MB = 1024 * 1024;
/** Budget of the second, longer whole-batch MILP run (S only). */
const LONG_MILP_MS = 60_000;
/** Wall-clock cap of an lp-solver run (see benchScenario). */
const LP_SOLVER_CAP_MS = 60_000;

type ScenarioName = 'S' | 'M' | 'L' | 'HUB';
type VariantName = 'baseline' | 'lp-solver' | 'highs' | 'highs-1w' | 'whole-milp' | 'whole-milp-60s';

interface Scenario {
  name: ScenarioName;
  label: string;
  /** Generated in memory; null: the bundled S files. */
  generate: { orders: number; seed: number; profile: Profile } | null;
  /** A generated hub network and batch (src/generate/hub-network.ts), planned with its leg cap. */
  hub?: HubScenarioOptions;
}

const SCENARIOS: Record<ScenarioName, Scenario> = {
  S: { name: 'S', label: 'S: data/orders-s.csv (1,000 orders)', generate: null },
  M: { name: 'M', label: 'M: generated, 10,000 orders, seed 2, normal', generate: { orders: 10_000, seed: 2, profile: 'normal' } },
  L: { name: 'L', label: 'L: generated, 100,000 orders, seed 2, double-eleven', generate: { orders: 100_000, seed: 2, profile: 'double-eleven' } },
  HUB: { name: 'HUB', label: 'HUB: generated hub network, 30 hubs, 300 orders, seed 1', generate: null, hub: { hubs: 30, orders: 300, seed: 1 } },
};

interface RunSpec {
  scenario: ScenarioName;
  variant: VariantName;
  solver: SolverName;
  workers: number;
  /** whole-milp: the time the optimiser took, ms. */
  budgetMs?: number;
}

interface RunResult {
  scenario: ScenarioName;
  variant: VariantName;
  solver: string;
  workers: number;
  orders: number;
  planned: number | null;
  costMinor: number | null;
  boundMinor: number | null;
  gap: number | null;
  timeLimited: boolean;
  /** Reading the files or generating the batch. */
  loadMs: number;
  /** createPlanner (input checks, worker start) or, for whole-milp, building the Problem. */
  setupMs: number;
  /** planner.plan, or for whole-milp building the MILP and solving it. */
  planMs: number;
  wallMs: number;
  ordersPerS: number;
  peakRssMb: number;
  partitions: number | null;
  /** whole-milp: the solver's status, the model's size, what happened. */
  note: string;
  /** NO_STOCK answers whose stock went to an order with another way (avoidableNoStock); null: not counted. */
  avoidableNoStock?: number | null;
  /** Optimiser runs: cost (and, at the end, bound) against plan time. */
  convergence?: ConvergencePoint[];
}

interface ConvergencePoint {
  /** Since planner.plan began. */
  ms: number;
  /** Sets solved by the large-neighbourhood search so far (null: the final plan). */
  neighbourhoods: number | null;
  costMinor: number;
  boundMinor: number | null;
}

// ---------------------------------------------------------------------------------------------
// Child side: one run, its result as the last line of stdout.

interface Inputs {
  network: Network;
  orders: Order[];
  stock: StockRecord[];
}

function loadScenario(scenario: Scenario): Inputs {
  if (scenario.hub !== undefined) {
    const hub = generateHubScenario(scenario.hub);
    return { network: Network.parse(hub.network), orders: hub.orders, stock: hub.stock };
  }
  if (scenario.generate === null) {
    const inputs = loadInputs({ network: DEFAULT_NETWORK, orders: DEFAULT_ORDERS, stock: DEFAULT_STOCK });
    return { network: inputs.network, orders: inputs.orders ?? [], stock: inputs.stock ?? [] };
  }
  const network = loadNetwork(DEFAULT_NETWORK);
  const batch = generateBatch(network, scenario.generate);
  return { network, orders: batch.orders, stock: batch.stock };
}

async function runPlanner(spec: RunSpec): Promise<RunResult> {
  const t0 = performance.now();
  const { network, orders, stock } = loadScenario(SCENARIOS[spec.scenario]);
  const t1 = performance.now();
  const maxLegs = SCENARIOS[spec.scenario].hub === undefined ? {} : { maxLegs: HUB_MAX_LEGS };
  const planner = createPlanner({ network, stock, workers: spec.workers, solver: spec.solver, ...maxLegs });
  const t2 = performance.now();
  let partitions: number | null = null;
  const convergence: ConvergencePoint[] = [];
  const plan = await planner.plan(orders, {
    onProgress: (e) => {
      if (e.phase === 'bounding') partitions = e.partitionsTotal;
      // One row per change: progress reports of other work (the bound's) repeat the search's figures.
      const last = convergence[convergence.length - 1];
      const neighbourhoods = e.neighbourhoodsSolved ?? null;
      if (e.searchCostMinor !== undefined && (last?.costMinor !== e.searchCostMinor || last.neighbourhoods !== neighbourhoods)) {
        convergence.push({ ms: performance.now() - t2, neighbourhoods, costMinor: e.searchCostMinor, boundMinor: null });
      }
    },
  });
  const t3 = performance.now();
  convergence.push({ ms: t3 - t2, neighbourhoods: null, costMinor: plan.totals.cost.total, boundMinor: plan.totals.lowerBoundMinor });
  await planner.close();
  const { totals } = plan;
  const avoidable = avoidableNoStock({ model: createTimeModel(indexNetwork(network)), orders, stock }, plan).orders.length;
  return {
    avoidableNoStock: avoidable,
    ...identity(spec),
    orders: totals.orders,
    planned: totals.planned,
    costMinor: totals.cost.total,
    boundMinor: totals.lowerBoundMinor,
    gap: totals.gap,
    timeLimited: plan.timeLimited,
    loadMs: t1 - t0,
    setupMs: t2 - t1,
    planMs: t3 - t2,
    wallMs: t3 - t0,
    ordersPerS: totals.orders / ((t3 - t0) / 1000),
    peakRssMb: peakRssMb(),
    partitions,
    note: '',
    ...(spec.solver === 'baseline' ? {} : { convergence }),
  };
}

/** The optimiser's Problem over the whole batch, unpartitioned; served: the baseline's orders. */
async function wholeBatchProblem(inputs: Inputs): Promise<{ problem: Problem; serve: boolean[]; index: NetworkIndex }> {
  const index = indexNetwork(inputs.network);
  const hub = inputs.network.name.startsWith('generated hub network');
  const ctx = createItineraryContext(createTimeModel(index), hub ? { maxLegs: HUB_MAX_LEGS } : {});
  const facts = inputs.orders.map((o) => examineOrder(ctx.model, o)).filter((f): f is OrderFacts => !('status' in f));
  const { problem, start } = await buildProblem(ctx, facts, new StockLedger(inputs.stock), DEFAULT_CANDIDATES);
  return { problem, serve: start.map((c) => c !== UNASSIGNED), index };
}

async function runWholeMilp(spec: RunSpec): Promise<RunResult> {
  const t0 = performance.now();
  const inputs = loadScenario(SCENARIOS[spec.scenario]);
  const t1 = performance.now();
  const { problem, serve, index } = await wholeBatchProblem(inputs);
  const t2 = performance.now();
  const mapping = buildMilp(problem, index, serve);
  const { columns, rows } = mapping.model;
  const size = `${columns.length.toLocaleString('en')} columns (${columns.filter((c) => c.integer).length.toLocaleString('en')} integer), ${rows.length.toLocaleString('en')} rows`;
  // The same budget as the optimiser's plan call, less what building the model took.
  const budgetMs = spec.budgetMs ?? 60_000;
  const solveMs = Math.max(1_000, budgetMs - (performance.now() - t2));
  const highs = BACKENDS['highs']!;
  const result = await highs.solve(mapping.model, { timeLimitMs: solveMs });
  const t3 = performance.now();
  let costMinor: number | null = null;
  let planned: number | null = null;
  let note = `${result.status === 'no_solution' ? 'no feasible solution' : result.status}; ${size}; HiGHS limit ${(solveMs / 1000).toFixed(1)} s`;
  if (result.status === 'optimal' || result.status === 'feasible') {
    // Re-priced with the real tariff (the MILP leaves out rounding to whole minor units).
    const exact = new Assignment(problem, index);
    const picks = choicesFromSolution(mapping, result.values);
    let misfits = 0;
    picks.forEach((c, o) => {
      if (c === UNASSIGNED) return;
      if (exact.insertionCost(o, c) === Infinity) misfits++;
      else exact.assign(o, c);
    });
    costMinor = exact.recomputeTotal();
    planned = picks.filter((c) => c !== UNASSIGNED).length - misfits;
    if (misfits > 0) note += `; ${misfits} choices did not fit when re-priced`;
  }
  return {
    ...identity(spec),
    orders: inputs.orders.length,
    planned,
    costMinor,
    boundMinor: result.bound === null ? null : Math.floor(result.bound),
    gap: costMinor !== null && result.bound !== null && costMinor > 0 ? Math.max(0, (costMinor - result.bound) / costMinor) : null,
    timeLimited: result.status !== 'optimal',
    loadMs: t1 - t0,
    setupMs: t2 - t1,
    planMs: t3 - t2,
    wallMs: t3 - t0,
    ordersPerS: inputs.orders.length / ((t3 - t0) / 1000),
    peakRssMb: peakRssMb(),
    partitions: 1,
    note,
  };
}

function identity(spec: RunSpec): Pick<RunResult, 'scenario' | 'variant' | 'solver' | 'workers'> {
  return { scenario: spec.scenario, variant: spec.variant, solver: spec.solver, workers: spec.workers };
}

/** Peak resident set of this process (main thread and its worker threads), MB. */
function peakRssMb(): number {
  return (process.resourceUsage().maxRSS * 1024) / MB;
}

async function child(specJson: string): Promise<void> {
  const spec = JSON.parse(specJson) as RunSpec;
  const result = spec.variant.startsWith('whole-milp') ? await runWholeMilp(spec) : await runPlanner(spec);
  process.stdout.write(`\nRESULT ${JSON.stringify(result)}\n`);
}

// ---------------------------------------------------------------------------------------------
// Parent side: the runs, the table, the ratios, the JSON.

/** A run that did not finish: killed at its time cap, out of memory, or crashed. */
function failedRun(spec: RunSpec, orders: number, why: string): RunResult {
  return {
    ...identity(spec), orders, planned: null, costMinor: null, boundMinor: null, gap: null, timeLimited: true,
    loadMs: 0, setupMs: 0, planMs: 0, wallMs: 0, ordersPerS: 0, peakRssMb: 0, partitions: null, note: why,
  };
}

function runChild(spec: RunSpec, orders: number, capMs: number): Promise<RunResult> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--max-old-space-size=6144', fileURLToPath(import.meta.url), '--child', JSON.stringify(spec)],
      { timeout: capMs, killSignal: 'SIGKILL', maxBuffer: 64 * MB },
      (error, stdout, stderr) => {
        const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
        if (line !== undefined) return done(JSON.parse(line.slice('RESULT '.length)) as RunResult);
        const why = error?.killed === true ? `killed after ${Math.round(capMs / 1000)} s` : `failed: ${(stderr || String(error)).trim().split('\n').slice(-3).join(' | ')}`;
        done(failedRun(spec, orders, why));
      },
    );
  });
}

interface ScenarioReport {
  scenario: ScenarioName;
  label: string;
  runs: RunResult[];
  ratios: Record<string, number | null>;
}

/** The batch on which lp-solver ran into its cap, if it did. */
let lpSolverKilled: ScenarioName | null = null;

async function benchScenario(scenario: Scenario, allWorkers: number): Promise<ScenarioReport> {
  const orders = scenario.generate?.orders ?? scenario.hub?.orders ?? 1_000;
  // Generous caps: a run past them is reported as killed rather than stalling the bench.
  const capMs = 120_000 + orders * 6;
  const runs: RunResult[] = [];
  const run = async (spec: RunSpec, cap = capMs) => {
    process.stderr.write(`  ${scenario.name} ${spec.variant.padEnd(10)} … `);
    const result = await runChild(spec, orders, cap);
    process.stderr.write(`${result.note !== '' && result.costMinor === null ? result.note : `${(result.wallMs / 1000).toFixed(1)} s`}\n`);
    runs.push(result);
    return result;
  };
  const s = scenario.name;
  const baseline = await run({ scenario: s, variant: 'baseline', solver: 'baseline', workers: 0 });
  // javascript-lp-solver cannot interrupt a root LP (its time limit binds only in branch and
  // bound), so its run gets a fixed cap: past it, it is reported as killed, and larger batches
  // of the same bench skip it.
  const lpSpec: RunSpec = { scenario: s, variant: 'lp-solver', solver: 'lp-solver', workers: allWorkers };
  let lp: RunResult;
  if (lpSolverKilled === null) {
    lp = await run(lpSpec, LP_SOLVER_CAP_MS);
    if (lp.note.startsWith('killed')) lpSolverKilled = s;
  } else {
    lp = failedRun(lpSpec, orders, `skipped: killed on ${lpSolverKilled}`);
    runs.push(lp);
  }
  const highs = await run({ scenario: s, variant: 'highs', solver: 'highs', workers: allWorkers });
  const one = await run({ scenario: s, variant: 'highs-1w', solver: 'highs', workers: 1 });
  const budgetMs = Math.max(1_000, Math.round(highs.planMs));
  const milp = await run({ scenario: s, variant: 'whole-milp', solver: 'highs', workers: 0, budgetMs }, capMs + 3 * budgetMs);
  // Within the optimiser's time HiGHS finds no feasible whole-batch plan; on S it does within
  // a minute, which gives the cost ratio a value (M stays without one at a minute: not run).
  const longMilp = scenario.name === 'S' ? await run({ scenario: s, variant: 'whole-milp-60s', solver: 'highs', workers: 0, budgetMs: LONG_MILP_MS }, capMs + 3 * LONG_MILP_MS) : null;
  const ratio = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? null : a / b);
  return {
    scenario: s,
    label: scenario.label,
    runs,
    ratios: {
      'cost highs / baseline': ratio(highs.costMinor, baseline.costMinor),
      'saving highs over baseline': highs.costMinor === null || baseline.costMinor === null || baseline.costMinor === 0 ? null : 1 - highs.costMinor / baseline.costMinor,
      'gap highs': highs.gap,
      'cost lp-solver / baseline': ratio(lp.costMinor, baseline.costMinor),
      [`plan time 1 worker / ${allWorkers} workers`]: ratio(one.planMs, highs.planMs),
      'cost highs / whole-batch MILP': ratio(highs.costMinor, milp.costMinor),
      ...(longMilp === null ? {} : { 'cost highs / whole-batch MILP, 60 s': ratio(highs.costMinor, longMilp.costMinor) }),
      'planned highs - planned baseline': highs.planned !== null && baseline.planned !== null ? highs.planned - baseline.planned : null,
    },
  };
}

function money(minor: number | null): string {
  return minor === null ? '—' : (minor / 100).toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

function table(report: ScenarioReport): string {
  const head = ['variant', 'workers', 'wall s', 'plan s', 'orders/s', 'peak RSS MB', 'cost', 'lower bound', 'gap', 'planned', 'partitions', 'avoidable NO_STOCK'];
  const rows = report.runs.map((r) => [
    r.variant,
    String(r.workers),
    r.wallMs > 0 ? (r.wallMs / 1000).toFixed(2) : '—',
    r.planMs > 0 ? (r.planMs / 1000).toFixed(2) : '—',
    r.ordersPerS > 0 ? Math.round(r.ordersPerS).toLocaleString('en') : '—',
    r.peakRssMb > 0 ? Math.round(r.peakRssMb).toLocaleString('en') : '—',
    money(r.costMinor),
    money(r.boundMinor),
    r.gap === null ? '—' : `${(r.gap * 100).toFixed(2)} %${r.timeLimited ? '*' : ''}`,
    r.planned === null ? '—' : String(r.planned),
    r.partitions === null ? '—' : String(r.partitions),
    r.avoidableNoStock === undefined || r.avoidableNoStock === null ? '—' : String(r.avoidableNoStock),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const out = [report.label, line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
  for (const r of report.runs) if (r.note !== '') out.push(`  ${r.variant}: ${r.note}`);
  out.push('ratios (this run):');
  for (const [name, value] of Object.entries(report.ratios)) out.push(`  ${name.padEnd(40)} ${value === null ? '—' : Number.isInteger(value) ? String(value) : value.toFixed(3)}`);
  for (const r of report.runs) {
    if (r.convergence === undefined || r.convergence.length === 0 || r.variant !== 'highs') continue;
    out.push(`convergence (${r.variant}, ${r.workers} workers): plan s, sets solved, cost, lower bound`);
    for (const p of r.convergence) {
      out.push(`  ${(p.ms / 1000).toFixed(2).padStart(7)}  ${(p.neighbourhoods === null ? 'plan' : String(p.neighbourhoods)).padStart(5)}  ${money(p.costMinor).padStart(12)}  ${money(p.boundMinor).padStart(12)}`);
    }
  }
  return out.join('\n');
}

const README = join(PACKAGE_ROOT, 'README.md');
const README_BEGIN = '<!-- bench:begin (generated by npm run bench from bench/results/latest.json) -->';
const README_END = '<!-- bench:end -->';

/** The README's bench section, between its markers, rewritten from a results file. */
function writeReadme(resultsFile: string): void {
  const results = JSON.parse(readFileSync(resultsFile, 'utf8')) as { machine: { cores: number; cpu: string | null; node: string }; scenarios: ScenarioReport[] };
  const readme = readFileSync(README, 'utf8');
  const begin = readme.indexOf(README_BEGIN);
  const end = readme.indexOf(README_END);
  if (begin < 0 || end < begin) throw new Error(`bench: README.md has no bench markers (${README_BEGIN} … ${README_END})`);
  const { machine } = results;
  const body = [
    README_BEGIN,
    `Latest run: ${machine.cores} cores (${machine.cpu ?? '?'}), Node ${machine.node}.`,
    '',
    '```',
    results.scenarios.map(table).join('\n\n'),
    '```',
    README_END,
  ].join('\n');
  writeFileSync(README, readme.slice(0, begin) + body + readme.slice(end + README_END.length));
}

async function parent(args: readonly string[]): Promise<void> {
  const valueOf = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const only = valueOf('--only')?.split(',').map((s) => s.trim().toUpperCase());
  const names = (only ?? ['S', 'M', 'HUB', ...(args.includes('--large') ? ['L'] : [])]).filter((n): n is ScenarioName => n in SCENARIOS);
  const out = resolve(valueOf('--out') ?? DEFAULT_OUT);
  if (args.includes('--readme-only')) {
    writeReadme(out);
    process.stdout.write(`README.md bench section regenerated from ${out}\n`);
    return;
  }
  const allWorkers = os.availableParallelism();
  const started = performance.now();
  process.stderr.write(`xbroute bench: ${names.join(', ')} on ${allWorkers} cores (${os.cpus()[0]?.model ?? '?'}), Node ${process.version}\n`);
  const reports: ScenarioReport[] = [];
  for (const name of names) reports.push(await benchScenario(SCENARIOS[name], allWorkers));
  const text = reports.map(table).join('\n\n');
  process.stdout.write(`\n${text}\n\n(* the time limit bound: gap from the solver's own bound, or none)\n`);
  process.stdout.write(`bench took ${((performance.now() - started) / 1000).toFixed(0)} s; results in ${out}\n`);
  mkdirSync(dirname(out), { recursive: true });
  const machine = { cores: allWorkers, cpu: os.cpus()[0]?.model ?? null, totalMemoryMb: Math.round(os.totalmem() / MB), node: process.version, platform: `${os.platform()} ${os.arch()}` };
  writeFileSync(out, `${JSON.stringify({ machine, scenarios: reports }, null, 2)}\n`);
  if (out === DEFAULT_OUT) writeReadme(out);
  if (args.includes('--micro')) await import('./micro.bench.js');
}

const argv = process.argv.slice(2);
const childSpec = argv[0] === '--child' ? argv[1] : undefined;
if (childSpec !== undefined) await child(childSpec);
else await parent(argv);
