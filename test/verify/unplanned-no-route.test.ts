// A NO_ROUTE answer holds only if no lane path leads from an allowed, stocked source to the zone.
import { describe, expect, it } from 'vitest';
import type { Network } from '../../src/domain/network.js';
import type { Order, StockRecord } from '../../src/domain/orders.js';
import type { Plan } from '../../src/domain/plan.js';
import { answerExtra, extraOrder, rulesOf, verifyCorrupted, violationsOf } from './harness.js';

/** Every order answered NO_ROUTE at cost 0: the laziest plan there is. */
function allNoRoute(plan: Plan): void {
  plan.orders = plan.orders.map((a) => ({ order: a.order, status: 'unplanned', reason: 'NO_ROUTE', message: 'no route' }));
  plan.consolidations = [];
  const zero = Object.fromEntries(Object.keys(plan.totals.cost).map((k) => [k, 0]));
  plan.totals = {
    ...plan.totals,
    planned: 0,
    unplanned: { NO_STOCK: 0, NO_ROUTE: 4, SLA_INFEASIBLE: 0, CAPACITY: 0, OVER_VALUE_LIMIT: 0, INVALID_ORDER: 0, TIME_LIMIT: 0 },
    cost: zero as Plan['totals']['cost'],
    lowerBoundMinor: 0,
    gap: 0,
  };
  delete plan.totals.boundCertificate; // a bound of 0 needs none
  const taxed = plan.totals as { taxMinor?: number };
  if (taxed.taxMinor !== undefined) taxed.taxMinor = 0;
}

describe('unplanned NO_ROUTE', () => {
  it('names every order of an all-NO_ROUTE plan that has a route (REASON_NO_ROUTE)', () => {
    const result = verifyCorrupted(allNoRoute);
    expect(rulesOf(result)).toEqual(['REASON_NO_ROUTE']);
    // O4 may use no mode at all (over the limit, DM-6 has no general trade): nothing to disprove.
    expect(violationsOf(result, 'REASON_NO_ROUTE').map((v) => v.order)).toEqual(['O1', 'O2', 'O3']);
  });

  it('accepts a genuine NO_ROUTE: no lane leads from BW-SH to ZONE-ZJ', () => {
    const o5 = extraOrder({
      destination: 'ZONE-ZJ', serviceLevel: 'BD-3', createdAt: '2026-11-11T10:00:00+08:00',
      lines: [{ sku: 'SKU-C', qty: 1, unitWeightKg: 1.2, dimensionsCm: [20, 20, 10], unitValueMinor: 20000 }],
    });
    const result = verifyCorrupted((plan) => answerExtra(plan, 'O5', { reason: 'NO_ROUTE', message: 'no lane', deadline: '2026-11-14T23:59:59+08:00' }), {
      orders: (orders) => orders.push(o5),
    });
    expect(result.violations).toEqual([]);
  });

  it('names a NO_ROUTE once a lane opens the way (REASON_NO_ROUTE)', () => {
    const o5 = extraOrder({
      destination: 'ZONE-ZJ', serviceLevel: 'BD-3', createdAt: '2026-11-11T10:00:00+08:00',
      lines: [{ sku: 'SKU-C', qty: 1, unitWeightKg: 1.2, dimensionsCm: [20, 20, 10], unitValueMinor: 20000 }],
    });
    const result = verifyCorrupted((plan) => answerExtra(plan, 'O5', { reason: 'NO_ROUTE', message: 'no lane' }), {
      orders: (orders) => orders.push(o5),
      network: (network) => {
        network.lanes.push({
          id: 'LM-BW-ZJ', from: 'BW-SH', to: 'ZONE-ZJ', mode: 'last_mile', schedule: { kind: 'continuous', transitMinutes: 2000 },
          cost: { perParcelMinor: 900, perParcelKgMinor: 0, includedKg: 0, perConsolidationMinor: 0, perUldMinor: 0 }, volumetricDivisor: 6000,
        });
      },
    });
    expect(rulesOf(result)).toEqual(['REASON_NO_ROUTE']);
    expect(violationsOf(result, 'REASON_NO_ROUTE')).toMatchObject([{ order: 'O5', found: 'BW-SH' }]);
  });

  it('judges by the stock the plan leaves: routed stock taken, unrouted stock left, NO_ROUTE holds', () => {
    // O5 wants 1 × SKU-A: BASE-US's 3 go to P-O1 and P-O2; BASE-JP holds 5 but no lane leaves it.
    const o5 = extraOrder({ lines: [{ sku: 'SKU-A', qty: 1, unitWeightKg: 11, dimensionsCm: [40, 30, 20], unitValueMinor: 30000 }] });
    const alter = {
      orders: (orders: Order[]) => orders.push(o5),
      network: (network: Network) => {
        network.nodes.push({
          id: 'BASE-JP', kind: 'storage_base', name: 'Tokyo base', country: 'JP', lat: 35.6, lon: 139.7,
          timeZone: 'Asia/Tokyo', calendar: 'CAL-US', handlingMinutes: 0, handlingPerParcelMinor: 0,
        });
      },
      stock: (stock: StockRecord[]) => stock.push({ node: 'BASE-JP', sku: 'SKU-A', qty: 5 }),
    };
    const result = verifyCorrupted((plan) => answerExtra(plan, 'O5', { reason: 'NO_ROUTE', message: 'no lane from BASE-JP' }), alter);
    expect(result.violations).toEqual([]);
    // With a fourth unit at BASE-US, a routed source holds it: NO_ROUTE is false.
    const routed = verifyCorrupted((plan) => answerExtra(plan, 'O5', { reason: 'NO_ROUTE', message: 'no lane from BASE-JP' }), {
      ...alter,
      stock: (stock: StockRecord[]) => stock.push({ node: 'BASE-JP', sku: 'SKU-A', qty: 5 }, { node: 'BASE-US', sku: 'SKU-A', qty: 1 }),
    });
    expect(violationsOf(routed, 'REASON_NO_ROUTE')).toMatchObject([{ order: 'O5', found: 'BASE-US' }]);
  });
});
