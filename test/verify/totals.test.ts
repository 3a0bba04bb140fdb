// The plan's totals are recounted from its answers, and its lower bound held to being one.
import { describe, expect, it } from 'vitest';
import { rulesOf, verifyCorrupted, violationsOf } from './harness.js';

describe('totals', () => {
  it('names a wrong total cost of the plan (TOTALS)', () => {
    const result = verifyCorrupted((plan) => {
      plan.totals.cost.total = 176000;
      plan.totals.gap = 6000 / 176000;
    });
    expect(violationsOf(result, 'TOTALS')).toMatchObject([{ expected: 176500, found: 176000 }]);
    // The gap is judged on the recomputed cost, so the gap written for 176000 is wrong too.
    expect(rulesOf(result)).toEqual(['LOWER_BOUND', 'TOTALS']);
  });

  it('names a wrong count (TOTALS)', () => {
    const result = verifyCorrupted((plan) => {
      plan.totals.unplanned.OVER_VALUE_LIMIT = 0;
      plan.totals.unplanned.NO_STOCK = 1;
    });
    expect(rulesOf(result)).toEqual(['TOTALS']);
    expect(violationsOf(result, 'TOTALS')).toHaveLength(2);
  });

  it('names a lower bound above the cost (LOWER_BOUND)', () => {
    const result = verifyCorrupted((plan) => {
      plan.totals.lowerBoundMinor = 180000;
      plan.totals.gap = 0;
    });
    // Nor does the certificate prove 180000 (its floors add up to 176043).
    expect(rulesOf(result)).toEqual(['LOWER_BOUND', 'LOWER_BOUND_CERTIFICATE']);
    expect(violationsOf(result, 'LOWER_BOUND')[0]).toMatchObject({ expected: '≤ 176500', found: 180000 });
  });

  it('names a gap that is not (cost − bound) / cost (LOWER_BOUND)', () => {
    const result = verifyCorrupted((plan) => {
      plan.totals.gap = 6500 / 170000; // divided by the bound instead of the cost
    });
    expect(rulesOf(result)).toEqual(['LOWER_BOUND']);
    expect(violationsOf(result, 'LOWER_BOUND')[0]?.expected).toBeCloseTo(6500 / 176500, 12);
  });

  it('accepts no bound with no gap, and names a gap without a bound', () => {
    const none = verifyCorrupted((plan) => {
      plan.totals.lowerBoundMinor = null;
      plan.totals.gap = null;
    });
    expect(none.violations).toEqual([]);
    const dangling = verifyCorrupted((plan) => {
      plan.totals.lowerBoundMinor = null;
    });
    expect(rulesOf(dangling)).toEqual(['LOWER_BOUND']);
  });
});
