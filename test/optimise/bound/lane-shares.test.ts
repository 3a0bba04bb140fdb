// The bound with a lane's fixed part shared out (src/optimise/bound/lane-shares.ts). Five nodes:
// order A (1 kg) can reach its zone only over AIR, which ships our own MAWB at CNY 1,000 + CNY
// 5/kg or loose at CNY 20/kg; 100 orders B (1 kg each) could ride AIR too, which makes AIR's
// per-kg floor that of a 101 kg MAWB (CNY 14.90/kg), but go direct at CNY 1.00. The optimum
// ships A loose alone: CNY 20.00 + 100 × 1.00. The floor alone bounds A at CNY 14.90; with
// A's share on AIR's fixed part its own line costs what shipping loose does, CNY 19.995.
import { describe, expect, it } from 'vitest';
import type { Order, StockRecord } from '../../../src/domain/orders.js';
import type { Plan } from '../../../src/domain/plan.js';
import { planBatch } from '../../../src/engine/plan-batch.js';
import { LaneShares } from '../../../src/optimise/bound/lane-shares.js';
import { verifyPlan } from '../../../src/verify/index.js';
import { buildNetwork, continuous, EVERY_DAY, fixture, weekly } from '../../graph/fixtures.js';
import { oneAndMany } from '../fixtures.js';

const B_ORDERS = 100;

function airFixture() {
  const network = buildNetwork(
    [
      { id: 'WH-A', kind: 'domestic_warehouse', timeZone: 'Asia/Shanghai' },
      { id: 'WH-B', kind: 'domestic_warehouse', timeZone: 'Asia/Shanghai' },
      { id: 'HUB', kind: 'domestic_warehouse', timeZone: 'Asia/Shanghai' },
      { id: 'ZONE-A', kind: 'zone', timeZone: 'Asia/Shanghai' },
      { id: 'ZONE-B', kind: 'zone', timeZone: 'Asia/Shanghai' },
    ],
    [
      { id: 'FEED-A', from: 'WH-A', to: 'HUB', mode: 'truck', schedule: continuous(60), cost: {} },
      { id: 'FEED-B', from: 'WH-B', to: 'HUB', mode: 'truck', schedule: continuous(60), cost: {} },
      {
        id: 'AIR', from: 'HUB', to: 'WH-B', mode: 'truck', schedule: weekly([{ weekdays: EVERY_DAY, time: '12:00' }], 120),
        cost: { perConsolidationMinor: 100_000, freight: { minChargeMinor: 0, breaks: [{ fromKg: 0, perKgMinor: 500 }] } },
        coLoad: { perKgMinor: 2_000, minChargeMinor: 0 },
      },
      { id: 'LM-A', from: 'WH-B', to: 'ZONE-A', mode: 'last_mile', schedule: continuous(60), cost: {} },
      { id: 'LM-B', from: 'WH-B', to: 'ZONE-B', mode: 'last_mile', schedule: continuous(60), cost: { perParcelMinor: 100 } },
    ],
    { serviceLevels: [{ id: 'domestic', deadline: { kind: 'calendar_days', days: 2 }, modes: ['general_trade'] }] },
  );
  return fixture(network);
}

const ORDERS: Order[] = oneAndMany(B_ORDERS);
const STOCK: StockRecord[] = [
  { node: 'WH-A', sku: 'SKU-A', qty: 1 },
  { node: 'WH-B', sku: 'SKU-B', qty: B_ORDERS },
];
const OPTIMUM = 2_000 + B_ORDERS * 100;

function rules(plan: Plan): string[] {
  const { model } = airFixture();
  return [...new Set(verifyPlan({ model, orders: ORDERS, stock: STOCK }, plan).violations.map((v) => v.rule))].sort();
}

