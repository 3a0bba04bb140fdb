// Per-parcel lane charges: perParcel + perParcelKg × max(0, kg − includedKg), rounded once.
import { describe, expect, it } from 'vitest';
import { parcelLaneCostMinor } from '../../src/tariff/index.js';
import { lane } from './fixtures.js';

describe('parcelLaneCostMinor', () => {
  // Last mile: 800 for the first 1 kg, 200 per further kg.
  const lastMile = lane({ mode: 'last_mile', cost: { perParcelMinor: 800, perParcelKgMinor: 200, includedKg: 1 } });

  it('charges the first weight only up to the included kg', () => {
    expect(parcelLaneCostMinor(lastMile, 0.5)).toBe(800);
    expect(parcelLaneCostMinor(lastMile, 1)).toBe(800);
  });

  it('adds the per-kg rate above the included kg', () => {
    expect(parcelLaneCostMinor(lastMile, 3.5)).toBe(1300); // 800 + 200 × 2.5
  });

  it('rounds a fractional per-kg charge once', () => {
    // 800 + 150.5 × 2.5 = 1176.25 → 1176.
    const fractional = lane({ mode: 'last_mile', cost: { perParcelMinor: 800, perParcelKgMinor: 150.5, includedKg: 1 } });
    expect(parcelLaneCostMinor(fractional, 3.5)).toBe(1176);
  });

  it('charges a flat fee whatever the weight', () => {
    const clearance = lane({ mode: 'clearance', schedule: { kind: 'working_time', workingMinutes: 120 }, cost: { perParcelMinor: 300 } });
    expect(parcelLaneCostMinor(clearance, 0.5)).toBe(300);
    expect(parcelLaneCostMinor(clearance, 30)).toBe(300);
  });

  it('charges nothing on a lane without per-parcel costs', () => {
    expect(parcelLaneCostMinor(lane(), 10)).toBe(0);
  });
});
