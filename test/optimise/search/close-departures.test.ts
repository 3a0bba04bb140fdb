// Closing a departure against the plan (src/optimise/search/close-departures.ts): two light
// departures, two riders each, each departure paying the consolidator's minimum; no single order
// leaving one saves anything (its fellow rider still pays the minimum, and joining the other
// costs nothing under a minimum already paid), so only moving a departure's riders together
// captures the minimum charge.
import { describe, expect, it } from 'vitest';
import type { Order } from '../../../src/domain/orders.js';
import { orderCandidates } from '../../../src/optimise/choices/candidates.js';
import { examineOrder, type OrderFacts } from '../../../src/optimise/choices/order-facts.js';
import { StockLedger } from '../../../src/optimise/ledger/stock-ledger.js';
import { Assignment } from '../../../src/optimise/model/assignment.js';
import { ProblemBuilder } from '../../../src/optimise/model/problem.js';
import { improveAgainstPlan } from '../../../src/optimise/search/against-plan.js';
import { closeDepartureSteps, DEFAULT_CLOSE } from '../../../src/optimise/search/close-departures.js';
import { DEFAULT_REROUTE, rerouteAgainstPlan } from '../../../src/optimise/search/reroute.js';
import { consolidationFixture } from '../fixtures.js';

const MIN_CHARGE = 20_000;
const order = (id: string): Order => ({
  id, createdAt: '2026-11-23T06:00:00+08:00', destination: 'ZONE-SH', serviceLevel: 'direct_mail',
  lines: [{ sku: 'SKU-X', qty: 1, unitWeightKg: 1, unitVolumeM3: 0.001, unitValueMinor: 20_000 }],
});

/** A and B on the first AIR-A departure, C and D on the first AIR-B one: both ship loose at the minimum. */
function started() {
  const { ctx, model, index } = consolidationFixture({ perKgMinor: 1_000, minChargeMinor: MIN_CHARGE });
  const ledger = new StockLedger([{ node: 'BASE-JP', sku: 'SKU-X', qty: 10 }]);
  const builder = new ProblemBuilder(model, (node, sku) => ledger.available(node, sku));
  const facts = ['A', 'B', 'C', 'D'].map((id) => examineOrder(model, order(id)) as OrderFacts);
  for (const f of facts) {
    const found = orderCandidates(ctx, f, ledger, { k: 4, departuresPerLane: 1 });
    if ('status' in found) throw new Error(`order ${f.order.id}: ${found.reason}`);
    builder.add(found);
  }
  const a = new Assignment(builder.problem, index);
  const on = (o: number, lane: string): number =>
    a.problem.orders[o]!.choices.findIndex((c) => c.parcels[0]!.legs.some((l) => l.lane === lane));
  a.assign(0, on(0, 'AIR-A'));
  a.assign(1, on(1, 'AIR-A'));
  a.assign(2, on(2, 'AIR-B'));
  a.assign(3, on(3, 'AIR-B'));
  return { ctx, builder, a, facts };
}

const departuresUsed = (a: Assignment): number => a.problem.departures.filter((_, d) => a.departureLoad(d).weightKg > 0).length;

describe('closing a departure against the plan', () => {
  it('starts on two departures, each paying the minimum, which single moves cannot save', () => {
    const { ctx, builder, a, facts } = started();
    expect(departuresUsed(a)).toBe(2);
    const before = a.total;
    expect(rerouteAgainstPlan(ctx, builder, a, (o) => facts[o], DEFAULT_REROUTE).moved).toBe(0);
    expect(a.total).toBe(before);
  });

  it("moves one departure's riders onto the other and saves its minimum charge", () => {
    const { ctx, builder, a, facts } = started();
    const before = a.total;
    const closing = closeDepartureSteps(ctx, builder, a, (o) => facts[o], DEFAULT_REROUTE, DEFAULT_CLOSE);
    let step = closing.next();
    while (step.done !== true) step = closing.next();
    expect(step.value.closed).toBe(1);
    expect(departuresUsed(a)).toBe(1);
    expect(a.total).toBe(before - MIN_CHARGE);
    expect(a.recomputeTotal()).toBe(a.total);
  });

  it('leaves the plan as it was when its riders may not move', () => {
    const { ctx, builder, a, facts } = started();
    const before = Int32Array.from(a.choiceOf);
    const total = a.total;
    const closing = closeDepartureSteps(ctx, builder, a, (o) => (o === 2 ? undefined : facts[o]), DEFAULT_REROUTE, { maxSearches: 1 });
    let step = closing.next();
    while (step.done !== true) step = closing.next();
    // C is fixed (its departure is not tried); A and B are two riders, over a budget of one.
    expect(step.value.tried).toBe(0);
    expect([...a.choiceOf]).toEqual([...before]);
    expect(a.total).toBe(total);
  });
});

describe('the stage against the plan (search/against-plan.ts)', () => {
  it('moves orders, then closes departures, in rounds, reporting orders searched only ever upwards', async () => {
    const { ctx, builder, a, facts } = started();
    const before = a.total;
    const seen: number[] = [];
    const { stopped } = await improveAgainstPlan(ctx, builder, a, (o) => facts[o], DEFAULT_REROUTE, DEFAULT_CLOSE, { onProgress: (done) => seen.push(done) });
    expect(stopped).toBe(false);
    expect(a.total).toBe(before - MIN_CHARGE);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen).toEqual([...seen].sort((x, y) => x - y));
  });

  it('stops when told to, the plan whole', async () => {
    const { ctx, builder, a, facts } = started();
    const before = a.total;
    const { stopped } = await improveAgainstPlan(ctx, builder, a, (o) => facts[o], DEFAULT_REROUTE, DEFAULT_CLOSE, { shouldStop: () => true });
    // Asked before each round and each closing, and at every pause inside them.
    expect(stopped).toBe(true);
    expect(a.total).toBe(before);
    expect(a.recomputeTotal()).toBe(a.total);
  });
});
