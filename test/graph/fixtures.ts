// Small hand-built networks for the graph tests, and a builder to make more.
// Every figure below is used in hand-worked answers in the tests: change one, re-work them.
import { Network, type Lane, type Node } from '../../src/domain/network.js';
import { indexNetwork, type NetworkIndex } from '../../src/domain/network-index.js';
import { createItineraryContext, type ItineraryContext } from '../../src/graph/itineraries.js';
import { createTimeModel, type TimeModel } from '../../src/time/index.js';

/** Input forms of nodes and lanes (zod fills the defaults). */
export type NodeInput = Partial<Node> & Pick<Node, 'id' | 'kind' | 'timeZone'>;
export type LaneInput = Omit<Partial<Lane>, 'cost'> & Pick<Lane, 'id' | 'from' | 'to' | 'mode' | 'schedule'> & { cost?: Partial<Lane['cost']> };

/** Every day a working day (source "none", Monday–Sunday), so clearance is never held over a weekend. */
export const ALL_DAYS_CALENDAR = { id: 'all-days', source: 'none', workingWeekdays: [1, 2, 3, 4, 5, 6, 7] } as const;

export function node(input: NodeInput): Record<string, unknown> {
  return { name: input.id, country: 'CN', lat: 0, lon: 0, calendar: ALL_DAYS_CALENDAR.id, ...input };
}

export function weekly(departures: { weekdays: number[]; time: string }[], transitMinutes: number, cutoffMinutes = 0) {
  return { kind: 'weekly' as const, departures, transitMinutes, cutoffMinutes };
}

export function continuous(transitMinutes: number) {
  return { kind: 'continuous' as const, transitMinutes };
}

export const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];

/** A validated network from nodes and lanes (one all-days calendar, one service level). */
export function buildNetwork(nodes: NodeInput[], lanes: LaneInput[], extra: Partial<Record<string, unknown>> = {}): Network {
  return Network.parse({
    schema: 'xbroute.network/v1',
    name: 'test network',
    currency: 'CNY',
    calendars: [ALL_DAYS_CALENDAR],
    nodes: nodes.map(node),
    lanes,
    serviceLevels: [{ id: 'direct_mail', deadline: { kind: 'calendar_days', days: 3 }, modes: ['direct_mail'] }],
    customs: { crossBorderOrderLimitMinor: 500_000, crossBorderTaxRate: 0.091 },
    ...extra,
  });
}

export interface Fixture {
  network: Network;
  index: NetworkIndex;
  model: TimeModel;
  ctx: ItineraryContext;
}

export function fixture(network: Network): Fixture {
  const index = indexNetwork(network);
  const model = createTimeModel(index);
  return { network, index, model, ctx: createItineraryContext(model) };
}

/**
 * Japan to Shanghai, two parallel air lanes (a multigraph):
 *
 *   BASE-JP --truck 120'--> NRT ==AIR-A daily 10:00 JST, cut-off 120', block 180'==> PVG --clear 240'--> PORT-SH --last mile 1440'--> ZONE-SH
 *                              ==AIR-B Mon/Wed/Fri 14:00 JST, cut-off 60', block 170'==>
 *
 * Handling: BASE-JP 60 min and 200 fen per parcel; PVG 30 min. Per-parcel fees (fen):
 * truck 500, AIR-A 3000, AIR-B 2000, clearance 1000, last mile 800; no freight tariffs, so the
 * reference cost of a path is its handling + fees: via AIR-B 4500, via AIR-A 5500.
 * Asia/Tokyo is UTC+9 and Asia/Shanghai UTC+8, neither with daylight saving.
 */
export function japanNetwork(): Network {
  return buildNetwork(
    [
      { id: 'BASE-JP', kind: 'storage_base', timeZone: 'Asia/Tokyo', country: 'JP', handlingMinutes: 60, handlingPerParcelMinor: 200 },
      { id: 'NRT', kind: 'airport', timeZone: 'Asia/Tokyo', country: 'JP', iata: 'NRT' },
      { id: 'PVG', kind: 'airport', timeZone: 'Asia/Shanghai', iata: 'PVG', handlingMinutes: 30 },
      { id: 'PORT-SH', kind: 'clearance_port', timeZone: 'Asia/Shanghai', dailyParcelCapacity: 100_000 },
      { id: 'ZONE-SH', kind: 'zone', timeZone: 'Asia/Shanghai', province: 'Shanghai' },
    ],
    [
      { id: 'TRUCK-JP', from: 'BASE-JP', to: 'NRT', mode: 'truck', schedule: continuous(120), cost: { perParcelMinor: 500 } },
      {
        id: 'AIR-A', from: 'NRT', to: 'PVG', mode: 'air', carrier: 'AA',
        schedule: weekly([{ weekdays: EVERY_DAY, time: '10:00' }], 180, 120), cost: { perParcelMinor: 3000 },
      },
      {
        id: 'AIR-B', from: 'NRT', to: 'PVG', mode: 'air', carrier: 'BB',
        schedule: weekly([{ weekdays: [1, 3, 5], time: '14:00' }], 170, 60), cost: { perParcelMinor: 2000 },
      },
      { id: 'CLEAR-SH', from: 'PVG', to: 'PORT-SH', mode: 'clearance', schedule: continuous(240), cost: { perParcelMinor: 1000 } },
      { id: 'LM-SH', from: 'PORT-SH', to: 'ZONE-SH', mode: 'last_mile', schedule: continuous(1440), cost: { perParcelMinor: 800 } },
    ],
  );
}

/**
 * Los Angeles to Shanghai across the US end of daylight saving (Sunday 2026-11-01 02:00 PDT
 * becomes 01:00 PST: UTC-7 before, UTC-8 after) and across the date line:
 *
 *   BASE-US --truck 60'--> LAX ==AIR-LAX daily 23:30 local, cut-off 180', block 780'==> PVG --last mile 600'--> ZONE-SH
 */
export function pacificNetwork(): Network {
  return buildNetwork(
    [
      { id: 'BASE-US', kind: 'storage_base', timeZone: 'America/Los_Angeles', country: 'US' },
      { id: 'LAX', kind: 'airport', timeZone: 'America/Los_Angeles', country: 'US', iata: 'LAX' },
      { id: 'PVG', kind: 'airport', timeZone: 'Asia/Shanghai', iata: 'PVG' },
      { id: 'ZONE-SH', kind: 'zone', timeZone: 'Asia/Shanghai' },
    ],
    [
      { id: 'TRUCK-US', from: 'BASE-US', to: 'LAX', mode: 'truck', schedule: continuous(60) },
      {
        id: 'AIR-LAX', from: 'LAX', to: 'PVG', mode: 'air',
        schedule: weekly([{ weekdays: EVERY_DAY, time: '23:30' }], 780, 180),
      },
      { id: 'LM-SH', from: 'PVG', to: 'ZONE-SH', mode: 'last_mile', schedule: continuous(600) },
    ],
  );
}

/** Epoch ms of an ISO instant with offset (test inputs only: they are known valid). */
export function at(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad test instant ${iso}`);
  return ms;
}
