// `xbroute validate`: reads the network, orders and stock files and reports every problem,
// each located by file, line or JSON path, and field. Nothing is planned or written.
import { EXIT, type InputProblem, formatProblem } from '../../domain/errors.js';
import { type InputPaths, type InputReport, inspectInputs } from '../../io/load.js';
import { type CliIo, MAX_PROBLEMS_SHOWN } from '../context.js';
import { DEFAULT_NETWORK, DEFAULT_ORDERS, DEFAULT_STOCK } from '../paths.js';
import type { RegisterCommand } from './index.js';

interface ValidateOptions {
  network?: string;
  orders?: string;
  stock?: string;
  json?: boolean;
}

const EXAMPLES = `
Examples:
  $ xbroute validate
      checks the bundled network, orders and stock (data/network.json, orders-s.csv, stock-s.csv)
  $ xbroute validate --orders out/orders.csv --stock out/stock.csv
      checks a generated batch against the bundled network
  $ xbroute validate --network my-network.json --json
      checks only a network; prints { ok, errors, warnings } as JSON

With no file option all three bundled files are checked. With any file option, only the
files given are checked, against --network (default: the bundled network).
Problems read "error: <file>: <line N or JSON path>: <field>: expected …, found …".
Exit codes: 0 valid (warnings may be listed on stderr), 2 invalid input.`;

export const register: RegisterCommand = (program, io, state) => {
  program
    .command('validate')
    .description('Checks the network, orders and stock files and lists every problem, located by file, row or path, and field.')
    .option('--network <file>', 'network JSON (default: the bundled data/network.json)')
    .option('--orders <file>', 'orders CSV or JSON (default: the bundled data/orders-s.csv when no file option is given)')
    .option('--stock <file>', 'stock CSV or JSON (default: the bundled data/stock-s.csv when no file option is given)')
    .option('--json', 'print { ok, errors, warnings } as JSON on stdout instead of text')
    .addHelpText('after', EXAMPLES)
    .action((options: ValidateOptions) => {
      const paths = inputPaths(options);
      const report = inspectInputs(paths);
      state.exitCode = report.errors.length === 0 ? EXIT.ok : EXIT.invalidInput;
      if (options.json === true) printJson(paths, report, io);
      else printText(report, io);
    });
};

/** No file option: all bundled files. Any file option: just the files given, with a network to check them against. */
export function inputPaths(options: ValidateOptions): InputPaths {
  if (options.network === undefined && options.orders === undefined && options.stock === undefined) {
    return { network: DEFAULT_NETWORK, orders: DEFAULT_ORDERS, stock: DEFAULT_STOCK };
  }
  return { network: options.network ?? DEFAULT_NETWORK, orders: options.orders, stock: options.stock };
}

function printText(report: InputReport, io: CliIo): void {
  for (const w of report.warnings) io.stderr(`warning: ${formatProblem(w)}\n`);
  if (report.inputs === undefined) {
    for (const e of report.errors.slice(0, MAX_PROBLEMS_SHOWN)) io.stderr(`error: ${formatProblem(e)}\n`);
    if (report.errors.length > MAX_PROBLEMS_SHOWN) io.stderr(`… and ${report.errors.length - MAX_PROBLEMS_SHOWN} more\n`);
    return;
  }
  io.stdout(`${okLine(report.inputs)}\n`);
}

/** `OK: network <name> (N nodes, M lanes), K orders, S stock records` — the parts for the files checked. */
function okLine(inputs: NonNullable<InputReport['inputs']>): string {
  const parts = [`network ${inputs.network.name} (${inputs.network.nodes.length} nodes, ${inputs.network.lanes.length} lanes)`];
  if (inputs.orders !== undefined) parts.push(`${inputs.orders.length} orders`);
  if (inputs.stock !== undefined) parts.push(`${inputs.stock.length} stock records`);
  return `OK: ${parts.join(', ')}`;
}

function printJson(paths: InputPaths, report: InputReport, io: CliIo): void {
  const strip = (p: InputProblem): Omit<InputProblem, 'severity'> => ({
    file: p.file, where: p.where, field: p.field, expected: p.expected, found: p.found,
  });
  const inputs = report.inputs;
  const out = {
    ok: report.errors.length === 0,
    files: { network: paths.network, orders: paths.orders ?? null, stock: paths.stock ?? null },
    counts:
      inputs === undefined
        ? null
        : {
            nodes: inputs.network.nodes.length,
            lanes: inputs.network.lanes.length,
            orders: inputs.orders?.length ?? null,
            stock: inputs.stock?.length ?? null,
          },
    errors: report.errors.map(strip),
    warnings: report.warnings.map(strip),
  };
  io.stdout(`${JSON.stringify(out, null, 2)}\n`);
}
