// The own-MAWB line under a departure's cost up to a cap, and the co-load line: never above
// what the tariff bills for any load up to the cap (the bound's shared fixed parts rest on it).
import { describe, expect, it } from 'vitest';
import { coLoadCost, consolidationTotalMinor, ownConsolidationCost, ownLine } from '../../src/tariff/index.js';
import { AKE, TARIFF, lane } from './fixtures.js';

const AIR = lane({ cost: { freight: TARIFF, perConsolidationMinor: 6_000, perUldMinor: 1_000 }, uld: AKE, maxUldsPerDeparture: 2, coLoad: { perKgMinor: 28, minChargeMinor: 3_000 } });

describe('ownLine', () => {
  it('is the MAWB fee and one ULD, and the weight-break rate at the cap (or the allotment)', () => {
    expect(ownLine(AIR, 400)).toEqual({ fixedMinor: 7_000, perKgMinor: 18 });
    expect(ownLine(AIR, 10_000).perKgMinor).toBe(14);
    expect(ownLine(lane({ cost: { perConsolidationMinor: 2_500 } }), 50)).toEqual({ fixedMinor: 2_500, perKgMinor: 0 });
  });

  it('lies under our own consolidation up to the cap, and the co-load rate under shipping loose', () => {
    for (const cap of [20, 120, 600, 5_000]) {
      const { fixedMinor, perKgMinor } = ownLine(AIR, cap);
      for (let kg = 0.05; kg <= cap; kg *= 1.29) {
        for (const m3 of [0, kg / 300, kg / 100]) {
          const own = ownConsolidationCost(AIR, kg, m3);
          if (!own.overCapacity) expect(consolidationTotalMinor(own)).toBeGreaterThanOrEqual(fixedMinor + Math.max(0, perKgMinor * kg - 0.5));
          expect(consolidationTotalMinor(coLoadCost(AIR, kg, m3))).toBeGreaterThanOrEqual(Math.max(0, 28 * kg - 0.5));
        }
      }
    }
  });
});
