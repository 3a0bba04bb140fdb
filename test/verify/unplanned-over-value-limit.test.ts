// An OVER_VALUE_LIMIT answer holds only for an order over the per-order limit with no general-trade way out.
import { describe, expect, it } from 'vitest';
import type { Network } from '../../src/domain/network.js';
import { rulesOf, verifyCorrupted, violationsOf } from './harness.js';

/** A domestic warehouse in Shanghai (stock as each test gives), and general trade on DM-6. */
function withGeneralTrade(network: Network): void {
  network.nodes.push({
    id: 'DW-SH', kind: 'domestic_warehouse', name: 'Shanghai domestic warehouse', country: 'CN', lat: 31.1, lon: 121.3,
    timeZone: 'Asia/Shanghai', calendar: 'CAL-CN', province: 'Shanghai', handlingMinutes: 60, handlingPerParcelMinor: 300,
  });
  network.lanes.push({
    id: 'LM-DW-ZJ', from: 'DW-SH', to: 'ZONE-ZJ', mode: 'last_mile', schedule: { kind: 'continuous', transitMinutes: 1440 },
    cost: { perParcelMinor: 900, perParcelKgMinor: 100, includedKg: 1, perConsolidationMinor: 0, perUldMinor: 0 }, volumetricDivisor: 6000,
  });
  const level = network.serviceLevels.find((l) => l.id === 'DM-6');
  level?.modes.push('general_trade');
}

describe('unplanned OVER_VALUE_LIMIT', () => {
  it('accepts O4: 2 × SKU-E, 1200000 over the 500000 limit, and DM-6 offers no general trade', () => {
    expect(verifyCorrupted().violations).toEqual([]);
  });

  it('names an OVER_VALUE_LIMIT for an order within the limit (REASON_OVER_VALUE_LIMIT)', () => {
    const result = verifyCorrupted(undefined, {
      network: (network) => {
        network.customs.crossBorderOrderLimitMinor = 1200000;
      },
    });
    expect(rulesOf(result)).toEqual(['REASON_OVER_VALUE_LIMIT']);
    expect(violationsOf(result, 'REASON_OVER_VALUE_LIMIT')).toMatchObject([{ order: 'O4', expected: '> 1200000', found: 1200000 }]);
  });

  it('names an OVER_VALUE_LIMIT for one indivisible item, which may still cross (REASON_OVER_VALUE_LIMIT)', () => {
    // 1 × SKU-E: 600000 over the per-order limit but within the 2600000 annual limit.
    const result = verifyCorrupted(undefined, {
      orders: (orders) => {
        const line = orders.find((o) => o.id === 'O4')?.lines[0];
        if (line !== undefined) line.qty = 1;
      },
    });
    expect(rulesOf(result)).toEqual(['REASON_OVER_VALUE_LIMIT']);
    expect(violationsOf(result, 'REASON_OVER_VALUE_LIMIT')[0]?.message).toContain('one indivisible item');
  });

  it('names an OVER_VALUE_LIMIT under a general-trade-only promise, which the limit does not touch (REASON_OVER_VALUE_LIMIT)', () => {
    const result = verifyCorrupted(undefined, {
      network: (network) => {
        network.serviceLevels.push({ id: 'GT-2', deadline: { kind: 'calendar_days', days: 2 }, modes: ['general_trade'] });
      },
      orders: (orders) => {
        const o4 = orders.find((o) => o.id === 'O4');
        if (o4 !== undefined) o4.serviceLevel = 'GT-2';
      },
    });
    expect(rulesOf(result)).toEqual(['REASON_OVER_VALUE_LIMIT']);
    expect(violationsOf(result, 'REASON_OVER_VALUE_LIMIT')).toMatchObject([{ order: 'O4', found: 'general_trade' }]);
  });

  it('names an OVER_VALUE_LIMIT when general trade could serve it (REASON_OVER_VALUE_LIMIT)', () => {
    const result = verifyCorrupted(undefined, {
      network: withGeneralTrade,
      stock: (stock) => stock.push({ node: 'DW-SH', sku: 'SKU-E', qty: 2 }),
    });
    expect(rulesOf(result)).toEqual(['REASON_OVER_VALUE_LIMIT']);
    expect(violationsOf(result, 'REASON_OVER_VALUE_LIMIT')).toMatchObject([{ order: 'O4', found: '2 × SKU-E from DW-SH' }]);
  });

  it('accepts it when the domestic warehouse holds too little of the goods', () => {
    const result = verifyCorrupted(undefined, { network: withGeneralTrade, stock: (stock) => stock.push({ node: 'DW-SH', sku: 'SKU-E', qty: 1 }) });
    expect(result.violations).toEqual([]);
  });
});
