// A tiny network and a hand-built plan on it, shared by the output tests.
//
// Network (file order): US-LAX-BASE (storage base, Los Angeles) → LAX → PVG → SHA-CUS
// (clearance port) → ZONE-SH, plus DE-FRA-BASE and FRA with lane FRA-PVG-LH that the plan
// does not use.
//
// Plan: orders O1 and O2 each ship one parcel from US-LAX-BASE and share the consolidation
// C1 = "LAX-PVG-CA@2026-11-09T23:30:00-08:00"; O3 is unplanned, SLA_INFEASIBLE.
//
// Costs, worked by hand from the lanes' tariffs (all minor units, CNY fen):
//   C1: 30 kg at 2000/kg = 60000 freight, 50000 fixed, 1 ULD × 30000 = 30000       → 140000
//   O1/1 (10 kg, value 12990): handling 500 (base), freight 60000·10/30 = 20000,
//        consolidation 80000·10/30 = 26666.67 → 26667 (largest remainder), clearance 1000,
//        last mile 1000 + 20·10 = 1200, tax 9.1 % × 12990 = 1182.09 → 1182    total 50549
//   O2/1 (20 kg, value 50000): handling 500, freight 40000, consolidation 53333,
//        clearance 1000, last mile 1000 + 20·20 = 1400, tax 4550                 total 100783
//   totals: handling 1000, freight 60000, consolidation 80000, clearance 2000,
//        last mile 2600, tax 5732, total 151332; lower bound 150000, gap 1332/151332.
// Slack: O1 delivered 2026-11-12T13:00+08:00, deadline 2026-11-16T23:59:59+08:00
//   → 4 d 10 h 59 m 59 s → 6419 min; O2 delivered the same time, deadline 2026-11-13T05:40:00+08:00 → 1000 min.
import { Network } from '../../src/domain/network.js';
import { indexNetwork, type NetworkIndex } from '../../src/domain/network-index.js';
import { Plan, type PlanLeg } from '../../src/domain/plan.js';

export const NETWORK_JSON = {
  schema: 'xbroute.network/v1',
  name: 'output-fixture',
  currency: 'CNY',
  calendars: [
    { id: 'US', source: 'none' },
    { id: 'CN', source: 'none' },
    { id: 'DE', source: 'none' },
  ],
  nodes: [
    { id: 'US-LAX-BASE', kind: 'storage_base', name: 'Los Angeles base', country: 'US', lat: 33.9, lon: -118.3, timeZone: 'America/Los_Angeles', calendar: 'US', iata: 'LAX', handlingMinutes: 120, handlingPerParcelMinor: 500 },
    { id: 'LAX', kind: 'airport', name: 'Los Angeles International', country: 'US', lat: 33.94, lon: -118.41, timeZone: 'America/Los_Angeles', calendar: 'US', iata: 'LAX' },
    { id: 'PVG', kind: 'airport', name: 'Shanghai Pudong', country: 'CN', lat: 31.14, lon: 121.81, timeZone: 'Asia/Shanghai', calendar: 'CN', iata: 'PVG' },
    { id: 'SHA-CUS', kind: 'clearance_port', name: 'Shanghai clearance', country: 'CN', lat: 31.2, lon: 121.8, timeZone: 'Asia/Shanghai', calendar: 'CN', dailyParcelCapacity: 2 },
    { id: 'ZONE-SH', kind: 'zone', name: 'Shanghai', country: 'CN', lat: 31.23, lon: 121.47, timeZone: 'Asia/Shanghai', calendar: 'CN', province: 'Shanghai' },
    { id: 'DE-FRA-BASE', kind: 'storage_base', name: 'Frankfurt base', country: 'DE', lat: 50.1, lon: 8.6, timeZone: 'Europe/Berlin', calendar: 'DE', iata: 'FRA' },
    { id: 'FRA', kind: 'airport', name: 'Frankfurt', country: 'DE', lat: 50.03, lon: 8.57, timeZone: 'Europe/Berlin', calendar: 'DE', iata: 'FRA' },
    { id: 'DOM-SH', kind: 'domestic_warehouse', name: 'Shanghai domestic warehouse', country: 'CN', lat: 31.3, lon: 121.5, timeZone: 'Asia/Shanghai', calendar: 'CN' },
  ],
  lanes: [
    { id: 'BASE-LAX', from: 'US-LAX-BASE', to: 'LAX', mode: 'truck', schedule: { kind: 'continuous', transitMinutes: 120 } },
    {
      id: 'LAX-PVG-CA', from: 'LAX', to: 'PVG', mode: 'air', carrier: 'CA',
      schedule: { kind: 'weekly', departures: [{ weekdays: [1, 3, 5], time: '23:30' }], transitMinutes: 780, cutoffMinutes: 180 },
      cost: { freight: { minChargeMinor: 10000, breaks: [{ fromKg: 0, perKgMinor: 2000 }] }, perConsolidationMinor: 50000, perUldMinor: 30000 },
      uld: { type: 'AKE', maxKg: 1588, maxM3: 4.3 },
      maxUldsPerDeparture: 1,
    },
    { id: 'PVG-SHA-CUS', from: 'PVG', to: 'SHA-CUS', mode: 'clearance', schedule: { kind: 'working_time', workingMinutes: 240 }, cost: { perParcelMinor: 1000 } },
    { id: 'SHA-CUS-ZONE-SH', from: 'SHA-CUS', to: 'ZONE-SH', mode: 'last_mile', schedule: { kind: 'continuous', transitMinutes: 1440 }, cost: { perParcelMinor: 1000, perParcelKgMinor: 20 } },
    { id: 'BASE-FRA', from: 'DE-FRA-BASE', to: 'FRA', mode: 'truck', schedule: { kind: 'continuous', transitMinutes: 60 } },
    {
      id: 'FRA-PVG-LH', from: 'FRA', to: 'PVG', mode: 'air', carrier: 'LH',
      schedule: { kind: 'weekly', departures: [{ weekdays: [2], time: '21:00' }], transitMinutes: 660 },
      cost: { freight: { minChargeMinor: 10000, breaks: [{ fromKg: 0, perKgMinor: 1800 }] } },
    },
  ],
  serviceLevels: [{ id: 'STD', deadline: { kind: 'working_days', days: 6 }, modes: ['direct_mail', 'general_trade'] }],
  customs: { crossBorderOrderLimitMinor: 500000, crossBorderTaxRate: 0.091 },
};

