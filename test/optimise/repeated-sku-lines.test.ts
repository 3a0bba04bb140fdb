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

describe('split sourcing of repeated SKU lines', () => {
  // Found by the property test (seed 9001): lines 1 × C, 3 × E, 2 × C; node 1 holds C 2, E 39,
  // node 2 holds C 1. The set-cover greedy gives node 1 the first C and E, leaving 2 × C that
  // node 2 cannot hold; the verifier's draw (largest lines first) puts 2 × C + 3 × E on node 1
  // and 1 × C on node 2. The planner must find that split too, not answer NO_STOCK.
  it('finds the largest-first split when the set-cover greedy does not', async () => {
    const { stock } = randomOrders(1, 0);
    const split: Order = {
      id: 'SPLIT', createdAt: '2026-11-23T09:00:00+08:00', destination: 'ZONE-SH', serviceLevel: 'direct_mail',
      allowedSources: ['BASE-JP', 'BW-SH'],
      lines: [
        { sku: 'SKU-Y', qty: 1, unitWeightKg: 1, unitVolumeM3: 0.01, unitValueMinor: 10_000 },
        { sku: 'SKU-X', qty: 3, unitWeightKg: 1, unitVolumeM3: 0.01, unitValueMinor: 10_000 },
        { sku: 'SKU-Y', qty: 2, unitWeightKg: 1, unitVolumeM3: 0.01, unitValueMinor: 10_000 },
      ],
    };
    const tight = stock.map((r) => (r.node === 'BASE-JP' && r.sku === 'SKU-Y' ? { ...r, qty: 2 } : r.node === 'BW-SH' ? { ...r, qty: 1 } : r));
    const plan = await planBatch(consolidationFixture().ctx, [split], tight, { solver: 'baseline' });
    const answer = plan.orders[0]!;
    expect(answer.status).toBe('planned');
    if (answer.status === 'planned') {
      expect(answer.parcels.map((p) => [p.source, p.lines.map((l) => `${l.qty}×${l.sku}`).join('+')])).toEqual([
        // Two units of SKU-Y from BASE-JP; which order line's units they are follows drawLines
        // (first come, first served in parcel order): one of line 1, one of line 3.
        ['BASE-JP', '3×SKU-X+1×SKU-Y+1×SKU-Y'],
        ['BW-SH', '1×SKU-Y'],
      ]);
    }
  });
});
