// A seeded generator of random *valid* networks and batches for the property test. Networks
// respect customs geography: goods from abroad (storage base → its airport) reach China only by
// an air lane to a Chinese airport and then a lane of mode "clearance" into a clearance port;
// nothing enters a bonded warehouse (its stock is already there); zones are reached by
// last-mile lanes from clearance ports, bonded and domestic warehouses. Everything else varies:
// divisors, box and/or stated volumes, calendars, schedules, costs, service levels, allowed
// sources, stock.
import fc from 'fast-check';

type Json = Record<string, unknown>;

export interface RandomInputs {
  network: Json;
  orders: Json[];
  stock: Json[];
}

const ABROAD = [
  { country: 'US', timeZone: 'America/Los_Angeles', calendar: 'us', iata: 'LAX', lat: 33.9, lon: -118.4 },
  { country: 'JP', timeZone: 'Asia/Tokyo', calendar: 'jp', iata: 'NRT', lat: 35.8, lon: 140.4 },
  { country: 'DE', timeZone: 'Europe/Berlin', calendar: 'de', iata: 'FRA', lat: 50.0, lon: 8.6 },
  { country: 'AU', timeZone: 'Australia/Adelaide', calendar: 'plain', iata: 'ADL', lat: -34.9, lon: 138.5 },
  { country: 'IN', timeZone: 'Asia/Kolkata', calendar: 'plain', iata: 'DEL', lat: 28.6, lon: 77.1 },
  { country: 'CA', timeZone: 'America/St_Johns', calendar: 'plain', iata: 'YYT', lat: 47.6, lon: -52.8 },
  { country: 'NZ', timeZone: 'Pacific/Auckland', calendar: 'plain', iata: 'AKL', lat: -37.0, lon: 174.8 },
] as const;

/** Offsets (minutes) orders are written in: half-hour and 45-minute zones, both signs. */
const WRITTEN_OFFSETS = [0, 480, -210, 330, 765, -600] as const;

/** An instant written with a given UTC offset: "2026-03-08T02:30:00-03:30". */
export function withOffset(ms: number, offsetMinutes: number): string {
  if (offsetMinutes === 0) return new Date(ms).toISOString().replace('.000Z', 'Z');
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${local}${offsetMinutes < 0 ? '-' : '+'}${hh}:${mm}`;
}

const CHINA = [
  { iata: 'PVG', province: 'Shanghai', lat: 31.1, lon: 121.8 },
  { iata: 'CAN', province: 'Guangdong', lat: 23.4, lon: 113.3 },
] as const;

const ZONES = ['Shanghai', 'Zhejiang', 'Guangdong', 'Xinjiang'] as const;

const time = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(
  ([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`,
);
const weekdays = fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }).map((d) => d.sort());

const freight = fc.record({
  minChargeMinor: fc.integer({ min: 0, max: 80_000 }),
  n: fc.integer({ min: 500, max: 4_000 }),
  drop: fc.integer({ min: 0, max: 400 }),
}).map(({ minChargeMinor, n, drop }) => ({
  minChargeMinor,
  breaks: [{ fromKg: 0, perKgMinor: n }, { fromKg: 45, perKgMinor: n - drop }, { fromKg: 100, perKgMinor: Math.max(0, n - 2 * drop) }],
}));

const airLane = fc.record({
  departures: fc.array(fc.record({ weekdays, time }), { minLength: 1, maxLength: 3 }),
  transitMinutes: fc.integer({ min: 120, max: 1_500 }),
  cutoffMinutes: fc.integer({ min: 0, max: 360 }),
  freight,
  perConsolidationMinor: fc.integer({ min: 0, max: 100_000 }),
  perUldMinor: fc.integer({ min: 0, max: 30_000 }),
  volumetricDivisor: fc.constantFrom(4_000, 5_000, 6_000, 7_000),
  uld: fc.option(fc.record({ maxKg: fc.integer({ min: 200, max: 1_600 }), maxM3: fc.double({ min: 1, max: 5, noNaN: true }) }), { nil: undefined }),
  maxUlds: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
  coLoad: fc.option(fc.record({ perKgMinor: fc.integer({ min: 500, max: 6_000 }), minChargeMinor: fc.integer({ min: 0, max: 30_000 }) }), { nil: undefined }),
});

const perParcel = fc.record({
  perParcelMinor: fc.integer({ min: 0, max: 2_000 }),
  perParcelKgMinor: fc.integer({ min: 0, max: 500 }),
  includedKg: fc.constantFrom(0, 0.5, 1, 2),
});

