// Loading from files: format by extension or content, unreadable files as located problems,
// and one InputError carrying the problems of every file.
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/domain/errors.js';
import { inspectInputs, loadInputs, loadNetwork, loadOrders, loadStock } from '../../src/io/load.js';
import { TINY_NETWORK, TINY_ORDERS, TINY_STOCK, tempDir, tinyOrdersText, tinyStockText } from '../fixtures/tiny.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

function caught(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('loadNetwork / loadOrders / loadStock', () => {
  it('load the tiny fixtures', () => {
    expect(loadNetwork(TINY_NETWORK).name).toBe('tiny');
    expect(loadOrders(TINY_ORDERS).map((o) => o.id)).toEqual(['O-1', 'O-2', 'O-3']);
    expect(loadStock(TINY_STOCK)).toHaveLength(4);
  });

  it('read JSON orders from a .json file and CSV from a file without a known extension', () => {
    const json = tmp.write('orders.json', JSON.stringify({ schema: 'xbroute.orders/v1', orders: [] }));
    expect(loadOrders(json)).toEqual([]);
    const noExt = tmp.write('orders-export', tinyOrdersText());
    expect(loadOrders(noExt)).toHaveLength(3);
    const stockTxt = tmp.write('stock.txt', tinyStockText());
    expect(loadStock(stockTxt)).toHaveLength(4);
  });

  it('report a .csv file holding JSON as bad CSV, not silently as JSON', () => {
    const path = tmp.write('really-json.csv', '{"schema": "xbroute.orders/v1", "orders": []}');
    expect(caught(() => loadOrders(path)).problems[0]).toMatchObject({ file: path, where: 'line 1', field: 'schema line' });
  });

  it('report a missing file and a directory as problems of that file', () => {
    const missing = `${tmp.dir}/nope.json`;
    expect(caught(() => loadNetwork(missing)).problems).toEqual([
      { file: missing, where: '(file)', field: '(file)', expected: 'a readable file', found: 'no such file', severity: 'error' },
    ]);
    expect(caught(() => loadStock(tmp.dir)).problems[0]?.found).toBe('a directory');
  });
});

describe('inspectInputs / loadInputs', () => {
  it('returns the checked inputs of good files', () => {
    const inputs = loadInputs({ network: TINY_NETWORK, orders: TINY_ORDERS, stock: TINY_STOCK });
    expect([inputs.network.nodes.length, inputs.orders?.length, inputs.stock?.length, inputs.warnings]).toEqual([7, 3, 4, []]);
  });

  it('leaves orders and stock undefined when not given', () => {
    const inputs = loadInputs({ network: TINY_NETWORK });
    expect(inputs.orders).toBeUndefined();
    expect(inputs.stock).toBeUndefined();
  });

  it('collects the problems of every file, including cross-file ones, before throwing', () => {
    const orders = tmp.write('o.csv', tinyOrdersText().replace(',SKU-C,1,2,', ',SKU-C,one,2,'));
    const stock = tmp.write('s.csv', tinyStockText().replace('BW-SHA,SKU-C,20', 'PVG,SKU-C,20'));
    const error = caught(() => loadInputs({ network: TINY_NETWORK, orders, stock }));
    expect(error.problems.map((p) => `${p.file === orders ? 'orders' : 'stock'} ${p.where} ${p.field}`)).toEqual([
      'orders line 5 qty',
      'stock line 5 node',
    ]);
  });

  it('does not call every SKU unknown when the stock file itself is broken', () => {
    const stock = tmp.write('broken-stock.csv', '#xbroute.stock/v2\nnode,sku,qty\n');
    const report = inspectInputs({ network: TINY_NETWORK, orders: TINY_ORDERS, stock });
    expect(report.errors.map((p) => `${p.where} ${p.field}`)).toEqual(['line 1 schema line']);
  });

  it('skips the cross-file checks when the network is invalid, but still reads orders and stock', () => {
    const network = tmp.write('bad-network.json', '{"schema": "xbroute.network/v1"}');
    const orders = tmp.write('o2.csv', tinyOrdersText().replace('O-3,2026-11-11T01:00:00+08:00', 'O-3,2026-11-11T01:00:00'));
    const report = inspectInputs({ network, orders, stock: TINY_STOCK });
    expect(report.inputs).toBeUndefined();
    const places = report.errors.map((p) => `${p.file === network ? 'network' : 'orders'} ${p.where}`);
    expect(places).toContain('orders line 6');
    expect(places).toContain('network name');
    expect(places).toContain('network nodes');
  });
});
