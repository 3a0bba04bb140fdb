// A tiny network, four orders, their stock, and a hand-made VALID plan with every figure
// worked out by hand below. The corruption tests break one thing of this plan at a time.
//
// Network (all calendars source "none": Mon–Fri, 09:00–18:00, no holidays — November 2026):
//   BASE-US  storage base, Los Angeles (PST, UTC−8 after 1 Nov), handling 120 min, 500 fen/parcel
//   LAX      airport, Los Angeles, no handling
//   PVG      airport, Shanghai (UTC+8), handling 60 min, 100 fen/parcel (transfer to the port)
//   PORT-SH  clearance port, Shanghai, daily capacity 2 parcels
//   BW-SH    bonded warehouse, Shanghai, handling 60 min, 300 fen/parcel
//   ZONE-SH, ZONE-ZJ  delivery zones (Shanghai, Zhejiang)
// Lanes:
//   TRK-BASE-LAX  truck, continuous 120 min, 200 fen/parcel (freight)
//   AIR-LAX-PVG   air, weekly Tue+Fri 23:30 local LAX, transit 780 min, cut-off 180 min, divisor 6000;
//                 freight: min 20000, N 2500/kg, +45 2000, +100 1600, +300 1300; MAWB 50000/consolidation;
//                 AKE ULD (1588 kg, 4.3 m³) at 20000 each; at most 1 ULD per departure
//   CLR-PVG-SH    clearance PVG → PORT-SH, 240 working minutes of PORT-SH's calendar, 1500 fen/parcel
//   LM-SH         last mile PORT-SH → ZONE-SH, continuous 1440 min, 800 fen + 200/kg over 1 kg
//   LM-ZJ         last mile PORT-SH → ZONE-ZJ, continuous 2880 min, 1000 fen + 300/kg over 1 kg
//   LM-BW-SH      last mile BW-SH → ZONE-SH, continuous 720 min, 600 fen + 100/kg over 1 kg
// Service levels: DM-6 = 6 working days, direct_mail; BD-3 = 3 calendar days, bonded.
// Customs: cross-border limit 500000 fen (CNY 5,000), annual limit 2600000, tax 9.1 % (full 13 %).
// Taxes are stated apart from logistics cost: P-O1 60000 × 9.1 % = 5460, P-O2 5460, P-O3 1820
// (bonded is cross-border too), 12740 in all.
//
// Goods: SKU-A 11 kg, 40×30×20 cm = 0.024 m³ (volumetric 0.024e6/6000 = 4 kg), 30000 fen
//        SKU-B 2.1 kg, 0.012 m³ (volumetric 2 kg), 10000 fen
//        SKU-C 1.2 kg, 20×20×10 cm = 0.004 m³ (volumetric 0.667 kg), 20000 fen
//        SKU-E 30 kg, 60×40×40 cm, 600000 fen
//
// Orders:
//   O1  created 2026-11-10T06:00-08:00 (Tue; 22:00 Tue in Shanghai), ZONE-SH, DM-6, 2 × SKU-A
//   O2  created 2026-11-10T07:00-08:00 (23:00 Tue in Shanghai), ZONE-ZJ, DM-6, 1 × SKU-A + 3 × SKU-B,
//       allowedSources [BASE-US]
//   O3  created 2026-11-11T10:00+08:00 (Wed), ZONE-SH, BD-3, 1 × SKU-C
//   O4  created 2026-11-10T09:00+08:00, ZONE-ZJ, DM-6, 2 × SKU-E worth 1200000 > 500000, not a
//       single item (two units), and DM-6 offers no general trade: unplanned OVER_VALUE_LIMIT
// Stock: BASE-US SKU-A 3 (exactly what O1 + O2 take), SKU-B 5, SKU-E 1; BW-SH SKU-C 4.
//
// Parcels (weight, volume, chargeable = max(actual, volumetric) up to 0.5 kg, value):
//   P-O1  2 × SKU-A: 22 kg, 0.048 m³ (8 kg vol.) → 22 kg; 60000 fen
//   P-O2  SKU-A + 3 × SKU-B: 11 + 6.3 = 17.3 kg, 0.024 + 0.036 = 0.060 m³ (10 kg vol.) → 17.5 kg;
//         30000 + 30000 = 60000 fen
//   P-O3  SKU-C: 1.2 kg, 0.004 m³ → 1.2 → 1.5 kg (no air lane: divisor 6000); 20000 fen
//
// Times:
//   P-O1  ready at BASE-US 06:00 + 120 min = 08:00 PST; truck 08:00 → 10:00 PST at LAX;
//         ready 10:00 ≤ 23:30 − 180 min = 20:30 → flies Tue 2026-11-10T23:30-08:00 (07:30Z Wed),
//         +780 min = 20:30Z Wed = 2026-11-12T04:30+08:00 (Thu) at PVG; ready 05:30;
//         clearance starts at the first working minute, 09:00 Thu, 240 working min → 13:00 Thu;
//         LM-SH 13:00 Thu + 1440 min → 2026-11-13T13:00+08:00 (Fri), delivered.
//         Deadline: creation day (Shanghai) Tue 10 Nov + 6 working days = Wed 11, Thu 12, Fri 13,
//         Mon 16, Tue 17, Wed 18 → 2026-11-18T23:59:59+08:00. Slack: Fri 13:00 → Wed 13:00 = 5 d =
//         7200 min, + 10 h 59 min 59 s = 7859.98 min → 7859.
//   P-O2  ready 09:00 PST; truck 09:00 → 11:00 PST (≤ 20:30); same flight and clearance;
//         LM-ZJ 13:00 Thu + 2880 min → 2026-11-14T13:00+08:00 (Sat). Deadline Wed 18 23:59:59 as
//         O1 (created Tue in Shanghai). Slack 4 d = 5760 + 659.98 → 6419.
//   P-O3  ready at BW-SH 10:00 + 60 = 11:00; LM-BW-SH 11:00 → 23:00 Wed 2026-11-11.
//         Deadline: Wed 11 + 3 calendar days = Sat 14 23:59:59+08:00. Slack 3 d = 4320 + 59.98 → 4379.
//   PORT-SH clears P-O1 and P-O2 on 2026-11-12: 2 ≤ 2.
//
// Consolidation C1 (AIR-LAX-PVG, Tue 23:30 departure, parcels [P-O1, P-O2]):
//   weight 22 + 17.3 = 39.3 kg; volume 0.048 + 0.060 = 0.108 m³ (18 kg vol.); chargeable 39.5 kg.
//   Freight, next-break rule: N rate 39.5 × 2500 = 98750, but the +45 break 45 × 2000 = 90000 is
//   cheaper (+100: 160000, +300: 390000), above the 20000 minimum → 90000.
//   ULDs: max(39.3/1588, 0.108/4.3) → 1 AKE (≤ the allotment of 1); 20000. MAWB 50000.
//   Utilisation: max(0.02475, 0.108/4.3 = 0.025116…) = 0.108/4.3 (volume binds).
//   Shares by chargeable kg [22, 17.5] of 39.5, largest remainder:
//     freight 90000 → 50126.58 / 39873.42 → floors 50126 + 39873 = 89999, the unit left goes to
//       the larger remainder (.58) → [50127, 39873];
//     fixed + ULD 70000 → 38987.34 / 31012.66 → floors 38987 + 31012 = 69999 → (.66) → [38987, 31013].
//
// Costs (fen):                  handling  freight  consolidation  clearance  lastMile  (tax)  total
//   P-O1  500 + 0 + 100 + 0  =     600   200+50127     38987         1500      5000   (5460)  96414
//         lastMile 800 + 200 × (22 − 1) = 5000; tax 60000 × 9.1 % = 5460
//   P-O2                            600   200+39873     31013         1500      5950   (5460)  79136
//         lastMile 1000 + 300 × (17.5 − 1) = 5950
//   P-O3  BW-SH 300                 300       0            0            0       650   (1820)    950
//         lastMile 600 + 100 × (1.5 − 1) = 650; tax 20000 × 9.1 % = 1820
//   plan                           1500    90400        70000         3000     11600  (12740) 176500
// (Tax is stated beside the cost, not in its total.)
// Lower bound 170000 → gap (176500 − 170000) / 176500 = 6500 / 176500. Its certificate: only O1
// and O2 can ride AIR-LAX-PVG (cap 39.3 kg), whose per-kg floor up to 39.3 kg is one ULD's
// (50000 + 20000) / 39.3 + the freight rate at 39.5 kg, 90000 / 39.5 = 4059.65 fen/kg. Floors
// (handling + parcel fees at the weight rounded up to 0.5 kg + rate × actual kg − ½):
//   O1  600 + 200 + 1500 + 5000 + 4059.65 × 22 − ½ = 96611.83
//   O2  600 + 200 + 1500 + 5950 + 4059.65 × 17.3 − ½ = 78481.47   (last mile at 17.5 kg)
//   O3  300 + 650 = 950 (no consolidation: its whole cost)
// Σ 176043.30 (cost 176500): it proves 176043, and 170000 with O3 planned or not.
import type { Network } from '../../src/domain/network.js';
import { Network as NetworkSchema } from '../../src/domain/network.js';
import { indexNetwork } from '../../src/domain/network-index.js';
import { Order as OrderSchema, type Order, type StockRecord } from '../../src/domain/orders.js';
import type { Plan } from '../../src/domain/plan.js';
import { createTimeModel, type TimeModel } from '../../src/time/index.js';

