// Inputs of the library API tests: the bundled default network and a small seeded batch.
import type { Network } from '../../src/domain/network.js';
import type { Order, StockRecord } from '../../src/domain/orders.js';
import { loadDefaultNetwork } from '../../src/api/bundled.js';
import { generateBatch } from '../../src/generate/batch.js';

export interface ApiFixture {
  network: Network;
  orders: Order[];
  stock: StockRecord[];
}

export function apiFixture(orders: number, seed: number): ApiFixture {
  const network = loadDefaultNetwork();
  const batch = generateBatch(network, { orders, seed, profile: 'normal' });
  return { network, orders: batch.orders, stock: batch.stock };
}
