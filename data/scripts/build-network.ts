// Builds the default network, data/network.json, from real route data: the OPTD scheduled
// segments into nine Chinese airports (August 2017), airport coordinates and time zones from
// OPTD's airport table (data/sources/optd-airports.csv), and the hand-entered facts of
// network-facts.ts.
// `buildNetwork` is pure and deterministic; run this file to rewrite data/network.json:
//   npx tsx data/scripts/build-network.ts        (npm run build:network)
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readCsv } from '../../src/io/csv.js';
import { type Calendar, type Lane, Network, NETWORK_SCHEMA, type Node, type ServiceLevel } from '../../src/domain/network.js';
import {
  airTransitMinutes, coLoadTariff, cutoffMinutes, deliveryTier, flightsPerWeek, freightTariff, greatCircleKm, perConsolidationMinor,
  truckPerParcelMinor, truckTransitMinutes, uldAllotment, weeklyDepartures,
} from './derive.js';
import {
  BASE_HANDLING_MINUTES, BASE_PICK_PACK_MINOR, BASES, BONDED_HANDLING_MINUTES, BONDED_PER_PARCEL_MINOR,
  CN_AIRPORT_HANDLING_MINUTES, DOMESTIC_HANDLING_MINUTES, DOMESTIC_PER_PARCEL_MINOR, DOMESTIC_WAREHOUSES, LAST_MILE,
  LAST_MILE_INCLUDED_KG, PORT_HANDLING_MINUTES, PORTS, type ProvinceFact, PROVINCES,
} from './network-facts.js';

/** The segments file, relative to data/. */
export const SEGMENTS_CSV = 'sources/optd-segments-2017-08-cn9.csv';
/** The airports those segments touch: OPTD's coordinates, IANA time zones and continents, relative to data/. */
export const AIRPORTS_CSV = 'sources/optd-airports.csv';
export const NETWORK_JSON = 'network.json';

/**
 * Days the OPTD `frequency` counts flights over. The source README calls it flights in the
 * month; the counts look like one week's (LH FRA→PVG 12, real 2017 timetable ~14 a week),
 * so 7 would be the other reading. See data/README.md.
 */
export const FREQUENCY_PERIOD_DAYS = 7;

/** China: official time everywhere (Xinjiang included) and the chinese-days calendar. */
const CN_TIME_ZONE = 'Asia/Shanghai';
const CN_CALENDAR: Calendar = {
  id: 'CN',
  source: 'chinese-days',
  country: 'CN',
  workingWeekdays: [1, 2, 3, 4, 5],
  workingHours: { start: '09:00', end: '18:00' },
  extraHolidays: [],
  extraWorkingDays: [],
  coveredFrom: '2004-01-01',
  coveredTo: '2026-12-31',
};

/** Calendar days more that bonded and general-trade promises give remote provinces: assumption (see data/README.md). */
const REMOTE_EXTRA_DAYS = 2;
const REMOTE_PROVINCES = PROVINCES.filter((p) => p.remote).map((p) => p.province);

/**
 * Promises as checkouts quote them. Domestic stock reaches a national-tier province in 60 h
 * of last mile (+ 3 h handling), so general trade promises 3 calendar days (an order at
 * 23:59 still has 72 h), and bonded, 66 h at most to a national-tier province, 3 days too;
 * remote provinces (108 h of last mile) get 2 days more on both.
 */
const SERVICE_LEVELS: ServiceLevel[] = [
  { id: 'direct_mail', name: 'Direct mail (cross-border 9610)', deadline: { kind: 'working_days', days: 8 }, modes: ['direct_mail', 'bonded', 'general_trade'] },
  {
    id: 'bonded', name: 'Bonded (cross-border 1210)', deadline: { kind: 'calendar_days', days: 3 }, modes: ['bonded', 'general_trade'],
    extraDays: [{ provinces: REMOTE_PROVINCES, days: REMOTE_EXTRA_DAYS }],
  },
  {
    id: 'general_trade', name: 'General trade (domestic stock)', deadline: { kind: 'calendar_days', days: 3 }, modes: ['general_trade'],
    extraDays: [{ provinces: REMOTE_PROVINCES, days: REMOTE_EXTRA_DAYS }],
  },
];

