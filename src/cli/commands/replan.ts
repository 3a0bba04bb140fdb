// `xbroute replan`: plans again around what is booked. Reads the previous plan, the orders it
// answered (and any new ones), the stock, and disruption events; keeps the booked consolidations
// and their parcels exactly; plans the rest around them; verifies (booked parts included);
// writes the plan (with `replan`: churn, missed promises) all-or-nothing and prints the account.
import { Option } from 'commander';
import { createPlanner } from '../../api/planner.js';
import type { Booking } from '../../domain/bookings.js';
import { InputError, UsageError, formatProblem } from '../../domain/errors.js';
import type { Disruption } from '../../domain/events.js';
import { indexNetwork } from '../../domain/network-index.js';
import type { Order } from '../../domain/orders.js';
import { DEFAULT_SOLVER, SOLVERS } from '../../engine/plan-batch.js';
import { loadEvents } from '../../io/events.js';
import { loadInputs, loadOrders } from '../../io/load.js';
import { loadPlan } from '../../io/plan.js';
import { formatReplanSummary, formatSummary, planSummary } from '../../output/index.js';
import { parseInstant } from '../../time/index.js';
import type { CliIo } from '../context.js';
import { checkOutputPaths, usesStdout, writeOutputs } from '../outputs.js';
import { DEFAULT_NETWORK, DEFAULT_ORDERS, DEFAULT_STOCK } from '../paths.js';
import { type PlanningFlags, TIME_LIMIT_HELP, plannerLimitMs, positiveSeconds, renderOutputs, workerCount } from './plan.js';
import type { RegisterCommand } from './index.js';

interface ReplanOptions extends PlanningFlags {
  plan: string;
  previousOrders?: string;
  orders?: string;
  bookedBefore?: string;
  booked?: string;
  event: string[];
  timeLimit?: string;
}

const EXAMPLES = `
Examples:
  $ xbroute replan --plan out/wave1.json --orders out/wave2.csv --out out/plan.json
      every consolidation of wave 1 is booked: kept with its parcels exactly; wave 2 (and any
      order wave 1 left unplanned) is planned around it, joining booked departures where that
      costs less (only the extra freight: their fixed charges are paid already)
  $ xbroute replan --plan out/wave1.json --orders out/wave2.csv --booked-before 2026-11-23T18:00:00+08:00
      only consolidations departing before 18:00 are booked; the orders on later ones are
      planned again together with wave 2
  $ xbroute replan --plan out/plan.json --event events.json --out out/replanned.json
      re-plans around a cancelled flight, a closed lane or port, a capacity cut: only the
      parcels they reach move; the orders that now miss their promise are listed, with how late

Inputs: --previous-orders are the orders the previous plan answers (the batch it was planned
from), --orders new ones (optional); --stock is the stock the whole re-plan draws on, the kept
parcels' units included (the stock the previous plan was made with, plus what arrived since).
Events: a JSON file "xbroute.events/v1" (data/schema/events.schema.json), e.g.
  { "schema": "xbroute.events/v1", "events": [
      { "kind": "departure_cancelled", "lane": "AIR:LAX-PVG:MU", "date": "2026-11-11" },
      { "kind": "lane_closed", "lane": "AIR:FRA-PVG:LH", "from": "2026-11-12", "to": "2026-11-15" },
      { "kind": "port_closed", "port": "CP-PVG", "date": "2026-11-13" },
      { "kind": "port_capacity", "port": "CP-PVG", "date": "2026-11-14", "dailyParcelCapacity": 800 } ] }
Dates are local dates at the lane's origin or at the port.
The plan JSON carries "replan": booked, kept, disrupted, affectedParcels, churn (parcelsMoved,
consolidationsOpened, consolidationsDropped, bookedFilled) and missedPromises.
Exit codes: 0 planned, 1 bad usage, 2 invalid input, 3 internal error.`;

export const register: RegisterCommand = (program, io, state) => {
  program
    .command('replan')
    .description('Plans again around a previous plan: keeps its booked consolidations exactly, adds new orders, re-plans around disruptions, and reports churn and missed promises.')
    .requiredOption('--plan <file>', 'the previous plan JSON (written by `xbroute plan --out` or `replan --out`)')
    .option('--network <file>', 'network JSON (default: the bundled data/network.json)')
    .option('--previous-orders <file>', 'orders CSV/JSON the previous plan answers (default: the bundled data/orders-s.csv)')
    .option('--orders <file>', 'new orders CSV/JSON to plan around the booked ones')
    .option('--stock <file>', 'stock CSV/JSON the whole re-plan draws on, kept parcels included (default: the bundled data/stock-s.csv)')
    .option('--booked-before <instant>', 'only consolidations departing before this instant (ISO 8601 with offset) are booked')
    .option('--booked <ids>', 'these consolidation ids (comma-separated) are booked (with --booked-before: either)')
    .option('--event <file>', 'disruption events JSON (xbroute.events/v1); repeatable', collect, [])
    .addOption(new Option('--solver <name>', 'how to plan').choices(SOLVERS).default(DEFAULT_SOLVER))
    .option('--out <file>', 'write the plan JSON here (- for stdout)')
    .option('--csv <file>', 'write the plan as CSV here, one row per parcel leg (- for stdout)')
    .option('--geojson <file>', 'write the routes and nodes as GeoJSON here (- for stdout)')
    .option('--json', 'print the summary (with the re-plan account) as one JSON document')
    .option('--quiet', 'print no warnings on stderr')
    .option('--time-limit <seconds>', `${TIME_LIMIT_HELP} (booked parcels are kept whatever the limit)`)
    .option('--workers <n>', 'worker threads solving partitions (0: none; default: one per core)')
    .addHelpText('after', EXAMPLES)
    .action(async (options: ReplanOptions) => {
      state.exitCode = await replanCommand(options, io);
    });
};

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

