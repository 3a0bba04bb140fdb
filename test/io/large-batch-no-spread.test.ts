// Input-sized arrays are never spread into a call's arguments (push(...array) overflows the
// call stack past ~125,000 elements: RangeError). Regression for the library's stock and
// order checks; bench/large-input.ts runs validate and plan on 1,000,000 and 250,000 orders.
import { describe, expect, it } from 'vitest';
import { checkStockValue } from '../../src/api/check-inputs.js';
import { Network } from '../../src/domain/network.js';
import { readStockCsv } from '../../src/io/stock.js';
import { tinyNetwork } from '../fixtures/tiny.js';

const N = 200_000;

describe(`${N.toLocaleString('en')} stock records`, () => {
  it('pass the library check without a RangeError', () => {
    const network = Network.parse(tinyNetwork());
    const stock = Array.from({ length: N }, (_, i) => ({ node: 'BASE-LAX', sku: `SKU-${i}`, qty: 1 }));
    expect(checkStockValue(stock, network)).toHaveLength(N);
  });

  it('are read from CSV without a RangeError', () => {
    const rows = Array.from({ length: N }, (_, i) => `BASE-LAX,SKU-${i},1`);
    const parsed = readStockCsv(`#xbroute.stock/v1\nnode,sku,qty\n${rows.join('\n')}\n`, 's.csv');
    expect(parsed.problems).toEqual([]);
    expect(parsed.value.stock).toHaveLength(N);
  });
});
