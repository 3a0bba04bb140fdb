// The seeded batch generator: orders and stock consistent with a network, for samples,
// benchmarks and tests. Pure: the network and options in, plain data out; the same seed and
// options give the same batch on every run and platform.
import { UsageError } from '../domain/errors.js';
import type { FulfilmentMode, Network, Node, ServiceLevel } from '../domain/network.js';
import { SOURCE_KIND } from '../domain/network.js';
import type { Order, OrderLine, StockRecord } from '../domain/orders.js';
import { OffsetInstant } from '../domain/primitives.js';
import { CATALOG, type CatalogItem, type StockChannel } from './catalog.js';
import { createRng, weightedSampler, type Rng } from './prng.js';

export const PROFILES = ['normal', 'double-eleven'] as const;
export type Profile = (typeof PROFILES)[number];

export interface BatchOptions {
  /** Number of orders, 1 … 1,000,000. */
  orders: number;
  /** Any safe integer. */
  seed: number;
  profile: Profile;
  /** First instant of the batch (ISO 8601 with offset); @default DEFAULT_START[profile] */
  start?: string;
}

export interface Batch {
  orders: Order[];
  stock: StockRecord[];
}

export const MAX_ORDERS = 1_000_000;

export const DEFAULT_START: Readonly<Record<Profile, string>> = {
  normal: '2026-11-23T00:00:00+08:00',
  'double-eleven': '2026-11-11T00:00:00+08:00',
};

/** Share of orders per fulfilment mode (renormalised over the modes the network offers). */
export const MODE_SHARE: Readonly<Record<FulfilmentMode, number>> = {
  direct_mail: 0.6,
  bonded: 0.3,
  general_trade: 0.1,
};

/** Orders with an explicit deliverBy, and orders restricted to named source nodes. */
const DELIVER_BY_SHARE = 0.01;
const ALLOWED_SOURCES_SHARE = 0.005;
/** Share of ordered SKUs whose stock falls short of the batch's demand (at least one). */
const SHORT_SKU_SHARE = 0.02;
/**
 * Popularity from which a SKU sold both overseas and bonded counts as a fast mover, which a
 * merchandiser pre-positions in bonded warehouses (assumption); slower ones only fly in.
 */
const FAST_MOVER_POPULARITY = 6;

const LINE_COUNTS = [1, 2, 3] as const;
const LINE_COUNT_WEIGHTS = [0.7, 0.22, 0.08];

/**
 * Orders per hour of the day on an ordinary day, hour 0 = the batch start (midnight, Beijing
 * time, by default): quiet at night, peaks late morning, mid-afternoon and 20:00–23:00, the
 * usual shape of Chinese e-commerce traffic.
 */
const HOURLY_WEIGHTS = [
  2.5, 1.5, 0.8, 0.5, 0.4, 0.5, 0.9, 1.8, 3.0, 4.2, 5.2, 5.4,
  4.6, 4.4, 4.8, 5.0, 4.8, 4.4, 4.2, 5.0, 6.2, 7.0, 6.8, 4.6,
];

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const CHINA_OFFSET_MS = 8 * HOUR_MS;

/** The mode a service level is generated for: its first (preferred) mode. */
function primaryMode(level: ServiceLevel): FulfilmentMode {
  return level.modes[0] as FulfilmentMode;
}

const CHANNEL_OF_MODE: Readonly<Record<FulfilmentMode, StockChannel>> = {
  direct_mail: 'overseas',
  bonded: 'bonded',
  general_trade: 'domestic',
};

/** What one fulfilment mode can draw from in this network. */
interface ModePool {
  mode: FulfilmentMode;
  levels: readonly ServiceLevel[];
  items: readonly CatalogItem[];
  sampleItem: (rng: Rng) => number;
  /** Stocking nodes of each item of the pool, by SKU. */
  nodesOf: ReadonlyMap<string, readonly Node[]>;
}

