// An order may list one SKU on several lines: stock is checked against their sum, so a
// source that holds each line but not all of them together is not offered.
import { describe, expect, it } from 'vitest';
import type { Order } from '../../src/domain/orders.js';
import { planBatch, type SolverName } from '../../src/engine/plan-batch.js';
import { consolidationFixture, randomOrders } from './fixtures.js';

function order(qtys: number[]): Order {
  return {
    id: 'DUP',
    createdAt: '2026-11-23T09:00:00+08:00',
    destination: 'ZONE-SH',
    serviceLevel: 'direct_mail',
    allowedSources: ['BW-SH'],
    lines: qtys.map((qty) => ({ sku: 'SKU-Y', qty, unitWeightKg: 1, unitVolumeM3: 0.01, unitValueMinor: 10_000 })),
  };
}

describe('repeated SKU lines', () => {
  const { stock } = randomOrders(1, 0); // BW-SH holds 2 × SKU-Y
  for (const solver of ['baseline', 'highs'] as SolverName[]) {
    it(`${solver}: 1 + 1 of a SKU held twice is planned from that source`, async () => {
      const plan = await planBatch(consolidationFixture().ctx, [order([1, 1])], stock, { solver });
      const answer = plan.orders[0]!;
      expect(answer.status).toBe('planned');
      if (answer.status === 'planned') expect(answer.parcels.map((p) => p.source)).toEqual(['BW-SH']);
    });
    it(`${solver}: 1 + 2 of a SKU held twice is NO_STOCK, not a crash`, async () => {
      const plan = await planBatch(consolidationFixture().ctx, [order([1, 2])], stock, { solver });
      const answer = plan.orders[0]!;
      expect(answer.status).toBe('unplanned');
      if (answer.status === 'unplanned') expect(answer.reason).toBe('NO_STOCK');
    });
  }
});
