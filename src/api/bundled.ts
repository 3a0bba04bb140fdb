// The data shipped with the package: the default network (Chinese clearance ports, air lanes
// from the overseas bases) and the S sample batch, by path and loaded.
import { DEFAULT_NETWORK, DEFAULT_ORDERS, DEFAULT_STOCK } from '../cli/paths.js';
import type { Network } from '../domain/network.js';
import type { Order, StockRecord } from '../domain/orders.js';
import { loadNetwork, loadOrders, loadStock } from '../io/load.js';

/** data/network.json of the installed package. */
export const defaultNetworkPath: string = DEFAULT_NETWORK;
/** data/orders-s.csv: the S sample batch (1,000 orders). */
export const sampleOrdersPath: string = DEFAULT_ORDERS;
/** data/stock-s.csv: the stock of the S sample batch. */
export const sampleStockPath: string = DEFAULT_STOCK;

/** The bundled default network, checked. */
export function loadDefaultNetwork(): Network {
  return loadNetwork(defaultNetworkPath);
}

/** The bundled S sample batch: its orders and stock, each checked on its own. */
export function loadSampleBatch(): { orders: Order[]; stock: StockRecord[] } {
  return { orders: loadOrders(sampleOrdersPath), stock: loadStock(sampleStockPath) };
}
