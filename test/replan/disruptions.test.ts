// Disruptions: a cancelled departure, a lane closed for dates, a port closed or its capacity
// cut for a day. The re-plan moves only the parcels they reach, keeps the rest exactly, and
// lists the orders that now miss their promise and by how much.
import { afterAll, describe, expect, it } from 'vitest';
import { createPlanner } from '../../src/api/planner.js';
import type { Disruption } from '../../src/domain/events.js';
import type { Plan } from '../../src/domain/plan.js';
import { loadEvents } from '../../src/io/events.js';
import { FRA_FLIGHT, LAX_FLIGHT, tinyInputs, tinyPaths } from './tiny.js';

const t = tinyInputs();
const planner = createPlanner({ network: t.network, stock: t.stock, workers: 0 });
afterAll(() => planner.close());

const parcels = (plan: Plan) => new Map(plan.orders.flatMap((a) => (a.status === 'planned' ? a.parcels.map((p) => [p.id, p] as const) : [])));
const legsOf = (plan: Plan, id: string) => parcels(plan).get(id)?.legs.map((l) => `${l.lane}@${l.departure}`);

describe('replan --event', async () => {
  const previous = await planner.plan(t.orders);
  const replan = (events: Disruption[]) => planner.replan({ previous, orders: t.orders, events });

  it('a cancelled departure: its parcels take the next flight, nothing else moves', async () => {
    const plan = await replan([{ kind: 'departure_cancelled', lane: 'AIR:LAX-PVG:MU', date: '2026-11-11' }]);
    const r = plan.replan!;
    expect(r.affectedParcels).toEqual(['EX-01/1', 'EX-02/1', 'EX-06/1', 'EX-09/1']);
    expect(r.disrupted).toEqual([LAX_FLIGHT]);
    expect(r.kept).toEqual([FRA_FLIGHT]);
    expect(r.churn.consolidationsDropped).toEqual([LAX_FLIGHT]);
    // Every moved parcel is on an open departure; the unaffected ones are exactly as before.
    for (const id of r.affectedParcels) expect(parcels(plan).get(id)?.legs.map((l) => l.consolidation)).not.toContain(LAX_FLIGHT);
    expect(new Set(r.churn.parcelsMoved)).toEqual(new Set(r.affectedParcels));
    const before = parcels(previous);
    for (const [id, p] of parcels(plan)) if (!r.affectedParcels.includes(id) && before.has(id)) expect(p.legs).toEqual(before.get(id)!.legs);
    expect(r.missedPromises).toEqual([]);
    expect(plan.totals.planned).toBe(previous.totals.planned);
  });

  it('a lane closed for ten days: the orders with no other way miss their promise, by how much is stated', async () => {
    const plan = await replan(loadEvents(tinyPaths.events, t.index));
    const r = plan.replan!;
    expect(r.missedPromises.map((m) => m.order)).toEqual(['EX-01', 'EX-02', 'EX-06']);
    for (const m of r.missedPromises) {
      expect(m.reason).toBe('SLA_INFEASIBLE');
      expect(Date.parse(m.earliestDelivery!)).toBeGreaterThan(Date.parse(m.deadline!));
      expect(m.lateMinutes).toBe(Math.ceil((Date.parse(m.earliestDelivery!) - Date.parse(m.deadline!)) / 60_000));
    }
    // EX-09's serum can come from Frankfurt: it joins the booked FRA flight (booked capacity filled).
    expect(legsOf(plan, 'EX-09/1')?.some((l) => l.startsWith('AIR:FRA-PVG:LH'))).toBe(true);
    expect(r.churn.bookedFilled).toEqual([FRA_FLIGHT]);
  });

  it('a port closed for the day the flight clears: those parcels clear on a later day', async () => {
    const clearing = parcels(previous).get('EX-01/1')!.legs.find((l) => l.mode === 'clearance')!;
    const date = clearing.departure.slice(0, 10);
    const plan = await replan([{ kind: 'port_closed', port: 'CP-PVG', date }]);
    const r = plan.replan!;
    expect(r.affectedParcels).toEqual(expect.arrayContaining(['EX-01/1', 'EX-02/1', 'EX-06/1', 'EX-09/1']));
    for (const id of r.affectedParcels) {
      const p = parcels(plan).get(id);
      if (p === undefined) continue; // unplanned: then it is in missedPromises
      expect(p.legs.find((l) => l.mode === 'clearance')!.departure.slice(0, 10)).not.toBe(date);
    }
  });

  it('a capacity cut: the parcels beyond the day\'s capacity are displaced, the first ones kept', async () => {
    const clearing = parcels(previous).get('EX-01/1')!.legs.find((l) => l.mode === 'clearance')!;
    const date = clearing.departure.slice(0, 10);
    const plan = await replan([{ kind: 'port_capacity', port: 'CP-PVG', date, dailyParcelCapacity: 1 }]);
    const r = plan.replan!;
    // Five parcels clear there that day (four from LAX, EX-03 from FRA), all on booked flights:
    // the first by id stays.
    expect(r.affectedParcels).toEqual(['EX-02/1', 'EX-03/1', 'EX-06/1', 'EX-09/1']);
    const clearingThatDay = [...parcels(plan).values()].filter((p) => p.legs.some((l) => l.mode === 'clearance' && l.departure.startsWith(date)));
    expect(clearingThatDay.map((p) => p.id)).toEqual(['EX-01/1']);
  });

  it('rejects an event naming a lane the network lacks, located', async () => {
    await expect(replan([{ kind: 'lane_closed', lane: 'AIR:NOPE', from: '2026-11-11', to: '2026-11-12' }])).rejects.toMatchObject({
      problems: [expect.objectContaining({ where: 'events[0].lane', field: 'lane' })],
    });
  });
});
