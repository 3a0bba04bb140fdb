// Slack quantiles are nearest-rank: always an observed value, rank ⌈q·n⌉.
import { describe, expect, it } from 'vitest';
import { planSummary, slackDistribution } from '../../src/output/summary.js';
import { fixturePlan } from './fixtures.js';

describe('slack quantiles', () => {
  it('uses the planned orders of the plan', () => {
    // slacks 1000 (O2) and 6419 (O1): p10 rank ⌈0.2⌉ = 1, median ⌈1⌉ = 1, p90 ⌈1.8⌉ = 2.
    expect(planSummary(fixturePlan(), { elapsedMs: 0 }).slackMinutes).toEqual({ min: 1000, p10: 1000, median: 1000, p90: 6419 });
  });

  it('takes rank ⌈q·n⌉ of the sorted values', () => {
    const tenValues = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    expect(slackDistribution(tenValues)).toEqual({ min: 1, p10: 1, median: 5, p90: 9 });
    // n = 30: 0.1·30 is 3.0000000000000004 in floating point; the rank must still be 3, not 4.
    const thirty = Array.from({ length: 30 }, (_, i) => i + 1);
    expect(slackDistribution(thirty)).toEqual({ min: 1, p10: 3, median: 15, p90: 27 });
    // [−10, 20, 50]: median rank ⌈1.5⌉ = 2 → 20; p90 rank ⌈2.7⌉ = 3 → 50.
    expect(slackDistribution([50, -10, 20])).toEqual({ min: -10, p10: -10, median: 20, p90: 50 });
  });

  it('is null without planned orders', () => {
    expect(slackDistribution([])).toBeNull();
  });
});