/** Generates `options.orders` orders and the stock that (mostly) covers them. */
export function generateBatch(network: Network, options: BatchOptions): Batch {
  const { orders: count, seed, profile } = options;
  if (!Number.isInteger(count) || count < 1 || count > MAX_ORDERS) {
    throw new UsageError(`generate: orders must be an integer from 1 to ${MAX_ORDERS}, got ${count}`);
  }
  if (!Number.isSafeInteger(seed)) throw new UsageError(`generate: seed must be a safe integer, got ${seed}`);
  if (!PROFILES.includes(profile)) throw new UsageError(`generate: profile must be one of ${PROFILES.join(', ')}, got ${profile}`);
  const startMs = parseStart(options.start ?? DEFAULT_START[profile]);

  const zones = network.nodes.filter((n) => n.kind === 'zone');
  if (zones.length === 0) throw new UsageError('generate: the network has no zone nodes to deliver to');
  // A zone without a population figure counts as 1 million people.
  const sampleZone = weightedSampler(zones.map((z) => z.populationM ?? 1));

  const pools = buildPools(network, createRng(seed, 'stock-nodes'));
  if (pools.length === 0) {
    throw new UsageError('generate: no service level of the network can be stocked (no storage base in a catalogue source country, no bonded or domestic warehouse)');
  }
  const poolShares = pools.map((p) => MODE_SHARE[p.mode]);
  const samplePool = weightedSampler(poolShares.some((s) => s > 0) ? poolShares : pools.map(() => 1));

  const offsetsMs = creationOffsetsMs(count, profile, createRng(seed, 'created-at'));
  const destinationRng = createRng(seed, 'destination');
  const serviceRng = createRng(seed, 'service-level');
  const lineRng = createRng(seed, 'lines');
  const extraRng = createRng(seed, 'extras');
  const width = String(MAX_ORDERS).length;

  const orders: Order[] = [];
  const orderPools: ModePool[] = [];
  for (let i = 0; i < count; i++) {
    const createdMs = startMs + (offsetsMs[i] as number);
    const pool = pools[samplePool(serviceRng)] as ModePool;
    const level = serviceRng.pick(pool.levels);
    const order: Order = {
      id: `O${String(i + 1).padStart(width, '0')}`,
      createdAt: chinaIso(createdMs),
      destination: (zones[sampleZone(destinationRng)] as Node).id,
      serviceLevel: level.id,
      lines: drawLines(pool, lineRng),
    };
    if (extraRng.chance(DELIVER_BY_SHARE)) {
      // An explicit promise N days out, end of that day in Beijing time.
      const dueDay = Math.floor((createdMs + CHINA_OFFSET_MS) / DAY_MS) + extraRng.int(2, 8);
      order.deliverBy = chinaIso(dueDay * DAY_MS - CHINA_OFFSET_MS + DAY_MS - 1000);
    }
    orders.push(order);
    orderPools.push(pool);
  }

  const stock = buildStock(network, pools, orders, createRng(seed, 'stock-qty'));
  restrictSources(orders, orderPools, createRng(seed, 'allowed-sources'));
  return { orders, stock };
}

function parseStart(start: string): number {
  if (!OffsetInstant.safeParse(start).success) {
    throw new UsageError(`generate: start must be an ISO 8601 instant with an offset such as 2026-11-23T00:00:00+08:00, got "${start}"`);
  }
  return Date.parse(start);
}

