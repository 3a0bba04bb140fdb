// planner.quote, then the quoted orders planned: what the engine guarantees. An order placed
// with the promise of its cheapest quoted mode as its `deliverBy` is planned and delivered by
// that promise (by any mode the plan picks), provided stock and capacity do not bind across
// the batch — the quote looked at each order alone. Why that holds: the quoted routing arrives
// by the promise, so the itinerary search at the new deadline still finds a routing; the
// baseline then plans the order, the optimiser plans every order the baseline plans, and the
// verifier rejects any plan that delivers after a deadline. Here stock is scaled so that no
// SKU can run out (asserted), on a batch far below the allotments and clearance capacities.
// Orders with no promise get, in the plan, the reason the quote gave.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlanner, type Planner } from '../../src/api/planner.js';
import type { Order } from '../../src/domain/orders.js';
import type { OrderQuote } from '../../src/api/quote.js';
import { parseInstant } from '../../src/time/index.js';
import { type ApiFixture, apiFixture } from './fixtures.js';

const STOCK_SCALE = 1_000;
let f: ApiFixture;
let planner: Planner;
let quotes: OrderQuote[];

beforeAll(async () => {
  const base = apiFixture(60, 1313);
  f = { ...base, stock: base.stock.map((r) => ({ ...r, qty: r.qty * STOCK_SCALE })) };
  planner = createPlanner({ network: f.network, stock: f.stock, workers: 0 });
  quotes = [];
  for (const order of f.orders) quotes.push(await planner.quote(order));
});
afterAll(async () => {
  await planner.close();
});

describe('quotes then plans', () => {
  it('has stock no batch of these orders can exhaust (the guarantee\u2019s precondition)', () => {
    const demand = new Map<string, number>();
    for (const o of f.orders) for (const l of o.lines) demand.set(l.sku, (demand.get(l.sku) ?? 0) + l.qty);
    // Every record that holds a SKU at all holds the batch's whole demand for it.
    for (const r of f.stock) if (r.qty > 0) expect(r.qty).toBeGreaterThanOrEqual(demand.get(r.sku) ?? 0);
  });

  it('plans every order quoted with a promise, delivered by that promise', async () => {
    const promised = quotes.filter((q) => q.best !== null);
    expect(promised.length).toBeGreaterThan(f.orders.length / 2);
    const byId = new Map(f.orders.map((o) => [o.id, o]));
    const placed: Order[] = promised.map((q) => ({ ...byId.get(q.order)!, deliverBy: q.best!.promisedBy }));
    const plan = await planner.plan(placed);
    const promiseOf = new Map(promised.map((q) => [q.order, q.best!.promisedBy]));
    for (const answer of plan.orders) {
      expect(answer.status, answer.order).toBe('planned');
      if (answer.status !== 'planned') continue;
      expect(parseInstant(answer.deliveredAt), answer.order).toBeLessThanOrEqual(parseInstant(promiseOf.get(answer.order)!));
    }
  });

  it('promises within the deadline, at the end of the local day of the expected delivery', () => {
    for (const q of quotes) {
      for (const m of q.modes) {
        if (m.status !== 'promised') continue;
        expect(parseInstant(m.expectedDelivery)).toBeLessThanOrEqual(parseInstant(m.promisedBy));
        expect(parseInstant(m.promisedBy)).toBeLessThanOrEqual(parseInstant(m.deadline));
        expect(m.promisedBy.slice(0, 10)).toBe(m.expectedDelivery.slice(0, 10));
        expect(m.marginalCostMinor).toBe(m.parcelChargesMinor + m.departureChargesMinor);
        expect(m.sources).toEqual([...new Set(m.parcels.map((p) => p.source))]);
      }
      // Against no base plan, the answer says so.
      expect(q.against).toBe('empty');
      expect(q.note).toMatch(/empty network/);
    }
  });

  it('gives orders with no promise the reason the plan gives them', async () => {
    const refused = quotes.filter((q) => q.best === null);
    expect(refused.length).toBeGreaterThan(0);
    const plan = await planner.plan(f.orders.filter((o) => refused.some((q) => q.order === o.id)));
    for (const q of refused) {
      const answer = plan.orders.find((a) => a.order === q.order)!;
      expect(answer.status).toBe('unplanned');
      if (answer.status !== 'unplanned') continue;
      expect(q.unpromised?.reason).toBe(answer.reason);
      expect(q.unpromised?.message).toBe(answer.message);
    }
  });

  it('honours an AbortSignal', async () => {
    const controller = new AbortController();
    controller.abort(new Error('gone'));
    await expect(planner.quote(f.orders[0]!, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});
