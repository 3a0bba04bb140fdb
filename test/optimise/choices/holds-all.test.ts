// holdsAll: a node holds a parcel's lines when, per SKU, it has the units of all the parcel's
// lines of that SKU together (they draw on one stock) — not merely each line alone.
import { describe, expect, it } from 'vitest';
import type { Order } from '../../../src/domain/orders.js';
import { holdsAll } from '../../../src/optimise/choices/sourcing.js';
import { StockLedger } from '../../../src/optimise/ledger/stock-ledger.js';

const line = (sku: string, qty: number) => ({ sku, qty, unitWeightKg: 1, unitVolumeM3: 0.001, unitValueMinor: 1_000 });
const ORDER: Order = {
  id: 'O1', createdAt: '2026-11-23T10:00:00+08:00', destination: 'ZONE', serviceLevel: 'direct_mail',
  lines: [line('A', 2), line('B', 1), line('A', 3), line('C', 1)],
};
const whole = (lines: number[]) => lines.map((l) => ({ line: l, qty: ORDER.lines[l]!.qty }));

describe('holdsAll', () => {
  const stock = new StockLedger([
    { node: 'N', sku: 'A', qty: 4 },
    { node: 'N', sku: 'B', qty: 1 },
    { node: 'N', sku: 'C', qty: 1 },
    { node: 'M', sku: 'A', qty: 5 },
    { node: 'M', sku: 'B', qty: 1 },
  ]);

  it('adds up the lines of one SKU: 2 + 3 of A need 5', () => {
    expect(holdsAll(stock, ORDER, { source: 'N', lines: whole([0, 2]) })).toBe(false);
    expect(holdsAll(stock, ORDER, { source: 'M', lines: whole([0, 2]) })).toBe(true);
    // Each line alone fits at N.
    expect(holdsAll(stock, ORDER, { source: 'N', lines: whole([0]) })).toBe(true);
    expect(holdsAll(stock, ORDER, { source: 'N', lines: whole([2]) })).toBe(true);
  });

  it('checks every SKU, wherever its lines stand in the parcel', () => {
    expect(holdsAll(stock, ORDER, { source: 'M', lines: whole([0, 1, 2]) })).toBe(true);
    expect(holdsAll(stock, ORDER, { source: 'M', lines: whole([0, 1, 2, 3]) })).toBe(false); // no C at M
    expect(holdsAll(stock, ORDER, { source: 'N', lines: whole([1, 3, 0]) })).toBe(true);
  });

  it('counts the units a split parcel carries, not the whole line', () => {
    expect(holdsAll(stock, ORDER, { source: 'N', lines: [{ line: 0, qty: 1 }, { line: 2, qty: 3 }] })).toBe(true);
    expect(holdsAll(stock, ORDER, { source: 'N', lines: [{ line: 0, qty: 2 }, { line: 2, qty: 3 }] })).toBe(false);
  });
});
