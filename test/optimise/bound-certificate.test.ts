// The bound holds over every sourcing an order allows, not only some of its sources (capFixture,
// where the choice cap also keeps every source), and the plan's certificate lets the verifier re-derive it (sourcingFixture).
// sourcingFixture, six nodes: 100 orders B ride lane SHARED (CNY 1,000 a departure, whatever it
// carries) from WH-B; order A is stocked at WH-A, with four direct last-mile lanes at CNY 20.00
// each, and at WH-B, whose only way to A's zone is SHARED, where riding with the Bs costs A
// CNY 0.05. Over both sources A's floor is SHARED's per-kg floor (1,000 / 101 kg); over WH-A
// alone it would be CNY 20.00, and with the Bs' floors (about CNY 990) lie above the optimum.
// With SHARED's fixed part shared out over the 101 orders the bound is the optimum.
import { describe, expect, it } from 'vitest';
import type { Order, StockRecord } from '../../src/domain/orders.js';
import type { Plan } from '../../src/domain/plan.js';
import { planBatch } from '../../src/engine/plan-batch.js';
import { anyRoutingBound, anyRoutingFloors } from '../../src/optimise/bound/any-routing.js';
import { orderCandidates } from '../../src/optimise/choices/candidates.js';
import { examineOrder, type OrderFacts } from '../../src/optimise/choices/order-facts.js';
import { StockLedger } from '../../src/optimise/ledger/stock-ledger.js';
import { Assignment } from '../../src/optimise/model/assignment.js';
import { ProblemBuilder } from '../../src/optimise/model/problem.js';
import { verifyPlan } from '../../src/verify/index.js';
import { buildNetwork, continuous, EVERY_DAY, fixture, weekly } from '../graph/fixtures.js';
import { oneAndMany } from './fixtures.js';

const FIXED_MINOR = 100_000;
const B_ORDERS = 100;

function sourcingFixture() {
  const direct = [1, 2, 3, 4].map((i) => ({
    id: `DIRECT-${i}`, from: 'WH-A', to: 'ZONE-A', mode: 'last_mile' as const, schedule: continuous(60 * i), cost: { perParcelMinor: 2000 },
  }));
  const network = buildNetwork(
    [
      { id: 'WH-A', kind: 'domestic_warehouse', timeZone: 'Asia/Shanghai' },
      { id: 'WH-B', kind: 'domestic_warehouse', timeZone: 'Asia/Shanghai' },
      { id: 'HUB-X', kind: 'domestic_warehouse', timeZone: 'Asia/Shanghai' },
      { id: 'HUB-Y', kind: 'domestic_warehouse', timeZone: 'Asia/Shanghai' },
      { id: 'ZONE-A', kind: 'zone', timeZone: 'Asia/Shanghai' },
      { id: 'ZONE-B', kind: 'zone', timeZone: 'Asia/Shanghai' },
    ],
    [
      ...direct,
      { id: 'FEED-B', from: 'WH-B', to: 'HUB-X', mode: 'truck', schedule: continuous(60), cost: {} },
      {
        id: 'SHARED', from: 'HUB-X', to: 'HUB-Y', mode: 'truck', schedule: weekly([{ weekdays: EVERY_DAY, time: '12:00' }], 120),
        cost: { perConsolidationMinor: FIXED_MINOR },
      },
      { id: 'LM-A', from: 'HUB-Y', to: 'ZONE-A', mode: 'last_mile', schedule: continuous(60), cost: { perParcelMinor: 5 } },
      { id: 'LM-B', from: 'HUB-Y', to: 'ZONE-B', mode: 'last_mile', schedule: continuous(60), cost: {} },
    ],
    { serviceLevels: [{ id: 'domestic', deadline: { kind: 'calendar_days', days: 2 }, modes: ['general_trade'] }] },
  );
  return fixture(network);
}

