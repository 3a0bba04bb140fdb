// A planned order's parcels carry exactly its lines, and each parcel's figures follow from them.
import { describe, expect, it } from 'vitest';
import { parcelOf, rulesOf, verifyCorrupted, violationsOf } from './harness.js';

describe('parcel lines', () => {
  it('names the order and SKU when the parcels do not add up to the order (PARCEL_LINES)', () => {
    const result = verifyCorrupted((plan) => {
      const line = parcelOf(plan, 'O2').lines.find((l) => l.sku === 'SKU-B');
      if (line !== undefined) line.qty = 2; // the order has 3
    });
    expect(violationsOf(result, 'PARCEL_LINES')).toMatchObject([{ order: 'O2', sku: 'SKU-B', expected: 3, found: 2 }]);
  });

  it('names a SKU the order does not have (PARCEL_LINES)', () => {
    const result = verifyCorrupted((plan) => {
      parcelOf(plan, 'O3').lines.push({ sku: 'SKU-E', qty: 1 });
    });
    expect(violationsOf(result, 'PARCEL_LINES')).toMatchObject([{ order: 'O3', sku: 'SKU-E', expected: 0, found: 1 }]);
  });

  it('accepts an order split over two parcels that together carry its lines', () => {
    // Not the fixture plan's shape; only the lines rule is looked at here.
    const result = verifyCorrupted((plan) => {
      const parcel = parcelOf(plan, 'O2');
      const second = structuredClone(parcel);
      second.id = 'P-O2b';
      parcel.lines = [{ sku: 'SKU-A', qty: 1 }, { sku: 'SKU-B', qty: 1 }];
      second.lines = [{ sku: 'SKU-B', qty: 2 }];
      const answer = plan.orders.find((a) => a.order === 'O2');
      if (answer?.status === 'planned') answer.parcels.push(second);
    });
    expect(violationsOf(result, 'PARCEL_LINES')).toEqual([]);
  });

  it('names a parcel whose weight is not its lines\' weight (PARCEL_FIGURES)', () => {
    // 11 + 3 × 2.1 = 17.3 kg, not 17; the chargeable 17.5 kg is still right.
    const result = verifyCorrupted((plan) => {
      parcelOf(plan, 'O2').weightKg = 17;
    });
    expect(rulesOf(result)).toEqual(['PARCEL_FIGURES']);
    expect(violationsOf(result, 'PARCEL_FIGURES')).toMatchObject([{ order: 'O2', parcel: 'P-O2', found: 17 }]);
  });

  it('names a chargeable weight not rounded up to the next 0.5 kg (PARCEL_FIGURES)', () => {
    const result = verifyCorrupted((plan) => {
      parcelOf(plan, 'O2').chargeableKg = 17.3;
    });
    expect(violationsOf(result, 'PARCEL_FIGURES')).toMatchObject([{ parcel: 'P-O2', expected: 17.5, found: 17.3 }]);
  });

  it('tolerates float noise in a weight (1e-6 relative)', () => {
    const result = verifyCorrupted((plan) => {
      parcelOf(plan, 'O2').weightKg = 17.3 * (1 + 1e-9);
    });
    expect(result.violations).toEqual([]);
  });
});