const calendars = fc.record({
  cnWeekdays: fc.constantFrom([1, 2, 3, 4, 5], [1, 2, 3, 4, 5, 6], [1, 2, 3, 4, 5, 6, 7]),
  plainWeekdays: weekdays,
  // (Shifts across midnight are refused by the network checks, though calendar.ts could take them.)
  hours: fc.constantFrom({ start: '09:00', end: '18:00' }, { start: '08:00', end: '20:00' }, { start: '00:00', end: '23:59' }, { start: '13:30', end: '14:30' }),
  extraHoliday: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
});

export const networkArb = fc.record({
  bases: fc.uniqueArray(fc.integer({ min: 0, max: ABROAD.length - 1 }), { minLength: 1, maxLength: 3 }),
  airports: fc.uniqueArray(fc.integer({ min: 0, max: CHINA.length - 1 }), { minLength: 1, maxLength: 2 }),
  air: fc.array(airLane, { minLength: 6, maxLength: 6 }),
  /** Per base and airport: a second air lane (another carrier, timetable and divisor). */
  twins: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
  zones: fc.integer({ min: 1, max: ZONES.length }),
  bonded: fc.boolean(),
  domestic: fc.boolean(),
  clearance: fc.record({ workingMinutes: fc.integer({ min: 30, max: 600 }), fee: fc.integer({ min: 0, max: 1_500 }), capacity: fc.integer({ min: 1, max: 50 }) }),
  lastMile: fc.array(fc.record({ cost: perParcel, transitMinutes: fc.integer({ min: 240, max: 4_000 }) }), { minLength: 12, maxLength: 12 }),
  handling: fc.record({ minutes: fc.integer({ min: 0, max: 480 }), minor: fc.integer({ min: 0, max: 800 }) }),
  calendars,
  levels: fc.record({
    dmDays: fc.integer({ min: 2, max: 12 }),
    bdDays: fc.integer({ min: 1, max: 5 }),
    gtDays: fc.integer({ min: 1, max: 4 }),
    dmModes: fc.constantFrom(['direct_mail'], ['direct_mail', 'bonded'], ['direct_mail', 'bonded', 'general_trade']),
  }),
  limitMinor: fc.constantFrom(500_000, 200_000, 1_000_000),
  annualLimitMinor: fc.constantFrom(2_600_000, 1_000_000),
  taxRate: fc.constantFrom(0, 0.091, 0.2),
  fullTaxRate: fc.constantFrom(0.13, 0.3),
  remoteExtraDays: fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }),
});

type NetworkShape = typeof networkArb extends fc.Arbitrary<infer T> ? T : never;

