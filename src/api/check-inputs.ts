// Checks of in-memory inputs handed to the library: the same schemas and semantic checks the
// file readers apply, located by JSON path under a label ("<network>", "<orders>", "<stock>").
// Each returns the parsed value or throws one InputError carrying every problem found.
import { checkOrdersAgainst, checkOrdersAlone, checkStockAgainst, checkStockAlone, jsonOrdersLocator, jsonStockLocator } from '../domain/check-batch.js';
import { checkNetwork } from '../domain/check-network.js';
import { Network } from '../domain/network.js';
import { Order, StockRecord } from '../domain/orders.js';
import { orderReferences } from '../io/orders.js';
import { ProblemList, addZodIssues, describeValue, jsonPlace, parseEach, throwIfErrors } from '../io/problems.js';

export const NETWORK_LABEL = '<network>';
export const ORDERS_LABEL = '<orders>';
export const STOCK_LABEL = '<stock>';

/** A parsed network object (e.g. JSON.parse of network.json), checked like the file would be. */
export function checkNetworkValue(value: unknown, file = NETWORK_LABEL): Network {
  const list = new ProblemList(file);
  const result = Network.safeParse(value);
  if (!result.success) {
    addZodIssues(list, result.error.issues, jsonPlace(value));
    throwIfErrors(list.all());
    throw new Error('internal: network schema failed without problems');
  }
  for (const p of checkNetwork(result.data, file)) list.push(p);
  // Warnings (such as an unreachable zone) do not stop planning.
  throwIfErrors(list.all());
  return result.data;
}

/** Stock records, checked on their own and against the network. */
export function checkStockValue(value: unknown, network: Network, file = STOCK_LABEL): StockRecord[] {
  const list = new ProblemList(file);
  const items = arrayOf(value, 'stock', 'an array of stock records', list);
  const place = jsonPlace({ stock: items });
  const parsed = parseEach(items, StockRecord, 'stock', list, place);
  const stock = parsed.values;
  const locator = jsonStockLocator(file, (i) => parsed.indexInFile[i] ?? i);
  for (const p of checkStockAlone(stock, locator)) list.push(p);
  for (const p of checkStockAgainst(network, stock, locator)) list.push(p);
  throwIfErrors(list.all());
  return stock;
}

/** Orders, checked on their own, against the network, and their SKUs against the stock. */
export function checkOrdersValue(value: unknown, network: Network, stock: readonly StockRecord[], file = ORDERS_LABEL): Order[] {
  const list = new ProblemList(file);
  const items = arrayOf(value, 'orders', 'an array of orders', list);
  const place = jsonPlace({ orders: items });
  const parsed = parseEach(items, Order, 'orders', list, place);
  const orders = parsed.values;
  const locator = jsonOrdersLocator(file, (i) => parsed.indexInFile[i] ?? i);
  for (const p of checkOrdersAlone(orders, locator)) list.push(p);
  for (const p of checkOrdersAgainst(network, orders, locator, stock)) list.push(p);
  // Orders that failed their schema: their other problems too (an unknown destination, …).
  const rejected = parsed.rejectedIndexes.map((i) => orderReferences(items[i]));
  const rejectedLocator = jsonOrdersLocator(file, (i) => parsed.rejectedIndexes[i] ?? i);
  for (const p of checkOrdersAgainst(network, rejected, rejectedLocator)) list.push(p);
  throwIfErrors(list.all());
  return orders;
}

function arrayOf(value: unknown, name: string, expected: string, list: ProblemList): readonly unknown[] {
  if (Array.isArray(value)) return value;
  list.add(name, name, expected, describeValue(value));
  throwIfErrors(list.all());
  return [];
}
