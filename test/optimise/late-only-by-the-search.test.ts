// Orders the planner's search devices would make late are still planned when a routing makes
// the deadline: the pick wave (orders released every 30 minutes) is searched past from the
// order's creation, and a split over only the sources that can deliver in time is tried when
// every other sourcing option is late. The verifier rejects SLA_INFEASIBLE in both cases.
import { describe, expect, it } from 'vitest';
import type { Order, StockRecord } from '../../src/domain/orders.js';
import type { PlannedOrder } from '../../src/domain/plan.js';
import { planBatch, type SolverName } from '../../src/engine/plan-batch.js';
import { buildNetwork, continuous, fixture } from '../graph/fixtures.js';

/**
 * DW-SH → ZONE-SH 15 h (general trade), BW-SH → ZONE-SH 2 h (bonded), and from BASE-JP a
 * 3-day route through PVG and the port (direct mail). Promise: the day of creation.
 */
function network() {
  return fixture(
    buildNetwork(
      [
        { id: 'BASE-JP', kind: 'storage_base', timeZone: 'Asia/Tokyo', country: 'JP' },
        { id: 'PVG', kind: 'airport', timeZone: 'Asia/Shanghai' },
        { id: 'PORT-SH', kind: 'clearance_port', timeZone: 'Asia/Shanghai' },
        { id: 'BW-SH', kind: 'bonded_warehouse', timeZone: 'Asia/Shanghai' },
        { id: 'DW-SH', kind: 'domestic_warehouse', timeZone: 'Asia/Shanghai' },
        { id: 'ZONE-SH', kind: 'zone', timeZone: 'Asia/Shanghai' },
      ],
      [
        { id: 'AIR', from: 'BASE-JP', to: 'PVG', mode: 'air', schedule: continuous(3 * 1440), cost: { perParcelMinor: 100 } },
        { id: 'CLR', from: 'PVG', to: 'PORT-SH', mode: 'clearance', schedule: continuous(60), cost: { perParcelMinor: 100 } },
        { id: 'LM', from: 'PORT-SH', to: 'ZONE-SH', mode: 'last_mile', schedule: continuous(60), cost: { perParcelMinor: 100 } },
        { id: 'LM-BW', from: 'BW-SH', to: 'ZONE-SH', mode: 'last_mile', schedule: continuous(120), cost: { perParcelMinor: 900 } },
        { id: 'LM-DW', from: 'DW-SH', to: 'ZONE-SH', mode: 'last_mile', schedule: continuous(900), cost: { perParcelMinor: 900 } },
      ],
      {
        serviceLevels: [{ id: 'same-day', deadline: { kind: 'calendar_days', days: 0 }, modes: ['direct_mail', 'bonded', 'general_trade'] }],
        customs: { crossBorderOrderLimitMinor: 500_000, annualLimitMinor: 2_600_000, crossBorderTaxRate: 0.091, fullTaxRate: 0.243 },
      },
    ),
  );
}

function order(id: string, createdAt: string, skus: string[]): Order {
  return {
    id, createdAt, destination: 'ZONE-SH', serviceLevel: 'same-day',
    lines: skus.map((sku) => ({ sku, qty: 1, unitWeightKg: 1, unitVolumeM3: 0.002, unitValueMinor: 10_000 })),
  };
}

describe('late only by the search', () => {
  for (const solver of ['baseline', 'heuristic'] as SolverName[]) {
    it(`${solver}: created 08:40:01, 15 h from DW-SH make 23:40:01 although the 09:00 wave would not`, async () => {
      const stock: StockRecord[] = [{ node: 'DW-SH', sku: 'TEA', qty: 1 }];
      const plan = await planBatch(network().ctx, [order('A', '2026-11-23T08:40:01+08:00', ['TEA'])], stock, { solver });
      const answer = plan.orders[0] as PlannedOrder;
      expect(answer.status).toBe('planned');
      expect(answer.deliveredAt).toBe('2026-11-23T23:40:01+08:00');
    });

    it(`${solver}: BASE-JP holds both lines but is days away; DW-SH and BW-SH together make it`, async () => {
      const stock: StockRecord[] = [
        { node: 'BASE-JP', sku: 'TEA', qty: 1 },
        { node: 'BASE-JP', sku: 'CUP', qty: 1 },
        { node: 'DW-SH', sku: 'TEA', qty: 1 },
        { node: 'BW-SH', sku: 'CUP', qty: 1 },
      ];
      const plan = await planBatch(network().ctx, [order('B', '2026-11-23T06:00:00+08:00', ['TEA', 'CUP'])], stock, { solver });
      const answer = plan.orders[0] as PlannedOrder;
      expect(answer.status).toBe('planned');
      expect(answer.parcels.map((p) => p.source).sort()).toEqual(['BW-SH', 'DW-SH']);
    });
  }
});