/** The network document of a drawn shape, and the ids the batch generator needs. */
export function buildNetwork(shape: NetworkShape): { network: Json; zones: string[]; sources: string[]; levels: string[] } {
  const nodes: Json[] = [];
  const lanes: Json[] = [];
  const node = (n: Json) => nodes.push({ handlingMinutes: 0, handlingPerParcelMinor: 0, ...n });
  const { calendars: cal } = shape;
  const cn = 'cn';
  const airports = shape.airports.map((i) => CHINA[i]!);
  for (const a of airports) {
    node({ id: a.iata, kind: 'airport', name: a.iata, country: 'CN', lat: a.lat, lon: a.lon, timeZone: 'Asia/Shanghai', calendar: cn, iata: a.iata, province: a.province });
    node({ id: `CP-${a.iata}`, kind: 'clearance_port', name: `port ${a.iata}`, country: 'CN', lat: a.lat, lon: a.lon, timeZone: 'Asia/Shanghai', calendar: cn, province: a.province, dailyParcelCapacity: shape.clearance.capacity });
    lanes.push({ id: `C-${a.iata}`, from: a.iata, to: `CP-${a.iata}`, mode: 'clearance', schedule: { kind: 'working_time', workingMinutes: shape.clearance.workingMinutes }, cost: { perParcelMinor: shape.clearance.fee } });
  }
  const sources: string[] = [];
  let air = 0;
  for (const b of shape.bases) {
    const abroad = ABROAD[b]!;
    const base = `BASE-${abroad.iata}`;
    sources.push(base);
    node({ id: base, kind: 'storage_base', name: base, country: abroad.country, lat: abroad.lat, lon: abroad.lon, timeZone: abroad.timeZone, calendar: abroad.calendar, iata: abroad.iata, handlingMinutes: shape.handling.minutes, handlingPerParcelMinor: shape.handling.minor });
    node({ id: abroad.iata, kind: 'airport', name: abroad.iata, country: abroad.country, lat: abroad.lat, lon: abroad.lon, timeZone: abroad.timeZone, calendar: abroad.calendar, iata: abroad.iata });
    lanes.push({ id: `T-${abroad.iata}`, from: base, to: abroad.iata, mode: 'truck', schedule: { kind: 'continuous', transitMinutes: 120 }, cost: { perParcelMinor: 200 } });
    for (const a of airports) for (const twin of shape.twins[air % shape.twins.length] === true ? [0, 1] : [0]) {
      const l = shape.air[air++ % shape.air.length]!;
      lanes.push({
        id: `A-${abroad.iata}-${a.iata}-${twin}`, from: abroad.iata, to: a.iata, mode: 'air', carrier: twin === 0 ? 'XX' : 'YY',
        schedule: { kind: 'weekly', departures: l.departures, transitMinutes: l.transitMinutes, cutoffMinutes: l.cutoffMinutes },
        cost: { freight: l.freight, perConsolidationMinor: l.perConsolidationMinor, ...(l.uld === undefined ? {} : { perUldMinor: l.perUldMinor }) },
        volumetricDivisor: l.volumetricDivisor,
        ...(l.uld === undefined ? {} : { uld: { type: 'AKE', maxKg: l.uld.maxKg, maxM3: l.uld.maxM3 } }),
        ...(l.uld === undefined || l.maxUlds === undefined ? {} : { maxUldsPerDeparture: l.maxUlds }),
        ...(l.coLoad === undefined ? {} : { coLoad: l.coLoad }),
      });
    }
  }
  const home = airports[0]!;
  if (shape.bonded) {
    sources.push('BW');
    node({ id: 'BW', kind: 'bonded_warehouse', name: 'bonded', country: 'CN', lat: home.lat, lon: home.lon, timeZone: 'Asia/Shanghai', calendar: cn, province: home.province, handlingMinutes: shape.handling.minutes, handlingPerParcelMinor: shape.handling.minor });
  }
  if (shape.domestic) {
    sources.push('DW');
    node({ id: 'DW', kind: 'domestic_warehouse', name: 'domestic', country: 'CN', lat: home.lat, lon: home.lon, timeZone: 'Asia/Shanghai', calendar: cn, province: home.province, handlingMinutes: shape.handling.minutes });
  }
  const zones: string[] = [];
  let mile = 0;
  for (let z = 0; z < shape.zones; z++) {
    const id = `Z-${z}`;
    zones.push(id);
    node({ id, kind: 'zone', name: ZONES[z]!, country: 'CN', lat: 30, lon: 110 + z, timeZone: 'Asia/Shanghai', calendar: cn, province: ZONES[z]!, populationM: 10 });
    const from = [...airports.map((a) => `CP-${a.iata}`), ...(shape.bonded ? ['BW'] : []), ...(shape.domestic ? ['DW'] : [])];
    for (const f of from) {
      const l = shape.lastMile[mile++ % shape.lastMile.length]!;
      lanes.push({ id: `L-${f}-${id}`, from: f, to: id, mode: 'last_mile', schedule: { kind: 'continuous', transitMinutes: l.transitMinutes }, cost: l.cost });
    }
  }
  const extraHolidays = cal.extraHoliday === undefined ? [] : [isoDate(Date.UTC(2026, 10, 1) + cal.extraHoliday * 86_400_000)];
  const network: Json = {
    schema: 'xbroute.network/v1',
    name: 'random',
    currency: 'CNY',
    calendars: [
      { id: 'cn', source: 'chinese-days', country: 'CN', workingWeekdays: cal.cnWeekdays, workingHours: cal.hours, extraHolidays },
      { id: 'us', source: 'date-holidays', country: 'US', region: 'CA' },
      { id: 'jp', source: 'date-holidays', country: 'JP' },
      { id: 'de', source: 'date-holidays', country: 'DE', region: 'HE' },
      { id: 'plain', source: 'none', workingWeekdays: cal.plainWeekdays },
    ],
    nodes,
    lanes,
    serviceLevels: [
      {
        id: 'dm', deadline: { kind: 'working_days', days: shape.levels.dmDays }, modes: shape.levels.dmModes,
        ...(shape.remoteExtraDays === undefined ? {} : { extraDays: [{ provinces: ['Xinjiang'], days: shape.remoteExtraDays }] }),
      },
      { id: 'bd', deadline: { kind: 'calendar_days', days: shape.levels.bdDays }, modes: ['bonded', 'general_trade'] },
      { id: 'gt', deadline: { kind: 'calendar_days', days: shape.levels.gtDays }, modes: ['general_trade'] },
    ],
    customs: {
      crossBorderOrderLimitMinor: shape.limitMinor,
      annualLimitMinor: Math.max(shape.limitMinor, shape.annualLimitMinor),
      crossBorderTaxRate: shape.taxRate,
      fullTaxRate: shape.fullTaxRate,
      taxCategories: [{ id: 'cosmetics', crossBorderRate: 0.231, fullRate: 0.4 }],
    },
  };
  return { network, zones, sources, levels: ['dm', 'bd', 'gt'] };
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

const SKUS = ['SKU-A', 'SKU-B', 'SKU-C', 'SKU-D', 'SKU-E'];

const lineArb = fc.record({
  sku: fc.constantFrom(...SKUS),
  qty: fc.integer({ min: 1, max: 4 }),
  unitWeightKg: fc.double({ min: 0.05, max: 30, noNaN: true }).map((w) => Math.round(w * 100) / 100 || 0.05),
  measure: fc.constantFrom('box', 'volume', 'both', 'both-disagree'),
  box: fc.tuple(fc.integer({ min: 1, max: 120 }), fc.integer({ min: 1, max: 80 }), fc.integer({ min: 1, max: 60 })),
  // Mostly everyday goods; now and then one over the cross-border limit (OVER_VALUE_LIMIT, general trade).
  taxCategory: fc.constantFrom(undefined, undefined, undefined, 'cosmetics', 'ordinary'),
  unitValueMinor: fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 0, max: 60_000 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 600_000 }) }),
}).map(({ measure, box, taxCategory, ...fields }) => {
  const line = taxCategory === undefined ? fields : { ...fields, taxCategory };
  const boxM3 = (box[0] * box[1] * box[2]) / 1e6;
  const dims = { dimensionsCm: box };
  const stated = (m3: number) => ({ unitVolumeM3: Math.max(1e-6, Math.round(m3 * 1e6) / 1e6) });
  switch (measure) {
    case 'box':
      return { ...line, ...dims };
    case 'volume':
      return { ...line, ...stated(boxM3) };
    case 'both':
      return { ...line, ...dims, ...stated(boxM3) };
    default:
      return { ...line, ...dims, ...stated(boxM3 * 3) };
  }
});