const line = { qty: 1, unitWeightKg: 1, unitVolumeM3: 0.001, unitValueMinor: 10_000 };
const created = '2026-11-23T08:00:00+08:00';
const ORDERS: Order[] = oneAndMany(B_ORDERS);
const STOCK: StockRecord[] = [
  { node: 'WH-A', sku: 'SKU-A', qty: 1 },
  { node: 'WH-B', sku: 'SKU-A', qty: 1 },
  { node: 'WH-B', sku: 'SKU-B', qty: B_ORDERS },
];

/** A feasible plan's cost: every order on SHARED, A from WH-B (an upper bound on the optimum). */
function allOnShared(): number {
  const { ctx, model, index } = sourcingFixture();
  const ledger = new StockLedger(STOCK);
  const builder = new ProblemBuilder(model, (node, sku) => ledger.available(node, sku));
  for (const order of ORDERS) {
    const found = orderCandidates(ctx, examineOrder(model, order) as OrderFacts, ledger, { k: 50, departuresPerLane: 1 });
    if ('status' in found) throw new Error(`order ${order.id}: ${found.reason}`);
    builder.add(found);
  }
  const problem = builder.problem;
  const assignment = new Assignment(problem, index);
  problem.orders.forEach((po, o) => {
    const c = po.choices.findIndex((choice) => choice.parcels[0]!.legs.some((l) => l.lane === 'SHARED'));
    if (c < 0) throw new Error(`test: ${po.order} has no routing on SHARED`);
    assignment.assign(o, c);
  });
  return assignment.recomputeTotal();
}

function verify(plan: Plan) {
  const { model } = sourcingFixture();
  return verifyPlan({ model, orders: ORDERS, stock: STOCK }, plan);
}

function rules(plan: Plan): string[] {
  return [...new Set(verify(plan).violations.map((v) => v.rule))].sort();
}

function withBound(plan: Plan, boundMinor: number): Plan {
  const copy = structuredClone(plan);
  copy.totals.lowerBoundMinor = boundMinor;
  copy.totals.gap = (copy.totals.cost.total - boundMinor) / copy.totals.cost.total;
  return copy;
}

/**
 * Order A alone, stocked at WH-A1, WH-A2, WH-A3 and WH-B. From each WH-A a choice of four
 * parallel lanes to HUB, each a departure of its own at CNY 500 whatever it carries (own
 * charges 0); from WH-B one last-mile lane at CNY 1.00. Choices are kept twelve at most: by
 * own charges alone the twelve from the WH-As, WH-B's dropped. The optimum is WH-B's CNY 1.00;
 * a floor over the WH-As only would be CNY 500.
 */
function capFixture() {
  const sources = ['WH-A1', 'WH-A2', 'WH-A3'];
  const network = buildNetwork(
    [
      ...sources.map((id) => ({ id, kind: 'domestic_warehouse' as const, timeZone: 'Asia/Shanghai' })),
      { id: 'WH-B', kind: 'domestic_warehouse', timeZone: 'Asia/Shanghai' },
      { id: 'HUB', kind: 'domestic_warehouse', timeZone: 'Asia/Shanghai' },
      { id: 'ZONE-A', kind: 'zone', timeZone: 'Asia/Shanghai' },
    ],
    [
      ...sources.flatMap((from) => [1, 2, 3, 4].map((i) => ({
        id: `EXP-${from}-${i}`, from, to: 'HUB', mode: 'truck' as const, schedule: weekly([{ weekdays: EVERY_DAY, time: '12:00' }], 60 * i),
        cost: { perConsolidationMinor: 50_000 },
      }))),
      { id: 'LM-HUB', from: 'HUB', to: 'ZONE-A', mode: 'last_mile', schedule: continuous(60), cost: {} },
      { id: 'LM-B', from: 'WH-B', to: 'ZONE-A', mode: 'last_mile', schedule: continuous(60), cost: { perParcelMinor: 100 } },
    ],
    { serviceLevels: [{ id: 'domestic', deadline: { kind: 'calendar_days', days: 2 }, modes: ['general_trade'] }] },
  );
  const orders: Order[] = [{ id: 'A', createdAt: created, destination: 'ZONE-A', serviceLevel: 'domestic', lines: [{ sku: 'SKU-A', ...line }] }];
  const stock: StockRecord[] = [...sources, 'WH-B'].map((node) => ({ node, sku: 'SKU-A', qty: 1 }));
  return { ...fixture(network), orders, stock };
}

