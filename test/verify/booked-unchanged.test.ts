// BOOKED_CHANGED: a re-plan keeps every booked consolidation no disruption reached, with every
// parcel it carried, exactly. Corruptions of a real re-plan of the tiny example each trip it.
import { afterAll, describe, expect, it } from 'vitest';
import { createPlanner } from '../../src/api/planner.js';
import { bookedConsolidations } from '../../src/domain/bookings.js';
import type { Plan } from '../../src/domain/plan.js';
import { createTimeModel } from '../../src/time/index.js';
import { withClosures } from '../../src/time/closed-time-model.js';
import { verifyPlan } from '../../src/verify/index.js';
import { FRA_FLIGHT, LAX_FLIGHT, tinyInputs } from '../replan/tiny.js';
import { rulesOf, violationsOf } from './harness.js';

const t = tinyInputs();
const planner = createPlanner({ network: t.network, stock: t.stock, workers: 0 });
afterAll(() => planner.close());
const firstWave = t.orders.filter((o) => ['EX-01', 'EX-02', 'EX-03', 'EX-04', 'EX-05'].includes(o.id));

describe('BOOKED_CHANGED', async () => {
  const previous = await planner.plan(firstWave);
  const replanned = await planner.replan({ previous, orders: t.orders });
  const booked = { previous, consolidations: bookedConsolidations(previous, {}) };
  const model = createTimeModel(t.index);
  const verify = (corrupt: (p: Plan) => void, m = model) => {
    const plan = structuredClone(replanned);
    corrupt(plan);
    return verifyPlan({ model: m, orders: t.orders, stock: t.stock, booked }, plan);
  };

  it('passes the re-plan as made', () => {
    expect(booked.consolidations).toEqual([LAX_FLIGHT, FRA_FLIGHT]);
    expect(verify(() => {}).violations).toEqual([]);
  });

  it('names a booked consolidation that is gone', () => {
    const result = verify((p) => {
      p.consolidations = p.consolidations.filter((c) => c.id !== FRA_FLIGHT);
      for (const a of p.orders) if (a.status === 'planned') for (const parcel of a.parcels) for (const l of parcel.legs) if (l.consolidation === FRA_FLIGHT) delete l.consolidation;
    });
    expect(rulesOf(result)).toContain('BOOKED_CHANGED');
    expect(violationsOf(result, 'BOOKED_CHANGED')).toMatchObject([{ consolidation: FRA_FLIGHT }]);
  });

  it('names a booked parcel taken off its consolidation', () => {
    const result = verify((p) => {
      const c = p.consolidations.find((x) => x.id === LAX_FLIGHT)!;
      c.parcels = c.parcels.filter((id) => id !== 'EX-02/1');
    });
    expect(violationsOf(result, 'BOOKED_CHANGED')).toMatchObject([{ consolidation: LAX_FLIGHT, parcel: 'EX-02/1', order: 'EX-02' }]);
  });

  it('names a booked parcel whose legs changed', () => {
    const result = verify((p) => {
      const a = p.orders.find((x) => x.order === 'EX-01');
      if (a?.status !== 'planned') throw new Error('test: EX-01 not planned');
      a.parcels[0]!.legs.at(-1)!.arrival = '2026-11-15T13:00:00+08:00';
    });
    expect(violationsOf(result, 'BOOKED_CHANGED')).toMatchObject([{ consolidation: LAX_FLIGHT, parcel: 'EX-01/1' }]);
  });

  it('names a booked order left unplanned', () => {
    const result = verify((p) => {
      const i = p.orders.findIndex((x) => x.order === 'EX-03');
      p.orders[i] = { order: 'EX-03', status: 'unplanned', reason: 'CAPACITY', message: 'corrupted' };
    });
    expect(violationsOf(result, 'BOOKED_CHANGED')).toMatchObject([{ consolidation: FRA_FLIGHT, parcel: 'EX-03/1' }]);
  });

  it('exempts a booked consolidation a closure reached', () => {
    const closed = withClosures(model, { lanes: [{ lane: 'AIR:FRA-PVG:LH', from: '2026-11-12', to: '2026-11-12' }], nodes: [], portCapacity: [] });
    const result = verify((p) => {
      p.consolidations = p.consolidations.filter((c) => c.id !== FRA_FLIGHT);
    }, closed);
    expect(violationsOf(result, 'BOOKED_CHANGED')).toEqual([]);
    // The departure itself is closed now: the planner may not use it, and the verifier says so.
    expect(rulesOf(result)).toContain('NO_SUCH_DEPARTURE');
  });
});
