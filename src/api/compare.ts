// The library side of what-if comparisons: applies each scenario to the base network and stock,
// plans the same batch on the base and on every scenario with `createPlanner` (so each plan is
// verified like any other), and lays the plans side by side (src/scenario/compare.ts).
import { InputError, UsageError } from '../domain/errors.js';
import type { Network } from '../domain/network.js';
import type { Order, StockRecord } from '../domain/orders.js';
import type { SolverName } from '../engine/plan-batch.js';
import { applyScenario } from '../scenario/apply.js';
import { type ComparedPlan, type Comparison, comparePlans } from '../scenario/compare.js';
import type { Scenario } from '../scenario/schema.js';
import { checkNetworkValue, checkStockValue } from './check-inputs.js';
import { createPlanner } from './planner.js';

export interface ScenarioInput {
  scenario: Scenario;
  /** Where it came from, for located errors (a file path, or "scenarios[1]" in a request). */
  file: string;
}

export interface CompareOptions {
  network: Network;
  stock: readonly StockRecord[];
  orders: readonly Order[];
  scenarios: readonly ScenarioInput[];
  /** @default 'highs' */
  solver?: SolverName;
  /** Worker threads per plan (0: the calling thread). @default os.availableParallelism() */
  workers?: number;
  signal?: AbortSignal;
}

/** The name of the base network's column. */
export const BASE_COLUMN = 'base';

export async function compareScenarios(options: CompareOptions): Promise<Comparison> {
  if (options.scenarios.length === 0) throw new UsageError('compare: at least one scenario to compare with the base');
  const network = checkNetworkValue(options.network);
  const stock = checkStockValue(options.stock, network);
  const names = new Set([BASE_COLUMN]);
  for (const { scenario, file } of options.scenarios) {
    if (names.has(scenario.name)) {
      throw new InputError([{ file, where: 'name', field: 'name', expected: `a name no other column has (taken: ${[...names].join(', ')})`, found: JSON.stringify(scenario.name), severity: 'error' }]);
    }
    names.add(scenario.name);
  }
  // Every scenario is applied before anything is planned: a bad edit costs no planning time.
  const inputs = [
    { name: BASE_COLUMN, network, stock },
    ...options.scenarios.map(({ scenario, file }) => ({ name: scenario.name, ...applyScenario({ network, stock: [...stock] }, scenario, file) })),
  ];
  const plans: ComparedPlan[] = [];
  for (const input of inputs) {
    const planner = createPlanner({
      network: input.network,
      stock: input.stock,
      ...(options.solver === undefined ? {} : { solver: options.solver }),
      ...(options.workers === undefined ? {} : { workers: options.workers }),
    });
    try {
      plans.push({ name: input.name, plan: await planner.plan(options.orders, options.signal === undefined ? {} : { signal: options.signal }) });
    } finally {
      await planner.close();
    }
  }
  return comparePlans(plans, options.orders);
}
