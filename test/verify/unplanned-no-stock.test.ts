// A NO_STOCK answer holds only if some line is left at no allowed source after the plan's draws.
import { describe, expect, it } from 'vitest';
import { answerExtra, extraOrder, rulesOf, unplan, verifyCorrupted, violationsOf } from './harness.js';

describe('unplanned NO_STOCK', () => {
  it('names a NO_STOCK whose stock is there (REASON_NO_STOCK)', () => {
    // BW-SH holds 4 × SKU-C; O3 needs one.
    const result = verifyCorrupted((plan) => unplan(plan, 'O3', { reason: 'NO_STOCK', message: 'no SKU-C', field: 'SKU-C' }));
    expect(rulesOf(result)).toEqual(['REASON_NO_STOCK']);
    expect(violationsOf(result, 'REASON_NO_STOCK')).toMatchObject([{ order: 'O3', found: '1 × SKU-C from BW-SH' }]);
  });

  it('accepts a NO_STOCK when the stock is gone', () => {
    const result = verifyCorrupted((plan) => unplan(plan, 'O3', { reason: 'NO_STOCK', message: 'no SKU-C', field: 'SKU-C' }), {
      stock: (stock) => stock.splice(stock.findIndex((r) => r.sku === 'SKU-C'), 1),
    });
    expect(result.violations).toEqual([]);
  });

  it('counts what the planned parcels draw first (REASON_NO_STOCK only when some is left)', () => {
    // O5 wants 1 × SKU-A; BASE-US holds 3 and P-O1 + P-O2 take all 3: NO_STOCK is true…
    const answer = { reason: 'NO_STOCK', message: 'SKU-A is taken', field: 'SKU-A' } as const;
    const o5 = extraOrder({ lines: [{ sku: 'SKU-A', qty: 1, unitWeightKg: 11, dimensionsCm: [40, 30, 20], unitValueMinor: 30000 }] });
    const taken = verifyCorrupted((plan) => answerExtra(plan, 'O5', answer), { orders: (orders) => orders.push(o5) });
    expect(taken.violations).toEqual([]);
    // … and false once BASE-US holds a fourth.
    const left = verifyCorrupted((plan) => answerExtra(plan, 'O5', answer), {
      orders: (orders) => orders.push(o5),
      stock: (stock) => stock.push({ node: 'BASE-US', sku: 'SKU-A', qty: 1 }),
    });
    expect(rulesOf(left)).toEqual(['REASON_NO_STOCK']);
    expect(violationsOf(left, 'REASON_NO_STOCK')).toMatchObject([{ order: 'O5', found: '1 × SKU-A from BASE-US' }]);
  });

  it('names a NO_STOCK blaming a SKU that is in stock (REASON_NO_STOCK)', () => {
    // O5 wants SKU-A (all taken) and SKU-B (2 left): NO_STOCK is true, but not for SKU-B.
    const o5 = extraOrder({
      lines: [
        { sku: 'SKU-A', qty: 1, unitWeightKg: 11, dimensionsCm: [40, 30, 20], unitValueMinor: 30000 },
        { sku: 'SKU-B', qty: 1, unitWeightKg: 2.1, unitVolumeM3: 0.012, unitValueMinor: 10000 },
      ],
    });
    const result = verifyCorrupted((plan) => answerExtra(plan, 'O5', { reason: 'NO_STOCK', message: 'no SKU-B', field: 'SKU-B' }), {
      orders: (orders) => orders.push(o5),
    });
    expect(rulesOf(result)).toEqual(['REASON_NO_STOCK']);
    expect(violationsOf(result, 'REASON_NO_STOCK')).toMatchObject([{ order: 'O5', found: 'SKU-B' }]);
  });

  it('judges stock only at sources the order may use', () => {
    // O3 may only be sourced from BASE-US, which has no SKU-C (BW-SH's does not count).
    const result = verifyCorrupted((plan) => unplan(plan, 'O3', { reason: 'NO_STOCK', message: 'no SKU-C at BASE-US' }), {
      orders: (orders) => {
        const o3 = orders.find((o) => o.id === 'O3');
        if (o3 !== undefined) o3.allowedSources = ['BASE-US'];
      },
    });
    expect(result.violations).toEqual([]);
  });
});
