// Shared inputs of the pool tests: a seeded batch on the default network, its partitions as
// the optimiser forms them, and their results solved on the test's own thread (the reference
// every pool answer must equal).
import { afterAll, beforeAll } from 'vitest';
import { DEFAULT_NETWORK } from '../../src/cli/paths.js';
import { type NetworkIndex, indexNetwork } from '../../src/domain/network-index.js';
import type { Network } from '../../src/domain/network.js';
import type { Order, StockRecord } from '../../src/domain/orders.js';
import { planBatch } from '../../src/engine/plan-batch.js';
import { generateBatch } from '../../src/generate/batch.js';
import { type ItineraryContext, createItineraryContext } from '../../src/graph/index.js';
import { loadNetwork } from '../../src/io/load.js';
import type { Partition } from '../../src/optimise/partition/partition.js';
import type { PartitionResult } from '../../src/optimise/partition/solve-partition.js';
import { solveInThread } from '../../src/pool/in-thread.js';
import { PartitionPool } from '../../src/pool/partition-pool.js';
import { createTimeModel } from '../../src/time/index.js';

export interface PoolFixture {
  network: Network;
  index: NetworkIndex;
  orders: Order[];
  stock: StockRecord[];
  /** A fresh itinerary context (the memo tables do not carry over between plans). */
  context: () => ItineraryContext;
  partitions: readonly Partition[];
  /** `partitions` solved in process with the heuristic solver. */
  reference: readonly PartitionResult[];
}

/** The default network and a generated batch (profile normal), with its partitions solved in process. */
export async function poolFixture(orders: number, seed: number): Promise<PoolFixture> {
  const network = loadNetwork(DEFAULT_NETWORK);
  const index = indexNetwork(network);
  const model = createTimeModel(index);
  const batch = generateBatch(network, { orders, seed, profile: 'normal' });
  let partitions: readonly Partition[] = [];
  let reference: readonly PartitionResult[] = [];
  const inThread = solveInThread(index, { solver: 'heuristic' });
  await planBatch(createItineraryContext(model), batch.orders, batch.stock, {
    solver: 'heuristic',
    solvePartitions: async (parts) => {
      partitions = parts;
      reference = await inThread(parts);
      return [...reference];
    },
  });
  return { network, index, orders: batch.orders, stock: batch.stock, context: () => createItineraryContext(model), partitions, reference };
}

/** A pool fixture and a two-thread pool shared by the tests of one file: made before them, closed after. */
export function sharedPool(orders = 300, seed = 5): { readonly f: PoolFixture; readonly pool: PartitionPool } {
  const shared = {} as { f: PoolFixture; pool: PartitionPool };
  beforeAll(async () => {
    shared.f = await poolFixture(orders, seed);
    shared.pool = new PartitionPool({ network: shared.f.network, size: 2 });
  });
  afterAll(async () => {
    await shared.pool.close();
  });
  return shared;
}
