// A batch has the asked number of valid orders, 1–3 lines each, and valid stock records
// that all sit at stocking nodes; every destination is a zone of the network.
import { describe, expect, it } from 'vitest';
import { Order, StockRecord } from '../../src/domain/orders.js';
import { generateBatch } from '../../src/generate/batch.js';
import { FIXTURE_NETWORK } from './fixture-network.js';

const batch = generateBatch(FIXTURE_NETWORK, { orders: 2_000, seed: 4, profile: 'normal' });
const kindOf = new Map(FIXTURE_NETWORK.nodes.map((n) => [n.id, n.kind]));

describe('generateBatch shape', () => {
  it('makes exactly the asked number of orders, with unique ids in creation order', () => {
    expect(batch.orders).toHaveLength(2_000);
    expect(new Set(batch.orders.map((o) => o.id)).size).toBe(2_000);
    expect(batch.orders[0]?.id).toBe('O0000001');
    expect(batch.orders[1_999]?.id).toBe('O0002000');
    const times = batch.orders.map((o) => Date.parse(o.createdAt));
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThanOrEqual(times[i - 1] as number);
  });

  it('makes orders and stock records the domain schemas accept', () => {
    for (const order of batch.orders) expect(Order.safeParse(order).success).toBe(true);
    for (const record of batch.stock) expect(StockRecord.safeParse(record).success).toBe(true);
  });

  it('gives each order 1–3 lines of distinct SKUs, quantity at least 1 and mostly 1', () => {
    let lines = 0;
    let ones = 0;
    for (const order of batch.orders) {
      expect(order.lines.length).toBeGreaterThanOrEqual(1);
      expect(order.lines.length).toBeLessThanOrEqual(3);
      expect(new Set(order.lines.map((l) => l.sku)).size).toBe(order.lines.length);
      for (const line of order.lines) {
        lines += 1;
        if (line.qty === 1) ones += 1;
        expect(line.qty).toBeGreaterThanOrEqual(1);
      }
    }
    expect(ones / lines).toBeGreaterThan(0.7);
  });

  it('sends every order to a zone and with a service level of the network', () => {
    const levels = new Set(FIXTURE_NETWORK.serviceLevels.map((l) => l.id));
    for (const order of batch.orders) {
      expect(kindOf.get(order.destination)).toBe('zone');
      expect(levels.has(order.serviceLevel ?? '')).toBe(true);
    }
  });

  it('holds stock only at storage bases, bonded and domestic warehouses, one record per node and SKU', () => {
    const stocking = new Set(['storage_base', 'bonded_warehouse', 'domestic_warehouse']);
    for (const record of batch.stock) expect(stocking.has(kindOf.get(record.node) ?? 'unknown')).toBe(true);
    const keys = batch.stock.map((r) => `${r.node}|${r.sku}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('restricts sources of a few orders to nodes listed in the stock for one of their SKUs', () => {
    const listed = new Map<string, Set<string>>();
    for (const r of batch.stock) listed.set(r.sku, (listed.get(r.sku) ?? new Set()).add(r.node));
    const restricted = batch.orders.filter((o) => o.allowedSources !== undefined);
    // ~0.5 % of 2,000 orders.
    expect(restricted.length).toBeGreaterThan(0);
    expect(restricted.length).toBeLessThan(40);
    for (const order of restricted) {
      expect(order.allowedSources?.length).toBeGreaterThan(0);
      for (const node of order.allowedSources ?? []) {
        expect(order.lines.some((l) => listed.get(l.sku)?.has(node) === true)).toBe(true);
      }
    }
  });
});