describe('the bound over every allowed sourcing', () => {
  it("is at most the optimum, whichever sources the order's choices use; the cap keeps every source", async () => {
    const { ctx, model, orders, stock } = capFixture();
    const ledger = new StockLedger(stock);
    const builder = new ProblemBuilder(model, (node, sku) => ledger.available(node, sku));
    const facts = examineOrder(model, orders[0]!) as OrderFacts;
    const found = orderCandidates(ctx, facts, ledger, { k: 4, departuresPerLane: 1 });
    if ('status' in found) throw new Error(found.reason);
    builder.add(found);
    const problem = builder.problem;
    // Twelve kept of thirteen: by own charges alone WH-B's (CNY 1.00 against 0) would be the one
    // dropped; the cap keeps every sourcing option's cheapest choice.
    expect(problem.orders[0]!.choices).toHaveLength(12);
    expect(new Set(problem.orders[0]!.choices.map((c) => c.parcels[0]!.source))).toEqual(new Set(['WH-A1', 'WH-A2', 'WH-A3', 'WH-B']));

    const all = () => true;
    const factsOf = () => facts;
    const floors = anyRoutingFloors(ctx, problem, factsOf, all, (n, s) => ledger.available(n, s));
    expect(anyRoutingBound(floors, all)).toBe(100);
    // Over the WH-As only (WH-B's stock not seen): a whole departure, CNY 500 — a floor over some
    // of the sources is no bound.
    const kept = new StockLedger(stock.filter((r) => r.node !== 'WH-B'));
    expect(anyRoutingBound(anyRoutingFloors(ctx, problem, factsOf, all, (n, s) => kept.available(n, s)), all)).toBe(50_000 - 0.5);

    // With WH-B among its choices the optimiser finds the optimum, and the bound proves it.
    const plan = await planBatch(ctx, orders, stock, { solver: 'highs' });
    expect(plan.totals.cost.total).toBe(100);
    expect(plan.totals.lowerBoundMinor).toBe(100);
    expect(verifyPlan({ model, orders, stock }, plan).violations).toEqual([]);
  });
});

