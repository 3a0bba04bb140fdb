// Planning on closed lanes, end to end on the tiny example: parcels wait for the lane to open
// (a truck ready on a closed day leaves at the next open midnight, a last-mile lane closed for
// days holds its parcels), no leg departs on a closed date, and the plan passes the verifier
// (planner.plan verifies every plan; a leg on a closed date would be NO_SUCH_DEPARTURE).
import { describe, expect, it } from 'vitest';
import { createPlanner } from '../../src/api/planner.js';
import type { Plan } from '../../src/domain/plan.js';
import { loadOrders } from '../../src/io/load.js';
import { applyScenario } from '../../src/scenario/apply.js';
import { TINY_EXAMPLE, scenarioOf, tinyExample } from './fixtures.js';

const CLOSED: Record<string, string[]> = { 'TRK:SB-LAX:AP-LAX': ['2026-11-10'], 'LM:CP-PVG:Z-SH': ['2026-11-12', '2026-11-13', '2026-11-14'] };

async function planOn(inputs: ReturnType<typeof tinyExample>): Promise<Plan> {
  const planner = createPlanner({ ...inputs, workers: 0 });
  try {
    return await planner.plan(loadOrders(TINY_EXAMPLE.orders));
  } finally {
    await planner.close();
  }
}

const legs = (plan: Plan) => plan.orders.flatMap((o) => (o.status === 'planned' ? o.parcels.flatMap((p) => p.legs) : []));

describe('planning on closed lanes', () => {
  it('waits for the lanes to open, departs on no closed date, and verifies', async () => {
    const base = tinyExample();
    const scenario = scenarioOf([
      { kind: 'close_lane', lane: 'TRK:SB-LAX:AP-LAX', from: '2026-11-10' },
      { kind: 'close_lane', lane: 'LM:CP-PVG:Z-SH', from: '2026-11-12', to: '2026-11-14' },
    ]);
    const [open, closed] = await Promise.all([planOn(base), planOn(applyScenario(base, scenario, 'closed.json'))]);
    const onClosed = (plan: Plan) => legs(plan).filter((l) => CLOSED[l.lane]?.includes(l.departure.slice(0, 10)));
    // The base does use those lanes on those dates: the closure has something to move.
    expect(onClosed(open).length).toBeGreaterThan(0);
    expect(onClosed(closed)).toEqual([]);
    // A truck held over the closed day leaves at the next local midnight.
    expect(legs(closed).some((l) => l.lane === 'TRK:SB-LAX:AP-LAX' && l.departure === '2026-11-11T00:00:00-08:00')).toBe(true);
    expect(closed.totals.planned).toBeGreaterThan(0);
  }, 60_000);
});
