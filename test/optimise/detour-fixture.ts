// Seven nodes where the cheapest plan rides a departure no order's solo candidates rank first:
// order B's only routing rides lane SHARED, whose departure costs CNY 1,000 whatever it carries;
// order A has four direct last-mile lanes at CNY 1.00 and a detour onto SHARED at CNY 0.10 of
// its own charges — cheap only because B already pays that departure. At a reference load
// SHARED looks dear, so A's four cheapest itineraries alone are the direct ones.
// Used by bound-all-itineraries.test.ts (a bound over kept choices is no bound) and
// search/reroute.test.ts (itineraries priced against the plan find the detour).
import type { Order, StockRecord } from '../../src/domain/orders.js';
import { buildNetwork, continuous, EVERY_DAY, fixture, type Fixture, weekly } from '../graph/fixtures.js';

/** What SHARED's departure costs, whatever it carries. */
export const SHARED_FIXED_MINOR = 100_000;

export function detourFixture(): Fixture {
  const direct = [1, 2, 3, 4].map((i) => ({
    id: `DIRECT-${i}`, from: 'WH-A', to: 'ZONE-A', mode: 'last_mile' as const, schedule: continuous(60 * i), cost: { perParcelMinor: 100 },
  }));
  const network = buildNetwork(
    [
      { id: 'WH-A', kind: 'domestic_warehouse', timeZone: 'Asia/Shanghai' },
      { id: 'WH-B', kind: 'domestic_warehouse', timeZone: 'Asia/Shanghai' },
      { id: 'HUB-X', kind: 'domestic_warehouse', timeZone: 'Asia/Shanghai' },
      { id: 'HUB-Y', kind: 'domestic_warehouse', timeZone: 'Asia/Shanghai' },
      { id: 'DEPOT', kind: 'domestic_warehouse', timeZone: 'Asia/Shanghai' },
      { id: 'ZONE-A', kind: 'zone', timeZone: 'Asia/Shanghai' },
      { id: 'ZONE-B', kind: 'zone', timeZone: 'Asia/Shanghai' },
    ],
    [
      ...direct,
      { id: 'FEED-A', from: 'WH-A', to: 'HUB-X', mode: 'truck', schedule: continuous(60), cost: { perParcelMinor: 5 } },
      { id: 'FEED-B', from: 'WH-B', to: 'DEPOT', mode: 'truck', schedule: continuous(60), cost: {} },
      { id: 'FEED-B2', from: 'DEPOT', to: 'HUB-X', mode: 'truck', schedule: continuous(60), cost: {} },
      {
        id: 'SHARED', from: 'HUB-X', to: 'HUB-Y', mode: 'truck', schedule: weekly([{ weekdays: EVERY_DAY, time: '12:00' }], 120),
        cost: { perConsolidationMinor: SHARED_FIXED_MINOR },
      },
      { id: 'LM-A', from: 'HUB-Y', to: 'ZONE-A', mode: 'last_mile', schedule: continuous(60), cost: { perParcelMinor: 5 } },
      { id: 'LM-B', from: 'HUB-Y', to: 'ZONE-B', mode: 'last_mile', schedule: continuous(60), cost: {} },
    ],
    { serviceLevels: [{ id: 'domestic', deadline: { kind: 'calendar_days', days: 2 }, modes: ['general_trade'] }] },
  );
  return fixture(network);
}

const line = { qty: 1, unitWeightKg: 1, unitVolumeM3: 0.001, unitValueMinor: 10_000 };
export const DETOUR_ORDERS: Order[] = [
  { id: 'A', createdAt: '2026-11-23T08:00:00+08:00', destination: 'ZONE-A', serviceLevel: 'domestic', lines: [{ sku: 'SKU-A', ...line }] },
  { id: 'B', createdAt: '2026-11-23T08:00:00+08:00', destination: 'ZONE-B', serviceLevel: 'domestic', lines: [{ sku: 'SKU-B', ...line }] },
];
export const DETOUR_STOCK: StockRecord[] = [
  { node: 'WH-A', sku: 'SKU-A', qty: 10 },
  { node: 'WH-B', sku: 'SKU-B', qty: 10 },
];
