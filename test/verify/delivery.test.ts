// When a planned order arrives, against the deadline its promise gives.
import { describe, expect, it } from 'vitest';
import { parcelOf, plannedOrder, rulesOf, verifyCorrupted, violationsOf } from './harness.js';

describe('delivery', () => {
  it('names an order delivered after its deadline (LATE_DELIVERY)', () => {
    // O3 must now arrive by 22:00 Wednesday; its parcel arrives at 23:00. The plan's deadline
    // and slack (−60 min) are written to match, so only the lateness is wrong.
    const result = verifyCorrupted(
      (plan) => {
        Object.assign(plannedOrder(plan, 'O3'), { deadline: '2026-11-11T22:00:00+08:00', slackMinutes: -60 });
      },
      {
        orders: (orders) => {
          const o3 = orders.find((o) => o.id === 'O3');
          if (o3 !== undefined) o3.deliverBy = '2026-11-11T22:00:00+08:00';
        },
      },
    );
    expect(rulesOf(result)).toEqual(['LATE_DELIVERY']);
    expect(violationsOf(result, 'LATE_DELIVERY')).toMatchObject([
      { order: 'O3', parcel: 'P-O3', expected: '≤ 2026-11-11T22:00:00+08:00', found: '2026-11-11T23:00:00+08:00' },
    ]);
  });

  it('names a deadline that is not the service level\'s (DEADLINE)', () => {
    // DM-6 from Tuesday is Wednesday 18th, not Tuesday 17th (slack adjusted: 7859 − 1440).
    const result = verifyCorrupted((plan) => {
      Object.assign(plannedOrder(plan, 'O1'), { deadline: '2026-11-17T23:59:59+08:00', slackMinutes: 6419 });
    });
    expect(violationsOf(result, 'DEADLINE')).toMatchObject([{ order: 'O1', expected: '2026-11-18T23:59:59+08:00' }]);
  });

  it('names a slack more than a minute off (SLACK) and accepts one rounded either way', () => {
    const wrong = verifyCorrupted((plan) => {
      plannedOrder(plan, 'O1').slackMinutes = 7858;
    });
    expect(rulesOf(wrong)).toEqual(['SLACK']);
    const roundedUp = verifyCorrupted((plan) => {
      plannedOrder(plan, 'O1').slackMinutes = 7860; // 7859.98 rounded to nearest
    });
    expect(roundedUp.violations).toEqual([]);
  });

  it('names a deliveredAt that is not the last arrival (DELIVERED_AT)', () => {
    const result = verifyCorrupted((plan) => {
      parcelOf(plan, 'O2').deliveredAt = '2026-11-13T13:00:00+08:00';
    });
    expect(rulesOf(result)).toEqual(['DELIVERED_AT']);
    expect(violationsOf(result, 'DELIVERED_AT')).toMatchObject([{ parcel: 'P-O2', expected: '2026-11-14T13:00:00+08:00' }]);
  });
});
