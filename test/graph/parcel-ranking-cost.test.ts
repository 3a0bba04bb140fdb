// The candidate search's ranking cost of a parcel: its chargeable weight on each lane's own
// volumetric divisor, per-parcel and per-kg fees, and a share of the reference consolidation
// that grows with that weight above the reference parcel's; one cost object per weight step.
import { describe, expect, it } from 'vitest';
import { parcelRankingCost, REFERENCE_PARCEL, referenceParcelCost } from '../../src/graph/itineraries.js';
import { buildNetwork, continuous, EVERY_DAY, fixture, weekly } from './fixtures.js';

// BASE (handling 300) --AIR (consolidating, divisor 6000)--> PORT --LM-6000 / LM-3000 (800 + 200/kg over 1 kg)--> ZONE
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
        freight: { minChargeMinor: 20_000, breaks: [{ fromKg: 0, perKgMinor: 3000 }, { fromKg: 100, perKgMinor: 2000 }, { fromKg: 500, perKgMinor: 1500 }] },
      },
    },
    { id: 'LM-6000', from: 'PORT', to: 'ZONE', mode: 'last_mile', schedule: continuous(600), cost: { perParcelMinor: 800, perParcelKgMinor: 200, includedKg: 1 } },
    { id: 'LM-3000', from: 'PORT', to: 'ZONE', mode: 'last_mile', volumetricDivisor: 3000, schedule: continuous(600), cost: { perParcelMinor: 800, perParcelKgMinor: 200, includedKg: 1 } },
  ],
);

describe('parcelRankingCost', () => {
  const { ctx } = fixture(network);

  it('prices the reference parcel as referenceParcelCost does', () => {
    const ranked = parcelRankingCost(ctx, REFERENCE_PARCEL);
    for (const lane of ['AIR', 'LM-6000', 'LM-3000']) expect(ranked.laneCostMinor(lane)).toBe(referenceParcelCost(ctx).laneCostMinor(lane));
    // 500 kg at 15 fen/kg + 50 000 fixed = 800 000 for 500 chargeable kg: 1600 a kg; + handling 300.
    expect(ranked.laneCostMinor('AIR')).toBe(1_900);
  });

  it('grows the consolidation share and the per-kg fees with the parcel\'s chargeable weight', () => {
    const ranked = parcelRankingCost(ctx, { weightKg: 4.2, volumeM3: 0.001 }); // chargeable 4.5 kg
    expect(ranked.laneCostMinor('AIR')).toBe(300 + 4.5 * 1_600);
    expect(ranked.laneCostMinor('LM-6000')).toBe(800 + 200 * 3.5);
  });

  it('prices a parcel lighter than the reference parcel at least the reference parcel\'s share', () => {
    const ranked = parcelRankingCost(ctx, { weightKg: 0.4, volumeM3: 0.001 }); // chargeable 0.5 kg
    expect(ranked.laneCostMinor('AIR')).toBe(1_900);
    expect(ranked.laneCostMinor('LM-6000')).toBe(800);
    expect(parcelRankingCost(ctx, { weightKg: 0, volumeM3: 0 }).laneCostMinor('AIR')).toBe(300);
  });

  it('takes each lane\'s chargeable weight on that lane\'s own divisor', () => {
    // 1 kg in 0.03 m³: 5 kg volumetric at 6000, 10 kg at 3000.
    const ranked = parcelRankingCost(ctx, { weightKg: 1, volumeM3: 0.03 });
    expect(ranked.laneCostMinor('LM-6000')).toBe(800 + 200 * 4);
    expect(ranked.laneCostMinor('LM-3000')).toBe(800 + 200 * 9);
    expect(ranked.laneCostMinor('AIR')).toBe(300 + 5 * 1_600);
  });

  it('gives parcels on the same chargeable-weight steps one cost object (the search memo keys on it)', () => {
    const a = parcelRankingCost(ctx, { weightKg: 2.1, volumeM3: 0.001 });
    expect(parcelRankingCost(ctx, { weightKg: 2.4, volumeM3: 0.002 })).toBe(a);
    expect(parcelRankingCost(ctx, { weightKg: 2.6, volumeM3: 0.001 })).not.toBe(a);
    // The same step at 6000 (0.009 m³ is 1.5 kg there: 2.5 kg chargeable), another at 3000 (3 kg).
    expect(parcelRankingCost(ctx, { weightKg: 2.4, volumeM3: 0.009 })).not.toBe(a);
  });

  it('rejects a parcel without finite measures', () => {
    expect(() => parcelRankingCost(ctx, { weightKg: Number.NaN, volumeM3: 0 })).toThrow(RangeError);
  });
});