const ATTRIBUTION = [
  'Air routes (scheduled segments, August 2017), airport coordinates and time zones: Open Travel Data (OPTD),',
  'https://github.com/opentraveldata/opentraveldata, licensed CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/);',
  'segments filtered to nine Chinese airports, with OPTD airport data. Lanes, schedules and prices are',
  'derived from them with the assumptions listed in data/README.md.',
  'Province populations: 7th National Population Census of China (2020), National Bureau of Statistics.',
  'All other figures (capacities, tariffs, handling times, fees) are assumptions; see data/README.md.',
].join(' ');

/** One OPTD segment row. */
export interface Segment {
  origin: string;
  destination: string;
  carrier: string;
  seats: number;
  frequency: number;
}

const HEADER = 'legori,legdes,operating_airline,deptdtYYYYMM,capacity,frequency';

/** Parses the OPTD segments CSV; throws naming the row on anything unexpected. */
export function parseSegments(csvText: string): Segment[] {
  const lines = csvText.replace(/^\uFEFF/, '').split(/\r?\n/).filter((line) => line.length > 0);
  if (lines[0] !== HEADER) throw new Error(`segments CSV: row 1: expected header "${HEADER}", found "${lines[0] ?? ''}"`);
  return lines.slice(1).map((line, i) => {
    const cells = line.split(',');
    const [origin, destination, carrier, , seats, frequency] = cells;
    const row = i + 2;
    if (cells.length !== 6 || origin === undefined || destination === undefined || carrier === undefined) {
      throw new Error(`segments CSV: row ${row}: expected 6 cells, found ${cells.length}`);
    }
    if (!/^[A-Z]{3}$/.test(origin) || !/^[A-Z]{3}$/.test(destination)) throw new Error(`segments CSV: row ${row}: bad IATA code`);
    if (!/^[A-Z0-9]{2}$/.test(carrier)) throw new Error(`segments CSV: row ${row}: bad carrier "${carrier}"`);
    const seatCount = Number(seats);
    const flights = Number(frequency);
    // Zero seats is a freighter (Yangtze River Express, Y8, in this file); no flights is an error.
    if (!Number.isInteger(seatCount) || seatCount < 0 || !Number.isInteger(flights) || flights <= 0) {
      throw new Error(`segments CSV: row ${row}: capacity must be a whole number and frequency a positive one`);
    }
    return { origin, destination, carrier, seats: seatCount, frequency: flights };
  });
}

/** What the build needs of one airport (OPTD's airport table). */
export interface AirportInfo {
  name: string;
  country: string;
  latitude: number;
  longitude: number;
  timezone: string;
  continent: string;
}

const AIRPORT_COLUMNS = ['iata', 'name', 'city', 'country', 'latitude', 'longitude', 'timezone', 'continent'] as const;

/** Parses the airports CSV into a table by IATA code; throws naming the row on anything unexpected. */
export function parseAirports(csvText: string): ReadonlyMap<string, AirportInfo> {
  const doc = readCsv(csvText);
  const [header, ...rows] = doc.records;
  if (doc.problems.length > 0) throw new Error(`airports CSV: line ${doc.problems[0]?.line}: ${doc.problems[0]?.message}`);
  if (header?.cells.join(',') !== AIRPORT_COLUMNS.join(',')) throw new Error(`airports CSV: row 1: expected header "${AIRPORT_COLUMNS.join(',')}"`);
  const table = new Map<string, AirportInfo>();
  for (const row of rows) {
    const [iata, name, , country, lat, lon, timezone, continent] = row.cells;
    const latitude = Number(lat);
    const longitude = Number(lon);
    if (iata === undefined || !/^[A-Z]{3}$/.test(iata) || name === undefined || country === undefined || timezone === undefined ||
      continent === undefined || !Number.isFinite(latitude) || !Number.isFinite(longitude)) {
      throw new Error(`airports CSV: line ${row.line}: expected ${AIRPORT_COLUMNS.join(', ')}`);
    }
    table.set(iata, { name, country, latitude, longitude, timezone, continent });
  }
  return table;
}

