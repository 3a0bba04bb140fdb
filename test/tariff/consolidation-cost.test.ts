// Consolidation cost: chargeable weight on the consolidated totals, ULDs, freight, fixed and
// per-ULD charges, utilisation and over-capacity of one departure.
import { describe, expect, it } from 'vitest';
import { chargeableKg, consolidationCost, consolidationTotalMinor } from '../../src/tariff/index.js';
import { AKE, TARIFF, lane } from './fixtures.js';

// Air lane: TARIFF (M 500; N 30; +45 25; +100 20; +300 18; +500 16; +1000 14), AKE ULDs,
// 20,000 per consolidation, 5,000 per ULD, at most 2 AKEs per departure, ÷6000.
const AIR = lane({
  cost: { freight: TARIFF, perConsolidationMinor: 20_000, perUldMinor: 5_000 },
  uld: AKE,
  maxUldsPerDeparture: 2,
});

describe('consolidationCost', () => {
  it('costs nothing, with utilisation 0, when nothing rides', () => {
    expect(consolidationCost(AIR, 0, 0)).toEqual({
      shipping: 'own', chargeableKg: 0, ulds: 0, freightMinor: 0, fixedMinor: 0, uldMinor: 0, utilisation: 0, overCapacity: false,
    });
  });

  it('prices one small consolidation', () => {
    // 40 kg, 0.1 m³ (16.67 kg volumetric) → chargeable 40 → next-break 25 × 45 = 1125.
    // 1 AKE → 5,000; fixed 20,000; utilisation max(40 / 1588, 0.1 / 4.3) = max(0.02519, 0.02326).
    const cost = consolidationCost(AIR, 40, 0.1);
    expect(cost).toMatchObject({
      chargeableKg: 40, ulds: 1, freightMinor: 1125, fixedMinor: 20_000, uldMinor: 5_000, overCapacity: false,
    });
    expect(cost.utilisation).toBeCloseTo(40 / 1588, 12);
    expect(consolidationTotalMinor(cost)).toBe(26_125);
  });

  it('takes the chargeable weight of the totals, not the sum of the parcels\' own', () => {
    // Parcel A 10 kg, 0.0001 m³ → 10 kg; parcel B 1 kg, 0.06 m³ → 10 kg volumetric. Own: 10 + 10 = 20.
    // Together: 11 kg actual, 0.0601 m³ → 10.02 kg volumetric → 11 kg; freight max(500, 30 × 11 = 330) = 500.
    expect(chargeableKg(10, 0.0001, 6000) + chargeableKg(1, 0.06, 6000)).toBe(20);
    const cost = consolidationCost(AIR, 11, 0.0601);
    expect(cost.chargeableKg).toBe(11);
    expect(cost.freightMinor).toBe(500);
  });

  it('bills a higher break on the consolidated weight', () => {
    // Two 20 kg parcels alone: 30 × 20 = 600 each, 1200 together; consolidated 40 kg → 1125.
    expect(consolidationCost(AIR, 20, 0.01).freightMinor).toBe(600);
    expect(consolidationCost(AIR, 40, 0.02).freightMinor).toBe(1125);
  });

  it('fills ULDs exactly at their limit', () => {
    // 3176 kg = 2 × 1588 → 2 AKEs, utilisation 1, within the allotment of 2.
    // Freight: 14 × 3176 = 44,464; ULDs 2 × 5,000.
    const cost = consolidationCost(AIR, 3176, 1);
    expect(cost).toMatchObject({ ulds: 2, uldMinor: 10_000, freightMinor: 44_464, utilisation: 1, overCapacity: false });
  });

  it('flags more ULDs than the departure allotment', () => {
    // 3500 kg, 5 m³ → ceil(max(3500 / 1588 = 2.20, 5 / 4.3 = 1.16)) = 3 > 2.
    // Freight 14 × 3500 = 49,000; ULDs 15,000; utilisation 3500 / (3 × 1588) = 0.73468.
    const cost = consolidationCost(AIR, 3500, 5);
    expect(cost).toMatchObject({ ulds: 3, uldMinor: 15_000, freightMinor: 49_000, overCapacity: true });
    expect(cost.utilisation).toBeCloseTo(3500 / 4764, 12);
  });

  it('reports utilisation 1 on a lane without a ULD type', () => {
    // A consolidating truck: only a per-consolidation charge of 8,000; no ULDs, no freight tariff.
    const truck = lane({ mode: 'truck', cost: { perConsolidationMinor: 8_000 } });
    expect(consolidationCost(truck, 200, 1)).toEqual({
      shipping: 'own', chargeableKg: 200, ulds: 0, freightMinor: 0, fixedMinor: 8_000, uldMinor: 0, utilisation: 1, overCapacity: false,
    });
  });

  it('uses the lane\'s volumetric divisor', () => {
    // 1 kg, 0.06 m³ at ÷5000 → 12 kg → 30 × 12 = 360 → M 500; chargeable 12.
    const bulky = lane({ cost: { freight: TARIFF }, volumetricDivisor: 5000 });
    expect(consolidationCost(bulky, 1, 0.06)).toMatchObject({ chargeableKg: 12, freightMinor: 500 });
  });
});