export function fixtureNetwork(): Network {
  return NetworkSchema.parse({
    schema: 'xbroute.network/v1',
    name: 'verify-fixture',
    currency: 'CNY',
    calendars: [
      { id: 'CAL-US', source: 'none', country: 'US' },
      { id: 'CAL-CN', source: 'none', country: 'CN' },
    ],
    nodes: [
      { id: 'BASE-US', kind: 'storage_base', name: 'Los Angeles base', country: 'US', lat: 33.99, lon: -118.2, timeZone: 'America/Los_Angeles', calendar: 'CAL-US', iata: 'LAX', handlingMinutes: 120, handlingPerParcelMinor: 500 },
      { id: 'LAX', kind: 'airport', name: 'Los Angeles airport', country: 'US', lat: 33.94, lon: -118.41, timeZone: 'America/Los_Angeles', calendar: 'CAL-US', iata: 'LAX' },
      { id: 'PVG', kind: 'airport', name: 'Shanghai Pudong', country: 'CN', lat: 31.14, lon: 121.81, timeZone: 'Asia/Shanghai', calendar: 'CAL-CN', iata: 'PVG', handlingMinutes: 60, handlingPerParcelMinor: 100 },
      { id: 'PORT-SH', kind: 'clearance_port', name: 'Shanghai clearance port', country: 'CN', lat: 31.2, lon: 121.6, timeZone: 'Asia/Shanghai', calendar: 'CAL-CN', province: 'Shanghai', dailyParcelCapacity: 2 },
      { id: 'BW-SH', kind: 'bonded_warehouse', name: 'Waigaoqiao bonded warehouse', country: 'CN', lat: 31.35, lon: 121.6, timeZone: 'Asia/Shanghai', calendar: 'CAL-CN', province: 'Shanghai', handlingMinutes: 60, handlingPerParcelMinor: 300 },
      { id: 'ZONE-SH', kind: 'zone', name: 'Shanghai', country: 'CN', lat: 31.23, lon: 121.47, timeZone: 'Asia/Shanghai', calendar: 'CAL-CN', province: 'Shanghai', populationM: 24.9 },
      { id: 'ZONE-ZJ', kind: 'zone', name: 'Zhejiang', country: 'CN', lat: 30.27, lon: 120.15, timeZone: 'Asia/Shanghai', calendar: 'CAL-CN', province: 'Zhejiang', populationM: 65.8 },
    ],
    lanes: [
      { id: 'TRK-BASE-LAX', from: 'BASE-US', to: 'LAX', mode: 'truck', schedule: { kind: 'continuous', transitMinutes: 120 }, cost: { perParcelMinor: 200 } },
      {
        id: 'AIR-LAX-PVG', from: 'LAX', to: 'PVG', mode: 'air', carrier: 'MU',
        schedule: { kind: 'weekly', departures: [{ weekdays: [2, 5], time: '23:30' }], transitMinutes: 780, cutoffMinutes: 180 },
        cost: {
          freight: { minChargeMinor: 20000, breaks: [{ fromKg: 0, perKgMinor: 2500 }, { fromKg: 45, perKgMinor: 2000 }, { fromKg: 100, perKgMinor: 1600 }, { fromKg: 300, perKgMinor: 1300 }] },
          perConsolidationMinor: 50000,
          perUldMinor: 20000,
        },
        uld: { type: 'AKE', maxKg: 1588, maxM3: 4.3 },
        maxUldsPerDeparture: 1,
        volumetricDivisor: 6000,
      },
      { id: 'CLR-PVG-SH', from: 'PVG', to: 'PORT-SH', mode: 'clearance', schedule: { kind: 'working_time', workingMinutes: 240 }, cost: { perParcelMinor: 1500 } },
      { id: 'LM-SH', from: 'PORT-SH', to: 'ZONE-SH', mode: 'last_mile', schedule: { kind: 'continuous', transitMinutes: 1440 }, cost: { perParcelMinor: 800, perParcelKgMinor: 200, includedKg: 1 } },
      { id: 'LM-ZJ', from: 'PORT-SH', to: 'ZONE-ZJ', mode: 'last_mile', schedule: { kind: 'continuous', transitMinutes: 2880 }, cost: { perParcelMinor: 1000, perParcelKgMinor: 300, includedKg: 1 } },
      { id: 'LM-BW-SH', from: 'BW-SH', to: 'ZONE-SH', mode: 'last_mile', schedule: { kind: 'continuous', transitMinutes: 720 }, cost: { perParcelMinor: 600, perParcelKgMinor: 100, includedKg: 1 } },
    ],
    serviceLevels: [
      { id: 'DM-6', deadline: { kind: 'working_days', days: 6 }, modes: ['direct_mail'] },
      { id: 'BD-3', deadline: { kind: 'calendar_days', days: 3 }, modes: ['bonded'] },
    ],
    customs: { crossBorderOrderLimitMinor: 500000, crossBorderTaxRate: 0.091 },
  });
}

