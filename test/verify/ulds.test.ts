// A consolidation books enough ULDs for its parcels and loads none beyond its limits.
import { describe, expect, it } from 'vitest';
import { consolidationOf, rulesOf, verifyCorrupted, violationsOf } from './harness.js';

describe('ULDs', () => {
  it('names a consolidation loaded beyond its ULDs (ULD_OVERLOADED)', () => {
    // With a 30 kg ULD, C1's 39.3 kg do not fit in the 1 ULD the plan books. (The tariff then
    // needs 2 ULDs, so ULDS_TOO_FEW and the costs of a second ULD follow: not asserted here.)
    const result = verifyCorrupted(undefined, {
      network: (network) => {
        const air = network.lanes.find((l) => l.id === 'AIR-LAX-PVG');
        if (air?.uld !== undefined) air.uld.maxKg = 30;
      },
    });
    expect(violationsOf(result, 'ULD_OVERLOADED')).toMatchObject([
      { consolidation: 'C1', departure: 'AIR-LAX-PVG@2026-11-10T23:30:00-08:00', expected: '≤ 30 kg, ≤ 4.3 m³' },
    ]);
    expect(violationsOf(result, 'ULDS_TOO_FEW')).toMatchObject([{ consolidation: 'C1', expected: 2, found: 1 }]);
  });

  it('names a consolidation booking fewer ULDs than its load needs (ULDS_TOO_FEW)', () => {
    // 39.3 kg / 0.108 m³ need one AKE; the plan books none (and so overloads them too).
    const result = verifyCorrupted((plan) => {
      Object.assign(consolidationOf(plan, 'C1'), { ulds: 0, utilisation: 0 });
    });
    expect(rulesOf(result)).toEqual(['ULDS_TOO_FEW', 'ULD_OVERLOADED']);
    expect(violationsOf(result, 'ULDS_TOO_FEW')).toMatchObject([{ consolidation: 'C1', expected: 1, found: 0 }]);
  });

  it('names a wrong utilisation (CONSOLIDATION)', () => {
    // Weight would give 39.3 / 1588 = 0.0247, but volume binds: 0.108 / 4.3 = 0.0251.
    const result = verifyCorrupted((plan) => {
      consolidationOf(plan, 'C1').utilisation = 39.3 / 1588;
    });
    expect(rulesOf(result)).toEqual(['CONSOLIDATION']);
    expect(violationsOf(result, 'CONSOLIDATION')).toMatchObject([{ consolidation: 'C1', expected: expect.closeTo(0.108 / 4.3, 12) }]);
  });

  it('names a consolidation booking more ULDs than its load needs (ULDS_TOO_MANY)', () => {
    // 3 AKEs (each paid, within an allotment raised to 3) for a load that fits in one.
    const result = verifyCorrupted(
      (plan) => {
        const c1 = consolidationOf(plan, 'C1');
        Object.assign(c1, { ulds: 3, utilisation: 0.108 / (3 * 4.3), uldMinor: 60000 });
      },
      {
        network: (network) => {
          const air = network.lanes.find((l) => l.id === 'AIR-LAX-PVG');
          if (air !== undefined) air.maxUldsPerDeparture = 3;
        },
      },
    );
    expect(violationsOf(result, 'ULDS_TOO_MANY')).toMatchObject([{ consolidation: 'C1', departure: 'AIR-LAX-PVG@2026-11-10T23:30:00-08:00', expected: 1, found: 3 }]);
  });
});
