// Each kind of scenario edit changes what it says and nothing else, and the base network and
// stock are left as they were (applyScenario is pure).
import { describe, expect, it } from 'vitest';
import type { Lane } from '../../src/domain/network.js';
import { applyScenario } from '../../src/scenario/apply.js';
import type { ScenarioEdit } from '../../src/scenario/schema.js';
import { scenarioOf, tinyExample } from './fixtures.js';

function apply(...edits: ScenarioEdit[]) {
  const base = tinyExample();
  const before = structuredClone(base);
  const after = applyScenario(base, scenarioOf(edits), 'a.json');
  expect(base).toEqual(before);
  return { base, after };
}
const lane = (lanes: readonly Lane[], id: string): Lane | undefined => lanes.find((l) => l.id === id);

describe('scenario edits', () => {
  it('close_lane closes the lane over the dates, both ends included', () => {
    const { after } = apply({ kind: 'close_lane', lane: 'AIR:LAX-PVG:MU', from: '2026-11-30', to: '2026-12-02' });
    expect(lane(after.network.lanes, 'AIR:LAX-PVG:MU')?.closedDates).toEqual(['2026-11-30', '2026-12-01', '2026-12-02']);
    expect(after.network.lanes.filter((l) => l.closedDates !== undefined)).toHaveLength(1);
  });

  it('close_node closes every lane leaving the node and the clearance worked at it', () => {
    const { after } = apply({ kind: 'close_node', node: 'CP-PVG', from: '2026-11-12' });
    const closed = after.network.lanes.filter((l) => l.closedDates !== undefined).map((l) => l.id).sort();
    expect(closed).toEqual(['CLR:AP-PVG:CP-PVG', 'LM:CP-PVG:Z-BJ', 'LM:CP-PVG:Z-SH', 'LM:CP-PVG:Z-ZJ']);
    for (const l of after.network.lanes) if (l.closedDates !== undefined) expect(l.closedDates).toEqual(['2026-11-12']);
  });

  it('add_lane adds the lane as given', () => {
    const { base, after } = apply({
      kind: 'add_lane',
      lane: { ...structuredClone(lane(tinyExample().network.lanes, 'AIR:LAX-PVG:MU') as Lane), id: 'AIR:LAX-PVG:FM', carrier: 'FM' },
    });
    expect(after.network.lanes).toHaveLength(base.network.lanes.length + 1);
    expect(lane(after.network.lanes, 'AIR:LAX-PVG:FM')?.carrier).toBe('FM');
  });

  it('add_departure adds a weekly slot', () => {
    const { after } = apply({ kind: 'add_departure', lane: 'AIR:LAX-PVG:MU', weekdays: [2, 4], time: '01:10' });
    const schedule = lane(after.network.lanes, 'AIR:LAX-PVG:MU')?.schedule;
    expect(schedule?.kind === 'weekly' ? schedule.departures : null).toEqual([
      { weekdays: [1, 3, 5], time: '23:30' },
      { weekdays: [2, 4], time: '01:10' },
    ]);
  });

  it('scale_rates scales every money figure of the lane, rounded to whole minor units', () => {
    const { base, after } = apply({ kind: 'scale_rates', lane: 'AIR:LAX-PVG:MU', factor: 1.25 });
    const was = lane(base.network.lanes, 'AIR:LAX-PVG:MU') as Lane;
    const now = lane(after.network.lanes, 'AIR:LAX-PVG:MU') as Lane;
    expect(now.cost.perConsolidationMinor).toBe(Math.round(was.cost.perConsolidationMinor * 1.25));
    expect(now.cost.perUldMinor).toBe(Math.round(was.cost.perUldMinor * 1.25));
    expect(now.cost.freight?.minChargeMinor).toBe(Math.round((was.cost.freight?.minChargeMinor ?? NaN) * 1.25));
    expect(now.cost.freight?.breaks.map((b) => b.perKgMinor)).toEqual(was.cost.freight?.breaks.map((b) => Math.round(b.perKgMinor * 125) / 100));
    expect(now.cost.perConsolidationMinor).toBeGreaterThan(was.cost.perConsolidationMinor);
    // Other lanes keep their rates.
    expect(lane(after.network.lanes, 'AIR:FRA-PVG:LH')).toEqual(lane(base.network.lanes, 'AIR:FRA-PVG:LH'));
  });

  it('set_port_capacity and set_allotment set the figure', () => {
    const { after } = apply(
      { kind: 'set_port_capacity', node: 'CP-PVG', dailyParcelCapacity: 3 },
      { kind: 'set_allotment', lane: 'AIR:LAX-PVG:MU', maxUldsPerDeparture: 1 },
    );
    expect(after.network.nodes.find((n) => n.id === 'CP-PVG')?.dailyParcelCapacity).toBe(3);
    expect(lane(after.network.lanes, 'AIR:LAX-PVG:MU')?.maxUldsPerDeparture).toBe(1);
  });

  it('move_stock takes units from one node and adds them at another, creating the record', () => {
    const { after } = apply({ kind: 'move_stock', sku: 'VIT-C', from: 'SB-LAX', to: 'SB-FRA', qty: 20 });
    expect(after.stock.find((r) => r.node === 'SB-LAX' && r.sku === 'VIT-C')?.qty).toBe(30);
    expect(after.stock.find((r) => r.node === 'SB-FRA' && r.sku === 'VIT-C')?.qty).toBe(20);
  });

  it('edits apply in order: a departure on a lane the scenario added', () => {
    const added = { ...structuredClone(lane(tinyExample().network.lanes, 'AIR:LAX-PVG:MU') as Lane), id: 'AIR:LAX-PVG:FM' };
    const { after } = apply(
      { kind: 'add_lane', lane: added },
      { kind: 'add_departure', lane: 'AIR:LAX-PVG:FM', weekdays: [7], time: '09:00' },
    );
    const schedule = lane(after.network.lanes, 'AIR:LAX-PVG:FM')?.schedule;
    expect(schedule?.kind === 'weekly' ? schedule.departures.length : 0).toBe(2);
  });
});
