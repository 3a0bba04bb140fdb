// A small hand-built network for the time tests: four calendars (China via chinese-days, the US
// and Germany via date-holidays, a plain Mon–Fri one), nodes in Los Angeles, Shanghai and
// Frankfurt, and helpers to add lanes and build orders. Lanes are given per test.
import { Network, type Lane } from '../../src/domain/network.js';
import { indexNetwork } from '../../src/domain/network-index.js';
import type { Order } from '../../src/domain/orders.js';
import { createTimeModel, type TimeModel } from '../../src/time/index.js';

export const CALENDARS = [
  { id: 'cn', source: 'chinese-days' }, // defaults: Mon–Fri, 09:00–18:00
  { id: 'us', source: 'date-holidays', country: 'US' },
  { id: 'de-by', source: 'date-holidays', country: 'DE', region: 'BY' },
  { id: 'mon-fri', source: 'none' }, // no holidays at all: the "before holidays" baseline
];

const node = (id: string, kind: string, timeZone: string, calendar: string, country: string, extra = {}) => ({
  id, kind, name: id, country, lat: 0, lon: 0, timeZone, calendar, ...extra,
});

export const NODES = [
  node('US-BASE', 'storage_base', 'America/Los_Angeles', 'us', 'US', { handlingMinutes: 120 }),
  node('LAX', 'airport', 'America/Los_Angeles', 'us', 'US'),
  node('US-PORT', 'clearance_port', 'America/Los_Angeles', 'us', 'US'),
  node('FRA', 'airport', 'Europe/Berlin', 'de-by', 'DE'),
  node('PVG', 'airport', 'Asia/Shanghai', 'cn', 'CN'),
  node('SH-PORT', 'clearance_port', 'Asia/Shanghai', 'cn', 'CN'),
  node('ZONE-SH', 'zone', 'Asia/Shanghai', 'cn', 'CN'),
  // Same place, a calendar without holidays: what the deadline would be if nobody took leave.
  node('ZONE-SH-PLAIN', 'zone', 'Asia/Shanghai', 'mon-fri', 'CN'),
];

export const SERVICE_LEVELS = [
  { id: 'dm-7wd', deadline: { kind: 'working_days', days: 7 }, modes: ['direct_mail'] },
  { id: 'bonded-3cd', deadline: { kind: 'calendar_days', days: 3 }, modes: ['bonded'] },
];

export type LaneInput = Pick<Lane, 'id' | 'from' | 'to' | 'mode'> & { schedule: Record<string, unknown> };

export function weekly(departures: { weekdays: number[]; time: string }[], transitMinutes: number, cutoffMinutes = 0) {
  return { kind: 'weekly', departures, transitMinutes, cutoffMinutes };
}

/** A validated network of the nodes above plus `lanes`; calendars may be replaced. */
export function buildNetwork(lanes: LaneInput[], calendars: unknown[] = CALENDARS): Network {
  return Network.parse({
    schema: 'xbroute.network/v1',
    name: 'time test network',
    currency: 'CNY',
    calendars,
    nodes: NODES,
    lanes,
    serviceLevels: SERVICE_LEVELS,
    customs: { crossBorderOrderLimitMinor: 500_000, crossBorderTaxRate: 0.091 },
  });
}

export function buildModel(lanes: LaneInput[] = [], calendars: unknown[] = CALENDARS): TimeModel {
  return createTimeModel(indexNetwork(buildNetwork(lanes, calendars)));
}

/** Epoch ms of an ISO instant written with its offset (test shorthand for Date.parse). */
export function at(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad test instant ${iso}`);
  return ms;
}

/** UTC ISO of an instant, for readable assertions. */
export function utc(ms: number): string {
  return new Date(ms).toISOString();
}

export function order(fields: Partial<Order> & Pick<Order, 'id' | 'createdAt' | 'destination'>): Order {
  return {
    lines: [{ sku: 'SKU-1', qty: 1, unitWeightKg: 1, unitVolumeM3: 0.001, unitValueMinor: 10_000 }],
    ...fields,
  };
}
