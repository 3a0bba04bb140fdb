// isConsolidating: a lane whose charges are per departure (freight tariff, ULDs, fixed or per-ULD).
import { describe, expect, it } from 'vitest';
import { isConsolidating } from '../../src/tariff/index.js';
import { AKE, TARIFF, lane } from './fixtures.js';

describe('isConsolidating', () => {
  it('is true for each kind of per-departure charge', () => {
    expect(isConsolidating(lane({ cost: { freight: TARIFF } }))).toBe(true);
    expect(isConsolidating(lane({ uld: AKE }))).toBe(true);
    expect(isConsolidating(lane({ cost: { perConsolidationMinor: 1 } }))).toBe(true);
    expect(isConsolidating(lane({ cost: { perUldMinor: 1 } }))).toBe(true);
  });

  it('is false for lanes charged only per parcel', () => {
    expect(isConsolidating(lane({ mode: 'last_mile', cost: { perParcelMinor: 800, perParcelKgMinor: 200 } }))).toBe(false);
    expect(isConsolidating(lane())).toBe(false);
  });
});
