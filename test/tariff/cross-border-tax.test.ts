// Cross-border comprehensive tax: value × rate (9.1 % for ordinary goods), rounded once.
import { describe, expect, it } from 'vitest';
import { crossBorderTaxMinor } from '../../src/tariff/index.js';
import type { Customs } from '../../src/domain/network.js';

const CUSTOMS: Customs = { crossBorderOrderLimitMinor: 500_000, crossBorderTaxRate: 0.091 };

describe('crossBorderTaxMinor', () => {
  it('charges 9.1 % of the goods value', () => {
    expect(crossBorderTaxMinor(CUSTOMS, 1_000)).toBe(91); //       CNY 10.00 → 0.91
    expect(crossBorderTaxMinor(CUSTOMS, 500_000)).toBe(45_500); // CNY 5,000 (the limit) → 455.00
  });

  it('rounds to a whole fen, halves up', () => {
    expect(crossBorderTaxMinor(CUSTOMS, 12_990)).toBe(1_182); // 12,990 × 0.091 = 1182.09 → 1182
    expect(crossBorderTaxMinor(CUSTOMS, 500)).toBe(46); //       500 × 0.091 = 45.5 → 46
    expect(crossBorderTaxMinor(CUSTOMS, 1_500)).toBe(137); //    1,500 × 0.091 = 136.5 → 137
  });

  it('charges nothing on no value or at a zero rate', () => {
    expect(crossBorderTaxMinor(CUSTOMS, 0)).toBe(0);
    expect(crossBorderTaxMinor({ ...CUSTOMS, crossBorderTaxRate: 0 }, 12_990)).toBe(0);
  });
});
