// How a parcel's weight, volume and value are rebuilt from (sku, qty) lines when the unit
// figures live on the order's lines.
import { describe, expect, it } from 'vitest';
import { Order } from '../../src/domain/orders.js';
import type { PlanParcel } from '../../src/domain/plan.js';
import { parcelGoods, unitVolumeM3 } from '../../src/verify/parcel-figures.js';

function parcel(id: string, lines: PlanParcel['lines']): PlanParcel {
  return { id, lines } as PlanParcel; // only `lines` is read
}

const order = Order.parse({
  id: 'O', createdAt: '2026-11-10T00:00:00Z', destination: 'Z', deliverBy: '2026-11-20T00:00:00Z',
  lines: [
    // One SKU on two lines with different unit figures (a repacked variant).
    { sku: 'S', qty: 2, unitWeightKg: 1, unitVolumeM3: 0.01, unitValueMinor: 100 },
    { sku: 'S', qty: 3, unitWeightKg: 2, dimensionsCm: [10, 20, 50], unitValueMinor: 300 },
  ],
});

describe('parcel goods', () => {
  it('takes a SKU\'s units line by line, first come first served, in parcel order', () => {
    // First parcel: 3 units = 2 of line 1 (2 kg, 0.02 m³, 200) + 1 of line 2 (2 kg, 0.01 m³, 300).
    // Second parcel: the 2 units left of line 2 (4 kg, 0.02 m³, 600).
    const [first, second] = parcelGoods(order, [parcel('a', [{ sku: 'S', qty: 3 }]), parcel('b', [{ sku: 'S', qty: 2 }])]);
    expect(first?.weightKg).toBe(4);
    expect(first?.volumeM3).toBeCloseTo(0.03, 12);
    expect(first?.valueMinor).toBe(500);
    expect(second).toMatchObject({ weightKg: 4, valueMinor: 600 });
    expect(second?.volumeM3).toBeCloseTo(0.02, 12);
  });

  it('prices units beyond the order like its last line of the SKU, and unknown SKUs as nothing', () => {
    const [goods] = parcelGoods(order, [parcel('a', [{ sku: 'S', qty: 6 }, { sku: 'X', qty: 9 }])]);
    // 2 × 1 kg + 3 × 2 kg + 1 extra × 2 kg = 10 kg; 200 + 900 + 300 = 1400.
    expect(goods).toMatchObject({ weightKg: 10, valueMinor: 1400 });
  });

  it('turns box dimensions in cm into m³ (10 × 20 × 50 cm = 0.01 m³)', () => {
    const line = order.lines[1];
    expect(line === undefined ? NaN : unitVolumeM3(line)).toBeCloseTo(0.01, 12);
  });
});
