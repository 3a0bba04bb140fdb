// `xbroute verify`: runs the independent verifier on a saved plan against the inputs it claims
// to answer, and lists every broken rule. A plan edited by hand, made by another tool or by an
// older version is checked exactly like one fresh from the engine.
import { EXIT } from '../../domain/errors.js';
import { indexNetwork } from '../../domain/network-index.js';
import { loadInputs } from '../../io/load.js';
import { loadPlan } from '../../io/plan.js';
import { formatMinor } from '../../output/money.js';
import { createTimeModel } from '../../time/index.js';
import { withClosures } from '../../time/closed-time-model.js';
import { closuresOf } from '../../domain/events.js';
import { loadEvents } from '../../io/events.js';
import { type Violation, verifyPlan } from '../../verify/index.js';
import { DEFAULT_NETWORK, DEFAULT_ORDERS, DEFAULT_STOCK } from '../paths.js';
import type { RegisterCommand } from './index.js';

interface VerifyOptions {
  plan: string;
  network?: string;
  orders?: string;
  stock?: string;
  event: string[];
  json?: boolean;
}

const EXAMPLES = `
Examples:
  $ xbroute verify --plan out/plan.json
      checks a plan of the bundled batch (data/network.json, orders-s.csv, stock-s.csv)
  $ xbroute verify --plan out/plan.json --network my-network.json --orders out/orders.csv --stock out/stock.csv
      checks a plan against the inputs it was made from
  $ xbroute verify --plan out/plan.json --json
      prints { ok, violations: [{ rule, order, parcel, …, message, expected, found }] }

Every rule (order coverage, stock, departures and cut-offs, deadlines, consolidations and ULDs,
capacities, every cost component, the totals and the lower bound) is recomputed from the inputs.
Violations read "violation: RULE: order O0000128, parcel …: message (expected …, found …)".
Exit codes: 0 valid, 1 bad usage, 2 invalid plan (violations, or a file that is not a plan)
or invalid input.`;

export const register: RegisterCommand = (program, io, state) => {
  program
    .command('verify')
    .description('Checks a saved plan against its inputs with the independent verifier and lists every violation.')
    .requiredOption('--plan <file>', 'plan JSON to check (written by `xbroute plan --out`)')
    .option('--network <file>', 'network JSON the plan was made on (default: the bundled data/network.json)')
    .option('--orders <file>', 'orders CSV/JSON the plan answers (default: the bundled data/orders-s.csv)')
    .option('--stock <file>', 'stock CSV/JSON the plan draws on (default: the bundled data/stock-s.csv)')
    .option('--event <file>', 'disruption events (xbroute.events/v1) the plan was made around: closures the verifier honours; repeatable', (v: string, all: string[]) => [...all, v], [])
    .option('--json', 'print { ok, violations, … } as JSON on stdout')
    .addHelpText('after', EXAMPLES)
    .action((options: VerifyOptions) => {
      const plan = loadPlan(options.plan);
      const inputs = loadInputs({
        network: options.network ?? DEFAULT_NETWORK,
        orders: options.orders ?? DEFAULT_ORDERS,
        stock: options.stock ?? DEFAULT_STOCK,
      });
      if (plan.network !== inputs.network.name) {
        io.stderr(`warning: the plan was made on network "${plan.network}", verifying against "${inputs.network.name}"\n`);
      }
      const index = indexNetwork(inputs.network);
      const model = withClosures(createTimeModel(index), closuresOf(options.event.flatMap((path) => loadEvents(path, index))));
      const verdict = verifyPlan({ model, orders: inputs.orders ?? [], stock: inputs.stock ?? [] }, plan);
      state.exitCode = verdict.ok ? EXIT.ok : EXIT.invalidInput;
      const currency = inputs.network.currency;
      if (options.json === true) {
        const out = {
          ok: verdict.ok,
          plan: options.plan,
          orders: plan.orders.length,
          currency,
          totalCostMinor: plan.totals.cost.total,
          recomputedCostMinor: verdict.recomputedCostMinor,
          violations: verdict.violations,
        };
        io.stdout(`${JSON.stringify(out, null, 2)}\n`);
        return;
      }
      if (verdict.ok) {
        io.stdout(`OK: plan valid (${plan.orders.length} orders, cost ${formatMinor(plan.totals.cost.total, { grouping: true })} ${currency})\n`);
        return;
      }
      for (const v of verdict.violations) io.stderr(`violation: ${formatViolation(v)}\n`);
      const n = verdict.violations.length;
      io.stderr(`error: ${options.plan}: the plan is invalid (${n} violation${n === 1 ? '' : 's'})\n`);
    });
};

/** Where a violation is, by the ids it names, in a fixed order. */
const LOCATION_KEYS = ['order', 'parcel', 'consolidation', 'departure', 'node', 'sku'] as const;

/**
 * `RULE: order O-1, parcel P-1: message (expected …, found …)` — the parts the violation has.
 * The verifier's messages often start with their subject ("parcel P-1: …"); when that subject
 * is already in the location it is not said twice.
 */
export function formatViolation(v: Violation): string {
  const parts = LOCATION_KEYS.flatMap((key) => (v[key] === undefined ? [] : [`${key} ${v[key]}`]));
  const repeated = parts.find((part) => v.message.startsWith(`${part}: `));
  const message = repeated === undefined ? v.message : v.message.slice(repeated.length + 2);
  const figures = [
    ...(v.expected === undefined ? [] : [`expected ${v.expected}`]),
    ...(v.found === undefined ? [] : [`found ${v.found}`]),
  ].join(', ');
  return `${v.rule}: ${parts.length === 0 ? '' : `${parts.join(', ')}: `}${message}${figures === '' ? '' : ` (${figures})`}`;
}
