// A seeded hub-network scenario: the kind of network a forwarder runs, with tens of hubs,
// hundreds of lanes and parcels that transfer two to five times, for tests and the bench.
// Customs geography as the network checks demand (src/domain/customs.ts): overseas storage
// bases truck to feeder airports; feeders fly to other feeders and to trunk airports; only
// trunks fly to Chinese gateway airports; each gateway clears into its clearance port; ports
// truck to domestic hubs (a ring), and hubs and ports deliver last mile to zones. Air lanes
// consolidate (weight breaks, a fixed cost per departure and per ULD, a ULD allotment);
// trucks and last mile charge per parcel and per kg. Pure: options in, plain data out.
import { UsageError } from '../domain/errors.js';
import type { Order, StockRecord } from '../domain/orders.js';
import { createRng } from './prng.js';

export interface HubNetworkOptions {
  /** Airports and domestic hubs together, 8 … 200. */
  hubs: number;
  /** Delivery zones. @default hubs */
  zones?: number;
  seed: number;
}

export interface HubScenarioOptions extends HubNetworkOptions {
  orders: number;
  /** First order instant (ISO 8601 with offset). @default HUB_START */
  start?: string;
}

/** A plain network document (the Network schema parses it) and a batch over it. */
export interface HubScenario {
  network: Record<string, unknown>;
  orders: Order[];
  stock: StockRecord[];
}

export const HUB_START = '2026-11-23T00:00:00+08:00';
/** The promise: calendar days from creation; long enough for the longest routings. */
export const HUB_PROMISE_DAYS = 8;
/** Legs of the longest routing the generator builds (base, two feeders, trunk, gateway, port, hub, zone). */
export const HUB_MAX_LEGS = 8;
export const HUB_SKUS = 12;

const COUNTRIES = [
  { country: 'JP', timeZone: 'Asia/Tokyo' },
  { country: 'KR', timeZone: 'Asia/Seoul' },
  { country: 'US', timeZone: 'America/Los_Angeles' },
  { country: 'DE', timeZone: 'Europe/Berlin' },
  { country: 'AU', timeZone: 'Australia/Sydney' },
] as const;

const CALENDAR = { id: 'all-days', source: 'none', workingWeekdays: [1, 2, 3, 4, 5, 6, 7] } as const;
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];

interface Place {
  id: string;
  country: string;
  timeZone: string;
}

export function generateHubScenario(options: HubScenarioOptions): HubScenario {
  if (!Number.isInteger(options.orders) || options.orders < 1 || options.orders > 100_000) {
    throw new UsageError(`xbroute/generate: hub scenario orders must be an integer 1 … 100000, found ${options.orders}`);
  }
  const network = generateHubNetwork(options);
  const rng = createRng(options.seed, 'hub-orders');
  const zones = (network.nodes as { id: string; kind: string }[]).filter((n) => n.kind === 'zone').map((n) => n.id);
  const bases = (network.nodes as { id: string; kind: string }[]).filter((n) => n.kind === 'storage_base').map((n) => n.id);
  const startMs = Date.parse(options.start ?? HUB_START);
  const orders: Order[] = [];
  for (let i = 0; i < options.orders; i++) {
    const createdMs = startMs + rng.int(0, 24 * 60 - 1) * 60_000;
    const sku = `HUB-SKU-${String(rng.int(1, HUB_SKUS)).padStart(2, '0')}`;
    orders.push({
      id: `H${String(i + 1).padStart(6, '0')}`,
      createdAt: isoAtPlus8(createdMs),
      destination: rng.pick(zones),
      serviceLevel: 'hub',
      lines: [{ sku, qty: rng.int(1, 3), unitWeightKg: rng.int(1, 40) / 2, unitVolumeM3: rng.int(2, 30) / 1000, unitValueMinor: rng.int(50, 800) * 100 }],
    });
  }
  orders.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
  // Each SKU at two or three bases, plenty of it: the scenario is about routing, not stock.
  const stock: StockRecord[] = [];
  for (let s = 1; s <= HUB_SKUS; s++) {
    const sku = `HUB-SKU-${String(s).padStart(2, '0')}`;
    const at = rng.shuffle(bases).slice(0, Math.min(bases.length, rng.int(2, 3)));
    for (const node of at.sort()) stock.push({ node, sku, qty: 100_000 });
  }
  return { network, orders, stock };
}

