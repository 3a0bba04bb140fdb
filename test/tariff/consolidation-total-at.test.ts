// consolidationTotalAt: the total of consolidationCost without its breakdown, Infinity where that
// is over capacity — the same figure for every lane of the bundled network and of hand-built
// ones, at seeded loads from a parcel to past the allotment.
import { describe, expect, it } from 'vitest';
import { loadDefaultNetwork } from '../../src/api/bundled.js';
import { createRng } from '../../src/generate/prng.js';
import { consolidationCost, consolidationTotalAt, consolidationTotalMinor, isConsolidating } from '../../src/tariff/index.js';
import type { Lane } from '../../src/domain/network.js';
import { AKE, TARIFF, lane } from './fixtures.js';

/** What the breakdown says the planner should pay. */
function fromBreakdown(l: Lane, weightKg: number, volumeM3: number): number {
  const cost = consolidationCost(l, weightKg, volumeM3);
  return cost.overCapacity ? Infinity : consolidationTotalMinor(cost);
}

const AIR = lane({ cost: { freight: TARIFF, perConsolidationMinor: 20_000, perUldMinor: 5_000 }, uld: AKE, maxUldsPerDeparture: 2 });
const AIR_WITH_CO_LOAD = lane({ ...AIR, coLoad: { perKgMinor: 40, minChargeMinor: 9_000 } });

describe('consolidationTotalAt', () => {
  it('is 0 on an empty departure', () => {
    expect(consolidationTotalAt(AIR, 0, 0)).toBe(0);
  });

  it('is Infinity past the allotment without a co-load offer, and the loose charge with one', () => {
    // 3 AKEs' worth of weight on a lane allowing 2.
    expect(consolidationTotalAt(AIR, 4_000, 1)).toBe(Infinity);
    expect(consolidationTotalAt(AIR_WITH_CO_LOAD, 4_000, 1)).toBe(40 * 4_000);
    expect(consolidationTotalAt(AIR_WITH_CO_LOAD, 4_000, 1)).toBe(fromBreakdown(AIR_WITH_CO_LOAD, 4_000, 1));
  });

  it('matches the breakdown on every consolidating lane of the bundled network', () => {
    const lanes = loadDefaultNetwork().lanes.filter(isConsolidating);
    expect(lanes.length).toBeGreaterThan(10);
    const rng = createRng(7, 'consolidation-total-at');
    let loose = 0;
    let over = 0;
    for (const l of [...lanes, AIR, AIR_WITH_CO_LOAD]) {
      for (let i = 0; i < 40; i++) {
        // Up to 6 t, spread over four orders of magnitude, and a volume around a parcel's density.
        const weightKg = Math.round(10 ** (rng.next() * 4 - 0.3) * 1000) / 1000;
        const volumeM3 = Math.round(weightKg * (0.001 + rng.next() * 0.01) * 1e6) / 1e6;
        const total = consolidationTotalAt(l, weightKg, volumeM3);
        expect(total).toBe(fromBreakdown(l, weightKg, volumeM3));
        if (total === Infinity) over++;
        else if (consolidationCost(l, weightKg, volumeM3).shipping === 'co_load') loose++;
      }
    }
    // Both branches were taken: loads that ship loose, and (on AIR) loads past the allotment.
    expect(loose).toBeGreaterThan(0);
    expect(over).toBeGreaterThan(0);
  });
});
