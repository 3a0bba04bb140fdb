// `xbroute plan`: loads and checks the inputs, plans the batch (every plan is verified before
// it leaves the engine), writes the requested outputs all-or-nothing, and prints a summary.
// This is the edge: it reads the clock (time limit, elapsed time) and touches the file system.
import { performance } from 'node:perf_hooks';
import { Option } from 'commander';
import { UsageError, formatProblem } from '../../domain/errors.js';
import { type NetworkIndex, indexNetwork } from '../../domain/network-index.js';
import type { Plan } from '../../domain/plan.js';
import { availableParallelism } from 'node:os';
import { createPlanner, type Planner, type PlanProgress } from '../../api/planner.js';
import { DEFAULT_SOLVER, SOLVERS, type SolverName } from '../../engine/plan-batch.js';
import { loadInputs } from '../../io/load.js';
import { AbortError } from '../../pool/errors.js';
import { onInterrupt } from '../interrupt.js';
import { formatSummary, planSummary, planToCsv, planToGeoJson, type PlanSummary } from '../../output/index.js';
import { formatMinor } from '../../output/money.js';
import type { Order, StockRecord } from '../../domain/orders.js';
import type { CliIo } from '../context.js';
import { type OutputFile, checkOutputPaths, usesStdout, writeOutputs } from '../outputs.js';
import { DEFAULT_NETWORK, DEFAULT_ORDERS, DEFAULT_STOCK } from '../paths.js';
import type { RegisterCommand } from './index.js';

/** The options `plan` and `replan` share: how to plan, what to write, how much to say. */
export interface PlanningFlags {
  network?: string;
  stock?: string;
  solver: SolverName;
  out?: string;
  csv?: string;
  geojson?: string;
  json?: boolean;
  quiet?: boolean;
  workers?: string;
  redis?: string;
}

interface PlanOptions extends PlanningFlags {
  orders?: string;
  timeLimit?: string;
}

/** The output files asked for, by the option that named them. */
export interface OutputPaths {
  plan: string | null;
  csv: string | null;
  geojson: string | null;
}

/** What `--json` prints: the plan summary, plus where the outputs went and the input warnings. */
export interface PlanJsonSummary extends PlanSummary {
  outputs: OutputPaths;
  inputWarnings: string[];
}

const EXAMPLES = `
Examples:
  $ xbroute plan
      plans the bundled batch (data/orders-s.csv, stock-s.csv on data/network.json) and
      prints the summary; nothing is written
  $ xbroute plan --orders out/orders.csv --stock out/stock.csv --out out/plan.json --csv out/plan.csv --geojson out/routes.geojson
      plans a generated batch and writes the plan as JSON, CSV (one row per parcel leg)
      and GeoJSON (routes and nodes)
  $ xbroute plan --network data/examples/tiny/network.json --orders data/examples/tiny/orders.csv --stock data/examples/tiny/stock.csv
      the documented 9-order example of the source tree (see data/examples/tiny/README.md)
  $ xbroute plan --solver baseline --json
      each order alone on its cheapest itinerary (the yardstick), summary as JSON
  $ xbroute plan --time-limit 30 --out plan.json
      stops the search after 30 s with the best verified plan found so far
  $ xbroute plan --redis redis://10.0.0.5:6379 --orders big.csv --stock big-stock.csv --out plan.json
      the partitions go as BullMQ jobs to Redis, solved by \`xbroute worker\` processes on any
      machines; the plan is the one this machine alone would make, byte for byte

Solvers: highs (default), lp-solver (the optimiser with that exact backend), heuristic (the
optimiser without an exact solver), baseline (no consolidation). Every plan is checked by the
independent verifier before anything is written; all outputs are written or none is.
Exit codes: 0 planned (unplanned orders are answers, not errors), 1 bad usage or an output
path that cannot be written, 2 invalid input, 3 internal error (e.g. a plan the verifier rejected).`;

/** `--time-limit`'s help, the same for `plan` and `replan`. */
export const TIME_LIMIT_HELP = 'the whole run (loading, planning, verifying, writing) takes about this long: the search stops in time and keeps the best verified plan so far';