const orderArb = fc.record({
  minute: fc.integer({ min: 0, max: 60 * 24 * 300 }),
  second: fc.integer({ min: 0, max: 59 }),
  writtenOffset: fc.constantFrom(...WRITTEN_OFFSETS),
  zone: fc.nat(),
  level: fc.constantFrom('dm', 'bd', 'gt', 'deliverBy', 'both'),
  deliverHours: fc.integer({ min: 1, max: 24 * 20 }).map((h) => (h < 24 ? h : h + 48)),
  sources: fc.option(fc.uniqueArray(fc.nat(), { minLength: 1, maxLength: 2 }), { nil: undefined }),
  lines: fc.array(lineArb, { minLength: 1, maxLength: 3 }),
});

/** A whole case: a network and a batch of up to `maxOrders` orders on it, with stock at its stocking nodes. */
export function inputsArbitrary(maxOrders = 12): fc.Arbitrary<RandomInputs> {
  return networkArb.chain((shape) => {
  const { network, zones, sources } = buildNetwork(shape);
  // Per stocking node and SKU a quantity, a fifth of them none: enough that most orders can be
  // served, short enough that some draw the same units (NO_STOCK, split orders).
  const stockArb = fc
    .array(fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 4, arbitrary: fc.integer({ min: 1, max: 40 }) }), {
      minLength: sources.length * SKUS.length,
      maxLength: sources.length * SKUS.length,
    })
    .map((qtys) => sources.flatMap((node, i) => SKUS.map((sku, j) => ({ node, sku, qty: qtys[i * SKUS.length + j] ?? 0 }))));
  const ordersArb = fc.array(orderArb, { minLength: 1, maxLength: maxOrders }).map((drawn) =>
    drawn.map((o, i): Json => {
      // 2026-01-01T00:00Z + minutes: inside chinese-days' coverage (2004–2026).
      const createdMs = Date.UTC(2026, 0, 1) + o.minute * 60_000 + o.second * 1_000;
      const order: Json = {
        id: `O-${i}`,
        createdAt: withOffset(createdMs, o.writtenOffset),
        destination: zones[o.zone % zones.length],
        lines: o.lines,
      };
      if (o.level === 'deliverBy' || o.level === 'both') order['deliverBy'] = withOffset(createdMs + o.deliverHours * 3_600_000, o.writtenOffset);
      if (o.level !== 'deliverBy') order['serviceLevel'] = o.level === 'both' ? 'dm' : o.level;
      if (o.sources !== undefined) order['allowedSources'] = [...new Set(o.sources.map((s) => sources[s % sources.length]!))];
      return order;
    }),
  );
  return fc.record({ orders: ordersArb, stock: stockArb }).map(({ orders, stock }) => ({ network, orders, stock }));
  });
}

export const inputsArb = inputsArbitrary();