/** "2026-11-11T09:30:00+08:00": the instant in China Standard Time (no DST), whole seconds. */
function chinaIso(ms: number): string {
  const wholeSecondMs = Math.floor(ms / 1000) * 1000;
  return `${new Date(wholeSecondMs + CHINA_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

/**
 * One pool per fulfilment mode that has a service level (by primary mode), catalogue items
 * stocked through that mode's channel, and a node that can hold them. Stocking nodes are drawn
 * here, once per SKU and mode: overseas items at one or two storage bases of their source
 * countries, bonded and domestic items at one or two of those warehouses.
 */
function buildPools(network: Network, rng: Rng): ModePool[] {
  const pools: ModePool[] = [];
  for (const mode of Object.keys(MODE_SHARE) as FulfilmentMode[]) {
    const levels = network.serviceLevels.filter((l) => primaryMode(l) === mode);
    const holders = network.nodes.filter((n) => n.kind === SOURCE_KIND[mode]);
    if (levels.length === 0 || holders.length === 0) continue;
    const items: CatalogItem[] = [];
    const nodesOf = new Map<string, readonly Node[]>();
    for (const item of CATALOG) {
      if (!item.channels.includes(CHANNEL_OF_MODE[mode])) continue;
      // Bonded space is dear: only bonded-only goods and fast movers are held there.
      if (mode === 'bonded' && item.channels.length > 1 && item.popularity < FAST_MOVER_POPULARITY) continue;
      const candidates = mode === 'direct_mail'
        ? holders.filter((n) => item.sourceCountries.includes(n.country))
        : holders;
      if (candidates.length === 0) continue;
      const howMany = Math.min(candidates.length, rng.chance(0.3) ? 2 : 1);
      nodesOf.set(item.sku, rng.shuffle(candidates).slice(0, howMany));
      items.push(item);
    }
    if (items.length === 0) continue;
    pools.push({ mode, levels, items, nodesOf, sampleItem: weightedSampler(items.map((it) => it.popularity)) });
  }
  return pools;
}

/** Creation times as offsets from the start, ascending, whole seconds within 24 h. */
function creationOffsetsMs(count: number, profile: Profile, rng: Rng): number[] {
  const sampleHour = weightedSampler(HOURLY_WEIGHTS);
  const daySeconds = DAY_MS / 1000;
  const offsets: number[] = [];
  for (let i = 0; i < count; i++) {
    let seconds: number;
    const u = profile === 'double-eleven' ? rng.next() : 1;
    if (u < 0.3) seconds = truncatedExponential(rng.next(), 20 * 60, daySeconds); // the midnight rush
    else if (u < 0.6) seconds = truncatedExponential(rng.next(), 3 * 3600, daySeconds); // its tail
    else seconds = sampleHour(rng) * 3600 + rng.int(0, 3599);
    offsets.push(Math.min(daySeconds - 1, Math.floor(seconds)) * 1000);
  }
  // Order ids then follow creation time.
  return offsets.sort((a, b) => a - b);
}

/** Inverse CDF of an exponential with mean `mean` truncated to [0, limit). */
function truncatedExponential(u: number, mean: number, limit: number): number {
  return -mean * Math.log(1 - u * (1 - Math.exp(-limit / mean)));
}

/** 1–3 lines of distinct SKUs from the pool, quantity mostly 1. */
function drawLines(pool: ModePool, rng: Rng): OrderLine[] {
  const wanted = Math.min(rng.weightedPick(LINE_COUNTS, LINE_COUNT_WEIGHTS), pool.items.length);
  const chosen: CatalogItem[] = [];
  // Redraw duplicates a bounded number of times; a tiny pool may give fewer lines.
  for (let attempt = 0; chosen.length < wanted && attempt < wanted * 8; attempt++) {
    const item = pool.items[pool.sampleItem(rng)] as CatalogItem;
    if (!chosen.includes(item)) chosen.push(item);
  }
  return chosen.map((item) => ({
    sku: item.sku,
    qty: drawQty(item.maxQty, rng),
    unitWeightKg: item.unitWeightKg,
    dimensionsCm: [...item.dimensionsCm],
    unitValueMinor: item.unitValueMinor,
  }));
}

function drawQty(maxQty: number, rng: Rng): number {
  const u = rng.next();
  const qty = u < 0.8 ? 1 : u < 0.93 ? 2 : u < 0.98 ? 3 : rng.int(4, Math.max(4, maxQty));
  return Math.min(qty, maxQty);
}

/**
 * Stock as a merchandiser sets it for the day: every stocking node of every pool item (bases
 * hold the overseas catalogue, bonded warehouses the bonded-only goods and fast movers,
 * domestic warehouses the general-trade goods). A channel's first node covers the demand of
 * every order that may draw on it — each order whose service level offers the channel's
 * mode, not only those generated for it, since a direct-mail order is served from bonded
 * stock when that is cheaper — with 10–40 % to spare; its other nodes add 20–120 %. A few
 * short SKUs get 40–80 % of it at their first node only (0 at their other nodes and in other
 * channels), so some orders end NO_STOCK. SKUs nobody ordered still get a little stock.
 */
function buildStock(network: Network, pools: readonly ModePool[], orders: readonly Order[], rng: Rng): StockRecord[] {
  // Demand per mode and SKU: every order whose level may use the mode.
  const modesOf = new Map(network.serviceLevels.map((l) => [l.id, l.modes]));
  const demand = new Map<FulfilmentMode, Map<string, number>>();
  for (const order of orders) {
    for (const mode of modesOf.get(order.serviceLevel ?? '') ?? []) {
      let bySku = demand.get(mode);
      if (bySku === undefined) demand.set(mode, (bySku = new Map()));
      for (const line of order.lines) bySku.set(line.sku, (bySku.get(line.sku) ?? 0) + line.qty);
    }
  }

  const orderedSkus = [...new Set(orders.flatMap((o) => o.lines.map((l) => l.sku)))].sort(byCodeUnits);
  const shortCount = Math.max(1, Math.round(orderedSkus.length * SHORT_SKU_SHARE));
  const shortSkus = new Set(rng.shuffle(orderedSkus).slice(0, shortCount));

  const qtyAt = new Map<string, number>(); // "node\u0000sku" -> qty
  const add = (node: string, sku: string, qty: number): void => {
    const key = `${node}\u0000${sku}`;
    qtyAt.set(key, (qtyAt.get(key) ?? 0) + qty);
  };
  for (const pool of pools) {
    for (const item of pool.items) {
      const nodes = pool.nodesOf.get(item.sku) ?? [];
      const wanted = demand.get(pool.mode)?.get(item.sku) ?? 0;
      nodes.forEach((node, k) => {
        if (shortSkus.has(item.sku)) {
          // Short overall, not only in this mode: no spare stock elsewhere makes up for it.
          // The other nodes list the SKU with 0, as a warehouse system reports a sold-out item.
          add(node.id, item.sku, k === 0 && wanted > 0 ? Math.floor(wanted * (0.4 + 0.4 * rng.next())) : 0);
        } else if (wanted === 0) add(node.id, item.sku, rng.int(5, 60));
        else if (k === 0) add(node.id, item.sku, Math.ceil(wanted * (1.1 + 0.3 * rng.next())) + rng.int(0, 5));
        else add(node.id, item.sku, Math.ceil(wanted * (0.2 + rng.next())));
      });
    }
  }
  return [...qtyAt.entries()]
    .map(([key, qty]) => {
      const [node, sku] = key.split('\u0000') as [string, string];
      return { node, sku, qty };
    })
    .sort((a, b) => byCodeUnits(a.node, b.node) || byCodeUnits(a.sku, b.sku));
}

/**
 * A few orders may be sourced only from named nodes (a marketplace seller's own warehouse):
 * one or two of the nodes that stock the order's SKUs for its mode.
 */
function restrictSources(orders: Order[], orderPools: readonly ModePool[], rng: Rng): void {
  orders.forEach((order, i) => {
    if (!rng.chance(ALLOWED_SOURCES_SHARE)) return;
    const pool = orderPools[i] as ModePool;
    const holders = [...new Set(order.lines.flatMap((l) => (pool.nodesOf.get(l.sku) ?? []).map((n) => n.id)))].sort(byCodeUnits);
    if (holders.length === 0) return;
    order.allowedSources = rng.shuffle(holders).slice(0, rng.int(1, Math.min(2, holders.length))).sort(byCodeUnits);
  });
}

/** Locale-independent string order (localeCompare depends on the runtime's ICU data). */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
