// Stock per (node, SKU) is never overdrawn, summed over all parcels of the plan.
import { describe, expect, it } from 'vitest';
import { heldStock, onHandOf, stockKey } from '../../src/verify/stock.js';
import { rulesOf, verifyCorrupted, violationsOf } from './harness.js';

describe('stock', () => {
  it('names the node and SKU a plan overdraws (STOCK_OVERDRAWN)', () => {
    // P-O1 takes 2 × SKU-A and P-O2 1 × SKU-A from BASE-US: 3, against 2 held.
    const result = verifyCorrupted(undefined, {
      stock: (stock) => {
        const record = stock.find((s) => s.node === 'BASE-US' && s.sku === 'SKU-A');
        if (record !== undefined) record.qty = 2;
      },
    });
    expect(rulesOf(result)).toEqual(['STOCK_OVERDRAWN']);
    expect(violationsOf(result, 'STOCK_OVERDRAWN')).toMatchObject([{ node: 'BASE-US', sku: 'SKU-A', expected: '≤ 2', found: 3 }]);
  });

  it('adds up repeated stock records of one node and SKU', () => {
    // 1 + 2 = 3 held: exactly what the plan takes.
    const result = verifyCorrupted(undefined, {
      stock: (stock) => {
        const record = stock.find((s) => s.node === 'BASE-US' && s.sku === 'SKU-A');
        if (record !== undefined) record.qty = 1;
        stock.push({ node: 'BASE-US', sku: 'SKU-A', qty: 2 });
      },
    });
    expect(result.violations).toEqual([]);
  });

  it('counts stock a node does not hold at all as zero', () => {
    const result = verifyCorrupted(undefined, {
      stock: (stock) => {
        stock.splice(stock.findIndex((s) => s.sku === 'SKU-C'), 1);
      },
    });
    expect(violationsOf(result, 'STOCK_OVERDRAWN')).toMatchObject([{ node: 'BW-SH', sku: 'SKU-C', found: 1 }]);
  });

  it('looks stock up by node then SKU with the same figures as the keyed table', () => {
    const stock = [
      { node: 'BASE-US', sku: 'SKU-A', qty: 1 },
      { node: 'BASE-US', sku: 'SKU-A', qty: 2 },
      { node: 'BASE-US', sku: 'SKU-B', qty: 5 },
      { node: 'BASE-JP', sku: 'SKU-A', qty: 7 },
    ];
    const onHand = onHandOf(stock);
    const keyed = heldStock(stock);
    for (const node of ['BASE-US', 'BASE-JP', 'BASE-DE']) {
      for (const sku of ['SKU-A', 'SKU-B', 'SKU-C']) expect(onHand(node, sku)).toBe(keyed.get(stockKey(node, sku)) ?? 0);
    }
    expect(onHand('BASE-US', 'SKU-A')).toBe(3);
    expect(onHand('BASE-DE', 'SKU-A')).toBe(0);
  });
});
