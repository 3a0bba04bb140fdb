// `xbroute explain`: why one order of a saved plan got its answer — route, times, cost, slack
// and shared consolidations, or the unplanned reason and what would make it plannable.
import { indexNetwork } from '../../domain/network-index.js';
import { loadNetwork, loadOrders } from '../../io/load.js';
import { loadPlan } from '../../io/plan.js';
import { explainOrder, explainOrderJson, type ExplainOptions } from '../../output/explain.js';
import { DEFAULT_NETWORK } from '../paths.js';
import type { RegisterCommand } from './index.js';

interface ExplainCliOptions {
  plan: string;
  network?: string;
  orders?: string;
  json?: boolean;
}

const EXAMPLES = `
Examples:
  $ xbroute explain --plan out/plan.json O0000042
      the order's parcels, legs with local times, cost breakdown, SLA slack and the
      consolidations it shares with other orders
  $ xbroute explain --plan out/plan.json --json O0000042
      the order's answer object from the plan with an "explanation" member
  $ xbroute explain --plan out/plan.json --orders data/orders-s.csv O0000178
      with the orders file, the order's value is shown too (O0000178 of the bundled
      batch is over the cross-border value limit)

Exit codes: 0 ok, 1 unknown order or bad usage, 2 unreadable or invalid plan/network file.`;

export const register: RegisterCommand = (program, io) => {
  program
    .command('explain')
    .description("Explains one order's answer in a saved plan: route, times, cost, slack, consolidations, or why it is unplanned.")
    .argument('<order-id>', 'the order to explain')
    .requiredOption('--plan <file>', 'plan JSON written by `xbroute plan`')
    .option('--network <file>', 'network JSON the plan was made on (default: the bundled data/network.json)')
    .option('--orders <file>', 'orders CSV/JSON the plan was made from (optional; adds order values)')
    .option('--json', 'print the order\'s answer object with its explanation as JSON')
    .addHelpText('after', EXAMPLES)
    .action((orderId: string, options: ExplainCliOptions) => {
      const plan = loadPlan(options.plan);
      const network = loadNetwork(options.network ?? DEFAULT_NETWORK);
      if (plan.network !== network.name) {
        io.stderr(`warning: the plan was made on network "${plan.network}", explaining with "${network.name}"\n`);
      }
      const index = indexNetwork(network);
      const explainOptions: ExplainOptions = {};
      if (options.orders !== undefined) {
        const order = loadOrders(options.orders).find((o) => o.id === orderId);
        if (order !== undefined) explainOptions.order = order;
      }
      if (options.json === true) {
        io.stdout(`${JSON.stringify(explainOrderJson(plan, index, orderId, explainOptions), null, 2)}\n`);
      } else {
        io.stdout(explainOrder(plan, index, orderId, explainOptions));
      }
    });
};

