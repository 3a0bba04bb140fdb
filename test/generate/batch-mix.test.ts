// The batch carries the situations the planner must meet: orders over the CNY 5,000 limit,
// SKUs held only in bonded stock, SKUs short of demand, explicit deadlines, the service mix,
// and destinations weighted by population.
import { describe, expect, it } from 'vitest';
import { generateBatch } from '../../src/generate/batch.js';
import { FIXTURE_NETWORK } from './fixture-network.js';

const batch = generateBatch(FIXTURE_NETWORK, { orders: 5_000, seed: 2, profile: 'normal' });
const kindOf = new Map(FIXTURE_NETWORK.nodes.map((n) => [n.id, n.kind]));
const share = (n: number): number => n / batch.orders.length;

describe('generateBatch mix', () => {
  it('puts 2–5 % of orders over the cross-border order limit', () => {
    const limit = FIXTURE_NETWORK.customs.crossBorderOrderLimitMinor;
    const over = batch.orders.filter((o) => o.lines.reduce((sum, l) => sum + l.qty * l.unitValueMinor, 0) > limit);
    expect(share(over.length)).toBeGreaterThan(0.02);
    expect(share(over.length)).toBeLessThan(0.05);
  });

  it('has SKUs stocked only in bonded warehouses, and SKUs both overseas and bonded', () => {
    const kinds = new Map<string, Set<string>>();
    for (const r of batch.stock) kinds.set(r.sku, (kinds.get(r.sku) ?? new Set()).add(kindOf.get(r.node) ?? '?'));
    const bondedOnly = [...kinds].filter(([, k]) => k.size === 1 && k.has('bonded_warehouse'));
    const both = [...kinds].filter(([, k]) => k.has('bonded_warehouse') && k.has('storage_base'));
    expect(bondedOnly.length).toBeGreaterThan(0);
    expect(both.length).toBeGreaterThan(0);
  });

  it('covers the demand of most SKUs but leaves a few short', () => {
    const demand = new Map<string, number>();
    for (const o of batch.orders) for (const l of o.lines) demand.set(l.sku, (demand.get(l.sku) ?? 0) + l.qty);
    const held = new Map<string, number>();
    for (const r of batch.stock) held.set(r.sku, (held.get(r.sku) ?? 0) + r.qty);
    const short = [...demand].filter(([sku, qty]) => (held.get(sku) ?? 0) < qty);
    expect(short.length).toBeGreaterThan(0);
    // "a small share": ~4 % of the ordered SKUs.
    expect(short.length / demand.size).toBeLessThan(0.1);
  });

  it('mixes service levels about 60 / 30 / 10 and gives ~1 % of orders an explicit deliverBy', () => {
    const count = (id: string): number => batch.orders.filter((o) => o.serviceLevel === id).length;
    // 5,000 orders: sd of a 60 % share ≈ 0.7 %, so ±4 points is far outside chance.
    expect(Math.abs(share(count('direct-std')) - 0.6)).toBeLessThan(0.04);
    expect(Math.abs(share(count('bonded-fast')) - 0.3)).toBeLessThan(0.04);
    expect(Math.abs(share(count('domestic-next')) - 0.1)).toBeLessThan(0.03);
    const withDeadline = batch.orders.filter((o) => o.deliverBy !== undefined);
    expect(share(withDeadline.length)).toBeGreaterThan(0.003);
    expect(share(withDeadline.length)).toBeLessThan(0.02);
    for (const o of withDeadline) expect(Date.parse(o.deliverBy ?? '')).toBeGreaterThan(Date.parse(o.createdAt));
  });

  it('sends more orders to the most populous zone than to the least populous', () => {
    // Guangdong 127 M vs Tibet 3.6 M of 177.3 M: expected shares 72 % and 2 %.
    const to = (zone: string): number => batch.orders.filter((o) => o.destination === zone).length;
    expect(to('zone-guangdong')).toBeGreaterThan(to('zone-tibet'));
    expect(Math.abs(share(to('zone-guangdong')) - 127 / 177.3)).toBeLessThan(0.03);
  });

  it('draws SKUs of each service level from stock of the matching node kind', () => {
    const stockedAt = new Map<string, Set<string>>();
    for (const r of batch.stock) stockedAt.set(r.sku, (stockedAt.get(r.sku) ?? new Set()).add(kindOf.get(r.node) ?? '?'));
    const kindFor: Record<string, string> = {
      'direct-std': 'storage_base', 'bonded-fast': 'bonded_warehouse', 'domestic-next': 'domestic_warehouse',
    };
    for (const o of batch.orders) {
      const wanted = kindFor[o.serviceLevel ?? ''] ?? '?';
      for (const l of o.lines) expect(stockedAt.get(l.sku)?.has(wanted)).toBe(true);
    }
  });
});
