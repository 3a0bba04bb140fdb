// Prices on contested stock (src/optimise/bound/stock-prices.ts): two orders want the one unit a
// cheap warehouse holds; the other must ship from a dear one. Without prices each order's floor
// takes the cheap unit, so the bound is half the optimum; with the unit priced at what having it
// saves, the bound is the optimum, and the verifier re-derives it from the prices.
import { describe, expect, it } from 'vitest';
import type { Order, StockRecord } from '../../../src/domain/orders.js';
import type { Plan } from '../../../src/domain/plan.js';
import { planBatch } from '../../../src/engine/plan-batch.js';
import type { OrderFloorOf } from '../../../src/optimise/bound/any-routing.js';
import { marginalPrice, priceContestedStock, StockPrices } from '../../../src/optimise/bound/stock-prices.js';
import { verifyPlan } from '../../../src/verify/index.js';
import { buildNetwork, continuous, fixture } from '../../graph/fixtures.js';

const DEAR = 1_000;
const CHEAP = 100;
const network = buildNetwork(
  [
    { id: 'CHEAP', kind: 'domestic_warehouse', timeZone: 'Asia/Shanghai' },
    { id: 'DEAR', kind: 'domestic_warehouse', timeZone: 'Asia/Shanghai' },
    { id: 'ZONE', kind: 'zone', timeZone: 'Asia/Shanghai' },
  ],
  [
    { id: 'LM:CHEAP', from: 'CHEAP', to: 'ZONE', mode: 'last_mile', schedule: continuous(60), cost: { perParcelMinor: CHEAP } },
    { id: 'LM:DEAR', from: 'DEAR', to: 'ZONE', mode: 'last_mile', schedule: continuous(60), cost: { perParcelMinor: DEAR } },
  ],
  { serviceLevels: [{ id: 'domestic', deadline: { kind: 'calendar_days', days: 2 }, modes: ['general_trade'] }] },
);
const order = (id: string): Order => ({
  id, createdAt: '2026-11-23T08:00:00+08:00', destination: 'ZONE', serviceLevel: 'domestic',
  lines: [{ sku: 'S', qty: 1, unitWeightKg: 0.5, unitVolumeM3: 0.001, unitValueMinor: 10_000 }],
});
const ORDERS = [order('X'), order('Y')];
const STOCK: StockRecord[] = [
  { node: 'CHEAP', sku: 'S', qty: 1 },
  { node: 'DEAR', sku: 'S', qty: 5 },
];
const OPTIMUM = CHEAP + DEAR;

const rules = (plan: Plan): string[] => {
  const { model } = fixture(network);
  return [...new Set(verifyPlan({ model, orders: ORDERS, stock: STOCK }, plan).violations.map((v) => v.rule))].sort();
};

