// Import tax of a parcel: per line, value × its category's rate for the parcel's basis,
// rounded once per parcel; nothing for duty-paid general trade.
import { describe, expect, it } from 'vitest';
import { parcelTaxMinor } from '../../src/tariff/index.js';
import type { Customs } from '../../src/domain/network.js';
import type { OrderLine } from '../../src/domain/orders.js';

const CUSTOMS: Customs = {
  crossBorderOrderLimitMinor: 500_000,
  annualLimitMinor: 2_600_000,
  crossBorderTaxRate: 0.091,
  fullTaxRate: 0.243,
  taxCategories: [{ id: 'cosmetics', crossBorderRate: 0.2306, fullRate: 0.396 }],
};

const line = (unitValueMinor: number, taxCategory?: string): Pick<OrderLine, 'unitValueMinor' | 'taxCategory'> =>
  taxCategory === undefined ? { unitValueMinor } : { unitValueMinor, taxCategory };

describe('parcelTaxMinor', () => {
  it('charges 9.1 % of ordinary goods inside the limits', () => {
    expect(parcelTaxMinor(CUSTOMS, 'cbec_reduced', [{ line: line(1_000), qty: 1 }])).toBe(91); //  CNY 10.00 → 0.91
    expect(parcelTaxMinor(CUSTOMS, 'cbec_reduced', [{ line: line(250_000), qty: 2 }])).toBe(45_500); // 5,000 → 455.00
  });

  it('rounds once per parcel, halves up', () => {
    expect(parcelTaxMinor(CUSTOMS, 'cbec_reduced', [{ line: line(12_990), qty: 1 }])).toBe(1_182); // 1182.09
    expect(parcelTaxMinor(CUSTOMS, 'cbec_reduced', [{ line: line(500), qty: 1 }])).toBe(46); // 45.5 → 46
    // Two lines of 45.5 each: 91 once, not 46 + 46.
    expect(parcelTaxMinor(CUSTOMS, 'cbec_reduced', [{ line: line(500), qty: 1 }, { line: line(500), qty: 1 }])).toBe(91);
  });

  it("uses each line's category", () => {
    // 10,000 ordinary × 0.091 + 10,000 cosmetics × 0.2306 = 910 + 2,306
    expect(parcelTaxMinor(CUSTOMS, 'cbec_reduced', [{ line: line(10_000), qty: 1 }, { line: line(10_000, 'cosmetics'), qty: 1 }])).toBe(3_216);
  });

  it('taxes a single item over the per-order limit at the full rate', () => {
    expect(parcelTaxMinor(CUSTOMS, 'cbec_full', [{ line: line(800_000), qty: 1 }])).toBe(194_400); // 8,000 × 24.3 %
    expect(parcelTaxMinor(CUSTOMS, 'cbec_full', [{ line: line(800_000, 'cosmetics'), qty: 1 }])).toBe(316_800); // × 39.6 %
  });

  it('charges nothing for duty-paid general trade or at a zero rate', () => {
    expect(parcelTaxMinor(CUSTOMS, 'duty_paid', [{ line: line(12_990), qty: 3 }])).toBe(0);
    expect(parcelTaxMinor({ ...CUSTOMS, crossBorderTaxRate: 0 }, 'cbec_reduced', [{ line: line(12_990), qty: 1 }])).toBe(0);
  });
});