/** Builds the default network from the texts of the OPTD segments and airports CSVs. Pure, deterministic. */
export function buildNetwork(segmentsCsvText: string, airportsCsvText: string): Network {
  const segments = parseSegments(segmentsCsvText);
  const airports = parseAirports(airportsCsvText);
  const airportInfo = (iata: string): AirportInfo => {
    const info = airports.get(iata);
    if (info === undefined) throw new Error(`build-network: airport ${iata} is not in ${AIRPORTS_CSV}`);
    return info;
  };
  const provinceByName = new Map(PROVINCES.map((p) => [p.province, p]));
  const provinceOf = (name: string): ProvinceFact => {
    const fact = provinceByName.get(name);
    if (fact === undefined) throw new Error(`build-network: no province "${name}"`);
    return fact;
  };
  checkNeighbours();

  const baseIatas = new Set(BASES.map((b) => b.iata));
  const portIatas = new Set(PORTS.map((p) => p.iata));
  const flown = segments
    .filter((s) => baseIatas.has(s.origin) && portIatas.has(s.destination))
    .sort((a, b) => cmp(a.origin, b.origin) || cmp(a.destination, b.destination) || cmp(a.carrier, b.carrier));
  for (const base of BASES) {
    if (!flown.some((s) => s.origin === base.iata)) {
      throw new Error(`build-network: base airport ${base.iata} has no segment into a Chinese airport of the file`);
    }
  }
  const ports = PORTS.filter((p) => flown.some((s) => s.destination === p.iata));

  const nodes: Node[] = [];
  const lanes: Lane[] = [];

  // Storage bases and the trucks to their airports.
  for (const base of [...BASES].sort((a, b) => cmp(a.iata, b.iata))) {
    const airport = airportInfo(base.iata);
    const id = `SB-${base.iata}`;
    nodes.push({
      id, kind: 'storage_base', name: base.name, country: airport.country, lat: base.lat, lon: base.lon,
      timeZone: airport.timezone, calendar: airport.country, iata: base.iata,
      handlingMinutes: BASE_HANDLING_MINUTES, handlingPerParcelMinor: pickPackMinor(airport.country),
    });
    const km = greatCircleKm(base.lat, base.lon, airport.latitude, airport.longitude);
    lanes.push(plainLane(`TRK:${id}:AP-${base.iata}`, id, `AP-${base.iata}`, 'truck', truckTransitMinutes(km), truckPerParcelMinor(km)));
  }

  // Foreign airports, then the Chinese ones.
  for (const iata of [...baseIatas].sort(cmp)) {
    const airport = airportInfo(iata);
    nodes.push({
      id: `AP-${iata}`, kind: 'airport', name: airport.name, country: airport.country, lat: airport.latitude,
      lon: airport.longitude, timeZone: airport.timezone, calendar: airport.country, iata,
      handlingMinutes: 0, handlingPerParcelMinor: 0,
    });
  }
  for (const port of ports) {
    const airport = airportInfo(port.iata);
    nodes.push({
      id: `AP-${port.iata}`, kind: 'airport', name: airport.name, country: 'CN', lat: airport.latitude,
      lon: airport.longitude, timeZone: CN_TIME_ZONE, calendar: 'CN', iata: port.iata, province: port.province,
      handlingMinutes: CN_AIRPORT_HANDLING_MINUTES, handlingPerParcelMinor: 0,
    });
  }

  // Air lanes: one per (origin, destination, operating carrier) segment.
  for (const seg of flown) {
    const from = airportInfo(seg.origin);
    const to = airportInfo(seg.destination);
    const km = greatCircleKm(from.latitude, from.longitude, to.latitude, to.longitude);
    const id = `AIR:${seg.origin}-${seg.destination}:${seg.carrier}`;
    const allotment = uldAllotment(seg.seats / seg.frequency);
    lanes.push({
      id, from: `AP-${seg.origin}`, to: `AP-${seg.destination}`, mode: 'air',
      schedule: {
        kind: 'weekly',
        departures: weeklyDepartures(id, flightsPerWeek(seg.frequency, FREQUENCY_PERIOD_DAYS), from.continent),
        transitMinutes: airTransitMinutes(km),
        cutoffMinutes: cutoffMinutes(km),
      },
      carrier: seg.carrier,
      cost: {
        perParcelMinor: 0, perParcelKgMinor: 0, includedKg: 0,
        freight: freightTariff(km),
        perConsolidationMinor: perConsolidationMinor(km),
        perUldMinor: allotment.perUldMinor,
      },
      coLoad: coLoadTariff(km),
      uld: allotment.uld,
      maxUldsPerDeparture: allotment.maxUldsPerDeparture,
      volumetricDivisor: 6000,
    });
  }

  // Clearance ports, their bonded warehouses, and the clearance lanes.
  for (const port of ports) {
    const airport = airportInfo(port.iata);
    const common = {
      country: 'CN', lat: airport.latitude, lon: airport.longitude, timeZone: CN_TIME_ZONE, calendar: 'CN',
      iata: port.iata, province: port.province,
    };
    nodes.push({
      id: `CP-${port.iata}`, kind: 'clearance_port', name: `${port.city} clearance port`, ...common,
      handlingMinutes: PORT_HANDLING_MINUTES, handlingPerParcelMinor: 0, dailyParcelCapacity: port.dailyParcelCapacity,
    });
    nodes.push({
      id: `BW-${port.iata}`, kind: 'bonded_warehouse', name: `${port.city} bonded warehouse`, ...common,
      handlingMinutes: BONDED_HANDLING_MINUTES, handlingPerParcelMinor: BONDED_PER_PARCEL_MINOR,
    });
    lanes.push({
      id: `CLR:AP-${port.iata}:CP-${port.iata}`, from: `AP-${port.iata}`, to: `CP-${port.iata}`, mode: 'clearance',
      schedule: { kind: 'working_time', workingMinutes: port.clearanceWorkingMinutes },
      cost: { perParcelMinor: port.clearancePerParcelMinor, perParcelKgMinor: 0, includedKg: 0, perConsolidationMinor: 0, perUldMinor: 0 },
      volumetricDivisor: 6000,
    });
  }

  for (const dw of DOMESTIC_WAREHOUSES) {
    nodes.push({
      id: dw.id, kind: 'domestic_warehouse', name: dw.name, country: 'CN', lat: dw.lat, lon: dw.lon,
      timeZone: CN_TIME_ZONE, calendar: 'CN', province: dw.province,
      handlingMinutes: DOMESTIC_HANDLING_MINUTES, handlingPerParcelMinor: DOMESTIC_PER_PARCEL_MINOR,
    });
  }

  for (const p of PROVINCES) {
    nodes.push({
      id: zoneId(p), kind: 'zone', name: `${p.province} (${p.capital})`, country: 'CN', lat: p.lat, lon: p.lon,
      timeZone: CN_TIME_ZONE, calendar: 'CN', province: p.province, populationM: p.populationM,
      handlingMinutes: 0, handlingPerParcelMinor: 0,
    });
  }

  // Last mile from every port, bonded and domestic warehouse to every zone, priced by tier.
  const lastMileOrigins = [
    ...ports.map((p) => ({ id: `CP-${p.iata}`, province: p.province })),
    ...ports.map((p) => ({ id: `BW-${p.iata}`, province: p.province })),
    ...DOMESTIC_WAREHOUSES.map((d) => ({ id: d.id, province: d.province })),
  ];
  for (const origin of lastMileOrigins) {
    for (const zone of PROVINCES) {
      const tier = LAST_MILE[deliveryTier(provinceOf(origin.province), zone)];
      lanes.push({
        id: `LM:${origin.id}:${zoneId(zone)}`, from: origin.id, to: zoneId(zone), mode: 'last_mile',
        schedule: { kind: 'continuous', transitMinutes: tier.transitMinutes },
        cost: {
          perParcelMinor: tier.perParcelMinor, perParcelKgMinor: tier.perParcelKgMinor, includedKg: LAST_MILE_INCLUDED_KG,
          perConsolidationMinor: 0, perUldMinor: 0,
        },
        volumetricDivisor: 6000,
      });
    }
  }

  const countries = [...new Set(nodes.map((n) => n.country))].filter((c) => c !== 'CN').sort(cmp);
  const calendars: Calendar[] = [
    CN_CALENDAR,
    ...countries.map((country): Calendar => ({
      id: country, source: 'date-holidays', country, workingWeekdays: [1, 2, 3, 4, 5],
      workingHours: { start: '09:00', end: '18:00' }, extraHolidays: [], extraWorkingDays: [],
    })),
  ];

  // Parsing validates every figure and gives the canonical key order of the schema.
  return Network.parse({
    schema: NETWORK_SCHEMA,
    name: 'xbroute default network (OPTD routes, August 2017)',
    currency: 'CNY',
    calendars,
    nodes,
    lanes,
    serviceLevels: SERVICE_LEVELS,
    customs: {
      // CNY 5,000 per order and 26,000 a year (Cai Guan Shui [2018] No. 49); 9.1 % = 13 % VAT × 70 %.
      crossBorderOrderLimitMinor: 500_000,
      annualLimitMinor: 2_600_000,
      crossBorderTaxRate: 0.091,
      // Assumption: a 10 % duty, then 13 % VAT on value + duty (docs/DOMAIN.md, "Taxes").
      fullTaxRate: 0.243,
      taxCategories: [
        // (13 % + 15 %) ÷ 0.85 × 70 %; full: 5 % duty (assumption), then VAT and consumption tax.
        { id: 'cosmetics', crossBorderRate: 0.2306, fullRate: 0.396 },
      ],
    },
    attribution: ATTRIBUTION,
  });
}

