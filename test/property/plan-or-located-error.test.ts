// The property the input rules exist for: whatever validation accepts, planning returns a plan
// the verifier accepts (planBatch verifies every plan before returning it) or fails with a
// located InputError — never an internal error (a VerificationError or any other exception).
// Random valid networks and batches from ./random-inputs.ts, seeded, in process; each batch is
// also written as CSV and read back, which must give the same orders (one set of rules for
// files and for the library).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkNetworkValue, checkOrdersValue, checkStockValue } from '../../src/api/check-inputs.js';
import { InputError } from '../../src/domain/errors.js';
import type { Order } from '../../src/domain/orders.js';
import { indexNetwork } from '../../src/domain/network-index.js';
import { planBatch, type SolverName } from '../../src/engine/plan-batch.js';
import { ordersToCsv } from '../../src/generate/write-batch.js';
import { createItineraryContext } from '../../src/graph/context.js';
import { readOrdersCsv } from '../../src/io/orders.js';
import { createTimeModel } from '../../src/time/time-model.js';
import { type RandomInputs, inputsArb } from './random-inputs.js';

type Outcome = 'rejected' | 'planned' | 'input-error';

/** An order as ordersToCsv writes it: a stated volume beside a box is left out (the box is what counts). */
function asWritten(order: Order): Order {
  return {
    ...order,
    lines: order.lines.map((line) => {
      if (line.dimensionsCm === undefined) return line;
      const { unitVolumeM3: _stated, ...rest } = line;
      return rest;
    }),
  };
}

/** Orders planned and orders seen over the cases, so the test can tell it exercised the planner. */
const tally = { planned: 0, orders: 0 };

/** Validates as the library does, then plans; throws anything that is not an InputError. */
async function planCase(inputs: RandomInputs, solver: SolverName): Promise<Outcome> {
  let network;
  let stock;
  let orders;
  try {
    network = checkNetworkValue(inputs.network);
    stock = checkStockValue(inputs.stock, network);
    orders = checkOrdersValue(inputs.orders, network, stock);
  } catch (error) {
    if (error instanceof InputError) return 'rejected';
    throw error;
  }
  // The files `validate` reads say the same: the batch written as CSV reads back as these orders.
  const fromCsv = readOrdersCsv(ordersToCsv(orders), 'orders.csv');
  expect(fromCsv.problems.filter((p) => p.severity === 'error')).toEqual([]);
  expect(fromCsv.value.orders).toEqual(orders.map(asWritten));
  try {
    const ctx = createItineraryContext(createTimeModel(indexNetwork(network)));
    const plan = await planBatch(ctx, orders, stock, { solver });
    expect(plan.orders).toHaveLength(orders.length);
    tally.orders += orders.length;
    tally.planned += plan.orders.filter((o) => o.status === 'planned').length;
    return 'planned';
  } catch (error) {
    if (error instanceof InputError && error.problems.length > 0 && error.problems.every((p) => p.where !== '' && p.field !== '')) return 'input-error';
    throw error;
  }
}

describe('plan or a located input error, never an internal error', () => {
  it.each([
    { solver: 'baseline' as const, seed: 9_001, runs: 200 },
    { solver: 'heuristic' as const, seed: 9_002, runs: 200 },
    { solver: 'highs' as const, seed: 9_003, runs: 40 },
  ])('$solver: $runs random valid networks and batches (seed $seed)', async ({ solver, seed, runs }) => {
    const outcomes: Outcome[] = [];
    tally.planned = 0;
    tally.orders = 0;
    await fc.assert(
      fc.asyncProperty(inputsArb, async (inputs) => {
        outcomes.push(await planCase(inputs, solver));
      }),
      { seed, numRuns: runs, endOnFailure: true },
    );
    // The generator makes valid inputs: nearly all must reach the planner, or the test says little.
    const planned = outcomes.filter((o) => o === 'planned').length;
    expect(planned).toBeGreaterThanOrEqual(Math.floor(runs * 0.9));
    // … and plans must route orders, not only answer them unplanned.
    expect(tally.planned).toBeGreaterThanOrEqual(tally.orders * 0.2);
  }, 120_000);
});
