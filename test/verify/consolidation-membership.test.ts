// Legs on consolidating lanes ride in a consolidation of that lane and departure that lists
// them, and a consolidation lists only parcels that ride in it.
import { describe, expect, it } from 'vitest';
import { consolidationOf, legOf, rulesOf, verifyCorrupted, violationsOf } from './harness.js';

describe('consolidation membership', () => {
  it('names a leg on a consolidating lane with no consolidation (CONSOLIDATION)', () => {
    const result = verifyCorrupted((plan) => {
      delete legOf(plan, 'O2', 'AIR-LAX-PVG').consolidation;
    });
    const violations = violationsOf(result, 'CONSOLIDATION');
    expect(violations).toContainEqual(expect.objectContaining({ order: 'O2', parcel: 'P-O2', departure: 'AIR-LAX-PVG@2026-11-10T23:30:00-08:00' }));
    // …and C1, which still lists P-O2, is named from the other side.
    expect(violations).toContainEqual(expect.objectContaining({ consolidation: 'C1', parcel: 'P-O2' }));
  });

  it('names a consolidation that leaves out a parcel riding in it (CONSOLIDATION)', () => {
    const result = verifyCorrupted((plan) => {
      consolidationOf(plan, 'C1').parcels = ['P-O1'];
    });
    expect(violationsOf(result, 'CONSOLIDATION')).toContainEqual(expect.objectContaining({ consolidation: 'C1', parcel: 'P-O2', order: 'O2' }));
  });

  it('names a leg that names a consolidation the plan lacks (CONSOLIDATION)', () => {
    const result = verifyCorrupted((plan) => {
      legOf(plan, 'O1', 'AIR-LAX-PVG').consolidation = 'C9';
    });
    expect(violationsOf(result, 'CONSOLIDATION')).toContainEqual(expect.objectContaining({ consolidation: 'C9', parcel: 'P-O1' }));
  });

  it('names a consolidation whose weight is not its parcels\' (CONSOLIDATION)', () => {
    const result = verifyCorrupted((plan) => {
      consolidationOf(plan, 'C1').weightKg = 22;
    });
    expect(rulesOf(result)).toEqual(['CONSOLIDATION']);
    expect(violationsOf(result, 'CONSOLIDATION')).toMatchObject([{ consolidation: 'C1', found: 22 }]);
  });

  it('names a consolidation on a lane that does not consolidate (CONSOLIDATION)', () => {
    const result = verifyCorrupted((plan) => {
      plan.consolidations.push({
        id: 'C-LM', lane: 'LM-BW-SH', departure: '2026-11-11T11:00:00+08:00', parcels: ['P-O3'],
        weightKg: 1.2, volumeM3: 0.004, chargeableKg: 1.5, ulds: 0, utilisation: 1, freightMinor: 0, fixedMinor: 0, uldMinor: 0,
      });
    });
    expect(violationsOf(result, 'CONSOLIDATION')).toContainEqual(expect.objectContaining({ consolidation: 'C-LM' }));
  });
});
