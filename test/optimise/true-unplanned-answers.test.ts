// Every unplanned answer the planners give holds against the final plan, as the verifier
// judges it (the engine verifies every plan and throws on a violation): on this seeded batch
// the optimiser moves orders after the baseline answered others NO_STOCK, freeing the stock
// they lacked; those orders are answered again against what the final plan leaves.
import { describe, expect, it } from 'vitest';
import { loadDefaultNetwork } from '../../src/api/bundled.js';
import { indexNetwork } from '../../src/domain/network-index.js';
import { planBatch, type SolverName } from '../../src/engine/plan-batch.js';
import { generateBatch } from '../../src/generate/batch.js';
import { createItineraryContext } from '../../src/graph/index.js';
import { createTimeModel } from '../../src/time/index.js';
import { verifyPlan } from '../../src/verify/index.js';

describe('unplanned answers hold against the final plan', () => {
  const network = loadDefaultNetwork();
  const model = createTimeModel(indexNetwork(network));
  const batch = generateBatch(network, { orders: 300, seed: 5, profile: 'normal' });

  it.each<SolverName>(['baseline', 'heuristic'])('%s', async (solver) => {
    const plan = await planBatch(createItineraryContext(model), batch.orders, batch.stock, { solver });
    const unplanned = plan.orders.filter((a) => a.status === 'unplanned');
    expect(unplanned.length).toBeGreaterThan(0);
    expect(verifyPlan({ model, orders: batch.orders, stock: batch.stock }, plan).violations).toEqual([]);
  }, 60_000);
});