describe('prices on contested stock', () => {
  it('price the cheap unit at what it saves: the bound is the optimum, and the verifier agrees', async () => {
    const plan = await planBatch(fixture(network).ctx, ORDERS, STOCK, { solver: 'highs' });
    expect(plan.totals.cost.total).toBe(OPTIMUM);
    expect(plan.totals.boundCertificate!.stockPrices).toEqual([{ node: 'CHEAP', sku: 'S', perUnitMinor: DEAR - CHEAP }]);
    // Floors min(100 + 900, 1,000) twice, less 900 × the one unit held.
    expect(plan.totals.lowerBoundMinor).toBe(OPTIMUM);
    expect(rules(plan)).toEqual([]);
  });

  it('rejects a plan whose prices do not give its bound: prices removed, or raised', async () => {
    const plan = await planBatch(fixture(network).ctx, ORDERS, STOCK, { solver: 'highs' });
    const removed = structuredClone(plan);
    delete removed.totals.boundCertificate!.stockPrices;
    expect(rules(removed)).toEqual(['LOWER_BOUND_CERTIFICATE']);
    const raised = structuredClone(plan);
    raised.totals.boundCertificate!.stockPrices![0]!.perUnitMinor = 2 * DEAR;
    expect(rules(raised)).toEqual(['LOWER_BOUND_CERTIFICATE']);
  });

  it('the marginal price: the saving per unit of the first order that no longer fits', () => {
    const wants = [
      { order: 0, qty: 1, saving: 300 },
      { order: 1, qty: 2, saving: 1_000 },
      { order: 2, qty: 1, saving: 100 },
    ];
    // 500 per unit (order 1) fills 2 of 2 units; order 0 at 300 is the first left out.
    expect(marginalPrice(wants, 2)).toBe(300);
    expect(marginalPrice(wants, 3)).toBe(100);
    expect(marginalPrice(wants, 4)).toBeNull(); // all fit: nothing to price
    // An order with no other way at all cannot set a finite price.
    expect(marginalPrice([{ order: 0, qty: 1, saving: Infinity }, { order: 1, qty: 1, saving: Infinity }], 1)).toBeNull();
  });

  it('charges lines by their units and gives back price × stock held', () => {
    const prices = new StockPrices();
    prices.set('CHEAP', 'S', 900);
    const two: Order = { ...order('Z'), lines: [{ sku: 'S', qty: 2, unitWeightKg: 0.5, unitVolumeM3: 0.001, unitValueMinor: 10_000 }] };
    expect(prices.ofLines(two, 'CHEAP', [0])).toBe(1_800);
    expect(prices.ofLines(two, 'DEAR', [0])).toBe(0);
    expect(prices.charged((node, sku) => (node === 'CHEAP' && sku === 'S' ? 1 : 7))).toBe(900);
    expect(() => prices.set('CHEAP', 'S', 0)).toThrow(RangeError);
  });
});

describe('pricing within its work limit', () => {
  const { index } = fixture(network);
  // Orders X, Y, Z: X and Y contest CHEAP's one unit of S; Z contests the one unit of T.
  const orders: Order[] = [order('X'), order('Y'), { ...order('Z'), lines: [{ ...order('Z').lines[0]!, sku: 'T' }] }];
  const onHand = (node: string, sku: string): number => (node === 'CHEAP' ? (sku === 'S' || sku === 'T' ? 1 : 0) : 5);
  const problem = { departures: [], portDays: [], stock: [], orders: orders.map((o) => ({ order: o.id, weightKg: 0.5, choices: [] })) };
  const factsOf = (id: string) => ({ order: orders.find((o) => o.id === id)!, deadlineMs: Infinity, modes: ['general_trade' as const] });
  // A floor of one line: CHEAP's unit when it holds one (plus its price), else DEAR's.
  const floorOf: OrderFloorOf = (facts, available, prices) => {
    const sku = facts.order.lines[0]!.sku;
    const cheap = available('CHEAP', sku) >= 1 ? CHEAP + (prices?.ofLines(facts.order, 'CHEAP', [0]) ?? 0) : Infinity;
    return Math.min(cheap, DEAR);
  };
  const floors = orders.map(() => CHEAP);
  const run = (maxFloors: number) => {
    const steps = priceContestedStock(index, problem, factsOf, () => true, floors, floorOf, onHand, { maxFloors });
    for (let step = steps.next(); ; step = steps.next()) if (step.done === true) return step.value;
  };
  // Z alone wants T, so only S is contested.
  it('prices what the limit leaves room for, floors included, and nothing past it', () => {
    const all = run(100);
    expect(all?.prices.toCertificate()).toEqual([{ node: 'CHEAP', sku: 'S', perUnitMinor: DEAR - CHEAP }]);
    expect([...all!.floors]).toEqual([[0, DEAR], [1, DEAR]]);
    // S needs 2 saving floors and up to 2 priced floors: with 3, nothing is priced.
    expect(run(4)?.prices.size).toBe(1);
    expect(run(3)).toBeNull();
  });
});
