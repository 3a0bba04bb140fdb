// planner.quote's marginal cost on the tiny network (test/fixtures/tiny-network.json), worked by
// hand. Base: five orders of 10 × SKU-A (1.2 kg, 0.001 m³ a unit) from BASE-LAX to Z-SH, which
// ride one departure of A-LAX-PVG: 60 kg, chargeable 60 kg at the 45-kg break (21.00 a kg) =
// 1,260.00 freight, + 800.00 MAWB + 200.00 for one AKE. The quoted order: 1 × SKU-A, 1.2 kg,
// chargeable 1.5 kg. Its own charges: handling at BASE-LAX 4.00 + truck 3.00 + clearance 5.00 +
// last mile 8.00 + 2.00 × 0.5 kg over the included kg = 21.00.
//   Alone: the departure for it alone costs the 500.00 minimum + 800.00 + 200.00 = 1,500.00;
//          marginal 1,521.00.
//   Joining the base departure: 61.2 kg → 61.5 kg chargeable × 21.00 = 1,291.50, so +31.50;
//          marginal 52.50 — and planning base + order together costs exactly that much more.
// With a co-load offer on the lane (30.00 a kg, at least 100.00): alone, loose beats a MAWB of
// its own, 100.00 (+ 21.00); the base ships loose too (60 × 30.00 = 1,800.00 < 2,260.00), and
// joining it adds 1.5 × 30.00 = 45.00 (+ 21.00).
import { afterAll, describe, expect, it } from 'vitest';
import { createPlanner, type Planner } from '../../src/api/planner.js';
import type { Network } from '../../src/domain/network.js';
import type { Order, StockRecord } from '../../src/domain/orders.js';
import { setPath, tinyNetwork } from '../fixtures/tiny.js';

const STOCK: StockRecord[] = [{ node: 'BASE-LAX', sku: 'SKU-A', qty: 100 }];

function order(id: string, qty: number, unitValueMinor = 12_990): Order {
  return {
    id, createdAt: '2026-11-11T00:05:00+08:00', destination: 'Z-SH', serviceLevel: 'dm8',
    lines: [{ sku: 'SKU-A', qty, unitWeightKg: 1.2, unitVolumeM3: 0.001, unitValueMinor }],
  };
}
const BASE_ORDERS = [1, 2, 3, 4, 5].map((i) => order(`B${i}`, 10));

const planners: Planner[] = [];
afterAll(async () => {
  await Promise.all(planners.map((p) => p.close()));
});
function planner(network: unknown): Planner {
  const p = createPlanner({ network: network as Network, stock: STOCK, workers: 0 });
  planners.push(p);
  return p;
}

describe('planner.quote marginal cost', () => {
  it('is far below a departure alone when the order joins a consolidation', async () => {
    const p = planner(tinyNetwork());
    const base = await p.plan(BASE_ORDERS);
    expect(base.consolidations.map((c) => [c.lane, c.weightKg, c.freightMinor + c.fixedMinor + c.uldMinor])).toEqual([['A-LAX-PVG', 60, 226_000]]);

    const alone = await p.quote(order('Q', 1));
    expect(alone.against).toBe('empty');
    expect(alone.note).toMatch(/empty network/);
    expect(alone.best).toMatchObject({ mode: 'direct_mail', sources: ['BASE-LAX'], parcelChargesMinor: 2_100, departureChargesMinor: 150_000, marginalCostMinor: 152_100 });

    p.setBasePlan(base);
    const joined = await p.quote(order('Q', 1));
    expect(joined.against).toBe('plan');
    expect(joined.note).toBeUndefined();
    expect(joined.best).toMatchObject({ parcelChargesMinor: 2_100, departureChargesMinor: 3_150, marginalCostMinor: 5_250 });
    const air = joined.best!.parcels[0]!.legs.find((l) => l.lane === 'A-LAX-PVG');
    expect(air?.joins).toBe(base.consolidations[0]!.id);
    expect(joined.best!.itinerary).toBe('BASE-LAX → LAX → PVG → CP-SHA → Z-SH');

    // The marginal cost is the plan's own increase.
    const together = await p.plan([...BASE_ORDERS, order('Q', 1)]);
    expect(together.totals.cost.total - base.totals.cost.total).toBe(5_250);
  });

  it('prices against the plan passed in `against` over the one held', async () => {
    const p = planner(tinyNetwork());
    const base = await p.plan(BASE_ORDERS);
    p.setBasePlan(null);
    expect((await p.quote(order('Q', 1), { against: base })).best?.marginalCostMinor).toBe(5_250);
    expect((await p.quote(order('Q', 1))).best?.marginalCostMinor).toBe(152_100);
  });

  it('takes the cheaper of a MAWB of its own and co-load, with and without a base', async () => {
    const network = setPath(tinyNetwork(), 'lanes[1].coLoad', { perKgMinor: 3_000, minChargeMinor: 10_000 });
    const p = planner(network);
    const base = await p.plan(BASE_ORDERS);
    expect(base.consolidations.map((c) => [c.shipping, c.freightMinor])).toEqual([['co_load', 180_000]]);
    expect((await p.quote(order('Q', 1))).best).toMatchObject({ departureChargesMinor: 10_000, marginalCostMinor: 12_100 });
    expect((await p.quote(order('Q', 1), { against: base })).best).toMatchObject({ departureChargesMinor: 4_500, marginalCostMinor: 6_600 });
  });

  it('does not count the stock a base plan drew', async () => {
    const p = planner(tinyNetwork());
    const base = await p.plan(BASE_ORDERS);
    // 100 on hand, 50 drawn by the base: 50 can be promised, 51 cannot (a low value: within the CBEC limit).
    expect((await p.quote(order('Q', 50, 100), { against: base })).best).not.toBeNull();
    expect((await p.quote(order('Q', 51, 100))).best).not.toBeNull();
    const short = await p.quote(order('Q', 51, 100), { against: base });
    expect(short.best).toBeNull();
    expect(short.unpromised?.reason).toBe('NO_STOCK');
  });
});
