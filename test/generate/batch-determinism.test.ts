// Same seed and options -> the same CSV text byte for byte; another seed -> another batch.
import { describe, expect, it } from 'vitest';
import { generateBatch, type BatchOptions } from '../../src/generate/batch.js';
import { batchToCsv } from '../../src/generate/write-batch.js';
import { FIXTURE_NETWORK } from './fixture-network.js';

const csv = (options: BatchOptions) => batchToCsv(generateBatch(FIXTURE_NETWORK, options));

describe('generateBatch determinism', () => {
  it('gives identical orders and stock CSV for the same seed and options', () => {
    for (const profile of ['normal', 'double-eleven'] as const) {
      const a = csv({ orders: 500, seed: 9, profile });
      const b = csv({ orders: 500, seed: 9, profile });
      expect(a.ordersCsv).toBe(b.ordersCsv);
      expect(a.stockCsv).toBe(b.stockCsv);
    }
  });

  it('gives different orders and stock for a different seed', () => {
    const a = csv({ orders: 500, seed: 1, profile: 'normal' });
    const b = csv({ orders: 500, seed: 2, profile: 'normal' });
    expect(a.ordersCsv).not.toBe(b.ordersCsv);
    expect(a.stockCsv).not.toBe(b.stockCsv);
  });

  it('does not change the input network', () => {
    const before = JSON.stringify(FIXTURE_NETWORK);
    generateBatch(FIXTURE_NETWORK, { orders: 50, seed: 1, profile: 'normal' });
    expect(JSON.stringify(FIXTURE_NETWORK)).toBe(before);
  });
});
