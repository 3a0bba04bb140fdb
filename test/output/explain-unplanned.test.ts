// explainOrder for unplanned orders: the reason, the message and what would make it plannable.
import { describe, expect, it } from 'vitest';
import type { Order } from '../../src/domain/orders.js';
import type { Plan, UnplannedOrder } from '../../src/domain/plan.js';
import { explainOrder, explainOrderData } from '../../src/output/explain.js';
import { C1, fixtureIndex, fixturePlan } from './fixtures.js';

/** The fixture plan with O3's answer replaced. */
function withO3(answer: Omit<UnplannedOrder, 'order' | 'status'>): Plan {
  const plan = fixturePlan();
  plan.orders[2] = { order: 'O3', status: 'unplanned', ...answer };
  return plan;
}

describe('explainOrder (unplanned)', () => {
  const index = fixtureIndex();

  it('SLA_INFEASIBLE: gives the earliest delivery and that a deadline at or after it works', () => {
    const text = explainOrder(fixturePlan(), index, 'O3');
    expect(text).toContain('Order O3: unplanned');
    expect(text).toMatch(/reason +SLA_INFEASIBLE/);
    // 2026-11-10T23:59:59 → 2026-11-12T13:00:00 is 1 d 13 h 0 min 1 s: rounded up to 1d 13h 1m.
    expect(text).toContain('earliest delivery  2026-11-12T13:00:00+08:00 (1d 13h 1m after the deadline)');
    expect(text).toContain('To plan it: a deadline at or after 2026-11-12T13:00:00+08:00 would work');
  });

  it('NO_STOCK: names the missing SKU from the planner sentence or the field', () => {
    const message = 'No allowed storage base or warehouse has SKU-Z in stock for this order.';
    expect(explainOrder(withO3({ reason: 'NO_STOCK', message }), index, 'O3')).toContain('stock SKU SKU-Z at a node');
    expect(explainOrder(withO3({ reason: 'NO_STOCK', message: 'out of stock', field: 'SKU-Q' }), index, 'O3')).toContain('stock SKU SKU-Q');
  });

  it('OVER_VALUE_LIMIT: the limit against the value, and general trade stock', () => {
    const plan = withO3({ reason: 'OVER_VALUE_LIMIT', message: 'too valuable' });
    const order: Order = {
      id: 'O3', createdAt: '2026-11-09T10:00:00+08:00', destination: 'ZONE-SH', serviceLevel: 'STD',
      lines: [{ sku: 'SKU-W', qty: 2, unitWeightKg: 1, unitVolumeM3: 0.01, unitValueMinor: 300000 }],
    };
    const text = explainOrder(plan, index, 'O3', { order });
    expect(text).toContain('at most 5,000.00 CNY, or a single item within the annual limit of 26,000.00 CNY; this order is worth 6,000.00 CNY');
    expect(text).toContain('duty-paid stock at a domestic warehouse (domestic warehouses: DOM-SH)');
    // No advice to split the order: that would circumvent the per-transaction limit.
    expect(text).not.toMatch(/split/i);
    // Without the order, the limits are still given.
    expect(explainOrder(plan, index, 'O3')).toContain('annual limit of 26,000.00 CNY. It can ship only as general trade');
  });

  it('CAPACITY: lists what the plan has full', () => {
    // C1 flies 1 ULD of an allotment of 1; SHA-CUS clears 2 parcels on 2026-11-11, its daily capacity.
    const plan = withO3({ reason: 'CAPACITY', message: `Every routing that meets the deadline is full: departure ${C1} is full.` });
    const data = explainOrderData(plan, index, 'O3');
    expect(data.capacity).toEqual({
      fullDepartures: [{ consolidation: C1, lane: 'LAX-PVG-CA', ulds: 1, maxUlds: 1 }],
      fullClearanceDays: [{ node: 'SHA-CUS', date: '2026-11-11', parcels: 2, capacity: 2 }],
    });
    const text = explainOrder(plan, index, 'O3');
    expect(text).toContain(`departure ${C1}: 1 of 1 ULDs`);
    expect(text).toContain('clearance port SHA-CUS on 2026-11-11: 2 of 2 parcels');
  });

  it('INVALID_ORDER: names the field to correct', () => {
    const plan = withO3({ reason: 'INVALID_ORDER', message: 'bad zone', field: 'destination' });
    expect(explainOrderData(plan, index, 'O3').remedy).toBe("correct the order's destination field and plan again.");
  });
});
