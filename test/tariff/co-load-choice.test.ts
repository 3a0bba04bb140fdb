// Co-load (shipping loose) against our own consolidation: the cheaper way per departure,
// co-load whenever our ULD allotment cannot take the load, own on a tie or without an offer.
import { describe, expect, it } from 'vitest';
import { coLoadCost, consolidationCost, consolidationTotalMinor, ownConsolidationCost } from '../../src/tariff/index.js';
import { AKE, lane } from './fixtures.js';

// Own: M 20,000; N 2,000/kg; +45 1,600; +100 1,200; MAWB 60,000; 10,000 per AKE, at most 1.
// Co-load: 1,600/kg (1.33 × the +100 rate), minimum 30,000. Break-even (both above 100 kg):
// 60,000 + 10,000 + 1,200·W = 1,600·W → W = 175 kg.
const FREIGHT = { minChargeMinor: 20_000, breaks: [{ fromKg: 0, perKgMinor: 2_000 }, { fromKg: 45, perKgMinor: 1_600 }, { fromKg: 100, perKgMinor: 1_200 }] };
const AIR = lane({
  cost: { freight: FREIGHT, perConsolidationMinor: 60_000, perUldMinor: 10_000 },
  coLoad: { perKgMinor: 1_600, minChargeMinor: 30_000 },
  uld: AKE,
  maxUldsPerDeparture: 1,
});

describe('consolidationCost with a co-load offer', () => {
  it('ships a small load loose', () => {
    // 10 kg: own 60,000 + 10,000 + max(20,000, 2,000 × 10 = 20,000) = 90,000;
    // co-load max(30,000, 1,600 × 10 = 16,000) = 30,000 → co-load, no ULD, no fixed charge.
    expect(consolidationTotalMinor(ownConsolidationCost(AIR, 10, 0.01))).toBe(90_000);
    expect(consolidationCost(AIR, 10, 0.01)).toEqual({
      shipping: 'co_load', chargeableKg: 10, ulds: 0, freightMinor: 30_000, fixedMinor: 0, uldMinor: 0, utilisation: 0, overCapacity: false,
    });
  });

  it('consolidates a big load on our own MAWB', () => {
    // 1,000 kg: own 60,000 + 10,000 + 1,200 × 1,000 = 1,270,000; co-load 1,600,000.
    const cost = consolidationCost(AIR, 1_000, 1);
    expect(cost).toMatchObject({ shipping: 'own', ulds: 1, freightMinor: 1_200_000, fixedMinor: 60_000, uldMinor: 10_000 });
    expect(consolidationTotalMinor(coLoadCost(AIR, 1_000, 1))).toBe(1_600_000);
  });

  it('changes over at the break-even weight, own winning the tie', () => {
    // 175 kg: own 70,000 + 210,000 = 280,000 = co-load 1,600 × 175 → own (tie).
    expect(consolidationCost(AIR, 175, 0.1).shipping).toBe('own');
    // 174.5 kg: own 279,400; co-load 279,200 → co-load.
    expect(consolidationTotalMinor(ownConsolidationCost(AIR, 174.5, 0.1))).toBe(279_400);
    expect(consolidationCost(AIR, 174.5, 0.1)).toMatchObject({ shipping: 'co_load', freightMinor: 279_200 });
  });

  it('ships loose when our allotment cannot take the load, even at a higher price', () => {
    // 2,000 kg needs 2 AKEs (1,588 kg each); the allotment is 1 → own is over capacity.
    expect(ownConsolidationCost(AIR, 2_000, 1).overCapacity).toBe(true);
    expect(consolidationCost(AIR, 2_000, 1)).toMatchObject({ shipping: 'co_load', ulds: 0, freightMinor: 3_200_000, overCapacity: false });
  });

  it('bills the consolidated chargeable weight (volume can bind)', () => {
    // 5 kg in 0.3 m³ → 50 kg volumetric → co-load 1,600 × 50 = 80,000 (own: 70,000 + 1,600 × 50 = 150,000).
    expect(consolidationCost(AIR, 5, 0.3)).toMatchObject({ shipping: 'co_load', chargeableKg: 50, freightMinor: 80_000 });
  });

  it('is own consolidation on a lane without an offer', () => {
    const plain = lane({ cost: { freight: FREIGHT, perConsolidationMinor: 60_000, perUldMinor: 10_000 }, uld: AKE, maxUldsPerDeparture: 1 });
    expect(consolidationCost(plain, 10, 0.01)).toMatchObject({ shipping: 'own', freightMinor: 20_000, fixedMinor: 60_000, uldMinor: 10_000 });
    expect(consolidationCost(plain, 2_000, 1)).toMatchObject({ shipping: 'own', overCapacity: true });
  });

  it('costs nothing when nothing rides', () => {
    expect(consolidationTotalMinor(consolidationCost(AIR, 0, 0))).toBe(0);
  });
});
