// Chargeable weight: max(actual, volumetric), rounded up to the next 0.5 kg, robust to float noise.
import { describe, expect, it } from 'vitest';
import { chargeableKg, roundUpToHalfKg, volumetricKg } from '../../src/tariff/index.js';

describe('volumetricKg', () => {
  it('is m³ × 1e6 ÷ divisor', () => {
    // 50 × 40 × 30 cm = 0.06 m³ = 60,000 cm³; ÷ 6000 = 10 kg; ÷ 5000 = 12 kg.
    expect(volumetricKg(0.06, 6000)).toBeCloseTo(10, 12);
    expect(volumetricKg(0.06, 5000)).toBeCloseTo(12, 12);
    // 1 m³ ≈ 166.67 kg at ÷6000 (docs/DOMAIN.md: "1 m³ ≈ 167 kg").
    expect(volumetricKg(1, 6000)).toBeCloseTo(166.6667, 4);
  });
});

describe('chargeableKg', () => {
  it('takes the actual weight when it dominates, rounded up to 0.5 kg', () => {
    // 12.3 kg actual; 0.01 m³ → 1.67 kg volumetric; max 12.3 → 12.5.
    expect(chargeableKg(12.3, 0.01, 6000)).toBe(12.5);
    // 12.6 → 13.
    expect(chargeableKg(12.6, 0.01, 6000)).toBe(13);
  });

  it('takes the volumetric weight of a light, bulky parcel', () => {
    // 1 kg actual in a 50 × 40 × 30 cm box: 0.06 m³ → 10 kg at ÷6000, 12 kg at ÷5000.
    expect(chargeableKg(1, 0.06, 6000)).toBe(10);
    expect(chargeableKg(1, 0.06, 5000)).toBe(12);
    // 0.061 m³ → 10.1667 kg → 10.5.
    expect(chargeableKg(1, 0.061, 6000)).toBe(10.5);
  });

  it('keeps weights already on a half-kg step', () => {
    expect(chargeableKg(12, 0, 6000)).toBe(12);
    expect(chargeableKg(12.5, 0, 6000)).toBe(12.5);
  });

  it('does not push float noise over a half-kg step', () => {
    // 12.0000000001 kg is 12 kg plus noise, not 12.5 kg.
    expect(chargeableKg(12.0000000001, 0, 6000)).toBe(12);
    // Two parcels of 0.1 and 0.2 m³: 0.1 + 0.2 = 0.30000000000000004 m³ → 50.00000000000001 kg.
    // A plain ceil to 0.5 kg would charge 50.5.
    expect(volumetricKg(0.1 + 0.2, 6000)).toBeGreaterThan(50);
    expect(chargeableKg(0, 0.1 + 0.2, 6000)).toBe(50);
  });

  it('still rounds up a real excess of one gram', () => {
    // 12.001 kg → 12.5 kg.
    expect(chargeableKg(12.001, 0, 6000)).toBe(12.5);
  });

  it('gives 0 for nothing and at least 0.5 kg for anything', () => {
    expect(chargeableKg(0, 0, 6000)).toBe(0);
    expect(chargeableKg(0.0001, 0, 6000)).toBe(0.5);
    expect(roundUpToHalfKg(-3)).toBe(0);
  });
});
