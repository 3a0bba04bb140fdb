// CSV serialisation of a batch: exact text for a hand-built batch, money with two decimals
// computed in integers.
import { describe, expect, it } from 'vitest';
import type { Batch } from '../../src/generate/batch.js';
import { batchToCsv, minorToMajor } from '../../src/generate/write-batch.js';

describe('batchToCsv', () => {
  it('writes one row per order line with the schema line first, order fields repeated', () => {
    const batch: Batch = {
      orders: [
        {
          id: 'O0000001', createdAt: '2026-11-23T10:00:00+08:00', destination: 'zone-shanghai', serviceLevel: 'direct-std',
          lines: [
            { sku: 'SK2-FTE-230', qty: 1, unitWeightKg: 0.62, dimensionsCm: [8, 8, 20], unitValueMinor: 154000 },
            { sku: 'MDH-MSK-10', qty: 3, unitWeightKg: 0.3, dimensionsCm: [20, 14, 3], unitValueMinor: 9990 },
          ],
        },
        {
          id: 'O0000002', createdAt: '2026-11-23T11:00:00+08:00', destination: 'zone-tibet', serviceLevel: 'bonded-fast',
          deliverBy: '2026-11-26T23:59:59+08:00', allowedSources: ['bw-hgh', 'bw-sha'],
          lines: [{ sku: 'KAO-MRS-M64', qty: 2, unitWeightKg: 2.6, unitVolumeM3: 0.02, unitValueMinor: 13990 }],
        },
      ],
      stock: [{ node: 'bw-sha', sku: 'KAO-MRS-M64', qty: 40 }],
    };
    const { ordersCsv, stockCsv } = batchToCsv(batch);
    expect(ordersCsv).toBe(
      '#xbroute.orders/v1\n' +
        'order_id,created_at,destination,service_level,deliver_by,allowed_sources,sku,qty,unit_weight_kg,length_cm,width_cm,height_cm,unit_volume_m3,unit_value\n' +
        'O0000001,2026-11-23T10:00:00+08:00,zone-shanghai,direct-std,,,SK2-FTE-230,1,0.62,8,8,20,,1540.00\n' +
        'O0000001,2026-11-23T10:00:00+08:00,zone-shanghai,direct-std,,,MDH-MSK-10,3,0.3,20,14,3,,99.90\n' +
        // allowed sources are ;-separated; a line without dimensions carries its volume.
        'O0000002,2026-11-23T11:00:00+08:00,zone-tibet,bonded-fast,2026-11-26T23:59:59+08:00,bw-hgh;bw-sha,KAO-MRS-M64,2,2.6,,,,0.02,139.90\n',
    );
    expect(stockCsv).toBe('#xbroute.stock/v1\nnode,sku,qty\nbw-sha,KAO-MRS-M64,40\n');
  });

  it('formats minor units with exactly two decimals', () => {
    expect(minorToMajor(0)).toBe('0.00');
    expect(minorToMajor(5)).toBe('0.05');
    expect(minorToMajor(12990)).toBe('129.90');
    expect(minorToMajor(16999)).toBe('169.99');
    expect(minorToMajor(4_200_000)).toBe('42000.00');
    // 2^53 - 1 fen: a float division would print 90071992547409.91 as ...409.9 or worse.
    expect(minorToMajor(9_007_199_254_740_991)).toBe('90071992547409.91');
    expect(() => minorToMajor(1.5)).toThrow(RangeError);
  });
});
