// Stock from CSV and JSON: records, located problems, one record per (node, SKU).
import { describe, expect, it } from 'vitest';
import { parseStockCsv, parseStockJson, readStockCsv, readStockJson, readStockText } from '../../src/io/stock.js';
import { tinyStockText } from '../fixtures/tiny.js';

const lines = (problems: { where: string; field: string; expected: string; found: string }[]): string[] =>
  problems.map((p) => `${p.where}: ${p.field}: expected ${p.expected}, found ${p.found}`);

describe('stock CSV', () => {
  it('reads the tiny fixture', () => {
    const { stock, locator } = parseStockCsv(tinyStockText(), 's.csv');
    expect(stock).toEqual([
      { node: 'BASE-LAX', sku: 'SKU-A', qty: 100 },
      { node: 'BASE-LAX', sku: 'SKU-B', qty: 50 },
      { node: 'BW-SHA', sku: 'SKU-C', qty: 20 },
      { node: 'BW-SHA', sku: 'SKU-A', qty: 10 },
    ]);
    expect(locator.record(3, 'node')).toEqual({ where: 'line 6', field: 'node' });
  });

  it('locates bad cells and duplicates by line', () => {
    const text = '#xbroute.stock/v1\nnode,sku,qty\nA,S1,3\nA,,2\nB,S2,1.5\nA,S1,4\nC,S3,\n';
    expect(lines(readStockCsv(text, 's.csv').problems)).toEqual([
      'line 4: sku: expected a string, found an empty cell',
      'line 5: qty: expected an integer, found "1.5"',
      'line 6: sku: expected one record per node and SKU, found "S1" at "A" again (already at line 3)',
      'line 7: qty: expected a number, found an empty cell',
    ]);
  });

  it('accepts columns in any order', () => {
    expect(parseStockCsv('#xbroute.stock/v1\nqty,sku,node\n7,S1,A\n', 's.csv').stock).toEqual([{ node: 'A', sku: 'S1', qty: 7 }]);
  });
});

describe('stock JSON', () => {
  it('reads records and locates problems by path', () => {
    const text = JSON.stringify({ schema: 'xbroute.stock/v1', stock: [{ node: 'A', sku: 'S1', qty: 1 }, { node: 'A', sku: 'S1', qty: -1 }, { node: 'A', sku: 'S1', qty: 2 }] });
    expect(lines(readStockJson(text, 's.json').problems)).toEqual([
      'stock[1].qty: qty: expected a number >= 0, found -1',
      'stock[2].sku: sku: expected one record per node and SKU, found "S1" at "A" again (already at stock[0].sku)',
    ]);
  });

  it('is chosen by content in readStockText', () => {
    expect(parseStockJson('{"schema":"xbroute.stock/v1","stock":[]}', 's').stock).toEqual([]);
    expect(readStockText('{"schema":"xbroute.orders/v1","orders":[]}', 's').problems).toMatchObject([
      { where: 'schema', field: 'schema', expected: '"xbroute.stock/v1"', found: '"xbroute.orders/v1"' },
    ]);
  });
});
