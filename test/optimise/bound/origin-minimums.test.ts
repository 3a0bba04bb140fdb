// The least departure charge of an origin some order cannot avoid (src/optimise/bound/origin-minimums.ts):
// order A can reach its zone only over AIR out of HUB, whose one departure costs at least the
// co-load minimum of CNY 300, though A's 1 kg pays CNY 10 of it at the per-kg rate. Order B
// ships from WH-B direct. The floors alone bound A at its per-kg share; with HUB's minimum
// counted once and AIR at its fees alone, the bound is the optimum.
import { describe, expect, it } from 'vitest';
import type { Order, StockRecord } from '../../../src/domain/orders.js';
import type { Plan } from '../../../src/domain/plan.js';
import { planBatch } from '../../../src/engine/plan-batch.js';
import { consolidatingLanesByOrigin, leastChargeOf } from '../../../src/optimise/bound/origin-minimums.js';
import { leastDepartureChargeMinor } from '../../../src/tariff/index.js';
import { verifyPlan } from '../../../src/verify/index.js';
import { buildNetwork, continuous, EVERY_DAY, fixture, weekly } from '../../graph/fixtures.js';

const MINIMUM = 30_000;
const network = buildNetwork(
  [
    { id: 'WH-A', kind: 'domestic_warehouse', timeZone: 'Asia/Shanghai' },
    { id: 'WH-B', kind: 'domestic_warehouse', timeZone: 'Asia/Shanghai' },
    { id: 'HUB', kind: 'domestic_warehouse', timeZone: 'Asia/Shanghai' },
    { id: 'ZONE', kind: 'zone', timeZone: 'Asia/Shanghai' },
  ],
  [
    { id: 'FEED-A', from: 'WH-A', to: 'HUB', mode: 'truck', schedule: continuous(60), cost: {} },
    {
      id: 'AIR', from: 'HUB', to: 'WH-B', mode: 'truck', schedule: weekly([{ weekdays: EVERY_DAY, time: '12:00' }], 120),
      cost: { perConsolidationMinor: 100_000, freight: { minChargeMinor: 0, breaks: [{ fromKg: 0, perKgMinor: 500 }] } },
      coLoad: { perKgMinor: 1_000, minChargeMinor: MINIMUM },
    },
    { id: 'LM', from: 'WH-B', to: 'ZONE', mode: 'last_mile', schedule: continuous(60), cost: { perParcelMinor: 100 } },
  ],
  { serviceLevels: [{ id: 'domestic', deadline: { kind: 'calendar_days', days: 2 }, modes: ['general_trade'] }] },
);
const order = (id: string, sku: string): Order => ({
  id, createdAt: '2026-11-23T08:00:00+08:00', destination: 'ZONE', serviceLevel: 'domestic',
  lines: [{ sku, qty: 1, unitWeightKg: 1, unitVolumeM3: 0.001, unitValueMinor: 10_000 }],
});
const ORDERS = [order('A', 'SKU-A'), order('B', 'SKU-B')];
const STOCK: StockRecord[] = [
  { node: 'WH-A', sku: 'SKU-A', qty: 1 },
  { node: 'WH-B', sku: 'SKU-B', qty: 1 },
];
/** A: the minimum and two last-mile fees (its parcel and B's). */
const OPTIMUM = MINIMUM + 2 * 100;

const rules = (plan: Plan): string[] => {
  const { model } = fixture(network);
  return [...new Set(verifyPlan({ model, orders: ORDERS, stock: STOCK }, plan).violations.map((v) => v.rule))].sort();
};

describe("an origin's least departure charge, counted once", () => {
  it('bounds A at the minimum it cannot avoid: the bound is the optimum, and the verifier agrees', async () => {
    const plan = await planBatch(fixture(network).ctx, ORDERS, STOCK, { solver: 'highs' });
    expect(plan.totals.cost.total).toBe(OPTIMUM);
    expect(plan.totals.boundCertificate!.originMinimums).toEqual([{ origin: 'HUB', witness: 'A', minMinor: MINIMUM }]);
    expect(plan.totals.lowerBoundMinor).toBe(OPTIMUM);
    expect(rules(plan)).toEqual([]);
  });

  it('rejects a witness that can do without the lanes, an origin with none, and the minimums removed', async () => {
    const plan = await planBatch(fixture(network).ctx, ORDERS, STOCK, { solver: 'highs' });
    const avoidable = structuredClone(plan);
    avoidable.totals.boundCertificate!.originMinimums![0]!.witness = 'B';
    expect(rules(avoidable)).toEqual(['LOWER_BOUND_CERTIFICATE']);
    const laneless = structuredClone(plan);
    laneless.totals.boundCertificate!.originMinimums![0]!.origin = 'WH-B';
    expect(rules(laneless)).toEqual(['LOWER_BOUND_CERTIFICATE']);
    const removed = structuredClone(plan);
    delete removed.totals.boundCertificate!.originMinimums;
    expect(rules(removed)).toEqual(['LOWER_BOUND_CERTIFICATE']);
  });

  it("a departure's least charge: our own MAWB's fee (and one ULD) or the co-load minimum, the lesser", () => {
    const { index } = fixture(network);
    const air = index.lanes.get('AIR')!;
    expect(leastDepartureChargeMinor(air)).toBe(MINIMUM);
    expect(leastDepartureChargeMinor({ ...air, coLoad: undefined })).toBe(100_000);
    expect(leastDepartureChargeMinor({ ...air, coLoad: { perKgMinor: 1_000, minChargeMinor: 200_000 } })).toBe(100_000);
    expect([...consolidatingLanesByOrigin(index)]).toEqual([['HUB', ['AIR']]]);
    expect(leastChargeOf(index, ['AIR'])).toBe(MINIMUM);
    expect(leastChargeOf(index, [])).toBe(Infinity);
  });
});
