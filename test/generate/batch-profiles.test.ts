// Creation times: an ordinary day from the start, or Double Eleven with its midnight peak.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/domain/errors.js';
import { generateBatch } from '../../src/generate/batch.js';
import { FIXTURE_NETWORK } from './fixture-network.js';

const HOUR_MS = 3_600_000;
const hoursFrom = (startIso: string, createdAt: string): number => (Date.parse(createdAt) - Date.parse(startIso)) / HOUR_MS;

describe('generateBatch profiles', () => {
  it('normal: all orders within 24 h of 2026-11-23 00:00 Beijing time, written with +08:00', () => {
    const { orders } = generateBatch(FIXTURE_NETWORK, { orders: 3_000, seed: 5, profile: 'normal' });
    for (const o of orders) {
      expect(o.createdAt).toMatch(/^2026-11-23T\d\d:\d\d:\d\d\+08:00$/);
    }
    // The night is quiet: hours 2–5 carry 2.2 of 88.8 weight units (2.5 %), the evening 20–23 carry 24.6 (28 %).
    const night = orders.filter((o) => { const h = hoursFrom('2026-11-23T00:00:00+08:00', o.createdAt); return h >= 2 && h < 6; });
    const evening = orders.filter((o) => hoursFrom('2026-11-23T00:00:00+08:00', o.createdAt) >= 20);
    expect(evening.length).toBeGreaterThan(5 * night.length);
  });

  it('double-eleven: starts 2026-11-11 00:00 and puts over a third of the day in its first hour', () => {
    const start = '2026-11-11T00:00:00+08:00';
    const { orders } = generateBatch(FIXTURE_NETWORK, { orders: 3_000, seed: 5, profile: 'double-eleven' });
    const hours = orders.map((o) => hoursFrom(start, o.createdAt));
    expect(Math.min(...hours)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...hours)).toBeLessThan(24);
    // 30 % rush (mean 20 min: 95 % inside the hour) + 30 % tail (mean 3 h: 28 % inside) + 40 % day (2.8 %)
    // ≈ 28.5 + 8.5 + 1.1 = 38 % in hour 0, against ~1/24 for a flat day.
    const firstHour = hours.filter((h) => h < 1).length / orders.length;
    expect(firstHour).toBeGreaterThan(0.33);
    expect(firstHour).toBeLessThan(0.45);
  });

  it('honours an explicit start, whatever its offset, and rejects a start without one', () => {
    const { orders } = generateBatch(FIXTURE_NETWORK, { orders: 200, seed: 5, profile: 'normal', start: '2026-12-01T00:00:00Z' });
    // 00:00 UTC is 08:00 in Beijing.
    for (const o of orders) {
      const h = hoursFrom('2026-12-01T00:00:00Z', o.createdAt);
      expect(h).toBeGreaterThanOrEqual(0);
      expect(h).toBeLessThan(24);
    }
    expect(orders[0]?.createdAt.startsWith('2026-12-01T')).toBe(true);
    expect(() => generateBatch(FIXTURE_NETWORK, { orders: 1, seed: 1, profile: 'normal', start: '2026-12-01T00:00:00' })).toThrow(UsageError);
  });

  it('rejects an order count outside 1 … 1,000,000', () => {
    expect(() => generateBatch(FIXTURE_NETWORK, { orders: 0, seed: 1, profile: 'normal' })).toThrow(UsageError);
    expect(() => generateBatch(FIXTURE_NETWORK, { orders: 1_000_001, seed: 1, profile: 'normal' })).toThrow(UsageError);
    expect(() => generateBatch(FIXTURE_NETWORK, { orders: 2.5, seed: 1, profile: 'normal' })).toThrow(UsageError);
  });
});
