// `xbroute plan`: loads and checks the inputs, plans the batch (every plan is verified before
// it leaves the engine), writes the requested outputs all-or-nothing, and prints a summary.
// This is the edge: it reads the clock (time limit, elapsed time) and touches the file system.
import { accessSync, constants, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Option } from 'commander';
import { UsageError, formatProblem } from '../../domain/errors.js';
import { type NetworkIndex, indexNetwork } from '../../domain/network-index.js';
import type { Plan } from '../../domain/plan.js';
import { availableParallelism } from 'node:os';
import { createPlanner, type PlanProgress } from '../../api/planner.js';
import { DEFAULT_SOLVER, SOLVERS, type SolverName } from '../../engine/plan-batch.js';
import { type FileToWrite, writeFilesAtomic } from '../../io/atomic-write.js';
import { loadInputs } from '../../io/load.js';
import { formatSummary, planSummary, planToCsv, planToGeoJson, type PlanSummary } from '../../output/index.js';
import type { CliIo } from '../context.js';
import { DEFAULT_NETWORK, DEFAULT_ORDERS, DEFAULT_STOCK } from '../paths.js';
import type { RegisterCommand } from './index.js';

interface PlanOptions {
  network?: string;
  orders?: string;
  stock?: string;
  solver: SolverName;
  out?: string;
  csv?: string;
  geojson?: string;
  json?: boolean;
  quiet?: boolean;
  timeLimit?: string;
  workers?: string;
}

