// Small consolidation instances for the optimiser tests: one Japanese base with two daily
// air lanes to Shanghai (different carriers, weight breaks, MAWB and ULD costs), a clearance
// port, a bonded warehouse, and two zones; seeded random orders. Figures are chosen so that
// consolidating matters (fixed costs ≫ per-kg freight at these loads) and several departures
// meet every deadline, so the optimiser has real choices.
import type { Order, StockRecord } from '../../src/domain/orders.js';
import { createRng } from '../../src/generate/prng.js';
import { orderCandidates } from '../../src/optimise/choices/candidates.js';
import { examineOrder, type OrderFacts } from '../../src/optimise/choices/order-facts.js';
import { StockLedger } from '../../src/optimise/ledger/stock-ledger.js';
import { ProblemBuilder, type Problem } from '../../src/optimise/model/problem.js';
import { buildNetwork, continuous, EVERY_DAY, fixture, type Fixture, weekly } from '../graph/fixtures.js';

const FREIGHT = {
  minChargeMinor: 20_000,
  breaks: [
    { fromKg: 0, perKgMinor: 2_000 },
    { fromKg: 45, perKgMinor: 1_600 },
    { fromKg: 100, perKgMinor: 1_200 },
  ],
};

/**
 * @param coLoad a consolidator's offer on both air lanes (shipping loose), when given; the
 * co-load tests use it, every other test the plain fixture.
 */
export function consolidationFixture(coLoad?: { perKgMinor: number; minChargeMinor: number }): Fixture {
  const offer = coLoad === undefined ? {} : { coLoad };
  const network = buildNetwork(
    [
      { id: 'BASE-JP', kind: 'storage_base', timeZone: 'Asia/Tokyo', country: 'JP', handlingMinutes: 60, handlingPerParcelMinor: 200 },
      { id: 'NRT', kind: 'airport', timeZone: 'Asia/Tokyo', country: 'JP' },
      { id: 'PVG', kind: 'airport', timeZone: 'Asia/Shanghai' },
      { id: 'PORT-SH', kind: 'clearance_port', timeZone: 'Asia/Shanghai', dailyParcelCapacity: 1_000 },
      { id: 'BW-SH', kind: 'bonded_warehouse', timeZone: 'Asia/Shanghai', handlingMinutes: 60, handlingPerParcelMinor: 300 },
      { id: 'ZONE-SH', kind: 'zone', timeZone: 'Asia/Shanghai' },
      { id: 'ZONE-ZJ', kind: 'zone', timeZone: 'Asia/Shanghai' },
    ],
    [
      { id: 'TRK', from: 'BASE-JP', to: 'NRT', mode: 'truck', schedule: continuous(120), cost: { perParcelMinor: 500 } },
      {
        id: 'AIR-A', from: 'NRT', to: 'PVG', mode: 'air', schedule: weekly([{ weekdays: EVERY_DAY, time: '10:00' }], 180, 120),
        cost: { freight: FREIGHT, perConsolidationMinor: 60_000, perUldMinor: 10_000 },
        uld: { type: 'AKE', maxKg: 1588, maxM3: 4.3 }, maxUldsPerDeparture: 2, ...offer,
      },
      {
        id: 'AIR-B', from: 'NRT', to: 'PVG', mode: 'air', schedule: weekly([{ weekdays: EVERY_DAY, time: '18:00' }], 170, 60),
        cost: { freight: { ...FREIGHT, minChargeMinor: 16_000 }, perConsolidationMinor: 70_000, perUldMinor: 10_000 },
        uld: { type: 'AKE', maxKg: 1588, maxM3: 4.3 }, maxUldsPerDeparture: 2, ...offer,
      },
      { id: 'CLR', from: 'PVG', to: 'PORT-SH', mode: 'clearance', schedule: { kind: 'working_time', workingMinutes: 240 }, cost: { perParcelMinor: 1_000 } },
      { id: 'LM-SH', from: 'PORT-SH', to: 'ZONE-SH', mode: 'last_mile', schedule: continuous(1440), cost: { perParcelMinor: 800, perParcelKgMinor: 200, includedKg: 1 } },
      { id: 'LM-ZJ', from: 'PORT-SH', to: 'ZONE-ZJ', mode: 'last_mile', schedule: continuous(2880), cost: { perParcelMinor: 1_000, perParcelKgMinor: 300, includedKg: 1 } },
      { id: 'LM-BW', from: 'BW-SH', to: 'ZONE-SH', mode: 'last_mile', schedule: continuous(720), cost: { perParcelMinor: 600, perParcelKgMinor: 100, includedKg: 1 } },
    ],
    {
      serviceLevels: [
        { id: 'direct_mail', deadline: { kind: 'calendar_days', days: 6 }, modes: ['direct_mail', 'bonded'] },
      ],
    },
  );
  return fixture(network);
}