export function fixtureOrders(): Order[] {
  const skuA = { sku: 'SKU-A', unitWeightKg: 11, dimensionsCm: [40, 30, 20], unitValueMinor: 30000 };
  return [
    { id: 'O1', createdAt: '2026-11-10T06:00:00-08:00', destination: 'ZONE-SH', serviceLevel: 'DM-6', lines: [{ ...skuA, qty: 2 }] },
    {
      id: 'O2', createdAt: '2026-11-10T07:00:00-08:00', destination: 'ZONE-ZJ', serviceLevel: 'DM-6', allowedSources: ['BASE-US'],
      lines: [{ ...skuA, qty: 1 }, { sku: 'SKU-B', qty: 3, unitWeightKg: 2.1, unitVolumeM3: 0.012, unitValueMinor: 10000 }],
    },
    { id: 'O3', createdAt: '2026-11-11T10:00:00+08:00', destination: 'ZONE-SH', serviceLevel: 'BD-3', lines: [{ sku: 'SKU-C', qty: 1, unitWeightKg: 1.2, dimensionsCm: [20, 20, 10], unitValueMinor: 20000 }] },
    { id: 'O4', createdAt: '2026-11-10T09:00:00+08:00', destination: 'ZONE-ZJ', serviceLevel: 'DM-6', lines: [{ sku: 'SKU-E', qty: 2, unitWeightKg: 30, dimensionsCm: [60, 40, 40], unitValueMinor: 600000 }] },
  ].map((order) => OrderSchema.parse(order));
}

