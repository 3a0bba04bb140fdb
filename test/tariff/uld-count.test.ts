// ULD counts: ceil(max(weight / maxKg, volume / maxM3)), exact at the limits, 0 for no load.
import { describe, expect, it } from 'vitest';
import { uldsNeeded } from '../../src/tariff/index.js';
import type { UldType } from '../../src/domain/network.js';
import { AKE } from './fixtures.js';

describe('uldsNeeded', () => {
  it('needs none for no load', () => {
    expect(uldsNeeded(AKE, 0, 0)).toBe(0);
  });

  it('fills a ULD exactly at its weight limit and needs another just above it', () => {
    expect(uldsNeeded(AKE, 1588, 1)).toBe(1); //   1588 / 1588 = 1
    expect(uldsNeeded(AKE, 1589, 1)).toBe(2); //   1589 / 1588 = 1.0006 → 2
    expect(uldsNeeded(AKE, 3176, 1)).toBe(2); //   3176 / 1588 = 2
    expect(uldsNeeded(AKE, 3176.5, 1)).toBe(3);
  });

  it('counts by volume when volume binds', () => {
    expect(uldsNeeded(AKE, 100, 4.3)).toBe(1); //  4.3 / 4.3 = 1
    expect(uldsNeeded(AKE, 100, 4.31)).toBe(2); // 4.31 / 4.3 = 1.002 → 2 (weight 100 / 1588 = 0.06)
    expect(uldsNeeded(AKE, 1500, 9)).toBe(3); //   max(0.94, 2.09) → 3
  });

  it('keeps a load summed to the limit in one ULD despite float noise', () => {
    // Ten parcels of 0.43 m³ sum to 4.300000000000001 m³ in floating point: still one AKE.
    const volumeM3 = Array.from({ length: 10 }, () => 0.43).reduce((a, b) => a + b, 0);
    expect(volumeM3).toBeGreaterThan(4.3);
    expect(uldsNeeded(AKE, 10, volumeM3)).toBe(1);
  });

  it('needs one ULD for any load, however small', () => {
    expect(uldsNeeded(AKE, 0.0001, 0)).toBe(1);
    expect(uldsNeeded(AKE, 0, 0.000001)).toBe(1);
  });

  it('works for pallets too', () => {
    // PMC 6,804 kg (docs/DOMAIN.md); 10 m³ assumed here. 7000 kg, 5 m³ → max(1.03, 0.5) → 2.
    const pmc: UldType = { type: 'PMC', maxKg: 6804, maxM3: 10 };
    expect(uldsNeeded(pmc, 7000, 5)).toBe(2);
    expect(uldsNeeded(pmc, 6804, 10)).toBe(1);
  });
});
