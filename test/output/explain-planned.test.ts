// explainOrder for planned orders: legs, cost, slack, and who else rides each consolidation.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/domain/errors.js';
import type { Plan, PlannedOrder } from '../../src/domain/plan.js';
import { explainOrder, explainOrderData, explainOrderJson } from '../../src/output/explain.js';
import { C1, fixtureIndex, fixturePlan } from './fixtures.js';

describe('explainOrder (planned)', () => {
  const index = fixtureIndex();

  it('shows legs with local times, the cost breakdown and the slack', () => {
    const text = explainOrder(fixturePlan(), index, 'O1');
    expect(text).toContain('Order O1: planned');
    expect(text).toMatch(/2 +air +LAX-PVG-CA +LAX → PVG +2026-11-09T23:30:00-08:00 +2026-11-11T04:30:00\+08:00 +LAX-PVG-CA@/);
    expect(text).toContain('493.67 CNY (handling 5.00, freight 200.00, consolidation 266.67, clearance 10.00, last mile 12.00)');
    expect(text).toMatch(/deadline +2026-11-16T23:59:59\+08:00/);
    // The tax beside the cost, with who pays it: 12990 × 9.1 % = 1182.09 → 11.82.
    expect(text).toMatch(/import tax +11\.82 CNY \(CBEC rate, paid by the buyer\)/);
    expect(text).toContain('4d 10h 59m (6419 min)');
  });

  it('names the other order in its consolidation, and not itself', () => {
    const text = explainOrder(fixturePlan(), index, 'O1');
    expect(text).toContain(C1);
    expect(text).toContain('1 ULD AKE, 30 kg (chargeable 30 kg)');
    expect(text).toContain('shared with 1 other order: O2');
    expect(explainOrder(fixturePlan(), index, 'O2')).toContain('shared with 1 other order: O1');
  });

  it('lists at most 10 other orders and counts the rest', () => {
    const plan: Plan = fixturePlan();
    const o2 = plan.orders[1] as PlannedOrder;
    // 12 more orders O4..O15, each a copy of O2 on C1: 13 other orders for O1.
    for (let n = 4; n <= 15; n += 1) {
      const parcel = { ...o2.parcels[0]!, id: `O${n}/1` };
      plan.orders.push({ ...o2, order: `O${n}`, parcels: [parcel] });
      plan.consolidations[0]!.parcels.push(parcel.id);
    }
    plan.consolidations[0]!.parcels.sort();
    // Parcel ids sorted as strings: O1/1, O10/1 … O15/1, O2/1, O4/1 … O9/1; O1's others in that order.
    const ride = explainOrderData(plan, index, 'O1').consolidations[0]!;
    expect(ride.otherOrdersCount).toBe(13);
    expect(ride.otherOrders).toEqual(['O10', 'O11', 'O12', 'O13', 'O14', 'O15', 'O2', 'O4', 'O5', 'O6']);
    expect(explainOrder(plan, index, 'O1')).toContain('shared with 13 other orders: O10, O11, O12, O13, O14, O15, O2, O4, O5, O6 and 3 more');
  });

  it('gives the answer object with an explanation member for --json', () => {
    const json = explainOrderJson(fixturePlan(), index, 'O1');
    expect(json).toMatchObject({ order: 'O1', status: 'planned', slackMinutes: 6419 });
    expect(json.explanation.consolidations[0]).toMatchObject({ id: C1, otherOrders: ['O2'], otherOrdersCount: 1, parcels: ['O1/1'], uldType: 'AKE' });
    expect(json.explanation.remedy).toBeNull();
  });

  it('throws a UsageError naming an unknown order', () => {
    expect(() => explainOrder(fixturePlan(), index, 'NOPE')).toThrow(UsageError);
    expect(() => explainOrder(fixturePlan(), index, 'NOPE')).toThrow(/"NOPE"/);
  });
});
