// What is checked of the lower bound without its certificate: it is a number no greater than
// the recomputed cost, the gap follows from the two, and bound and gap are null together.
import { describe, expect, it } from 'vitest';
import { rulesOf, verifyCorrupted, violationsOf } from './harness.js';

describe('lower bound', () => {
  it('accepts a bound equal to the cost with gap 0: without a certificate that cannot be disproved', () => {
    const result = verifyCorrupted((plan) => {
      plan.totals.lowerBoundMinor = 176500;
      plan.totals.gap = 0;
    });
    expect(result.violations).toEqual([]);
  });

  it('names a bound one fen above the recomputed cost (LOWER_BOUND)', () => {
    const result = verifyCorrupted((plan) => {
      plan.totals.lowerBoundMinor = 176501;
      plan.totals.gap = 0;
    });
    // (The gap 0 it states is not (cost − bound) / cost either: a second LOWER_BOUND finding.)
    expect(rulesOf(result)).toEqual(['LOWER_BOUND']);
    expect(violationsOf(result, 'LOWER_BOUND')[0]).toMatchObject({ expected: '≤ 176500', found: 176501 });
  });

  it('names a bound without a gap (LOWER_BOUND)', () => {
    const result = verifyCorrupted((plan) => {
      plan.totals.gap = null;
    });
    expect(rulesOf(result)).toEqual(['LOWER_BOUND']);
    expect(violationsOf(result, 'LOWER_BOUND')).toMatchObject([{ found: 'null' }]);
  });
});
