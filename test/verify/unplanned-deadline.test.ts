// The deadline an unplanned answer states is the one its service promise gives.
import { describe, expect, it } from 'vitest';
import type { UnplannedOrder } from '../../src/domain/plan.js';
import { rulesOf, verifyCorrupted, violationsOf } from './harness.js';

function o4(plan: { orders: unknown[] }): UnplannedOrder {
  const answer = plan.orders.find((a) => (a as UnplannedOrder).order === 'O4') as UnplannedOrder | undefined;
  if (answer === undefined) throw new Error('test: no O4');
  return answer;
}

describe('unplanned deadline', () => {
  it('accepts the deadline DM-6 gives O4 (created Tue 10 Nov: Wed 18 Nov 23:59:59)', () => {
    const result = verifyCorrupted((plan) => {
      o4(plan).deadline = '2026-11-18T23:59:59+08:00';
    });
    expect(result.violations).toEqual([]);
  });

  it('names a deadline moved by a week (DEADLINE)', () => {
    const result = verifyCorrupted((plan) => {
      o4(plan).deadline = '2026-11-25T23:59:59+08:00';
    });
    expect(rulesOf(result)).toEqual(['DEADLINE']);
    expect(violationsOf(result, 'DEADLINE')).toMatchObject([{ order: 'O4', expected: '2026-11-18T23:59:59+08:00', found: '2026-11-25T23:59:59+08:00' }]);
  });

  it('names a deadline written in the wrong offset (LOCAL_OFFSET)', () => {
    const result = verifyCorrupted((plan) => {
      o4(plan).deadline = '2026-11-18T15:59:59Z';
    });
    expect(rulesOf(result)).toEqual(['LOCAL_OFFSET']);
  });
});
