// One rule for which order line a parcel's units come from (drawLines, src/domain/measure.ts):
// a SKU on several lines with different unit figures, split over parcels from different
// sources, is drawn first come, first served in parcel order by planner and verifier alike.
// Regression (found by the property test, seed 43): the planner gave the first parcel the
// heavy line's unit, the verifier the light line's, and `plan --solver highs` exited 3.
import { describe, expect, it } from 'vitest';
import { drawLines } from '../../src/domain/measure.js';
import { ordersCsv, planInputs } from './input-fixtures.js';

const ORDERS = ordersCsv([
  'O-1,2026-11-11T00:05:00+08:00,Z-SH,,2026-11-30T23:59:59+08:00,,SKU-C,4,0.3,10,10,10,,20',
  'O-1,2026-11-11T00:05:00+08:00,Z-SH,,2026-11-30T23:59:59+08:00,,SKU-A,4,2,30,20,10,,129.90',
  'O-1,2026-11-11T00:05:00+08:00,Z-SH,,2026-11-30T23:59:59+08:00,,SKU-C,1,4.6,40,30,20,,100',
]);
// The base holds SKU-A and one SKU-C, the bonded warehouse four SKU-C: the order must split.
const STOCK = '#xbroute.stock/v1\nnode,sku,qty\nBASE-LAX,SKU-A,4\nBASE-LAX,SKU-C,1\nBW-SHA,SKU-C,4\n';

describe('a SKU on two lines, split over two parcels', () => {
  it('is drawn first come, first served in parcel order', () => {
    const order = { lines: [{ sku: 'C', qty: 4 }, { sku: 'A', qty: 4 }, { sku: 'C', qty: 1 }] } as unknown as Parameters<typeof drawLines>[0];
    expect(drawLines(order, [[{ sku: 'A', qty: 4 }, { sku: 'C', qty: 1 }], [{ sku: 'C', qty: 4 }]])).toEqual([
      [{ line: 1, qty: 4 }, { line: 0, qty: 1 }],
      [{ line: 0, qty: 3 }, { line: 2, qty: 1 }],
    ]);
    // Beyond what the order holds: the last line of the SKU; a SKU it lacks: no line.
    expect(drawLines(order, [[{ sku: 'C', qty: 7 }, { sku: 'X', qty: 1 }]])).toEqual([[{ line: 0, qty: 4 }, { line: 2, qty: 1 }, { line: 2, qty: 2 }]]);
  });

  it.each(['baseline', 'highs'])('%s: the plan passes the verifier (exit 0, not 3)', async (solver) => {
    const result = await planInputs({ orders: ORDERS, stock: STOCK }, solver);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const order = result.plan?.orders[0];
    expect(order?.status).toBe('planned');
    if (order?.status !== 'planned') return;
    expect(order.parcels.map((p) => p.source).sort()).toEqual(['BASE-LAX', 'BW-SHA']);
    // Whichever parcel comes first draws the light SKU-C units (0.3 kg) before the heavy one (4.6 kg).
    const weights = order.parcels.map((p) => p.weightKg);
    const total = 4 * 0.3 + 4 * 2 + 4.6;
    expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(total, 9);
    const first = order.parcels[0];
    if (first?.source === 'BASE-LAX') expect(first.weightKg).toBeCloseTo(4 * 2 + 0.3, 9);
    else expect(first?.weightKg).toBeCloseTo(4 * 0.3, 9);
  });
});
