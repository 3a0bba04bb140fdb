// Every problem of an order is reported, its references to the network included, even when it
// fails its schema. Regression: an order with a bad created_at, qty 0 and destination Z-XX was
// reported for the first two only; the unknown destination was never checked.
import { describe, expect, it } from 'vitest';
import { checkOrdersValue } from '../../src/api/check-inputs.js';
import { InputError } from '../../src/domain/errors.js';
import { Network } from '../../src/domain/network.js';
import { inspectInputs } from '../../src/io/load.js';
import { MAX_PROBLEMS_PER_FILE, MORE_PROBLEMS_FIELD } from '../../src/io/problems.js';
import { TINY_NETWORK, TINY_STOCK, tempDir, tinyNetwork } from '../fixtures/tiny.js';
import { ordersCsv, validateInputs } from '../domain/input-fixtures.js';

describe('an order with several bad fields', () => {
  it('reports all of them in a CSV file, each located', async () => {
    const result = await validateInputs({
      orders: ordersCsv(['O-1,yesterday,Z-XX,express,,BW-XXX,SKU-A,0,1.2,30,20,10,,129.90']),
    });
    expect(result.code).toBe(2);
    const fields = result.stderr.split('\n').filter((l) => l.startsWith('error:')).map((l) => l.split(': ')[3]);
    expect(fields).toEqual(['created_at', 'qty', 'destination', 'service_level', 'allowed_sources']);
    expect(result.stderr).toContain('line 3: destination: expected the id of a zone in the network, found "Z-XX" (no such node)');
  });

  it('reports all of them in the library\'s JSON input', () => {
    const network = Network.parse(tinyNetwork());
    const bad = { id: 'O', createdAt: 'yesterday', destination: 'Z-XX', serviceLevel: 'dm8', lines: [{ sku: 'SKU-A', qty: 0, unitWeightKg: 1, unitVolumeM3: 0.001, unitValueMinor: 1 }] };
    let caught: unknown;
    try {
      checkOrdersValue([bad], network, []);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InputError);
    const where = (caught as InputError).problems.map((p) => p.where);
    expect(where).toEqual(['orders[0].createdAt', 'orders[0].lines[0].qty', 'orders[0].destination']);
  });

  it('stays within the per-file cap on a file full of them, omitted ones counted', () => {
    // 600 orders × 3 problems (created_at, qty, destination): 1,000 listed, 800 counted.
    const rows = Array.from({ length: 600 }, (_, i) => `O-${i},yesterday,Z-XX,dm8,,,SKU-A,0,1.2,30,20,10,,129.90`);
    const dir = tempDir();
    try {
      const report = inspectInputs({ network: TINY_NETWORK, orders: dir.write('orders.csv', ordersCsv(rows)), stock: TINY_STOCK });
      expect(report.errors).toHaveLength(MAX_PROBLEMS_PER_FILE + 1);
      expect(report.errors.at(-1)).toMatchObject({ field: MORE_PROBLEMS_FIELD, found: '800 more not listed', severity: 'error' });
    } finally {
      dir.cleanup();
    }
  });
});
