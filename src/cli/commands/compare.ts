// `xbroute compare`: plans one batch on a base network and on each what-if scenario of it
// (edits to the network or stock, src/scenario), every plan verified, and prints the figures
// side by side; `--csv` writes the same table for spreadsheets, `--json` prints it as data.
import { Option } from 'commander';
import { compareScenarios, type ScenarioInput } from '../../api/compare.js';
import { InputError, type InputProblem, UsageError, formatProblem } from '../../domain/errors.js';
import { DEFAULT_SOLVER, SOLVERS, type SolverName } from '../../engine/plan-batch.js';
import { loadInputs, readInputFile } from '../../io/load.js';
import { readScenarioText } from '../../io/scenario.js';
import { comparisonToCsv, formatComparison } from '../../scenario/compare.js';
import type { CliIo } from '../context.js';
import { checkOutputPaths, usesStdout, writeOutputs } from '../outputs.js';
import { DEFAULT_NETWORK, DEFAULT_ORDERS, DEFAULT_STOCK } from '../paths.js';
import type { RegisterCommand } from './index.js';
import { workerCount } from './plan.js';

interface CompareOptions {
  scenario: string[];
  orders?: string;
  stock?: string;
  csv?: string;
  json?: boolean;
  quiet?: boolean;
  solver: SolverName;
  workers?: string;
}

const EXAMPLES = `
Examples:
  $ xbroute compare --scenario data/scenarios/pvg-typhoon.json
      the bundled batch on the bundled network, and with the Shanghai Pudong port closed for a week
  $ xbroute compare data/examples/tiny/network.json --orders data/examples/tiny/orders.csv --stock data/examples/tiny/stock.csv --scenario data/scenarios/tiny-mu-cancelled.json --scenario data/scenarios/tiny-lh-daily.json
      the documented tiny example with a cancelled flight, and with more flights from Frankfurt
  $ xbroute compare my-network.json --scenario a.json --orders out/orders.csv --stock out/stock.csv --csv out/compare.csv
      a generated batch on another base network; the table also written as CSV

A scenario file ("schema": "xbroute.scenario/v1", JSON Schema in data/schema/scenario.schema.json)
lists edits applied in order: close_lane, close_node (over dates), add_lane, add_departure,
scale_rates, set_port_capacity, set_allotment, move_stock. A bad edit is reported with the
file, the edit (edits[2]) and its field, and nothing is planned. Every plan is verified.
Exit codes: 0 compared, 1 bad usage, 2 invalid input (a scenario included), 3 internal error.`;

const collect = (value: string, previous: string[]): string[] => [...previous, value];

export const register: RegisterCommand = (program, io, state) => {
  program
    .command('compare')
    .description('Plans one batch on a base network and on what-if scenarios of it, and prints the figures side by side (and as CSV).')
    .argument('[network]', 'base network JSON ("default" or nothing: the bundled data/network.json)')
    .option('--scenario <file>', 'a scenario JSON file (repeat for more columns)', collect, [])
    .option('--orders <file>', 'orders CSV or JSON (default: the bundled data/orders-s.csv)')
    .option('--stock <file>', 'stock CSV or JSON of the base (default: the bundled data/stock-s.csv)')
    .option('--csv <file>', 'write the table as CSV here (- for stdout)')
    .option('--json', 'print the comparison as JSON ({ currency, columns, rows: [{ metric, label, unit, values }] })')
    .option('--quiet', 'print no warnings on stderr')
    .addOption(new Option('--solver <name>', 'how to plan each column').choices(SOLVERS).default(DEFAULT_SOLVER))
    .option('--workers <n>', 'worker threads per plan (0: none; default: one per core)')
    .addHelpText('after', EXAMPLES)
    .action(async (network: string | undefined, options: CompareOptions) => {
      state.exitCode = await compareCommand(network, options, io);
    });
};

async function compareCommand(networkArg: string | undefined, options: CompareOptions, io: CliIo): Promise<number> {
  if (options.scenario.length === 0) throw new UsageError('compare: give at least one --scenario file');
  const workers = workerCount(options.workers);
  const csv = options.csv ?? null;
  checkOutputPaths([{ option: '--csv', path: csv }]);
  const say = usesStdout([csv]) ? io.stderr : io.stdout;

  const scenarios = loadScenarios(options.scenario);
  const inputs = loadInputs({
    network: networkArg === undefined || networkArg === 'default' ? DEFAULT_NETWORK : networkArg,
    orders: options.orders ?? DEFAULT_ORDERS,
    stock: options.stock ?? DEFAULT_STOCK,
  });
  if (options.quiet !== true && options.json !== true) for (const w of inputs.warnings) io.stderr(`warning: ${formatProblem(w)}\n`);
  const comparison = await compareScenarios({
    network: inputs.network,
    stock: inputs.stock ?? [],
    orders: inputs.orders ?? [],
    scenarios,
    solver: options.solver,
    workers,
  });
  if (csv !== null) await writeOutputs([{ option: '--csv', path: csv, content: comparisonToCsv(comparison) }], io.stdout);
  say(options.json === true ? `${JSON.stringify(comparison, null, 2)}\n` : formatComparison(comparison));
  return 0;
}

/** Every scenario file read and checked; one InputError with the problems of all of them. */
function loadScenarios(paths: readonly string[]): ScenarioInput[] {
  const problems: InputProblem[] = [];
  const scenarios: ScenarioInput[] = [];
  for (const path of paths) {
    const read = readInputFile(path);
    if ('problem' in read) {
      problems.push(read.problem);
      continue;
    }
    const parsed = readScenarioText(read.text, path);
    problems.push(...parsed.problems);
    if (parsed.value !== undefined) scenarios.push({ scenario: parsed.value, file: path });
  }
  if (problems.some((p) => p.severity === 'error')) throw new InputError(problems);
  return scenarios;
}