/** `count` orders created over one day, seeded; SKU-X at the base only, SKU-Y also bonded. */
export function randomOrders(seed: number, count: number): { orders: Order[]; stock: StockRecord[] } {
  const rng = createRng(seed, 'optimise-fixture');
  const orders: Order[] = [];
  for (let i = 0; i < count; i++) {
    const hour = rng.int(0, 23);
    const sku = rng.chance(0.7) ? 'SKU-X' : 'SKU-Y';
    orders.push({
      id: `O${i + 1}`,
      createdAt: `2026-11-23T${String(hour).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00+08:00`,
      destination: rng.chance(0.5) ? 'ZONE-SH' : 'ZONE-ZJ',
      serviceLevel: 'direct_mail',
      lines: [{ sku, qty: rng.int(1, 3), unitWeightKg: rng.int(2, 60) / 2, unitVolumeM3: 0.01, unitValueMinor: 20_000 }],
    });
  }
  const stock: StockRecord[] = [
    { node: 'BASE-JP', sku: 'SKU-X', qty: 1_000 },
    { node: 'BASE-JP', sku: 'SKU-Y', qty: 1_000 },
    { node: 'BW-SH', sku: 'SKU-Y', qty: 2 },
  ];
  return { orders, stock };
}

/**
 * The optimiser's Problem over `randomOrders(seed, count)` on the consolidation fixture (k = 3
 * itineraries per parcel), without a start: what the bound and exact-step tests solve directly.
 * `ctx` and `factsOf` are what the bound over every itinerary (bound/any-routing.ts) needs.
 */
export function fixtureProblem(
  seed: number,
  count: number,
  coLoad?: { perKgMinor: number; minChargeMinor: number },
): { problem: Problem; model: Fixture['model']; ctx: Fixture['ctx']; factsOf: (orderId: string) => OrderFacts | undefined } {
  const { ctx, model } = consolidationFixture(coLoad);
  const { orders, stock } = randomOrders(seed, count);
  const ledger = new StockLedger(stock);
  const builder = new ProblemBuilder(model, (node, sku) => ledger.available(node, sku));
  const facts = new Map<string, OrderFacts>();
  for (const order of orders) {
    const f = examineOrder(model, order) as OrderFacts;
    facts.set(order.id, f);
    const candidates = orderCandidates(ctx, f, ledger, { k: 3, departuresPerLane: 2 });
    if (!('status' in candidates)) builder.add(candidates);
  }
  return { problem: builder.problem, model, ctx, factsOf: (id) => facts.get(id) };
}

/** One departure of AIR-A and orders of the given weights, each with one choice on it (own cost 1,000). */
export function oneDeparture(weightsKg: readonly number[], alternativeMinor?: number): Problem {
  return {
    departures: [{ lane: 'AIR-A', departureMs: 0, origin: 'NRT' }],
    portDays: [],
    stock: [],
    orders: weightsKg.map((weightKg, o) => ({
      order: `O${o + 1}`,
      weightKg,
      choices: [
        { parcels: [], ownMinor: 1_000, uses: [{ dep: 0, weightKg, volumeM3: 0.01 }], portDays: [], stock: [] },
        // An alternative that rides no departure (e.g. bonded stock), when given.
        ...(alternativeMinor === undefined ? [] : [{ parcels: [], ownMinor: alternativeMinor, uses: [], portDays: [], stock: [] }]),
      ],
    })),
  };
}

/**
 * Order A (1 kg of SKU-A to ZONE-A) and `bs` orders B0… (1 kg of SKU-B each to ZONE-B), all created
 * at one instant under the `domestic` service level: the one-against-many batches of the bound's tests.
 */
export function oneAndMany(bs: number): Order[] {
  const line = { qty: 1, unitWeightKg: 1, unitVolumeM3: 0.001, unitValueMinor: 10_000 };
  const createdAt = '2026-11-23T08:00:00+08:00';
  return [
    { id: 'A', createdAt, destination: 'ZONE-A', serviceLevel: 'domestic', lines: [{ sku: 'SKU-A', ...line }] },
    ...Array.from({ length: bs }, (_, i) => ({ id: `B${i}`, createdAt, destination: 'ZONE-B', serviceLevel: 'domestic', lines: [{ sku: 'SKU-B', ...line }] })),
  ];
}
