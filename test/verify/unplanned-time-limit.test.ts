// A TIME_LIMIT answer (the run stopped before it examined the order) stands only in a plan that
// says it was time-limited: without a limit every order is examined, so nothing excuses it.
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/domain/plan.js';
import { rulesOf, verifyCorrupted, violationsOf } from './harness.js';

/** O4 (unplanned in the fixture) answered TIME_LIMIT instead, the totals counting it so. */
function o4NotExamined(timeLimited: boolean): (plan: Plan) => void {
  return (plan) => {
    plan.orders = plan.orders.map((a) =>
      a.order === 'O4' ? { order: 'O4', status: 'unplanned', reason: 'TIME_LIMIT', message: 'not examined within the time limit' } : a,
    );
    plan.totals.unplanned = { ...plan.totals.unplanned, OVER_VALUE_LIMIT: plan.totals.unplanned.OVER_VALUE_LIMIT - 1, TIME_LIMIT: 1 };
    plan.timeLimited = timeLimited;
  };
}

describe('unplanned TIME_LIMIT', () => {
  it('rejects a TIME_LIMIT answer in a plan not marked timeLimited (REASON_TIME_LIMIT)', () => {
    const result = verifyCorrupted(o4NotExamined(false));
    expect(rulesOf(result)).toEqual(['REASON_TIME_LIMIT']);
    expect(violationsOf(result, 'REASON_TIME_LIMIT').map((v) => v.order)).toEqual(['O4']);
  });

  it('accepts it in a time-limited plan', () => {
    const result = verifyCorrupted(o4NotExamined(true));
    expect(result.violations).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('still checks a deadline a TIME_LIMIT answer states (DEADLINE)', () => {
    const result = verifyCorrupted((plan) => {
      o4NotExamined(true)(plan);
      const o4 = plan.orders.find((a) => a.order === 'O4');
      if (o4?.status === 'unplanned') o4.deadline = '2020-01-01T00:00:00+08:00';
    });
    expect(rulesOf(result)).toEqual(['DEADLINE']);
  });
});
