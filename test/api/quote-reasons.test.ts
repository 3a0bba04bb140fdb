// planner.quote refuses a promise with the answer a plan gives the same order: reason, message,
// field and earliest delivery (SLA_INFEASIBLE, NO_STOCK, OVER_VALUE_LIMIT, NO_ROUTE), and per
// mode it states why that mode cannot serve the order. Input the checks reject (a destination
// that is no zone, a zero quantity) is an InputError, for a quote as for a plan.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlanner, type Planner } from '../../src/api/planner.js';
import type { Network } from '../../src/domain/network.js';
import type { Order, OrderLine, StockRecord } from '../../src/domain/orders.js';
import type { UnplannedReason } from '../../src/domain/plan.js';
import { tinyNetwork } from '../fixtures/tiny.js';

const STOCK: StockRecord[] = [
  { node: 'BASE-LAX', sku: 'SKU-A', qty: 100 },
  { node: 'BASE-LAX', sku: 'SKU-B', qty: 50 },
  { node: 'BW-SHA', sku: 'SKU-C', qty: 20 },
];

function order(id: string, extra: Partial<Order>, line: Partial<OrderLine> = {}): Order {
  return {
    id, createdAt: '2026-11-11T00:05:00+08:00', destination: 'Z-SH', serviceLevel: 'dm8',
    lines: [{ sku: 'SKU-A', qty: 1, unitWeightKg: 1.2, unitVolumeM3: 0.001, unitValueMinor: 12_990, ...line }],
    ...extra,
  };
}

const CASES: { reason: UnplannedReason; order: Order }[] = [
  { reason: 'SLA_INFEASIBLE', order: order('LATE', { deliverBy: '2026-11-12T18:00:00+08:00' }) },
  { reason: 'NO_STOCK', order: order('NOSTOCK', {}, { sku: 'SKU-C' }) },
  { reason: 'OVER_VALUE_LIMIT', order: order('OVER', {}, { qty: 2, unitValueMinor: 300_000 }) },
  { reason: 'NO_ROUTE', order: order('NOROUTE', { destination: 'Z-XZ' }) },
];

let planner: Planner;
beforeAll(() => {
  const network = tinyNetwork();
  // A zone no lane reaches (the network check warns, planning goes on).
  (network.nodes as unknown[]).push({
    id: 'Z-XZ', kind: 'zone', name: 'Tibet', country: 'CN', lat: 29.65, lon: 91.1, timeZone: 'Asia/Shanghai', calendar: 'cn', province: 'Tibet', populationM: 3.6,
  });
  planner = createPlanner({ network: network as unknown as Network, stock: STOCK, workers: 0 });
});
afterAll(async () => {
  await planner.close();
});

describe('planner.quote without a promise', () => {
  it.each(CASES)('answers $reason as the plan does', async ({ reason, order: o }) => {
    const quote = await planner.quote(o);
    expect(quote.best).toBeNull();
    const plan = await planner.plan([o]);
    const answer = plan.orders[0]!;
    expect(answer.status).toBe('unplanned');
    if (answer.status !== 'unplanned') return;
    expect(answer.reason).toBe(reason);
    const { reason: r, message, field, earliestDelivery } = answer;
    expect(quote.unpromised).toEqual({ reason: r, message, ...(field === undefined ? {} : { field }), ...(earliestDelivery === undefined ? {} : { earliestDelivery }) });
  });

  it('states the earliest delivery of a late mode', async () => {
    const quote = await planner.quote(CASES[0]!.order);
    expect(quote.modes).toHaveLength(1);
    const mode = quote.modes[0]!;
    expect(mode).toMatchObject({ mode: 'direct_mail', status: 'unpromised', reason: 'SLA_INFEASIBLE' });
    if (mode.status !== 'unpromised') return;
    expect(mode.earliestDelivery).toBe(quote.unpromised?.earliestDelivery);
    expect(mode.earliestDelivery! > '2026-11-12T18:00:00+08:00').toBe(true);
  });

  it('quotes only the modes the CBEC rules and the service level allow', async () => {
    // Refused before any mode: over the per-order limit, and dm8 offers no general trade.
    expect((await planner.quote(CASES[2]!.order)).modes).toEqual([]);
    const bonded = await planner.quote(order('BW', { serviceLevel: 'bd3', destination: 'Z-ZJ' }, { sku: 'SKU-C' }));
    expect(bonded.modes.map((m) => [m.mode, m.status])).toEqual([['bonded', 'promised']]);
    expect(bonded.best?.sources).toEqual(['BW-SHA']);
  });

  it.each([
    ['a destination that is no zone', order('NOZONE', { destination: 'PVG' })],
    ['a zero quantity', order('ZERO', {}, { qty: 0 })],
  ])('rejects %s as the plan does', async (_, bad) => {
    const fromPlan = await planner.plan([bad]).then(() => null, (e: unknown) => e);
    expect(fromPlan).toMatchObject({ name: 'InputError' });
    await expect(planner.quote(bad)).rejects.toMatchObject({ name: 'InputError', message: (fromPlan as Error).message });
  });
});
