// Scarce bonded stock goes to the order that has no other source. A is created first and may
// ship from the Japanese base or the bonded warehouse (bonded is cheaper for it alone); B may
// only use the bonded warehouse (allowedSources), which holds one unit. The baseline gives the
// unit to A and answers B NO_STOCK although A had another way: an avoidable NO_STOCK. The
// optimiser's repair step moves A to the base and serves B from the bonded unit. planBatch
// verifies both plans (every NO_STOCK answer it keeps must be true).
import { describe, expect, it } from 'vitest';
import type { Order, StockRecord } from '../../../src/domain/orders.js';
import { planBatch } from '../../../src/engine/plan-batch.js';
import { avoidableNoStock } from '../../../src/verify/index.js';
import { consolidationFixture } from '../fixtures.js';

function order(id: string, createdAt: string, allowedSources?: string[]): Order {
  return {
    id, createdAt, destination: 'ZONE-SH', serviceLevel: 'direct_mail',
    lines: [{ sku: 'SKU-Y', qty: 1, unitWeightKg: 2, unitVolumeM3: 0.01, unitValueMinor: 20_000 }],
    ...(allowedSources === undefined ? {} : { allowedSources }),
  };
}

const orders = [order('A', '2026-11-23T08:00:00+08:00'), order('B', '2026-11-23T09:00:00+08:00', ['BW-SH'])];
const stock: StockRecord[] = [
  { node: 'BW-SH', sku: 'SKU-Y', qty: 1 },
  { node: 'BASE-JP', sku: 'SKU-Y', qty: 10 },
];

describe('stock swap: the bonded unit goes to the order without another source', () => {
  const { ctx, model } = consolidationFixture();

  it('baseline: B ends NO_STOCK, and the counter calls it avoidable', async () => {
    const plan = await planBatch(ctx, orders, stock, { solver: 'baseline' });
    const b = plan.orders.find((o) => o.order === 'B');
    expect(b?.status === 'unplanned' ? b.reason : b?.status).toBe('NO_STOCK');
    expect(avoidableNoStock({ model, orders, stock }, plan)).toEqual({ orders: ['B'], noStock: 1 });
  });

  for (const solver of ['highs', 'heuristic'] as const) {
    it(`${solver}: both planned, B from the bonded warehouse, A from the base; no avoidable NO_STOCK`, async () => {
      const plan = await planBatch(ctx, orders, stock, { solver });
      const sources = Object.fromEntries(plan.orders.map((o) => [o.order, o.status === 'planned' ? o.parcels.map((p) => p.source) : o.reason]));
      expect(sources).toEqual({ A: ['BASE-JP'], B: ['BW-SH'] });
      expect(avoidableNoStock({ model, orders, stock }, plan)).toEqual({ orders: [], noStock: 0 });
    });
  }
});

describe('the counter: a NO_STOCK order is avoidable only if every SKU it lacks could be freed', () => {
  const { ctx, model } = consolidationFixture();
  // B also needs SKU-Z, which only the Japanese base holds, and B may not draw from it: freeing
  // the bonded SKU-Y unit (A could move) would still leave B without a way.
  const b: Order = { ...order('B', '2026-11-23T09:00:00+08:00', ['BW-SH']) };
  b.lines = [...b.lines, { sku: 'SKU-Z', qty: 1, unitWeightKg: 1, unitVolumeM3: 0.01, unitValueMinor: 10_000 }];
  const both = [orders[0]!, b];
  const withZ: StockRecord[] = [...stock, { node: 'BASE-JP', sku: 'SKU-Z', qty: 5 }];

  it('baseline: B NO_STOCK, A on the bonded unit, and B not counted', async () => {
    const plan = await planBatch(ctx, both, withZ, { solver: 'baseline' });
    const answers = Object.fromEntries(plan.orders.map((o) => [o.order, o.status === 'planned' ? o.parcels.map((p) => p.source) : o.reason]));
    expect(answers).toEqual({ A: ['BW-SH'], B: 'NO_STOCK' });
    expect(avoidableNoStock({ model, orders: both, stock: withZ }, plan)).toEqual({ orders: [], noStock: 1 });
  });
});