export function generateHubNetwork(options: HubNetworkOptions): Record<string, unknown> {
  const { hubs, seed } = options;
  if (!Number.isInteger(hubs) || hubs < 8 || hubs > 200) throw new UsageError(`xbroute/generate: hubs must be an integer 8 … 200, found ${hubs}`);
  const zoneCount = options.zones ?? hubs;
  if (!Number.isInteger(zoneCount) || zoneCount < 1 || zoneCount > 1_000) throw new UsageError(`xbroute/generate: zones must be an integer 1 … 1000, found ${zoneCount}`);
  const rng = createRng(seed, 'hub-network');
  const nodes: Record<string, unknown>[] = [];
  const lanes: Record<string, unknown>[] = [];
  const node = (p: Place, kind: string, extra: Record<string, unknown> = {}) =>
    nodes.push({ id: p.id, kind, name: p.id, country: p.country, lat: 0, lon: 0, timeZone: p.timeZone, calendar: CALENDAR.id, ...extra });
  const lane = (id: string, from: string, to: string, mode: string, rest: Record<string, unknown>) => lanes.push({ id, from, to, mode, ...rest });

  // Half the hubs are overseas airports (a third of them trunks), a sixth Chinese gateways, the rest domestic hubs.
  const overseas = Math.max(4, Math.round(hubs / 2));
  const trunkCount = Math.max(1, Math.round(overseas / 3));
  const gatewayCount = Math.max(2, Math.round(hubs / 6));
  const domesticCount = Math.max(2, hubs - overseas - gatewayCount);
  const airports: Place[] = [];
  for (let i = 0; i < overseas; i++) {
    const c = COUNTRIES[i % COUNTRIES.length]!;
    airports.push({ id: `AP-${c.country}-${i + 1}`, country: c.country, timeZone: c.timeZone });
  }
  const trunks = airports.slice(0, trunkCount);
  const feeders = airports.slice(trunkCount);
  const cn = (id: string): Place => ({ id, country: 'CN', timeZone: 'Asia/Shanghai' });
  const gateways = Array.from({ length: gatewayCount }, (_, i) => cn(`AP-CN-${i + 1}`));
  const ports = gateways.map((_, i) => cn(`PORT-${i + 1}`));
  const domestic = Array.from({ length: domesticCount }, (_, i) => cn(`HUB-${i + 1}`));
  const zones = Array.from({ length: zoneCount }, (_, i) => cn(`ZONE-${i + 1}`));

  for (const a of airports) node(a, 'airport', { handlingMinutes: 60 });
  for (const g of gateways) node(g, 'airport', { handlingMinutes: 60 });
  for (const p of ports) node(p, 'clearance_port', { dailyParcelCapacity: rng.int(2, 20) * 100 });
  for (const d of domestic) node(d, 'domestic_warehouse', { handlingMinutes: 120, handlingPerParcelMinor: rng.int(1, 4) * 50 });
  for (const z of zones) node(z, 'zone');

  // One storage base per feeder-hosting country, trucking to one or two feeders of its country.
  const countries = [...new Set(feeders.map((f) => f.country))];
  for (const country of countries) {
    const local = feeders.filter((f) => f.country === country);
    const base: Place = { id: `BASE-${country}`, country, timeZone: local[0]!.timeZone };
    node(base, 'storage_base', { handlingMinutes: 120, handlingPerParcelMinor: rng.int(2, 6) * 50 });
    for (const f of rng.shuffle(local).slice(0, Math.min(2, local.length))) {
      lane(`TRK-${base.id}-${f.id}`, base.id, f.id, 'truck', { schedule: { kind: 'continuous', transitMinutes: rng.int(2, 8) * 30 }, cost: { perParcelMinor: rng.int(2, 8) * 50 } });
    }
  }

  let air = 0;
  const flight = (from: Place, to: Place, long: boolean) => {
    air++;
    const times = rng.chance(0.4) ? 2 : 1;
    const departures = Array.from({ length: times }, () => ({ weekdays: EVERY_DAY, time: `${String(rng.int(0, 23)).padStart(2, '0')}:${rng.chance(0.5) ? '00' : '30'}` }))
      .filter((d, i, all) => all.findIndex((x) => x.time === d.time) === i);
    lane(`AIR-${air}-${from.id}-${to.id}`, from.id, to.id, 'air', {
      schedule: { kind: 'weekly', departures, transitMinutes: rng.int(long ? 6 : 2, long ? 14 : 5) * 60, cutoffMinutes: 60 },
      cost: {
        freight: { minChargeMinor: rng.int(5, 20) * 1_000, breaks: [{ fromKg: 0, perKgMinor: rng.int(long ? 20 : 8, long ? 40 : 20) * 100 }, { fromKg: 100, perKgMinor: rng.int(long ? 12 : 5, long ? 25 : 12) * 100 }] },
        perConsolidationMinor: rng.int(2, 10) * 10_000,
        perUldMinor: rng.int(1, 5) * 5_000,
      },
      uld: { type: 'AKE', maxKg: 1588, maxM3: 4.3 },
      maxUldsPerDeparture: rng.int(1, 3),
    });
  };
  // Feeders: to two or three trunks and one or two other feeders; trunks: to two or three gateways.
  for (const f of feeders) {
    for (const t of rng.shuffle(trunks).slice(0, Math.min(trunks.length, rng.int(2, 3)))) flight(f, t, false);
    for (const g of rng.shuffle(feeders.filter((x) => x !== f)).slice(0, rng.int(1, 2))) flight(f, g, false);
  }
  for (const t of trunks) {
    for (const g of rng.shuffle(gateways).slice(0, Math.min(gateways.length, rng.int(2, 3)))) flight(t, g, true);
    for (const o of rng.shuffle(trunks.filter((x) => x !== t)).slice(0, 1)) flight(t, o, false);
  }
  // A gateway no trunk flies to gets one flight from the first trunk: every port is reachable.
  for (const g of gateways) if (!lanes.some((l) => l.to === g.id)) flight(trunks[0]!, g, true);

  gateways.forEach((g, i) => {
    lane(`CLR-${g.id}`, g.id, ports[i]!.id, 'clearance', { schedule: { kind: 'continuous', transitMinutes: rng.int(2, 6) * 60 }, cost: { perParcelMinor: rng.int(5, 15) * 100 } });
  });
  const truck = (from: Place, to: Place) =>
    lane(`TRK-${from.id}-${to.id}`, from.id, to.id, 'truck', {
      schedule: { kind: 'continuous', transitMinutes: rng.int(4, 16) * 60 },
      cost: { perParcelMinor: rng.int(2, 6) * 100, perParcelKgMinor: rng.int(2, 10) * 10 },
    });
  // Every port trucks to every domestic hub: any zone is then at most base, feeder, trunk,
  // gateway, port, hub, zone away (6 legs); the ring and feeder-to-feeder flights add longer ones.
  for (const p of ports) for (const d of domestic) truck(p, d);
  domestic.forEach((d, i) => truck(d, domestic[(i + 1) % domestic.length]!));
  const lastMile = (from: Place, z: Place) =>
    lane(`LM-${from.id}-${z.id}`, from.id, z.id, 'last_mile', {
      schedule: { kind: 'continuous', transitMinutes: rng.int(6, 36) * 60 },
      cost: { perParcelMinor: rng.int(6, 15) * 100, perParcelKgMinor: rng.int(1, 4) * 100, includedKg: 1 },
    });
  zones.forEach((z, i) => {
    lastMile(domestic[i % domestic.length]!, z);
    if (rng.chance(0.3)) lastMile(rng.pick(ports), z);
  });

  return {
    schema: 'xbroute.network/v1',
    name: `generated hub network (${hubs} hubs, seed ${seed})`,
    currency: 'CNY',
    calendars: [CALENDAR],
    nodes,
    lanes,
    serviceLevels: [{ id: 'hub', deadline: { kind: 'calendar_days', days: HUB_PROMISE_DAYS }, modes: ['direct_mail'] }],
    customs: { crossBorderOrderLimitMinor: 500_000, crossBorderTaxRate: 0.091 },
  };
}

/** An instant as ISO 8601 at +08:00, whole minutes (Beijing time, as the batches are). */
function isoAtPlus8(ms: number): string {
  const local = new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16);
  return `${local}:00+08:00`;
}