/** The output files asked for, by the option that named them. */
interface OutputPaths {
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

Solvers: highs (default), lp-solver (the optimiser with that exact backend), heuristic (the
optimiser without an exact solver), baseline (no consolidation). Every plan is checked by the
independent verifier before anything is written; all outputs are written or none is.
Exit codes: 0 planned (unplanned orders are answers, not errors), 1 bad usage or an output
path that cannot be written, 2 invalid input, 3 internal error (e.g. a plan the verifier rejected).`;

export const register: RegisterCommand = (program, io, state) => {
  program
    .command('plan')
    .description('Plans a batch of orders at the lowest cost within their SLAs, verifies the plan, and writes it as JSON, CSV and GeoJSON.')
    .option('--network <file>', 'network JSON (default: the bundled data/network.json)')
    .option('--orders <file>', 'orders CSV or JSON (default: the bundled data/orders-s.csv)')
    .option('--stock <file>', 'stock CSV or JSON (default: the bundled data/stock-s.csv)')
    .addOption(new Option('--solver <name>', 'how to plan').choices(SOLVERS).default(DEFAULT_SOLVER))
    .option('--out <file>', 'write the plan JSON here')
    .option('--csv <file>', 'write the plan as CSV here, one row per parcel leg')
    .option('--geojson <file>', 'write the routes and nodes as GeoJSON here')
    .option('--json', 'print the summary as one JSON document instead of text (input warnings go into it)')
    .option('--quiet', 'print no warnings on stderr')
    .option('--time-limit <seconds>', 'stop the search after this long and keep the best verified plan so far')
    .option('--workers <n>', 'worker threads solving partitions (0: none, plan in this thread; default: one per core)')
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
  checkOutputPaths(outputs);

  const inputs = loadInputs({
    network: options.network ?? DEFAULT_NETWORK,
    orders: options.orders ?? DEFAULT_ORDERS,
    stock: options.stock ?? DEFAULT_STOCK,
  });
  const orders = inputs.orders ?? [];
  const stock = inputs.stock ?? [];
  const talk = options.json !== true && options.quiet !== true;
  if (talk) for (const w of inputs.warnings) io.stderr(`warning: ${formatProblem(w)}\n`);

  const index = indexNetwork(inputs.network);
  const progress = talk && io.isTty ? progressBar(io) : null;
  const planner = createPlanner({ network: inputs.network, stock, solver: options.solver, workers: workerCount(options.workers) });
  let plan: Plan;
  try {
    plan = await planner.plan(orders, {
      ...(timeLimitSeconds === null ? {} : { timeLimitMs: timeLimitSeconds * 1000 }),
      ...(progress === null ? {} : { onProgress: progress.update }),
    });
  } finally {
    progress?.clear();
    await planner.close();
  }
  // Load → verified plan: the figure the design's wall-time targets are stated in.
  const elapsedMs = Math.round(performance.now() - startMs);

  await writeOutputs(outputs, renderOutputs(outputs, plan, index));

  const summary = planSummary(plan, { elapsedMs });
  if (options.json === true) {
    const json: PlanJsonSummary = { ...summary, outputs, inputWarnings: inputs.warnings.map(formatProblem) };
    io.stdout(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    if (talk) for (const w of plan.warnings) io.stderr(`warning: ${w}\n`);
    io.stdout(formatSummary(summary));
  }
  return 0;
}

/** The plan as JSON (2-space, trailing newline: the golden-file form), CSV and GeoJSON. */
export function renderOutputs(outputs: OutputPaths, plan: Plan, index: NetworkIndex): FileToWrite[] {
  const files: FileToWrite[] = [];
  if (outputs.plan !== null) files.push({ path: outputs.plan, content: planJsonText(plan) });
  if (outputs.csv !== null) files.push({ path: outputs.csv, content: planToCsv(plan) });
  if (outputs.geojson !== null) files.push({ path: outputs.geojson, content: `${JSON.stringify(planToGeoJson(plan, index))}\n` });
  return files;
}

/** The plan file's exact text. */
export function planJsonText(plan: Plan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}

const OPTION_OF: Record<keyof OutputPaths, string> = { plan: '--out', csv: '--csv', geojson: '--geojson' };

/**
 * Fails before any planning when an output cannot be written where asked: two options naming
 * one file, or a parent that is not an existing, writable directory. (Anything else surfaces,
 * cleanly, when the files are written.)
 */
function checkOutputPaths(outputs: OutputPaths): void {
  const seen = new Map<string, string>();
  for (const [key, path] of Object.entries(outputs) as [keyof OutputPaths, string | null][]) {
    if (path === null) continue;
    const option = OPTION_OF[key];
    const target = resolve(path);
    const other = seen.get(target);
    if (other !== undefined) throw new UsageError(`${other} and ${option} name the same file "${path}"`);
    seen.set(target, option);
    const dir = dirname(target);
    let isDirectory = false;
    try {
      isDirectory = statSync(dir).isDirectory();
    } catch {
      // Missing: reported below like a non-directory.
    }
    if (!isDirectory) throw new UsageError(`${option}: cannot write "${path}": directory "${dir}" does not exist`);
    try {
      accessSync(dir, constants.W_OK);
    } catch {
      throw new UsageError(`${option}: cannot write "${path}": directory "${dir}" is not writable`);
    }
  }
}

/** File-system failures that are about the path the user gave (reported as usage errors), in words. */
const PATH_ERRORS: Record<string, string> = {
  ENOENT: 'its directory does not exist',
  ENOTDIR: 'a part of the path is not a directory',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENAMETOOLONG: 'the name is too long',
};

/** One all-or-nothing write; a path problem becomes a usage error saying nothing was written. */
async function writeOutputs(outputs: OutputPaths, files: readonly FileToWrite[]): Promise<void> {
  if (files.length === 0) return;
  try {
    await writeFilesAtomic(files);
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { dest?: string };
    const why = e.code === undefined ? undefined : PATH_ERRORS[e.code];
    if (why === undefined) throw error;
    // A failed rename names the target as `dest`, a failed temp write names the temp (.<name>.<tag>.tmp).
    const failed = resolve(e.dest ?? e.path ?? '');
    const culprit = (Object.entries(outputs) as [keyof OutputPaths, string | null][]).find(
      ([, path]) => path !== null && (resolve(path) === failed || isTempOf(failed, resolve(path))),
    );
    const where = culprit === undefined ? `cannot write "${failed}": ` : `${OPTION_OF[culprit[0]]}: cannot write "${culprit[1]}": `;
    throw new UsageError(`${where}${why} (${e.code}); no output file was written`);
  }
}

/** Whether `file` is a temp file writeFilesAtomic made for `target` (`.<name>.<tag>.tmp` beside it). */
function isTempOf(file: string, target: string): boolean {
  const name = basename(file);
  return dirname(file) === dirname(target) && name.startsWith(`.${basename(target)}.`) && name.endsWith('.tmp');
}

function positiveSeconds(value: string): number {
  const seconds = Number(value);
  if (value.trim() === '' || !Number.isFinite(seconds) || seconds <= 0) {
    throw new UsageError(`--time-limit: expected a number of seconds > 0, found "${value}"`);
  }
  return seconds;
}

/** A one-line progress bar on an interactive stderr: phase, and partitions while solving. */
function progressBar(io: CliIo): { update: (event: PlanProgress) => void; clear: () => void } {
  let shown = false;
  const width = 24;
  return {
    update: (event) => {
      shown = true;
      const total = event.partitionsTotal;
      const filled = total === 0 ? 0 : Math.round((width * event.partitionsDone) / total);
      const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
      const count = total === 0 ? '' : ` ${event.partitionsDone}/${total} partitions`;
      io.stderr(`\r\u001b[K${event.phase.padEnd(10)} ${bar}${count}`);
    },
    clear: () => {
      if (shown) io.stderr('\r\u001b[K');
    },
  };
}

/** --workers: a whole number ≥ 0 (0 plans in this thread); default: one per core. */
function workerCount(value: string | undefined): number {
  if (value === undefined) return availableParallelism();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 64) throw new UsageError(`--workers: expected a whole number from 0 to 64, found "${value}"`);
  return n;
}