describe('the bound with shared fixed parts', () => {
  it("charges a parcel alone on a lane the co-load rate, not a full MAWB's: within a fen of the optimum, and the verifier re-derives it", async () => {
    const { ctx } = airFixture();
    const plan = await planBatch(ctx, ORDERS, STOCK, { solver: 'highs' });
    expect(plan.totals.cost.total).toBe(OPTIMUM);
    const cert = plan.totals.boundCertificate!;
    // The per-kg floor alone: a 101 kg MAWB's (1,000 + 5 × 101) / 101 per kg for A, less ½.
    expect(cert.lanes.find((l) => l.lane === 'AIR')!.perKgMinor).toBeCloseTo((100_000 + 500 * 101) / 101, 9);
    expect(cert.laneShares).toEqual([{ lane: 'AIR', fixedMinor: 100_000, shares: [{ order: 'A', line: 0, minor: 1_500 }] }]);
    expect(plan.totals.lowerBoundMinor).toBe(Math.floor(1_999.5 + B_ORDERS * 100));
    expect(plan.totals.lowerBoundMinor!).toBeGreaterThan((100_000 + 500 * 101) / 101 - 0.5 + B_ORDERS * 100);
    expect(rules(plan)).toEqual([]);
  });

  it('rejects a fixed part above the MAWB fee, shares above the fixed part, a share of an order not bounded, the shares removed', async () => {
    const { ctx } = airFixture();
    const plan = await planBatch(ctx, ORDERS, STOCK, { solver: 'highs' });

    const fixed = structuredClone(plan);
    fixed.totals.boundCertificate!.laneShares![0]!.fixedMinor = 100_001;
    expect(rules(fixed)).toEqual(['LOWER_BOUND_CERTIFICATE']);

    // B0..B99 may ride AIR from the same instant as A: 100 shares of CNY 10 more fill the fixed part.
    const over = structuredClone(plan);
    over.totals.boundCertificate!.laneShares![0]!.shares.push(...Array.from({ length: B_ORDERS }, (_, i) => ({ order: `B${i}`, line: 0, minor: 1_000 })));
    expect(rules(over)).toEqual(['LOWER_BOUND_CERTIFICATE']);

    const stranger = structuredClone(plan);
    stranger.totals.boundCertificate!.laneShares![0]!.shares.push({ order: 'NOT-IN-THE-BATCH', line: 0, minor: 1 });
    expect(rules(stranger)).toEqual(['LOWER_BOUND_CERTIFICATE']);

    // Without A's share its floor is the per-kg floor's: the stated floors are then above it.
    const removed = structuredClone(plan);
    delete removed.totals.boundCertificate!.laneShares;
    expect(rules(removed)).toEqual(['LOWER_BOUND_CERTIFICATE']);
  });
});

describe('LaneShares', () => {
  it('keeps the shares open at any instant within the fixed part, as a sweep over every window finds', () => {
    // Seeded windows over two weeks; each share takes what the fixed part has left over its window.
    let seed = 7;
    const random = (): number => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const shares = new LaneShares();
    shares.fix('L', 10_000, 100, 200);
    const windows: [number, number, number][] = [];
    const fromMs = Date.UTC(2026, 10, 23);
    for (let i = 0; i < 300; i++) {
      const open = fromMs + Math.floor(random() * 14 * 86_400_000);
      const close = open + Math.floor(random() * 5 * 86_400_000);
      const minor = Math.min(shares.left('L', open, close), 1 + random() * 400);
      if (minor <= 0) continue;
      shares.add('L', `O${i}`, 0, minor, open, close);
      windows.push([open, close, minor]);
    }
    expect(windows.length).toBeGreaterThan(40);
    const events = windows.flatMap(([open, close, minor]) => [[open, minor], [close, -minor]] as [number, number][]);
    events.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    let open = 0;
    let most = 0;
    for (const [, minor] of events) most = Math.max(most, (open += minor));
    expect(most).toBeLessThanOrEqual(10_000 * (1 + 1e-12));
    // Nearly filled somewhere: the hours' sums are not far above the instants'.
    expect(most).toBeGreaterThan(0.9 * 10_000);
  });

  it("prices a parcel at the lesser of its own line with its lines' shares and its co-load line", () => {
    const shares = new LaneShares();
    shares.fix('L', 10_000, 100, 200);
    shares.add('L', 'A', 0, 50, 0, 1);
    // 2 kg: own 100 × 2 − ½ + 50 = 249.5, loose 200 × 2 − ½ = 399.5.
    expect(shares.figure('L', 2, 'A', [0])).toBe(249.5);
    expect(shares.figure('L', 2, 'A', [1])).toBe(199.5);
    expect(shares.figure('L', 2, 'B', [0])).toBe(199.5);
    expect(shares.headroom('L', 2, 'A', [0])).toBe(150);
    shares.add('L', 'A', 0, 500, 0, 1);
    expect(shares.figure('L', 2, 'A', [0])).toBe(399.5);
    expect(shares.figure('M', 2, 'A', [0])).toBeUndefined();
  });
});
