// The JSON form of orders: `{ schema, orders }`, problems located by JSON path into the file.
import { describe, expect, it } from 'vitest';
import { parseOrdersJson, parseOrdersText, readOrdersJson } from '../../src/io/orders.js';

const order = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  createdAt: '2026-11-11T00:05:00+08:00',
  destination: 'Z-SH',
  serviceLevel: 'dm8',
  lines: [{ sku: 'SKU-A', qty: 1, unitWeightKg: 1.2, unitVolumeM3: 0.006, unitValueMinor: 12990 }],
  ...extra,
});
const doc = (orders: unknown[], extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ schema: 'xbroute.orders/v1', orders, ...extra });
const problems = (text: string): string[] =>
  readOrdersJson(text, 'o.json').problems.map((p) => `${p.where}: ${p.field}: expected ${p.expected}, found ${p.found}`);

describe('readOrdersJson', () => {
  it('returns the orders of a valid document', () => {
    const { orders } = parseOrdersJson(doc([order('A'), order('B')]), 'o.json');
    expect(orders.map((o) => o.id)).toEqual(['A', 'B']);
    expect(orders[0]?.lines[0]?.unitValueMinor).toBe(12990);
  });

  it('locates schema problems by JSON path and keeps the valid orders', () => {
    const text = doc([order('A'), order('B', { createdAt: '2026-11-11 00:05' }), order('C', { lines: [] })]);
    expect(problems(text)).toEqual([
      'orders[1].createdAt: createdAt: expected an ISO 8601 date-time with a UTC offset, e.g. 2026-11-11T09:30:00+08:00, found "2026-11-11 00:05"',
      'orders[2].lines: lines: expected at least 1 item, found an array of 0 items',
    ]);
    expect(readOrdersJson(text, 'o.json').value.orders.map((o) => o.id)).toEqual(['A']);
  });

  it('reports a duplicate order id at the second occurrence, naming the first', () => {
    expect(problems(doc([order('A'), order('B'), order('A')]))).toEqual([
      'orders[2].id: id: expected an order id used once in the batch, found "A" (already at orders[0].id)',
    ]);
  });

  it('keeps file indexes when an invalid order is skipped', () => {
    // orders[0] is invalid, so the valid "A"s are orders[1] and orders[2] in the file.
    expect(problems(doc([order('X', { qty: 1 }), order('A'), order('A')]))).toEqual([
      'orders[0].qty: qty: expected only the documented fields, found an unknown field "qty"',
      'orders[2].id: id: expected an order id used once in the batch, found "A" (already at orders[1].id)',
    ]);
  });

  it('reports a deliver-by at or before the creation', () => {
    expect(problems(doc([order('A', { deliverBy: '2026-11-10T16:05:00Z' })]))).toEqual([
      // 16:05 UTC is 00:05 Beijing time: the same instant, not after it.
      'orders[0].deliverBy: deliverBy: expected a time after createdAt 2026-11-11T00:05:00+08:00, found "2026-11-10T16:05:00Z"',
    ]);
  });

  it('reports unknown top-level fields and a missing orders array', () => {
    expect(problems(JSON.stringify({ schema: 'xbroute.orders/v1', order: [] }))).toEqual([
      'order: order: expected only "schema" and "orders" at the top level, found an unknown field "order"',
      'orders: orders: expected an array of orders, found nothing (the field is missing)',
    ]);
  });

  it('rejects an unsupported schema version without judging the rest', () => {
    expect(problems(JSON.stringify({ schema: 'xbroute.orders/v2', orders: 'whatever' }))).toEqual([
      'schema: schema: expected "xbroute.orders/v1" (the only version this xbroute reads), found "xbroute.orders/v2" (unsupported version)',
    ]);
  });

  it('parseOrdersText picks JSON by content, CSV otherwise', () => {
    expect(parseOrdersText(`\uFEFF  ${doc([order('A')])}`, 'o').orders.map((o) => o.id)).toEqual(['A']);
    expect(() => parseOrdersText('hello', 'o')).toThrow('o: line 1: schema line: expected "#xbroute.orders/v1" as the first line, found "hello"');
  });
});