describe("the plan's bound certificate", () => {
  it('states a bound at most the optimum, which the verifier re-derives; the certificate is small', async () => {
    const { ctx } = sourcingFixture();
    const plan = await planBatch(ctx, ORDERS, STOCK, { solver: 'highs' });
    const cert = plan.totals.boundCertificate;
    expect(cert).toBeDefined();
    expect(cert!.lanes.map((l) => l.lane)).toEqual(['SHARED']);
    expect(cert!.lanes[0]!.capKg).toBe(B_ORDERS + 1);
    expect(cert!.lanes[0]!.perKgMinor).toBeCloseTo(FIXED_MINOR / (B_ORDERS + 1), 9);
    expect(plan.totals.lowerBoundMinor).toBe(Math.floor(cert!.floorsMinor));
    // SHARED's fixed CNY 1,000 shared out over the 101 orders that ride it (bound/lane-shares.ts):
    // the bound is the optimum itself.
    expect(cert!.laneShares?.map((l) => [l.lane, l.fixedMinor, l.shares.length])).toEqual([['SHARED', FIXED_MINOR, B_ORDERS + 1]]);
    expect(plan.totals.lowerBoundMinor!).toBe(allOnShared());
    expect(verify(plan).violations).toEqual([]);
  });

  it('rejects the bound raised 1 fen, a floor sum raised, a lane rate raised, a cap cut, the certificate removed', async () => {
    const { ctx } = sourcingFixture();
    const plan = await planBatch(ctx, ORDERS, STOCK, { solver: 'highs' });
    const bound = plan.totals.lowerBoundMinor!;
    // The bound is the plan's cost: one fen more is a negative gap. With every share 1 % less the
    // certificate proves less than the bound it states.
    expect(rules(withBound(plan, bound + 1))).toEqual(['SCHEMA']);
    const less = structuredClone(plan);
    for (const share of less.totals.boundCertificate!.laneShares![0]!.shares) share.minor *= 0.99;
    expect(rules(less)).toEqual(['LOWER_BOUND_CERTIFICATE']);

    const floors = structuredClone(plan);
    floors.totals.boundCertificate!.floorsMinor += 1;
    expect(rules(floors)).toEqual(['LOWER_BOUND_CERTIFICATE']);

    const rate = structuredClone(plan);
    rate.totals.boundCertificate!.lanes[0]!.perKgMinor *= 1.01;
    expect(rules(rate)).toEqual(['LOWER_BOUND_CERTIFICATE']);

    // A cap of 1 kg would make SHARED's floor its whole CNY 1,000 per kg: no departure is that light.
    const cap = structuredClone(plan);
    cap.totals.boundCertificate!.lanes[0]!.capKg = 1;
    cap.totals.boundCertificate!.lanes[0]!.perKgMinor = FIXED_MINOR;
    expect(rules(cap)).toEqual(['LOWER_BOUND_CERTIFICATE']);

    const removed = structuredClone(plan);
    delete removed.totals.boundCertificate;
    expect(rules(removed)).toEqual(['LOWER_BOUND_CERTIFICATE']);

    // A bound left out (0 counts): the rest is still proven, so a weaker bound passes.
    expect(verify(withBound(plan, Math.floor(bound / 2))).violations).toEqual([]);
  });
});

describe('the bound over routings longer than the engine searches', () => {
  it('counts an 8-leg routing at CNY 0.08 although the engine, capped at 6 legs, plans the CNY 10.00 direct lane', async () => {
    const hubs = ['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'H7'];
    const chain = ['WH', ...hubs, 'ZONE'];
    const network = buildNetwork(
      [
        ...['WH', ...hubs].map((id) => ({ id, kind: 'domestic_warehouse' as const, timeZone: 'Asia/Shanghai' })),
        { id: 'ZONE', kind: 'zone', timeZone: 'Asia/Shanghai' },
      ],
      [
        ...chain.slice(1).map((to, i) => ({
          id: `HOP-${i + 1}`, from: chain[i]!, to, mode: (to === 'ZONE' ? 'last_mile' : 'truck') as 'last_mile' | 'truck',
          schedule: continuous(30), cost: { perParcelMinor: 1 },
        })),
        { id: 'DIRECT', from: 'WH', to: 'ZONE', mode: 'last_mile', schedule: continuous(60), cost: { perParcelMinor: 1000 } },
      ],
      { serviceLevels: [{ id: 'domestic', deadline: { kind: 'calendar_days', days: 2 }, modes: ['general_trade'] }] },
    );
    const { ctx, model } = fixture(network);
    const orders: Order[] = [{ id: 'A', createdAt: created, destination: 'ZONE', serviceLevel: 'domestic', lines: [{ sku: 'SKU-A', ...line }] }];
    const stock: StockRecord[] = [{ node: 'WH', sku: 'SKU-A', qty: 1 }];
    const plan = await planBatch(ctx, orders, stock, { solver: 'highs' });
    expect(plan.totals.cost.total).toBe(1000);
    expect(plan.totals.lowerBoundMinor).toBe(8);
    expect(verifyPlan({ model, orders, stock }, plan).violations).toEqual([]);
    // The bound the 6-leg search alone would give (the direct lane's CNY 10.00) the verifier rejects.
    const capped = structuredClone(plan);
    capped.totals.lowerBoundMinor = 1000;
    capped.totals.gap = 0;
    expect(verifyPlan({ model, orders, stock }, capped).violations.map((v) => v.rule)).toEqual(['LOWER_BOUND_CERTIFICATE']);
  });
});
