// Inputs for the scenario tests: the documented tiny example (data/examples/tiny) checked as the
// planner checks it, and a scenario document around a list of edits.
import { readFileSync } from 'node:fs';
import { checkNetworkValue, checkStockValue } from '../../src/api/check-inputs.js';
import type { Network } from '../../src/domain/network.js';
import type { StockRecord } from '../../src/domain/orders.js';
import { loadStock } from '../../src/io/load.js';
import { SCENARIO_SCHEMA, type Scenario, type ScenarioEdit } from '../../src/scenario/schema.js';

const root = new URL('../../', import.meta.url);
export const TINY_EXAMPLE = {
  network: new URL('data/examples/tiny/network.json', root).pathname,
  orders: new URL('data/examples/tiny/orders.csv', root).pathname,
  stock: new URL('data/examples/tiny/stock.csv', root).pathname,
};

export function tinyExample(): { network: Network; stock: StockRecord[] } {
  const network = checkNetworkValue(JSON.parse(readFileSync(TINY_EXAMPLE.network, 'utf8')));
  return { network, stock: checkStockValue(loadStock(TINY_EXAMPLE.stock), network) };
}

export function scenarioOf(edits: ScenarioEdit[], name = 'what-if'): Scenario {
  return { schema: SCENARIO_SCHEMA, name, edits };
}
