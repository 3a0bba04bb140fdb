// Every order of the batch is answered exactly once, and nothing else is answered.
import { describe, expect, it } from 'vitest';
import { parcelOf, rulesOf, verifyCorrupted, violationsOf } from './harness.js';

describe('order coverage', () => {
  it('names an order the plan dropped (ORDER_MISSING)', () => {
    const result = verifyCorrupted((plan) => {
      plan.orders = plan.orders.filter((a) => a.order !== 'O3');
    });
    // The totals still count O3 as planned, its 950 fen and its 1820 tax (TOTALS), and the gap
    // is still taken on 176500 rather than the 175550 left (LOWER_BOUND).
    expect(rulesOf(result)).toEqual(['LOWER_BOUND', 'ORDER_MISSING', 'TOTALS']);
    expect(violationsOf(result, 'ORDER_MISSING').map((v) => v.order)).toEqual(['O3']);
    expect(result.ok).toBe(false);
  });

  it('names an order answered twice (ORDER_DUPLICATED)', () => {
    const result = verifyCorrupted((plan) => {
      const o4 = plan.orders.find((a) => a.order === 'O4');
      if (o4 !== undefined) plan.orders.push(structuredClone(o4));
    });
    // totals.unplanned.OVER_VALUE_LIMIT is 1, the plan now has 2.
    expect(rulesOf(result)).toEqual(['ORDER_DUPLICATED', 'TOTALS']);
    expect(violationsOf(result, 'ORDER_DUPLICATED')).toMatchObject([{ order: 'O4', expected: 1, found: 2 }]);
  });

  it('names an order both planned and unplanned (ORDER_DUPLICATED)', () => {
    const result = verifyCorrupted((plan) => {
      plan.orders.push({ order: 'O3', status: 'unplanned', reason: 'NO_STOCK', message: 'no SKU-C anywhere' });
    });
    // BW-SH still holds 3 × SKU-C after P-O3 took one, so the NO_STOCK is false as well.
    expect(rulesOf(result)).toEqual(['ORDER_DUPLICATED', 'REASON_NO_STOCK', 'TOTALS']);
    const [violation] = violationsOf(result, 'ORDER_DUPLICATED');
    expect(violation?.order).toBe('O3');
    expect(violation?.message).toContain('planned, unplanned');
  });

  it('names an answer for an order not in the batch (ORDER_UNKNOWN)', () => {
    const result = verifyCorrupted((plan) => {
      plan.orders.push({ order: 'O9', status: 'unplanned', reason: 'NO_ROUTE', message: 'nowhere to go' });
    });
    expect(rulesOf(result)).toEqual(['ORDER_UNKNOWN', 'TOTALS']);
    expect(violationsOf(result, 'ORDER_UNKNOWN').map((v) => v.order)).toEqual(['O9']);
  });

  it('takes answers in any order, and sees an answer renamed in place (same count, same positions)', () => {
    // The check's quick path is for answers in the batch's order: these are neither.
    const reordered = verifyCorrupted((plan) => {
      plan.orders.reverse();
    });
    expect(reordered.ok).toBe(true);
    const renamed = verifyCorrupted((plan) => {
      const o4 = plan.orders.find((a) => a.order === 'O4');
      if (o4 !== undefined) o4.order = 'O9';
    });
    expect(violationsOf(renamed, 'ORDER_UNKNOWN').map((v) => v.order)).toEqual(['O9']);
    expect(violationsOf(renamed, 'ORDER_MISSING').map((v) => v.order)).toEqual(['O4']);
  });

  it('names a parcel id used by two parcels (DUPLICATE_ID)', () => {
    const result = verifyCorrupted((plan) => {
      parcelOf(plan, 'O3').id = 'P-O1';
    });
    expect(violationsOf(result, 'DUPLICATE_ID')).toMatchObject([{ parcel: 'P-O1', order: 'O3' }]);
  });
});
