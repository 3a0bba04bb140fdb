// CBEC rules as the planner applies them (src/domain/customs.ts): taxes never steer routing,
// the single-item exception, general trade outside the cross-border limit, and the reason an
// over-limit order gets when nothing can serve it.
import { describe, expect, it } from 'vitest';
import type { Order, StockRecord } from '../../src/domain/orders.js';
import type { PlannedOrder, UnplannedOrder } from '../../src/domain/plan.js';
import { planBatch, type SolverName } from '../../src/engine/plan-batch.js';
import { buildNetwork, continuous, fixture } from '../graph/fixtures.js';

/**
 * BASE-JP → NRT → PVG → PORT-SH → ZONE-SH (direct mail: 500 truck + 1000 air + 1000 clearance +
 * 800 last mile = 3300 fen a parcel) beside DW-SH → ZONE-SH (general trade: 3500 fen last mile).
 * Cross-border is cheaper to ship by 200 fen; at 9.1 % the CBEC tax of a CNY 2,000 order is
 * CNY 182, so a planner that counted the tax as its own cost would ship from DW-SH.
 */
function network() {
  return fixture(
    buildNetwork(
      [
        { id: 'BASE-JP', kind: 'storage_base', timeZone: 'Asia/Tokyo', country: 'JP' },
        { id: 'NRT', kind: 'airport', timeZone: 'Asia/Tokyo', country: 'JP' },
        { id: 'PVG', kind: 'airport', timeZone: 'Asia/Shanghai' },
        { id: 'PORT-SH', kind: 'clearance_port', timeZone: 'Asia/Shanghai', dailyParcelCapacity: 1_000 },
        { id: 'DW-SH', kind: 'domestic_warehouse', timeZone: 'Asia/Shanghai' },
        { id: 'ZONE-SH', kind: 'zone', timeZone: 'Asia/Shanghai' },
      ],
      [
        { id: 'TRK', from: 'BASE-JP', to: 'NRT', mode: 'truck', schedule: continuous(60), cost: { perParcelMinor: 500 } },
        { id: 'AIR', from: 'NRT', to: 'PVG', mode: 'air', schedule: continuous(180), cost: { perParcelMinor: 1_000 } },
        { id: 'CLR', from: 'PVG', to: 'PORT-SH', mode: 'clearance', schedule: continuous(60), cost: { perParcelMinor: 1_000 } },
        { id: 'LM', from: 'PORT-SH', to: 'ZONE-SH', mode: 'last_mile', schedule: continuous(600), cost: { perParcelMinor: 800 } },
        { id: 'LM-DW', from: 'DW-SH', to: 'ZONE-SH', mode: 'last_mile', schedule: continuous(600), cost: { perParcelMinor: 3_500 } },
      ],
      {
        serviceLevels: [
          { id: 'any', deadline: { kind: 'calendar_days', days: 5 }, modes: ['direct_mail', 'general_trade'] },
          { id: 'cross', deadline: { kind: 'calendar_days', days: 5 }, modes: ['direct_mail'] },
          { id: 'domestic', deadline: { kind: 'calendar_days', days: 5 }, modes: ['general_trade'] },
        ],
        customs: { crossBorderOrderLimitMinor: 500_000, annualLimitMinor: 2_600_000, crossBorderTaxRate: 0.091, fullTaxRate: 0.243 },
      },
    ),
  );
}

const STOCK: StockRecord[] = [
  { node: 'BASE-JP', sku: 'CAM', qty: 10 },
  { node: 'DW-SH', sku: 'CAM', qty: 10 },
  { node: 'BASE-JP', sku: 'LENS', qty: 10 },
];

function order(id: string, serviceLevel: string, sku: string, qty: number, unitValueMinor: number): Order {
  return {
    id, createdAt: '2026-11-23T09:00:00+08:00', destination: 'ZONE-SH', serviceLevel,
    lines: [{ sku, qty, unitWeightKg: 1, unitVolumeM3: 0.002, unitValueMinor }],
  };
}

describe('customs rules in the planner', () => {
  for (const solver of ['baseline', 'highs'] as SolverName[]) {
    it(`${solver}: ships by logistics cost, not to avoid the buyer's tax`, async () => {
      const plan = await planBatch(network().ctx, [order('A', 'any', 'CAM', 1, 200_000)], STOCK, { solver });
      const answer = plan.orders[0] as PlannedOrder;
      expect(answer.status).toBe('planned');
      expect(answer.parcels.map((p) => [p.source, p.mode, p.taxBasis])).toEqual([['BASE-JP', 'direct_mail', 'cbec_reduced']]);
      expect(answer.cost.total).toBe(3_300);
      expect(answer.taxMinor).toBe(18_200); // 200,000 × 9.1 %, beside the cost
      expect(plan.totals.cost.total).toBe(3_300);
    });

    it(`${solver}: a single item over the per-order limit goes cross-border, taxed in full`, async () => {
      const plan = await planBatch(network().ctx, [order('B', 'cross', 'LENS', 1, 800_000)], STOCK, { solver });
      const answer = plan.orders[0] as PlannedOrder;
      expect(answer.status).toBe('planned');
      expect(answer.parcels.map((p) => [p.mode, p.taxBasis, p.taxMinor])).toEqual([['direct_mail', 'cbec_full', 194_400]]);
    });

    it(`${solver}: two items over the limit may not cross the border: OVER_VALUE_LIMIT without general trade`, async () => {
      const plan = await planBatch(network().ctx, [order('C', 'cross', 'LENS', 2, 300_000)], STOCK, { solver });
      const answer = plan.orders[0] as UnplannedOrder;
      expect(answer.reason).toBe('OVER_VALUE_LIMIT');
      expect(answer.message).toContain('not a single item');
      expect(answer.message).not.toMatch(/split/i);
    });

    it(`${solver}: two items over the limit ship as general trade where the level allows it`, async () => {
      const plan = await planBatch(network().ctx, [order('D', 'any', 'CAM', 3, 300_000)], STOCK, { solver });
      const answer = plan.orders[0] as PlannedOrder;
      expect(answer.parcels.map((p) => [p.source, p.mode, p.taxBasis, p.taxMinor])).toEqual([['DW-SH', 'general_trade', 'duty_paid', 0]]);
    });

    it(`${solver}: a general-trade order has no cross-border limit: missing stock is NO_STOCK`, async () => {
      const plan = await planBatch(network().ctx, [order('E', 'domestic', 'LENS', 3, 300_000), order('F', 'domestic', 'CAM', 3, 300_000)], STOCK, { solver });
      const [e, f] = plan.orders as [UnplannedOrder, PlannedOrder];
      expect(e.reason).toBe('NO_STOCK');
      expect(f.status).toBe('planned');
    });

    it(`${solver}: over the limit with cross-border stock only: OVER_VALUE_LIMIT naming the missing domestic stock`, async () => {
      const plan = await planBatch(network().ctx, [order('G', 'any', 'LENS', 3, 300_000)], STOCK, { solver });
      const answer = plan.orders[0] as UnplannedOrder;
      expect(answer.reason).toBe('OVER_VALUE_LIMIT');
      expect(answer.message).toContain('no allowed domestic warehouse holds the 3 × LENS');
    });
  }
});