/** The network as written to disk: 2-space JSON with a trailing newline. */
export function networkJsonText(network: Network): string {
  return `${JSON.stringify(network, null, 2)}\n`;
}

function pickPackMinor(country: string): number {
  const minor = BASE_PICK_PACK_MINOR[country];
  if (minor === undefined) throw new Error(`build-network: no pick/pack cost for country ${country}`);
  return minor;
}

function zoneId(p: ProvinceFact): string {
  return `Z-${p.code}`;
}

function plainLane(id: string, from: string, to: string, mode: 'truck', transitMinutes: number, perParcelMinor: number): Lane {
  return {
    id, from, to, mode, schedule: { kind: 'continuous', transitMinutes },
    cost: { perParcelMinor, perParcelKgMinor: 0, includedKg: 0, perConsolidationMinor: 0, perUldMinor: 0 },
    volumetricDivisor: 6000,
  };
}

/** Neighbour lists are typed by hand: make sure they are symmetric and name real provinces. */
function checkNeighbours(): void {
  const byCode = new Map(PROVINCES.map((p) => [p.code, p]));
  for (const p of PROVINCES) {
    for (const n of p.neighbours) {
      if (!byCode.get(n)?.neighbours.includes(p.code)) throw new Error(`build-network: neighbours ${p.code}/${n} not symmetric`);
    }
  }
}

/** Code-unit order: the same on every locale, unlike localeCompare. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function main(): void {
  const dataDir = join(dirname(fileURLToPath(import.meta.url)), '..');
  const network = buildNetwork(readFileSync(join(dataDir, SEGMENTS_CSV), 'utf8'), readFileSync(join(dataDir, AIRPORTS_CSV), 'utf8'));
  const target = join(dataDir, NETWORK_JSON);
  // Write beside the target and rename, so a failed run never leaves half a file.
  writeFileSync(`${target}.tmp`, networkJsonText(network));
  renameSync(`${target}.tmp`, target);
  const count = (kind: string): number => network.nodes.filter((n) => n.kind === kind).length;
  process.stdout.write(
    `wrote ${target}: ${network.nodes.length} nodes (${count('storage_base')} bases, ${count('clearance_port')} ports, ` +
      `${count('zone')} zones), ${network.lanes.length} lanes (${network.lanes.filter((l) => l.mode === 'air').length} air)\n`,
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
