// Every cost figure is recomputed from the tariffs and must match to the minor unit.
import { describe, expect, it } from 'vitest';
import { consolidationOf, parcelOf, plannedOrder, rulesOf, verifyCorrupted, violationsOf } from './harness.js';

describe('costs', () => {
  it('names a wrong cost component even when the total still adds up (COST_COMPONENT)', () => {
    // 100 fen moved from handling to freight: the total (101874) is unchanged and right.
    const result = verifyCorrupted((plan) => {
      const cost = parcelOf(plan, 'O1').cost;
      cost.freight += 100;
      cost.handling -= 100;
    });
    expect(rulesOf(result)).toEqual(['COST_COMPONENT']);
    expect(violationsOf(result, 'COST_COMPONENT')).toMatchObject([
      { order: 'O1', parcel: 'P-O1', expected: 600, found: 500 },
      { order: 'O1', parcel: 'P-O1', expected: 50327, found: 50427 },
    ]);
  });

  it('names a consolidation priced without the next-break rule (COST_COMPONENT)', () => {
    // 39.5 kg × 2500 = 98750 at the N rate; 45 kg × 2000 = 90000 at the +45 break is cheaper.
    const result = verifyCorrupted((plan) => {
      consolidationOf(plan, 'C1').freightMinor = 98750;
    });
    expect(rulesOf(result)).toEqual(['COST_COMPONENT']);
    expect(violationsOf(result, 'COST_COMPONENT')).toMatchObject([{ consolidation: 'C1', expected: 90000, found: 98750 }]);
  });

  it('names shares that ignore the largest-remainder rule (COST_COMPONENT)', () => {
    // The leftover fen of the freight split goes to P-O1 (remainder .58 > .42): 50127 / 39873.
    // A planner that gave it to P-O2 (50126 / 39874) is one fen off on each parcel.
    const result = verifyCorrupted((plan) => {
      parcelOf(plan, 'O1').cost.freight -= 1;
      parcelOf(plan, 'O1').cost.total -= 1;
      plannedOrder(plan, 'O1').cost.freight -= 1;
      plannedOrder(plan, 'O1').cost.total -= 1;
      parcelOf(plan, 'O2').cost.freight += 1;
      parcelOf(plan, 'O2').cost.total += 1;
      plannedOrder(plan, 'O2').cost.freight += 1;
      plannedOrder(plan, 'O2').cost.total += 1;
    });
    const parcels = violationsOf(result, 'COST_COMPONENT').filter((v) => v.parcel !== undefined);
    expect(parcels).toMatchObject([
      { parcel: 'P-O1', expected: 50327, found: 50326 },
      { parcel: 'P-O2', expected: 40073, found: 40074 },
    ]);
  });

  it('names a parcel total that is not the sum of its components (COST_TOTAL)', () => {
    const result = verifyCorrupted((plan) => {
      parcelOf(plan, 'O3').cost.total += 1;
    });
    expect(rulesOf(result)).toEqual(['COST_TOTAL']);
    expect(violationsOf(result, 'COST_TOTAL')).toMatchObject([{ order: 'O3', parcel: 'P-O3', expected: 950, found: 951 }]);
  });

  it('names an order cost that is not the sum of its parcels (COST_COMPONENT, COST_TOTAL)', () => {
    const result = verifyCorrupted((plan) => {
      const cost = plannedOrder(plan, 'O3').cost;
      cost.lastMile = 0;
      cost.total = 300;
    });
    expect(rulesOf(result)).toEqual(['COST_COMPONENT', 'COST_TOTAL']);
    expect(violationsOf(result, 'COST_TOTAL')).toMatchObject([{ order: 'O3', expected: 950, found: 300 }]);
    expect(violationsOf(result, 'COST_TOTAL')[0]?.parcel).toBeUndefined();
  });

  it('states no import tax on duty-paid general trade, and the same logistics cost', () => {
    // P-O3 as general trade from a domestic warehouse: still 300 + 650 = 950, and no 1820 tax
    // (duty and VAT were paid at import). The node is made a domestic warehouse and BD-3 made
    // to offer general trade.
    const result = verifyCorrupted(
      (plan) => {
        const parcel = parcelOf(plan, 'O3');
        parcel.mode = 'general_trade';
        parcel.taxMinor = 0;
        parcel.taxBasis = 'duty_paid';
        plannedOrder(plan, 'O3').taxMinor = 0;
        plan.totals.taxMinor = 12740 - 1820;
      },
      {
        network: (network) => {
          const node = network.nodes.find((n) => n.id === 'BW-SH');
          if (node !== undefined) node.kind = 'domestic_warehouse';
          network.serviceLevels.find((s) => s.id === 'BD-3')?.modes.push('general_trade');
        },
      },
    );
    expect(result.violations).toEqual([]);
    expect(result.recomputedCostMinor).toBe(176500);
  });
});
