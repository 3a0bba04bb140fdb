// The semantic checks of orders and stock against a network (domain/check-batch), with the
// JSON locators and with the CSV locator of the orders reader.
import { describe, expect, it } from 'vitest';
import {
  checkBatch, checkOrdersAgainst, checkStockAgainst, jsonOrdersLocator, jsonStockLocator,
} from '../../src/domain/check-batch.js';
import type { Order, StockRecord } from '../../src/domain/orders.js';
import { parseNetworkText } from '../../src/io/network.js';
import { parseOrdersCsv } from '../../src/io/orders.js';
import { parseStockCsv } from '../../src/io/stock.js';
import { tinyNetworkText, tinyOrdersText, tinyStockText } from '../fixtures/tiny.js';

const network = parseNetworkText(tinyNetworkText(), 'n.json');
const order = (id: string, extra: Partial<Order> = {}): Order => ({
  id,
  createdAt: '2026-11-11T00:05:00+08:00',
  destination: 'Z-SH',
  serviceLevel: 'dm8',
  lines: [{ sku: 'SKU-A', qty: 1, unitWeightKg: 1, unitVolumeM3: 0.01, unitValueMinor: 100 }],
  ...extra,
});
const stock: StockRecord[] = [{ node: 'BASE-LAX', sku: 'SKU-A', qty: 5 }];
const text = (ps: { where: string; field: string; found: string }[]): string[] => ps.map((p) => `${p.where}: ${p.field}: found ${p.found}`);

describe('checkOrdersAgainst', () => {
  it('accepts orders that fit the network and the stock', () => {
    expect(checkOrdersAgainst(network, [order('A'), order('B', { allowedSources: ['BASE-LAX', 'BW-SHA'] })], jsonOrdersLocator('o.json'), stock)).toEqual([]);
  });

  it('reports destinations that are unknown or not zones, unknown service levels and bad sources', () => {
    const orders = [
      order('A', { destination: 'Z-XX' }),
      order('B', { destination: 'CP-SHA', serviceLevel: 'express' }),
      order('C', { allowedSources: ['PVG', 'NOPE'] }),
    ];
    expect(text(checkOrdersAgainst(network, orders, jsonOrdersLocator('o.json')))).toEqual([
      'orders[0].destination: destination: found "Z-XX" (no such node)',
      'orders[1].destination: destination: found "CP-SHA", a clearance_port',
      'orders[1].serviceLevel: serviceLevel: found "express"',
      'orders[2].allowedSources: allowedSources: found "PVG", an airport',
      'orders[2].allowedSources: allowedSources: found "NOPE" (no such node)',
    ]);
  });

  it('checks SKUs only when stock is given', () => {
    const orders = [order('A', { lines: [{ sku: 'SKU-Q', qty: 1, unitWeightKg: 1, unitVolumeM3: 0.01, unitValueMinor: 1 }] })];
    expect(checkOrdersAgainst(network, orders, jsonOrdersLocator('o.json'))).toEqual([]);
    expect(text(checkOrdersAgainst(network, orders, jsonOrdersLocator('o.json'), stock))).toEqual([
      'orders[0].lines[0].sku: sku: found "SKU-Q" (in no stock record)',
    ]);
  });

  it('places problems of CSV orders on their CSV lines and columns', () => {
    const parsed = parseOrdersCsv(tinyOrdersText().replace('O-2,2026-11-11T00:07:00+08:00,Z-ZJ', 'O-2,2026-11-11T00:07:00+08:00,Z-HZ'), 'o.csv');
    expect(checkOrdersAgainst(network, parsed.orders, parsed.locator)).toEqual([
      { file: 'o.csv', where: 'line 5', field: 'destination', expected: 'the id of a zone in the network', found: '"Z-HZ" (no such node)', severity: 'error' },
    ]);
  });
});

describe('checkStockAgainst', () => {
  it('reports unknown nodes and nodes that cannot hold stock', () => {
    const records: StockRecord[] = [
      { node: 'BASE-LAX', sku: 'A', qty: 1 },
      { node: 'LAX', sku: 'A', qty: 1 },
      { node: 'Z-SH', sku: 'A', qty: 1 },
      { node: 'BASE-SFO', sku: 'A', qty: 1 },
    ];
    expect(text(checkStockAgainst(network, records, jsonStockLocator('s.json')))).toEqual([
      'stock[1].node: node: found "LAX", an airport',
      'stock[2].node: node: found "Z-SH", a zone',
      'stock[3].node: node: found "BASE-SFO" (no such node)',
    ]);
  });
});

describe('checkBatch', () => {
  it('runs the self-contained and the network checks of orders and stock together', () => {
    const orders = [order('A'), order('A', { destination: 'Z-XX' })];
    const records: StockRecord[] = [...stock, { node: 'BASE-LAX', sku: 'SKU-A', qty: 1 }];
    expect(text(checkBatch(network, { orders, locator: jsonOrdersLocator('o.json') }, { stock: records, locator: jsonStockLocator('s.json') }))).toEqual([
      'orders[1].id: id: found "A" (already at orders[0].id)',
      'orders[1].destination: destination: found "Z-XX" (no such node)',
      'stock[1].sku: sku: found "SKU-A" at "BASE-LAX" again (already at stock[0].sku)',
    ]);
  });

  it('finds nothing wrong with the tiny fixtures', () => {
    const o = parseOrdersCsv(tinyOrdersText(), 'o.csv');
    const s = parseStockCsv(tinyStockText(), 's.csv');
    expect(checkBatch(network, o, s)).toEqual([]);
  });
});