export const register: RegisterCommand = (program, io, state) => {
  program
    .command('plan')
    .description('Plans a batch of orders at the lowest cost within their SLAs, verifies the plan, and writes it as JSON, CSV and GeoJSON.')
    .option('--network <file>', 'network JSON (default: the bundled data/network.json)')
    .option('--orders <file>', 'orders CSV or JSON (default: the bundled data/orders-s.csv)')
    .option('--stock <file>', 'stock CSV or JSON (default: the bundled data/stock-s.csv)')
    .addOption(new Option('--solver <name>', 'how to plan').choices(SOLVERS).default(DEFAULT_SOLVER))
    .option('--out <file>', 'write the plan JSON here (- for stdout)')
    .option('--csv <file>', 'write the plan as CSV here, one row per parcel leg (- for stdout)')
    .option('--geojson <file>', 'write the routes and nodes as GeoJSON here (- for stdout)')
    .option('--json', 'print the summary as one JSON document instead of text (input warnings go into it)')
    .option('--quiet', 'print no warnings on stderr')
    .option('--time-limit <seconds>', TIME_LIMIT_HELP)
    .option('--workers <n>', 'worker threads solving partitions (0: none, plan in this thread; default: one per core)')
    .option('--redis <url>', 'solve the partitions as jobs on this Redis (redis://host:port), by `xbroute worker` processes, instead of on threads here')
    .addHelpText('after', EXAMPLES)
    .action(async (options: PlanOptions) => {
      state.exitCode = await planCommand(options, io);
    });
};

