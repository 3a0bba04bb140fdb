// The reference parcel cost: handling + per-parcel fees + a share of a 500 kg consolidation.
import { describe, expect, it } from 'vitest';
import { REFERENCE_LOAD_KG, referenceParcelCost } from '../../src/graph/itineraries.js';
import { buildNetwork, continuous, EVERY_DAY, fixture, weekly } from './fixtures.js';

// BASE (handling 300 fen) --AIR (freight, 500 fen per consolidation)--> PORT --LM (800 + 200/kg over 1 kg)--> ZONE
const network = buildNetwork(
  [
    { id: 'BASE', kind: 'storage_base', timeZone: 'Asia/Shanghai', handlingPerParcelMinor: 300 },
    { id: 'PORT', kind: 'clearance_port', timeZone: 'Asia/Shanghai' },
    { id: 'ZONE', kind: 'zone', timeZone: 'Asia/Shanghai' },
  ],
  [
    {
      id: 'AIR', from: 'BASE', to: 'PORT', mode: 'air', schedule: weekly([{ weekdays: EVERY_DAY, time: '12:00' }], 120),
      cost: {
        perConsolidationMinor: 50_000,
        freight: {
          minChargeMinor: 20_000,
          breaks: [
            { fromKg: 0, perKgMinor: 3000 }, { fromKg: 45, perKgMinor: 2500 }, { fromKg: 100, perKgMinor: 2000 },
            { fromKg: 300, perKgMinor: 1800 }, { fromKg: 500, perKgMinor: 1500 },
          ],
        },
      },
    },
    { id: 'LM', from: 'PORT', to: 'ZONE', mode: 'last_mile', schedule: continuous(600), cost: { perParcelMinor: 800, perParcelKgMinor: 200, includedKg: 1 } },
  ],
);

describe('referenceParcelCost', () => {
  const { ctx } = fixture(network);

  it('prices the default 1 kg parcel at its share of a 500 kg consolidation', () => {
    expect(REFERENCE_LOAD_KG).toBe(500);
    const cost = referenceParcelCost(ctx);
    // 1 kg (volumetric 0.004 m³ × 1e6 / 6000 = 0.67 kg) → 500 parcels; 500 kg at the +500 rate 15 fen/kg
    // = 750 000 + 50 000 fixed = 800 000 / 500 = 1600; + BASE handling 300 = 1900.
    expect(cost.laneCostMinor('AIR')).toBe(1900);
    expect(cost.laneCostMinor('LM')).toBe(800); // 1 kg is within the included kg
    expect(referenceParcelCost(ctx)).toBe(cost); // one default per context (the memo keys on it)
  });

  it('uses the chargeable (volumetric) weight of a bulky parcel', () => {
    // 3 kg in 0.03 m³ → volumetric 5 kg → chargeable 5 kg → 100 parcels: 300 kg, 3 m³ (500 kg volumetric)
    // → 800 000 / 100 = 8000 + 300 handling = 8300. Last mile: 800 + 200 × (5 − 1) = 1600.
    const cost = referenceParcelCost(ctx, { weightKg: 3, volumeM3: 0.03 });
    expect(cost.laneCostMinor('AIR')).toBe(8300);
    expect(cost.laneCostMinor('LM')).toBe(1600);
    expect(cost([
      { lane: 'AIR', from: 'BASE', to: 'PORT', departureMs: 0, arrivalMs: 0 },
      { lane: 'LM', from: 'PORT', to: 'ZONE', departureMs: 0, arrivalMs: 0 },
    ])).toBe(9900);
  });

  it('rejects a parcel with a NaN weight', () => {
    expect(() => referenceParcelCost(ctx, { weightKg: Number.NaN, volumeM3: 0 })).toThrow(/weightKg/);
  });
});
