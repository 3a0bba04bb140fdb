// What the generator writes, the input readers read back unchanged and without a problem,
// checked against the network (destinations, service levels, sources, SKUs held in stock).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateBatch } from '../../src/generate/batch.js';
import { batchToCsv } from '../../src/generate/write-batch.js';
import { inspectInputs } from '../../src/io/load.js';
import { parseOrdersCsv } from '../../src/io/orders.js';
import { parseStockCsv } from '../../src/io/stock.js';
import { FIXTURE_NETWORK } from './fixture-network.js';

const work = mkdtempSync(join(tmpdir(), 'xbroute-round-trip-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('generated CSV round trip', () => {
  const batch = generateBatch(FIXTURE_NETWORK, { orders: 1_500, seed: 3, profile: 'double-eleven' });
  const { ordersCsv, stockCsv } = batchToCsv(batch);

  it('reads back to the same orders and stock', () => {
    expect(parseOrdersCsv(ordersCsv, 'orders.csv').orders).toEqual(batch.orders);
    expect(parseStockCsv(stockCsv, 'stock.csv').stock).toEqual(batch.stock);
  });

  it('passes the input checks against its network with no error', () => {
    const paths = { network: join(work, 'network.json'), orders: join(work, 'orders.csv'), stock: join(work, 'stock.csv') };
    writeFileSync(paths.network, JSON.stringify(FIXTURE_NETWORK));
    writeFileSync(paths.orders, ordersCsv);
    writeFileSync(paths.stock, stockCsv);
    const report = inspectInputs(paths);
    expect(report.errors).toEqual([]);
    expect(report.inputs?.orders).toHaveLength(1_500);
  });
});
