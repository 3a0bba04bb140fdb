// Weight-break freight: the rate of each break, the next-break rule, and the minimum charge.
import { describe, expect, it } from 'vitest';
import { weightBreakCostMinor } from '../../src/tariff/index.js';
import type { WeightBreakTariff } from '../../src/domain/network.js';
import { TARIFF } from './fixtures.js';

// TARIFF: M 500; N 30/kg; +45 25; +100 20; +300 18; +500 16; +1000 14 (fen).
describe('weightBreakCostMinor', () => {
  it('charges each break its own rate at the break weight', () => {
    expect(weightBreakCostMinor(TARIFF, 20)).toBe(600); //      N: 30 × 20; next 25 × 45 = 1125
    expect(weightBreakCostMinor(TARIFF, 45)).toBe(1125); //   +45: 25 × 45; next 20 × 100 = 2000
    expect(weightBreakCostMinor(TARIFF, 100)).toBe(2000); // +100: 20 × 100; next 18 × 300 = 5400
    expect(weightBreakCostMinor(TARIFF, 300)).toBe(5400); // +300: 18 × 300; next 16 × 500 = 8000
    expect(weightBreakCostMinor(TARIFF, 500)).toBe(8000); // +500: 16 × 500; next 14 × 1000 = 14000
    expect(weightBreakCostMinor(TARIFF, 1000)).toBe(14000); // +1000: 14 × 1000
    expect(weightBreakCostMinor(TARIFF, 2000)).toBe(28000); // +1000: 14 × 2000, no higher break
  });

  it('charges inside a break at that break\'s rate while it is cheaper than the next break', () => {
    expect(weightBreakCostMinor(TARIFF, 37)).toBe(1110); //  30 × 37 = 1110 < 25 × 45 = 1125
    expect(weightBreakCostMinor(TARIFF, 60)).toBe(1500); //  25 × 60 = 1500 < 20 × 100 = 2000
    expect(weightBreakCostMinor(TARIFF, 150)).toBe(3000); // 20 × 150 = 3000 < 18 × 300 = 5400
  });

  it('applies the next-break rule just below a break', () => {
    // 40 kg: N 30 × 40 = 1200, but the +45 rate on 45 kg is 25 × 45 = 1125: charge 1125.
    expect(weightBreakCostMinor(TARIFF, 40)).toBe(1125);
    // Break-even 1125 / 30 = 37.5 kg: both give 1125.
    expect(weightBreakCostMinor(TARIFF, 37.5)).toBe(1125);
    // 90 kg: 25 × 90 = 2250 vs 20 × 100 = 2000 → 2000 (break-even 80 kg).
    expect(weightBreakCostMinor(TARIFF, 90)).toBe(2000);
    // 290 kg: 20 × 290 = 5800 vs 18 × 300 = 5400 → 5400.
    expect(weightBreakCostMinor(TARIFF, 290)).toBe(5400);
    // 480 kg: 18 × 480 = 8640 vs 16 × 500 = 8000 → 8000.
    expect(weightBreakCostMinor(TARIFF, 480)).toBe(8000);
    // 950 kg: 16 × 950 = 15200 vs 14 × 1000 = 14000 → 14000.
    expect(weightBreakCostMinor(TARIFF, 950)).toBe(14000);
  });

  it('looks past the next break when a later one is cheaper still', () => {
    // Rates collapse at +100: 40 kg → min(30 × 40 = 1200, 25 × 45 = 1125, 5 × 100 = 500) = 500 → M 100 < 500.
    const steep: WeightBreakTariff = {
      minChargeMinor: 100,
      breaks: [{ fromKg: 0, perKgMinor: 30 }, { fromKg: 45, perKgMinor: 25 }, { fromKg: 100, perKgMinor: 5 }],
    };
    expect(weightBreakCostMinor(steep, 40)).toBe(500);
  });

  it('charges the minimum when the weight charge is below it', () => {
    // 10 kg: 30 × 10 = 300 < M 500 → 500. 16.5 kg: 495 → 500. 17 kg: 510 → 510.
    expect(weightBreakCostMinor(TARIFF, 10)).toBe(500);
    expect(weightBreakCostMinor(TARIFF, 16.5)).toBe(500);
    expect(weightBreakCostMinor(TARIFF, 17)).toBe(510);
  });

  it('charges nothing for no weight', () => {
    expect(weightBreakCostMinor(TARIFF, 0)).toBe(0);
  });

  it('rounds the charge once to a whole minor unit, halves up', () => {
    const fractional: WeightBreakTariff = { minChargeMinor: 0, breaks: [{ fromKg: 0, perKgMinor: 2.345 }] };
    expect(weightBreakCostMinor(fractional, 45.5)).toBe(107); // 2.345 × 45.5 = 106.6975 → 107
    const half: WeightBreakTariff = { minChargeMinor: 0, breaks: [{ fromKg: 0, perKgMinor: 1 }] };
    expect(weightBreakCostMinor(half, 1.5)).toBe(2); // 1.5 → 2
  });

  it('does not depend on the order the breaks are listed in', () => {
    const shuffled: WeightBreakTariff = { ...TARIFF, breaks: [...TARIFF.breaks].reverse() };
    for (const kg of [10, 37, 40, 45, 90, 100, 290, 480, 950, 2000]) {
      expect(weightBreakCostMinor(shuffled, kg)).toBe(weightBreakCostMinor(TARIFF, kg));
    }
  });

  it('charges a weight below the first break at the first break weight', () => {
    // Only quantity rates: 10 kg → min(25 × 45 = 1125, 20 × 100 = 2000) = 1125.
    const quantityOnly: WeightBreakTariff = {
      minChargeMinor: 0,
      breaks: [{ fromKg: 45, perKgMinor: 25 }, { fromKg: 100, perKgMinor: 20 }],
    };
    expect(weightBreakCostMinor(quantityOnly, 10)).toBe(1125);
  });
});
