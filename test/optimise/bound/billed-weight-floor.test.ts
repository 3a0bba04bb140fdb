// The bound's fees are charged at the least chargeable weight any itinerary bills a parcel at —
// its volumetric weight at the network's largest air divisor when that is above its actual
// weight — not at the actual weight alone: on a bulky parcel's only routing, bound = cost.
import { describe, expect, it } from 'vitest';
import type { Order, StockRecord } from '../../../src/domain/orders.js';
import { planBatch } from '../../../src/engine/plan-batch.js';
import { leastBillingDivisor, STANDARD_VOLUMETRIC_DIVISOR } from '../../../src/tariff/index.js';
import { buildNetwork, continuous, fixture } from '../../graph/fixtures.js';

const network = buildNetwork(
  [
    { id: 'WH', kind: 'domestic_warehouse', timeZone: 'Asia/Shanghai' },
    { id: 'ZONE', kind: 'zone', timeZone: 'Asia/Shanghai' },
  ],
  [{ id: 'LM', from: 'WH', to: 'ZONE', mode: 'last_mile', schedule: continuous(60), cost: { perParcelMinor: 100, perParcelKgMinor: 50 } }],
  { serviceLevels: [{ id: 'domestic', deadline: { kind: 'calendar_days', days: 2 }, modes: ['general_trade'] }] },
);
const STOCK: StockRecord[] = [{ node: 'WH', sku: 'BOX', qty: 10 }];
/** 1 kg in 0.03 m³: 5 kg volumetric at ÷6000, the chargeable weight. */
const bulky = (id: string): Order => ({
  id, createdAt: '2026-11-23T08:00:00+08:00', destination: 'ZONE', serviceLevel: 'domestic',
  lines: [{ sku: 'BOX', qty: 1, unitWeightKg: 1, unitVolumeM3: 0.03, unitValueMinor: 10_000 }],
});

describe('the bound bills fees at the least chargeable weight', () => {
  it('on a bulky parcel with one routing the bound is its cost: CNY 1.00 + 5 kg × 0.50', async () => {
    const plan = await planBatch(fixture(network).ctx, [bulky('A')], STOCK, { solver: 'highs' });
    expect(plan.totals.cost.total).toBe(100 + 5 * 50);
    expect(plan.totals.lowerBoundMinor).toBe(plan.totals.cost.total);
  });

  it('the divisor is the largest air lane divisor, never below the standard one, whatever other lanes use', () => {
    expect(leastBillingDivisor([])).toBe(STANDARD_VOLUMETRIC_DIVISOR);
    expect(leastBillingDivisor([{ mode: 'air', volumetricDivisor: 5000 }])).toBe(STANDARD_VOLUMETRIC_DIVISOR);
    expect(leastBillingDivisor([{ mode: 'air', volumetricDivisor: 5000 }, { mode: 'air', volumetricDivisor: 7000 }])).toBe(7000);
    // A truck's divisor never bills a parcel (parcelChargeableKg takes the first air lane's).
    expect(leastBillingDivisor([{ mode: 'truck', volumetricDivisor: 9000 }])).toBe(STANDARD_VOLUMETRIC_DIVISOR);
  });
});