export function fixtureStock(): StockRecord[] {
  return [
    { node: 'BASE-US', sku: 'SKU-A', qty: 3 },
    { node: 'BASE-US', sku: 'SKU-B', qty: 5 },
    { node: 'BASE-US', sku: 'SKU-E', qty: 1 },
    { node: 'BW-SH', sku: 'SKU-C', qty: 4 },
  ];
}

const AIR_DEPARTURE = '2026-11-10T23:30:00-08:00';
const AIR_ARRIVAL = '2026-11-12T04:30:00+08:00';
const CLEARANCE_START = '2026-11-12T09:00:00+08:00';
const CLEARANCE_END = '2026-11-12T13:00:00+08:00';
const DM_DEADLINE = '2026-11-18T23:59:59+08:00';

/** A fresh copy of the valid plan (tests mutate it). */
export function validPlan(): Plan {
  return {
    schema: 'xbroute.plan/v2',
    currency: 'CNY',
    network: 'verify-fixture',
    solver: 'by-hand',
    timeLimited: false,
    orders: [
      {
        order: 'O1', status: 'planned', deadline: DM_DEADLINE, deliveredAt: '2026-11-13T13:00:00+08:00', slackMinutes: 7859,
        cost: { handling: 600, freight: 50327, consolidation: 38987, clearance: 1500, lastMile: 5000, total: 96414 },
        taxMinor: 5460,
        parcels: [{
          id: 'P-O1', source: 'BASE-US', mode: 'direct_mail', lines: [{ sku: 'SKU-A', qty: 2 }],
          weightKg: 22, volumeM3: 0.048, chargeableKg: 22, valueMinor: 60000,
          legs: [
            { lane: 'TRK-BASE-LAX', mode: 'truck', from: 'BASE-US', to: 'LAX', departure: '2026-11-10T08:00:00-08:00', arrival: '2026-11-10T10:00:00-08:00' },
            { lane: 'AIR-LAX-PVG', mode: 'air', from: 'LAX', to: 'PVG', departure: AIR_DEPARTURE, arrival: AIR_ARRIVAL, consolidation: 'C1' },
            { lane: 'CLR-PVG-SH', mode: 'clearance', from: 'PVG', to: 'PORT-SH', departure: CLEARANCE_START, arrival: CLEARANCE_END },
            { lane: 'LM-SH', mode: 'last_mile', from: 'PORT-SH', to: 'ZONE-SH', departure: CLEARANCE_END, arrival: '2026-11-13T13:00:00+08:00' },
          ],
          deliveredAt: '2026-11-13T13:00:00+08:00',
          cost: { handling: 600, freight: 50327, consolidation: 38987, clearance: 1500, lastMile: 5000, total: 96414 },
          taxMinor: 5460, taxBasis: 'cbec_reduced',
        }],
      },
      {
        order: 'O2', status: 'planned', deadline: DM_DEADLINE, deliveredAt: '2026-11-14T13:00:00+08:00', slackMinutes: 6419,
        cost: { handling: 600, freight: 40073, consolidation: 31013, clearance: 1500, lastMile: 5950, total: 79136 },
        taxMinor: 5460,
        parcels: [{
          id: 'P-O2', source: 'BASE-US', mode: 'direct_mail', lines: [{ sku: 'SKU-A', qty: 1 }, { sku: 'SKU-B', qty: 3 }],
          weightKg: 17.3, volumeM3: 0.06, chargeableKg: 17.5, valueMinor: 60000,
          legs: [
            { lane: 'TRK-BASE-LAX', mode: 'truck', from: 'BASE-US', to: 'LAX', departure: '2026-11-10T09:00:00-08:00', arrival: '2026-11-10T11:00:00-08:00' },
            { lane: 'AIR-LAX-PVG', mode: 'air', from: 'LAX', to: 'PVG', departure: AIR_DEPARTURE, arrival: AIR_ARRIVAL, consolidation: 'C1' },
            { lane: 'CLR-PVG-SH', mode: 'clearance', from: 'PVG', to: 'PORT-SH', departure: CLEARANCE_START, arrival: CLEARANCE_END },
            { lane: 'LM-ZJ', mode: 'last_mile', from: 'PORT-SH', to: 'ZONE-ZJ', departure: CLEARANCE_END, arrival: '2026-11-14T13:00:00+08:00' },
          ],
          deliveredAt: '2026-11-14T13:00:00+08:00',
          cost: { handling: 600, freight: 40073, consolidation: 31013, clearance: 1500, lastMile: 5950, total: 79136 },
          taxMinor: 5460, taxBasis: 'cbec_reduced',
        }],
      },
      {
        order: 'O3', status: 'planned', deadline: '2026-11-14T23:59:59+08:00', deliveredAt: '2026-11-11T23:00:00+08:00', slackMinutes: 4379,
        cost: { handling: 300, freight: 0, consolidation: 0, clearance: 0, lastMile: 650, total: 950 },
        taxMinor: 1820,
        parcels: [{
          id: 'P-O3', source: 'BW-SH', mode: 'bonded', lines: [{ sku: 'SKU-C', qty: 1 }],
          weightKg: 1.2, volumeM3: 0.004, chargeableKg: 1.5, valueMinor: 20000,
          legs: [
            { lane: 'LM-BW-SH', mode: 'last_mile', from: 'BW-SH', to: 'ZONE-SH', departure: '2026-11-11T11:00:00+08:00', arrival: '2026-11-11T23:00:00+08:00' },
          ],
          deliveredAt: '2026-11-11T23:00:00+08:00',
          cost: { handling: 300, freight: 0, consolidation: 0, clearance: 0, lastMile: 650, total: 950 },
          taxMinor: 1820, taxBasis: 'cbec_reduced',
        }],
      },
      { order: 'O4', status: 'unplanned', reason: 'OVER_VALUE_LIMIT', message: 'order O4 is worth CNY 6,000.00, over the CNY 5,000.00 cross-border limit' },
    ],
    consolidations: [
      {
        id: 'C1', lane: 'AIR-LAX-PVG', departure: AIR_DEPARTURE, parcels: ['P-O1', 'P-O2'],
        weightKg: 39.3, volumeM3: 0.108, chargeableKg: 39.5, ulds: 1, utilisation: 0.108 / 4.3,
        freightMinor: 90000, fixedMinor: 50000, uldMinor: 20000,
      },
    ],
    totals: {
      orders: 4,
      planned: 3,
      unplanned: { NO_STOCK: 0, NO_ROUTE: 0, SLA_INFEASIBLE: 0, CAPACITY: 0, OVER_VALUE_LIMIT: 1, INVALID_ORDER: 0, TIME_LIMIT: 0 },
      cost: { handling: 1500, freight: 90400, consolidation: 70000, clearance: 3000, lastMile: 11600, total: 176500 },
      taxMinor: 12740,
      lowerBoundMinor: 170000,
      boundCertificate: {
        method: 'any_routing',
        exactSourcingLines: 6,
        lanes: [{ lane: 'AIR-LAX-PVG', capKg: 39.3, perKgMinor: 70000 / 39.3 + 90000 / 39.5 }],
        unbounded: [],
        floorsMinor: 170000,
      },
      gap: 6500 / 176500,
    },
    warnings: [],
  };
}

export interface FixtureInputs {
  model: TimeModel;
  orders: Order[];
  stock: StockRecord[];
}

/** The fixture's inputs, each optionally altered first (a smaller ULD, a tighter stock, …). */
export function fixtureInputs(alter: { network?: (n: Network) => void; orders?: (o: Order[]) => void; stock?: (s: StockRecord[]) => void } = {}): FixtureInputs {
  const network = fixtureNetwork();
  alter.network?.(network);
  const orders = fixtureOrders();
  alter.orders?.(orders);
  const stock = fixtureStock();
  alter.stock?.(stock);
  return { model: createTimeModel(indexNetwork(network)), orders, stock };
}