export function fixtureIndex(): NetworkIndex {
  return indexNetwork(Network.parse(NETWORK_JSON));
}

export const C1 = 'LAX-PVG-CA@2026-11-09T23:30:00-08:00';

/** The four legs of a parcel from US-LAX-BASE to ZONE-SH on C1 (times as in the fixture banner). */
function legsToShanghai(): PlanLeg[] {
  return [
    { lane: 'BASE-LAX', mode: 'truck', from: 'US-LAX-BASE', to: 'LAX', departure: '2026-11-09T10:00:00-08:00', arrival: '2026-11-09T12:00:00-08:00' },
    { lane: 'LAX-PVG-CA', mode: 'air', from: 'LAX', to: 'PVG', departure: '2026-11-09T23:30:00-08:00', arrival: '2026-11-11T04:30:00+08:00', consolidation: C1 },
    { lane: 'PVG-SHA-CUS', mode: 'clearance', from: 'PVG', to: 'SHA-CUS', departure: '2026-11-11T09:00:00+08:00', arrival: '2026-11-11T13:00:00+08:00' },
    { lane: 'SHA-CUS-ZONE-SH', mode: 'last_mile', from: 'SHA-CUS', to: 'ZONE-SH', departure: '2026-11-11T13:00:00+08:00', arrival: '2026-11-12T13:00:00+08:00' },
  ];
}

export const O1_COST = { handling: 500, freight: 20000, consolidation: 26667, clearance: 1000, lastMile: 1200, total: 49367 };
export const O2_COST = { handling: 500, freight: 40000, consolidation: 53333, clearance: 1000, lastMile: 1400, total: 96233 };

export function fixturePlan(): Plan {
  return Plan.parse({
    schema: 'xbroute.plan/v2',
    currency: 'CNY',
    network: 'output-fixture',
    solver: 'hand',
    timeLimited: false,
    orders: [
      {
        order: 'O1', status: 'planned', deadline: '2026-11-16T23:59:59+08:00', deliveredAt: '2026-11-12T13:00:00+08:00',
        slackMinutes: 6419, cost: O1_COST, taxMinor: 1182,
        parcels: [{
          id: 'O1/1', source: 'US-LAX-BASE', mode: 'direct_mail', lines: [{ sku: 'SKU-A', qty: 2 }],
          weightKg: 10, volumeM3: 0.02, chargeableKg: 10, valueMinor: 12990, legs: legsToShanghai(),
          deliveredAt: '2026-11-12T13:00:00+08:00', cost: O1_COST, taxMinor: 1182, taxBasis: 'cbec_reduced',
        }],
      },
      {
        order: 'O2', status: 'planned', deadline: '2026-11-13T05:40:00+08:00', deliveredAt: '2026-11-12T13:00:00+08:00',
        slackMinutes: 1000, cost: O2_COST, taxMinor: 4550,
        parcels: [{
          id: 'O2/1', source: 'US-LAX-BASE', mode: 'direct_mail', lines: [{ sku: 'SKU-B', qty: 1 }],
          weightKg: 20, volumeM3: 0.05, chargeableKg: 20, valueMinor: 50000, legs: legsToShanghai(),
          deliveredAt: '2026-11-12T13:00:00+08:00', cost: O2_COST, taxMinor: 4550, taxBasis: 'cbec_reduced',
        }],
      },
      {
        order: 'O3', status: 'unplanned', reason: 'SLA_INFEASIBLE',
        message: 'No routing meets the promised delivery by 2026-11-10T23:59:59+08:00; the earliest possible delivery is 2026-11-12T13:00:00+08:00.',
        deadline: '2026-11-10T23:59:59+08:00', earliestDelivery: '2026-11-12T13:00:00+08:00',
      },
    ],
    consolidations: [{
      id: C1, lane: 'LAX-PVG-CA', departure: '2026-11-09T23:30:00-08:00', parcels: ['O1/1', 'O2/1'],
      weightKg: 30, volumeM3: 0.07, chargeableKg: 30, ulds: 1, utilisation: 30 / 1588,
      freightMinor: 60000, fixedMinor: 50000, uldMinor: 30000,
    }],
    totals: {
      orders: 3, planned: 2,
      unplanned: { NO_STOCK: 0, NO_ROUTE: 0, SLA_INFEASIBLE: 1, CAPACITY: 0, OVER_VALUE_LIMIT: 0, INVALID_ORDER: 0, TIME_LIMIT: 0 },
      cost: { handling: 1000, freight: 60000, consolidation: 80000, clearance: 2000, lastMile: 2600, total: 145600 }, taxMinor: 5732,
      lowerBoundMinor: 140000, gap: 5600 / 145600,
    },
    warnings: [],
  });
}
