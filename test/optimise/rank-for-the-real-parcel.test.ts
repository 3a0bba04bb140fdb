// Candidates are the cheapest itineraries for each parcel's own chargeable weight, not for a
// 1 kg reference parcel. One warehouse, one zone, two last-mile lanes: LOW-FEE charges CNY 1.00 a
// parcel and CNY 5.00 a kg, LOW-RATE CNY 10.00 a parcel and CNY 0.50 a kg. A 1 kg parcel pays
// 6.00 on LOW-FEE and 10.50 on LOW-RATE; a 10 kg parcel 51.00 and 15.00. With k = 1 each must
// keep its own cheapest lane (ranked for 1 kg, the heavy one kept LOW-FEE and paid 51.00).
import { describe, expect, it } from 'vitest';
import type { Order, StockRecord } from '../../src/domain/orders.js';
import { planBatch } from '../../src/engine/plan-batch.js';
import { orderCandidates, type OrderCandidates } from '../../src/optimise/choices/candidates.js';
import { examineOrder, type OrderFacts } from '../../src/optimise/choices/order-facts.js';
import { StockLedger } from '../../src/optimise/ledger/stock-ledger.js';
import { buildNetwork, continuous, fixture } from '../graph/fixtures.js';

function twoLaneFixture() {
  return fixture(
    buildNetwork(
      [
        { id: 'WH', kind: 'domestic_warehouse', timeZone: 'Asia/Shanghai' },
        { id: 'ZONE', kind: 'zone', timeZone: 'Asia/Shanghai' },
      ],
      [
        { id: 'LOW-FEE', from: 'WH', to: 'ZONE', mode: 'last_mile', schedule: continuous(600), cost: { perParcelMinor: 100, perParcelKgMinor: 500, includedKg: 0 } },
        { id: 'LOW-RATE', from: 'WH', to: 'ZONE', mode: 'last_mile', schedule: continuous(600), cost: { perParcelMinor: 1_000, perParcelKgMinor: 50, includedKg: 0 } },
      ],
      { serviceLevels: [{ id: 'domestic', deadline: { kind: 'calendar_days', days: 2 }, modes: ['general_trade'] }] },
    ),
  );
}

/** One line of `weightKg` in `volumeM3`; every order of one commodity (same source, zone, wave, deadline). */
function order(id: string, weightKg: number, volumeM3 = 0.001): Order {
  return {
    id, createdAt: '2026-11-23T08:00:00+08:00', destination: 'ZONE', serviceLevel: 'domestic',
    lines: [{ sku: 'SKU', qty: 1, unitWeightKg: weightKg, unitVolumeM3: volumeM3, unitValueMinor: 10_000 }],
  };
}
const STOCK: StockRecord[] = [{ node: 'WH', sku: 'SKU', qty: 100 }];

function candidatesOf(orders: readonly Order[], k = 1): OrderCandidates[] {
  const { ctx, model } = twoLaneFixture();
  const ledger = new StockLedger(STOCK);
  return orders.map((o) => {
    const found = orderCandidates(ctx, examineOrder(model, o) as OrderFacts, ledger, { k, departuresPerLane: 1 });
    if ('status' in found) throw new Error(`order ${o.id}: ${found.reason}`);
    return found;
  });
}

const laneOf = (c: OrderCandidates) => c.options[0]![0]!.itineraries.map((it) => it.legs.map((l) => l.lane).join(' → '));

describe('candidate itineraries ranked for the parcel itself', () => {
  it('keeps the per-parcel-fee lane for a light parcel and the per-kg lane for a heavy one (k = 1)', () => {
    const [light, heavy] = candidatesOf([order('LIGHT', 1), order('HEAVY', 10)]);
    expect(laneOf(light!)).toEqual(['LOW-FEE']);
    expect(laneOf(heavy!)).toEqual(['LOW-RATE']);
    expect(light!.options[0]![0]!.itineraries[0]!.costMinor).toBe(600);
    expect(heavy!.options[0]![0]!.itineraries[0]!.costMinor).toBe(1_500);
  });

  it('ranks by chargeable weight: a light but bulky parcel is priced on its volumetric weight', () => {
    // 1 kg in 0.06 m³: 10 kg volumetric at the lanes' divisor of 6000.
    const [bulky] = candidatesOf([order('BULKY', 1, 0.06)]);
    expect(laneOf(bulky!)).toEqual(['LOW-RATE']);
  });

  it('keeps both lanes in the order of each parcel\'s own cost when k = 2', () => {
    const [light, heavy] = candidatesOf([order('LIGHT', 1), order('HEAVY', 10)], 2);
    expect(laneOf(light!)).toEqual(['LOW-FEE', 'LOW-RATE']);
    expect(laneOf(heavy!)).toEqual(['LOW-RATE', 'LOW-FEE']);
  });

  it('shares one search among the parcels of a commodity on the same half-kg step', () => {
    // 1.2 kg and 1.4 kg are both charged 1.5 kg: the same ranking, so the memoised search is reused.
    const [a, b, c] = candidatesOf([order('A', 1.2), order('B', 1.4), order('C', 1.6)]);
    expect(a!.options[0]![0]!.itineraries).toBe(b!.options[0]![0]!.itineraries);
    expect(c!.options[0]![0]!.itineraries).not.toBe(a!.options[0]![0]!.itineraries);
  });

  it('plans the heavy order on its cheapest lane (baseline and optimiser)', async () => {
    const { ctx } = twoLaneFixture();
    for (const solver of ['baseline', 'heuristic'] as const) {
      const plan = await planBatch(ctx, [order('LIGHT', 1), order('HEAVY', 10)], STOCK, { solver, candidates: { k: 1, departuresPerLane: 1 } });
      const lanes = Object.fromEntries(plan.orders.map((o) => [o.order, o.status === 'planned' ? o.parcels.flatMap((p) => p.legs.map((l) => l.lane)) : []]));
      expect(lanes).toEqual({ LIGHT: ['LOW-FEE'], HEAVY: ['LOW-RATE'] });
      expect(plan.totals.cost.total).toBe(600 + 1_500);
    }
  });
});
