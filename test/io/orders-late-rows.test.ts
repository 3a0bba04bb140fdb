// Rows of one order need not be contiguous: the streaming reader judges an order when its run
// of rows ends, and a later row of it is checked against it and judged with it at the end.
import { describe, expect, it } from 'vitest';
import { readOrdersCsv } from '../../src/io/orders.js';
import { ordersCsv } from '../domain/input-fixtures.js';

const A1 = 'O-1,2026-11-11T00:05:00+08:00,Z-SH,dm8,,,SKU-A,1,1.2,30,20,10,,129.90';
const B = 'O-2,2026-11-11T00:07:00+08:00,Z-ZJ,dm8,,,SKU-B,2,0.5,,,,0.002,0.29';

describe('an order whose rows are not contiguous', () => {
  it('is one order with all its lines, each located at its own line', () => {
    const late = 'O-1,2026-11-11T00:05:00+08:00,Z-SH,dm8,,,SKU-C,3,2,40,30,20,,299';
    const parsed = readOrdersCsv(ordersCsv([A1, B, late]), 'o.csv');
    expect(parsed.problems).toEqual([]);
    const [o1, o2] = parsed.value.orders;
    expect(o1?.lines.map((l) => l.sku)).toEqual(['SKU-A', 'SKU-C']);
    expect(o2?.id).toBe('O-2');
    expect(parsed.value.locator.line(0, 1, 'sku')).toEqual({ where: 'line 5', field: 'sku' });
    expect(parsed.value.locator.line(1, 0, 'sku')).toEqual({ where: 'line 4', field: 'sku' });
  });

  it('is rejected when a late row is bad, the problem at the late row\'s line', () => {
    const late = 'O-1,2026-11-11T00:05:00+08:00,Z-SH,dm8,,,SKU-C,0,2,40,30,20,,299';
    const parsed = readOrdersCsv(ordersCsv([A1, B, late]), 'o.csv');
    expect(parsed.problems.map((p) => `${p.where} ${p.field}`)).toEqual(['line 5 qty']);
    expect(parsed.value.orders.map((o) => o.id)).toEqual(['O-2']);
    expect(parsed.value.rejected).toHaveLength(1);
    expect(parsed.value.rejectedLocator.line(0, 1, 'sku')).toEqual({ where: 'line 5', field: 'sku' });
  });

  it('reports a late row that disagrees on the order\'s fields', () => {
    const late = 'O-1,2026-11-11T00:05:00+08:00,Z-ZJ,dm8,,,SKU-C,1,2,40,30,20,,299';
    const parsed = readOrdersCsv(ordersCsv([A1, B, late]), 'o.csv');
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toMatchObject({ where: 'line 5', field: 'destination', found: '"Z-ZJ"' });
    expect(parsed.problems[0]?.expected).toContain('as on line 3 (same order_id "O-1")');
  });
});
