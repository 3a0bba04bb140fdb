// The checked-in S sample (data/orders-s.csv, data/stock-s.csv) is exactly what
// `xbroute generate --orders 1000 --seed 1 --profile normal` makes from data/network.json.
// When this fails after a change to the network or the generator, regenerate the sample
// with the command in data/README.md ("Sample batches").
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_NETWORK, DEFAULT_ORDERS, DEFAULT_STOCK } from '../../src/cli/paths.js';
import { generateBatch } from '../../src/generate/batch.js';
import { batchToCsv } from '../../src/generate/write-batch.js';
import { loadNetwork } from '../../src/io/load.js';

describe('checked-in S sample', () => {
  it('equals a fresh generation with seed 1, 1,000 orders, profile normal', () => {
    const fresh = batchToCsv(generateBatch(loadNetwork(DEFAULT_NETWORK), { orders: 1000, seed: 1, profile: 'normal' }));
    expect(readFileSync(DEFAULT_ORDERS, 'utf8')).toBe(fresh.ordersCsv);
    expect(readFileSync(DEFAULT_STOCK, 'utf8')).toBe(fresh.stockCsv);
  });
});
