// CAPACITY is a true answer only when no routing that meets the deadline has room. On congested
// batches the baseline used to look only at each parcel's few kept candidates, so it answered
// CAPACITY while later departures had room, and the verifier (which searches every departure)
// rejected the plan: exit 3 on valid input. planBatch verifies every plan before returning it,
// so each case below fails by throwing when an answer is false.
import { describe, expect, it } from 'vitest';
import { planBatch, type SolverName } from '../../src/engine/plan-batch.js';
import { fixture } from '../graph/fixtures.js';
import { consolidationFixture, randomOrders } from './fixtures.js';

describe('CAPACITY answers on congested batches', () => {
  for (const solver of ['baseline', 'highs'] as SolverName[]) {
    it(`${solver}: 700 orders on two daily lanes with two ULDs each: later departures with room are used`, async () => {
      const { orders, stock } = randomOrders(17, 700);
      const plan = await planBatch(consolidationFixture().ctx, orders, stock, { solver });
      expect(plan.orders).toHaveLength(700);
      expect(plan.totals.unplanned.CAPACITY).toBe(0);
    }, 120_000);

    it(`${solver}: a port that clears 40 parcels a day leaves true CAPACITY answers, and the plan verifies`, async () => {
      const base = consolidationFixture().network;
      const network = { ...base, nodes: base.nodes.map((n) => (n.id === 'PORT-SH' ? { ...n, dailyParcelCapacity: 40 } : n)) };
      const { orders, stock } = randomOrders(18, 700);
      const plan = await planBatch(fixture(network).ctx, orders, stock, { solver });
      expect(plan.orders).toHaveLength(700);
      expect(plan.totals.unplanned.CAPACITY).toBeGreaterThan(0);
    }, 120_000);
  }
});