async function planCommand(options: PlanOptions, io: CliIo): Promise<number> {
  const startMs = performance.now();
  // Usage first, so a typo costs nothing: the time limit and the output paths.
  const timeLimitSeconds = options.timeLimit === undefined ? null : positiveSeconds(options.timeLimit);
  const outputs: OutputPaths = { plan: options.out ?? null, csv: options.csv ?? null, geojson: options.geojson ?? null };
  checkOutputPaths((Object.keys(outputs) as (keyof OutputPaths)[]).map((key) => ({ option: OPTION_OF[key], path: outputs[key] })));
  // With an output on stdout (`-`), the summary goes to stderr: stdout holds that file alone.
  const say = usesStdout(Object.values(outputs)) ? io.stderr : io.stdout;
  const talk = options.json !== true && options.quiet !== true;
  const progress = talk && io.isTty ? progressBar(io, startMs) : null;

  progress?.update({ phase: 'loading', partitionsDone: 0, partitionsTotal: 0 });
  const stockPath = options.stock ?? DEFAULT_STOCK;
  const inputs = loadInputs({
    network: options.network ?? DEFAULT_NETWORK,
    orders: options.orders ?? DEFAULT_ORDERS,
    stock: stockPath,
  });
  const orders = inputs.orders ?? [];
  const stock = inputs.stock ?? [];
  const coverage = stockCoverageWarning(orders, stock, stockPath, options.stock === undefined);
  const inputWarnings = [...inputs.warnings.map(formatProblem), ...(coverage === null ? [] : [coverage])];
  if (talk) {
    progress?.pause();
    for (const w of inputWarnings) io.stderr(`warning: ${w}\n`);
  }

  const index = indexNetwork(inputs.network);
  if (options.redis !== undefined && options.workers !== undefined) throw new UsageError('--workers and --redis exclude each other: with --redis the workers are `xbroute worker` processes');
  // BullMQ is loaded only for --redis: it is a good part of a plain run's start-up otherwise.
  const executor = options.redis === undefined ? null : await (await import('../../queue/index.js')).connectQueueExecutor({ url: options.redis });
  let planner: Planner;
  try {
    if (executor !== null && talk && (await executor.workerCount()) === 0) {
      io.stderr(`warning: no xbroute worker is connected to ${executor.target.shown} yet: the partitions wait until one is started (xbroute worker --redis URL)\n`);
    }
    planner = createPlanner({
      network: inputs.network,
      stock,
      solver: options.solver,
      ...(executor === null ? { workers: workerCount(options.workers) } : { executor }),
    });
  } catch (error) {
    await executor?.close();
    throw error;
  }
  const timeLimitMs = plannerLimitMs(timeLimitSeconds, startMs, orders.length, outputs);
  // Ctrl-C / SIGTERM with --redis: the plan's waiting jobs come off the queue before the bin
  // exits (130/143), so that no worker solves partitions of a plan nobody waits for.
  // The planner is aborted too, so that it starts no further stage meanwhile.
  let interrupted: NodeJS.Signals | null = null;
  const interrupt = new AbortController();
  const forget = executor === null ? () => false : onInterrupt(async (signal) => {
    interrupted = signal;
    interrupt.abort(`interrupted (${signal})`);
    await executor.cancelAll(`interrupted (${signal})`);
  });
  let plan: Plan;
  try {
    plan = await planner.plan(orders, {
      ...(executor === null ? {} : { signal: interrupt.signal }),
      ...(timeLimitMs === null ? {} : { timeLimitMs }),
      ...(progress === null ? {} : { onProgress: progress.update }),
    });
  } catch (error) {
    // The error goes on a line of its own, not after a half-drawn progress line.
    progress?.clear();
    // The bin said why and exits with the signal's status.
    if (interrupted !== null && error instanceof AbortError) return interrupted === 'SIGINT' ? 130 : 143;
    throw error;
  } finally {
    forget();
    await planner.close();
    await executor?.close();
  }

  progress?.update({ phase: 'writing', partitionsDone: 0, partitionsTotal: 0 });
  let written: string[];
  try {
    written = await writeOutputs(renderOutputs(outputs, plan, index), io.stdout);
  } finally {
    progress?.clear();
  }
  // Load → verified plan → written: the figure the design's wall-time targets are stated in.
  const elapsedMs = Math.round(performance.now() - startMs);

  const summary = planSummary(plan, { elapsedMs });
  if (options.json === true) {
    const json: PlanJsonSummary = { ...summary, outputs, inputWarnings };
    say(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    if (talk) for (const w of plan.warnings) io.stderr(`warning: ${w}\n`);
    say(formatSummary(summary));
    say(`${'written'.padEnd(20)}${written.length === 0 ? 'nothing (no --out, --csv or --geojson)' : written.join(', ')}\n`);
  }
  return 0;
}

/** Time kept back from a time limit per order and output file, for rendering and writing it
 *  (a 100,000-order plan: ~1 s per file). Half of it was too little: a plan of 98,000 planned
 *  orders is several times the JSON of one whose orders are all TIME_LIMIT, and a 30 s limit
 *  was overrun by 3.1 s with it (bench/anytime.ts --large). */
const WRITE_RESERVE_MS_PER_ORDER = 0.01;

function countOutputs(outputs: OutputPaths): number {
  return Object.values(outputs).filter((p) => p !== null).length;
}

/**
 * What the planner may spend of a `--time-limit` (null: none): the limit bounds the whole run,
 * from the start of the command to the files written, so the planner gets what loading left,
 * less what writing the outputs will take.
 */
export function plannerLimitMs(limitSeconds: number | null, startMs: number, orderCount: number, outputs: OutputPaths): number | null {
  if (limitSeconds === null) return null;
  return Math.max(1, limitSeconds * 1000 - (performance.now() - startMs) - WRITE_RESERVE_MS_PER_ORDER * orderCount * countOutputs(outputs));
}

/** The plan as JSON (2-space, trailing newline: the golden-file form), CSV and GeoJSON. */
export function renderOutputs(outputs: OutputPaths, plan: Plan, index: NetworkIndex): OutputFile[] {
  const files: OutputFile[] = [];
  if (outputs.plan !== null) files.push({ option: '--out', path: outputs.plan, content: planJsonText(plan) });
  if (outputs.csv !== null) files.push({ option: '--csv', path: outputs.csv, content: planToCsv(plan) });
  if (outputs.geojson !== null) files.push({ option: '--geojson', path: outputs.geojson, content: `${JSON.stringify(planToGeoJson(plan, index))}\n` });
  return files;
}

/** The plan file's exact text. */
export function planJsonText(plan: Plan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}

const OPTION_OF: Record<keyof OutputPaths, string> = { plan: '--out', csv: '--csv', geojson: '--geojson' };

/** Below this share of ordered units in stock, say so: most of the batch would end NO_STOCK. */
const LOW_COVERAGE = 0.5;

/**
 * A warning when the stock covers little of what the orders ask for (units per SKU, wherever
 * stocked) — typically `--orders` given without `--stock`, so the bundled stock is used.
 */
export function stockCoverageWarning(orders: readonly Order[], stock: readonly StockRecord[], stockPath: string, bundled: boolean): string | null {
  const demand = new Map<string, number>();
  for (const o of orders) for (const l of o.lines) demand.set(l.sku, (demand.get(l.sku) ?? 0) + l.qty);
  const held = new Map<string, number>();
  for (const r of stock) held.set(r.sku, (held.get(r.sku) ?? 0) + r.qty);
  let wanted = 0;
  let covered = 0;
  for (const [sku, qty] of demand) {
    wanted += qty;
    covered += Math.min(qty, held.get(sku) ?? 0);
  }
  if (wanted === 0 || covered / wanted >= LOW_COVERAGE) return null;
  const pct = Math.round((100 * covered) / wanted);
  const which = bundled ? `the bundled stock (${stockPath}; no --stock given)` : `the stock (${stockPath})`;
  return `${which} holds ${covered.toLocaleString('en-US')} of the ${wanted.toLocaleString('en-US')} units the orders ask for (${pct} %): most orders will end NO_STOCK${bundled ? '; pass --stock with the stock for these orders' : ''}`;
}

/** --time-limit: seconds > 0. */
export function positiveSeconds(value: string): number {
  const seconds = Number(value);
  if (value.trim() === '' || !Number.isFinite(seconds) || seconds <= 0) {
    throw new UsageError(`--time-limit: expected a number of seconds > 0, found "${value}"`);
  }
  return seconds;
}

type BarPhase = PlanProgress['phase'] | 'loading' | 'writing';
type BarEvent = Omit<PlanProgress, 'phase'> & { phase: BarPhase };

/**
 * A one-line progress bar on an interactive stderr: the phase, its count where it has one
 * (orders examined, partitions solved, bound iterations), time elapsed since the command
 * started, and an estimate of the phase's time left where the count has a total.
 */
function progressBar(io: CliIo, startMs: number): { update: (event: BarEvent) => void; pause: () => void; clear: () => void } {
  let shown = false;
  let phase: BarPhase | null = null;
  let phaseStartMs = 0;
  let spin = 0;
  const width = 24;
  return {
    update: (event) => {
      // 'done' is followed at once by 'writing' (or the summary): nothing to show.
      if (event.phase === 'done') return;
      const now = performance.now();
      if (event.phase !== phase) {
        phase = event.phase;
        phaseStartMs = now;
      }
      shown = true;
      const done = event.done;
      const total = event.total;
      let bar: string;
      let count = '';
      let eta = '';
      if (done !== undefined && total !== undefined && total > 0) {
        const filled = Math.min(width, Math.round((width * done) / total));
        bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
        const unit = event.phase === 'candidates' ? '' : event.phase === 'solving' ? ' partitions' : '';
        count = event.phase === 'candidates' ? ` ${Math.round(done / 2)}/${total / 2} orders` : ` ${done}/${total}${unit}`;
        if (done > 0 && done < total) eta = `, ~${seconds(((now - phaseStartMs) * (total - done)) / done)} left`;
      } else {
        // No total (loading, bound iterations, verifying, writing): a moving marker, not a full bar.
        spin = (spin + 1) % width;
        bar = `[${'.'.repeat(spin)}#${'.'.repeat(width - spin - 1)}]`;
        if (done !== undefined) count = ` iteration ${done}`;
      }
      io.stderr(`\r\u001b[K${event.phase.padEnd(10)} ${bar}${count}${searchFigures(event)} (${seconds(now - startMs)} elapsed${eta})`);
    },
    pause: () => {
      if (shown) io.stderr('\r\u001b[K');
    },
    clear: () => {
      if (shown) io.stderr('\r\u001b[K');
      shown = false;
    },
  };
}

/**
 * While solving: the search's sets solved of its budget, the orders priced again against the
 * plan, and its cost, the bound so far — the
 * share ascent's round until orders are bounded, then the orders covered — and the gap (the
 * figures the plan will state).
 */
export function searchFigures(
  event: Pick<
    PlanProgress,
    'neighbourhoodsSolved' | 'neighbourhoodsBudget' | 'searchCostMinor' | 'ordersRepriced' | 'ordersToReprice' | 'boundRound' | 'boundRounds' | 'parcelsRaising' | 'boundMinor' | 'ordersBounded' | 'ordersToBound'
  >,
): string {
  const cost = event.searchCostMinor;
  const bound = event.ordersBounded === undefined ? undefined : event.boundMinor;
  const parts: string[] = [];
  if (event.neighbourhoodsSolved !== undefined) {
    parts.push(`${event.neighbourhoodsSolved}${event.neighbourhoodsBudget === undefined ? '' : `/${event.neighbourhoodsBudget}`} neighbourhoods`);
  }
  if (event.ordersRepriced !== undefined) parts.push(`${event.ordersRepriced}/${event.ordersToReprice ?? '?'} orders repriced`);
  if (cost !== undefined) parts.push(`cost ${formatMinor(cost, { grouping: true })}`);
  if (bound === undefined && event.boundRound !== undefined) {
    const raising = event.parcelsRaising === undefined ? '' : `, ${event.parcelsRaising} parcel${event.parcelsRaising === 1 ? '' : 's'} raising`;
    parts.push(`bound round ${event.boundRound}/${event.boundRounds ?? '?'}${raising}`);
  }
  if (bound !== undefined) {
    const of = event.ordersBounded === event.ordersToBound ? '' : ` (${event.ordersBounded}/${event.ordersToBound ?? '?'} orders)`;
    parts.push(`bound ${formatMinor(bound, { grouping: true })}${of}`);
    if (cost !== undefined && cost > 0) parts.push(`gap ${((100 * Math.max(0, cost - bound)) / cost).toFixed(1)} %`);
  }
  return parts.length === 0 ? '' : `, ${parts.join(', ')}`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** --workers: a whole number ≥ 0 (0 plans in this thread); default: one per core. */
export function workerCount(value: string | undefined): number {
  if (value === undefined) return availableParallelism();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 64) throw new UsageError(`--workers: expected a whole number from 0 to 64, found "${value}"`);
  return n;
}