async function replanCommand(options: ReplanOptions, io: CliIo): Promise<number> {
  const startMs = performance.now();
  const booking = bookingOf(options);
  const timeLimitSeconds = options.timeLimit === undefined ? null : positiveSeconds(options.timeLimit);
  const outputs = { plan: options.out ?? null, csv: options.csv ?? null, geojson: options.geojson ?? null };
  checkOutputPaths([
    { option: '--out', path: outputs.plan },
    { option: '--csv', path: outputs.csv },
    { option: '--geojson', path: outputs.geojson },
  ]);
  const say = usesStdout(Object.values(outputs)) ? io.stderr : io.stdout;
  const talk = options.json !== true && options.quiet !== true;

  const previous = loadPlan(options.plan);
  const previousOrdersPath = options.previousOrders ?? DEFAULT_ORDERS;
  const inputs = loadInputs({ network: options.network ?? DEFAULT_NETWORK, orders: previousOrdersPath, stock: options.stock ?? DEFAULT_STOCK });
  const index = indexNetwork(inputs.network);
  const events: Disruption[] = options.event.flatMap((path) => loadEvents(path, index));
  const orders: Order[] = [...(inputs.orders ?? [])];
  // A loop, not push(...): a spread of an input-sized array can overflow the call stack.
  if (options.orders !== undefined) for (const o of newOrders(orders, loadOrders(options.orders), options.orders, previousOrdersPath)) orders.push(o);
  if (talk) for (const w of inputs.warnings) io.stderr(`warning: ${formatProblem(w)}\n`);

  const planner = createPlanner({ network: inputs.network, stock: inputs.stock ?? [], solver: options.solver, workers: workerCount(options.workers) });
  let plan;
  try {
    const timeLimitMs = plannerLimitMs(timeLimitSeconds, startMs, orders.length, outputs);
    plan = await planner.replan({ previous, orders, booking, events }, timeLimitMs === null ? {} : { timeLimitMs });
  } finally {
    await planner.close();
  }
  const written = await writeOutputs(renderOutputs(outputs, plan, index), io.stdout);
  const summary = planSummary(plan, { elapsedMs: Math.round(performance.now() - startMs) });
  if (options.json === true) {
    say(`${JSON.stringify({ ...summary, replan: plan.replan, outputs }, null, 2)}\n`);
  } else {
    if (talk) for (const w of plan.warnings) io.stderr(`warning: ${w}\n`);
    say(formatSummary(summary));
    if (plan.replan !== undefined) say(formatReplanSummary(plan.replan, plan.currency, plan.totals.cost.total));
    say(`${'written'.padEnd(20)}${written.length === 0 ? 'nothing (no --out, --csv or --geojson)' : written.join(', ')}\n`);
  }
  return 0;
}

function bookingOf(options: ReplanOptions): Booking {
  const booking: { beforeMs?: number; ids?: string[] } = {};
  if (options.bookedBefore !== undefined) {
    const ms = /[zZ]|[+-]\d\d:\d\d$/.test(options.bookedBefore) ? safeInstant(options.bookedBefore) : NaN;
    if (!Number.isFinite(ms)) throw new UsageError(`--booked-before: expected an instant with its offset (2026-11-23T18:00:00+08:00), found "${options.bookedBefore}"`);
    booking.beforeMs = ms;
  }
  if (options.booked !== undefined) {
    const ids = options.booked.split(',').map((s) => s.trim()).filter((s) => s !== '');
    if (ids.length === 0) throw new UsageError('--booked: expected consolidation ids separated by commas, found none');
    booking.ids = ids;
  }
  return booking;
}

function safeInstant(iso: string): number {
  try {
    return parseInstant(iso);
  } catch {
    return NaN;
  }
}

/** New orders may not reuse an id of the previous batch: which one is meant would be a guess. */
function newOrders(previous: readonly Order[], added: readonly Order[], file: string, previousFile: string): Order[] {
  const ids = new Set(previous.map((o) => o.id));
  const clashes = added.filter((o) => ids.has(o.id));
  if (clashes.length > 0) {
    throw new InputError(clashes.slice(0, 20).map((o) => ({
      file, where: `order ${o.id}`, field: 'order_id', expected: `an id not already in ${previousFile}`, found: `"${o.id}" (an order of the previous batch)`, severity: 'error' as const,
    })));
  }
  return [...added];
}
