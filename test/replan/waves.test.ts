// Bookings: two waves of one day planned together, against wave 1 planned, every consolidation
// of it booked, then wave 2 re-planned around it. The re-plan keeps every booked consolidation
// and its parcels exactly, plans every order the joint plan plans, and costs at most
// WAVE_MARGIN more than the joint plan. Measured: +13.0 % on this batch (240 orders, seed 7,
// heuristic solver: CNY 11,600.45 against 10,262.18) once splits were ranked by cost
// (src/optimise/choices/sourcing.ts); +25.2 % before (17,288.96 against 13,806.96), and +14.3 %
// before itineraries were priced against the plan (src/optimise/search/reroute.ts). Wave 1 alone
// books departures that suit it, which wave 2 must then live with.
import { afterAll, describe, expect, it } from 'vitest';
import { createPlanner } from '../../src/api/planner.js';
import type { Plan } from '../../src/domain/plan.js';
import { apiFixture } from '../api/fixtures.js';

/** The re-plan may cost this much more than planning both waves together. */
const WAVE_MARGIN = 0.3;
/** Unbooking the later half of wave 1 may cost this much more than keeping all of it booked. */
const PARTLY_MARGIN = 0.001;

const f = apiFixture(240, 7);
const orders = [...f.orders].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || (a.id < b.id ? -1 : 1));
const wave1 = orders.slice(0, orders.length / 2);
const planner = createPlanner({ network: f.network, stock: f.stock, workers: 0, solver: 'heuristic' });
afterAll(() => planner.close());

const parcels = (plan: Plan) => new Map(plan.orders.flatMap((a) => (a.status === 'planned' ? a.parcels.map((p) => [p.id, p] as const) : [])));

describe('replan: wave 2 around booked wave 1', async () => {
  const joint = await planner.plan(orders);
  const first = await planner.plan(wave1);
  const second = await planner.replan({ previous: first, orders });
  const report = second.replan!;

  it('books every consolidation of wave 1 and keeps each one, its parcels unchanged', () => {
    expect(report.booked).toEqual(first.consolidations.map((c) => c.id));
    expect(report.kept).toEqual(report.booked);
    const now = new Map(second.consolidations.map((c) => [c.id, c]));
    const after = parcels(second);
    for (const c of first.consolidations) {
      expect(now.get(c.id)?.parcels).toEqual(expect.arrayContaining(c.parcels));
    }
    for (const [id, p] of parcels(first)) expect(after.get(id)).toEqual({ ...p, cost: after.get(id)?.cost });
  });

  it('reports churn: no old parcel moved, the consolidations opened, booked ones filled', () => {
    expect(report.churn.parcelsMoved).toEqual([]);
    expect(report.churn.consolidationsDropped).toEqual([]);
    const old = new Set(first.consolidations.map((c) => c.id));
    expect(report.churn.consolidationsOpened).toEqual(second.consolidations.filter((c) => !old.has(c.id)).map((c) => c.id));
    expect(report.churn.bookedFilled.length).toBeGreaterThan(0);
    expect(report.newOrders).toBe(orders.length - wave1.length);
  });

  it(`plans as many orders as the joint plan and costs within ${WAVE_MARGIN * 100} % of it`, () => {
    expect(second.totals.planned).toBe(joint.totals.planned);
    const ratio = second.totals.cost.total / joint.totals.cost.total;
    expect(ratio).toBeGreaterThanOrEqual(0.97);
    expect(ratio).toBeLessThanOrEqual(1 + WAVE_MARGIN);
  });

  it('with --booked-before, the later consolidations are unbooked and their orders planned again', async () => {
    const departures = first.consolidations.map((c) => Date.parse(c.departure)).sort((a, b) => a - b);
    const beforeMs = departures[Math.floor(departures.length / 2)]!;
    const partly = await planner.replan({ previous: first, orders, booking: { beforeMs } });
    const r = partly.replan!;
    expect(r.booked).toEqual(first.consolidations.filter((c) => Date.parse(c.departure) < beforeMs).map((c) => c.id));
    expect(r.booked.length).toBeLessThan(first.consolidations.length);
    expect(r.kept).toEqual(r.booked);
    // Fewer bookings leave the search more room, but a heuristic search is not monotone in
    // its room: measured CNY 11,602.95 against 11,600.45 (+0.02 %) once splits were ranked by
    // cost (src/optimise/choices/sourcing.ts).
    expect(partly.totals.cost.total).toBeLessThanOrEqual(second.totals.cost.total * (1 + PARTLY_MARGIN));
  });
});
