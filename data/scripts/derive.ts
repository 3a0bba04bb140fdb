// Formulas that turn route facts into lane figures: great-circle distance, block and truck
// times, weekly departure patterns, air freight tariffs and ULD allotments. Pure and
// deterministic: "random-looking" choices (departure slot, weekdays) come from a hash of the
// lane id, so a rebuild gives the same network byte for byte.
import type { CoLoadTariff, UldType, WeightBreakTariff } from '../../src/domain/network.js';
import type { DeliveryTier, ProvinceFact } from './network-facts.js';

type WeeklyDeparture = { weekdays: number[]; time: string };

/** Mean Earth radius (IUGG), km. */
const EARTH_RADIUS_KM = 6371.0088;

export function greatCircleKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** FNV-1a, 32 bits: a stable hash of a string, the same on every platform and run. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/**
 * Block time of a jet over a great-circle distance: 30 min taxi, climb and approach plus
 * cruise at an effective 850 km/h, rounded to 5 minutes. Checked against published block
 * times (docs/DOMAIN.md): JFK→PVG 11,870 km → 14 h 30; FRA→PVG 8,890 km → 11 h; NRT→PVG
 * 1,770 km → 2 h 35.
 */
export const BLOCK_OVERHEAD_MINUTES = 30;
export const CRUISE_KMH = 850;
export function airTransitMinutes(distanceKm: number): number {
  return roundTo(BLOCK_OVERHEAD_MINUTES + (distanceKm / CRUISE_KMH) * 60, 5);
}

/**
 * Truck time from a base to its airport: road distance ≈ 1.3 × great circle, 40 km/h in
 * metropolitan traffic, plus 45 min to load and to clear the airport's cargo gate; rounded
 * up to 15 minutes. Assumption.
 */
export function truckTransitMinutes(distanceKm: number): number {
  return roundUpTo(45 + ((distanceKm * 1.3) / 40) * 60, 15);
}

/** Truck cost per parcel (drayage shared over a van load): CNY 1 plus 2 fen per road km. Assumption. */
export function truckPerParcelMinor(distanceKm: number): number {
  return 100 + Math.round(distanceKm * 1.3 * 2);
}

/**
 * Flights a week from the OPTD segment `frequency`, read as flights in a month of
 * `periodDays` days: freq / periodDays × 7, rounded, at least one.
 */
export function flightsPerWeek(frequency: number, periodDays: number): number {
  return Math.max(1, Math.round((frequency / periodDays) * 7));
}

/** Local departure windows [start, end) in minutes after midnight, by the origin's continent. */
const DEPARTURE_WINDOWS: Readonly<Record<string, readonly [number, number]>> = {
  // Transpacific flights to China leave late morning to afternoon, land next evening.
  'North America': [10 * 60, 17 * 60],
  // Europe–China: midday and evening departures, landing next morning.
  Europe: [12 * 60, 22 * 60],
  Asia: [8 * 60, 21 * 60],
  Oceania: [8 * 60, 23 * 60],
};

/**
 * A deterministic weekly pattern of `perWeek` departures for a lane: the weekdays are
 * spread evenly from a hashed starting day, the local time is a hashed 5-minute slot of
 * the origin's departure window. Above 7 a week, the departures are split into daily
 * waves, each at its own slot, at least two hours apart.
 */
export function weeklyDepartures(laneId: string, perWeek: number, continent: string): WeeklyDeparture[] {
  const window = DEPARTURE_WINDOWS[continent] ?? [8 * 60, 22 * 60];
  const slots = Math.floor((window[1] - window[0]) / 5);
  const waves = Math.ceil(perWeek / 7);
  const departures: WeeklyDeparture[] = [];
  const usedMinutes: number[] = [];
  for (let wave = 0; wave < waves; wave += 1) {
    // Spread perWeek over the waves as evenly as possible, the first waves taking the extra.
    const count = Math.floor(perWeek / waves) + (wave < perWeek % waves ? 1 : 0);
    const firstDay = fnv1a(`${laneId}#days${wave}`) % 7;
    const weekdays = new Set<number>();
    for (let i = 0; i < count; i += 1) weekdays.add(((firstDay + Math.floor((i * 7) / count)) % 7) + 1);
    let slot = fnv1a(`${laneId}#time${wave}`) % slots;
    // Keep waves apart: step through the window until two hours from every earlier wave.
    for (let tries = 0; tries < slots && usedMinutes.some((m) => Math.abs(m - (window[0] + slot * 5)) < 120); tries += 1) {
      slot = (slot + 1) % slots;
    }
    const minutes = window[0] + slot * 5;
    usedMinutes.push(minutes);
    departures.push({ weekdays: [...weekdays].sort((a, b) => a - b), time: clock(minutes) });
  }
  return departures.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
}

/** Cargo acceptance cut-off before departure, longer for long-haul build-up and screening. Assumption. */
export function cutoffMinutes(distanceKm: number): number {
  if (distanceKm < 3000) return 180;
  if (distanceKm < 8000) return 240;
  if (distanceKm < 11_000) return 300;
  return 360;
}

export const AKE: UldType = { type: 'AKE', maxKg: 1588, maxM3: 4.3 };
export const PMC: UldType = { type: 'PMC', maxKg: 6804, maxM3: 11.5 };

/** Seats per flight from which we treat the aircraft as a large widebody (777-300ER, 747-8, A380). */
export const LARGE_WIDEBODY_SEATS = 350;

/**
 * The ULD type and our allotment per departure from the seats per flight: large widebodies
 * carry main-deck-height PMC pallets in the lower deck; others AKE containers. The allotment
 * (assumption) grows with the aircraft: AKE one per 60 seats (2–6), PMC one per 130 seats (2–4).
 * Zero seats is a freighter: PMC, the largest allotment.
 */
export function uldAllotment(seatsPerFlight: number): { uld: UldType; maxUldsPerDeparture: number; perUldMinor: number } {
  if (seatsPerFlight === 0) return { uld: PMC, maxUldsPerDeparture: 4, perUldMinor: 120_000 };
  if (seatsPerFlight >= LARGE_WIDEBODY_SEATS) {
    return { uld: PMC, maxUldsPerDeparture: clamp(Math.round(seatsPerFlight / 130), 2, 4), perUldMinor: 120_000 };
  }
  return { uld: AKE, maxUldsPerDeparture: clamp(Math.round(seatsPerFlight / 60), 2, 6), perUldMinor: 40_000 };
}

/** CNY per USD used to convert the USD assumptions: assumption (2023–2025 range 7.0–7.3). */
export const CNY_PER_USD = 7.2;

/** Weight breaks (kg) and the share of the +100 kg rate charged from each: assumption. */
const BREAK_FACTORS: readonly (readonly [number, number])[] = [
  [0, 1.6], [45, 1.3], [100, 1.0], [300, 0.9], [500, 0.82], [1000, 0.74],
];

/** Share of the 12,000 km maximum a lane's distance is (0..1): scales distance-driven prices. */
function distanceShare(distanceKm: number): number {
  return Math.min(1, distanceKm / 12_000);
}

/**
 * Back-haul (into China) air freight tariff: the +100 kg rate runs from USD 1.5/kg on short
 * lanes to USD 3/kg on the longest (the DOMAIN.md assumption), breaks per IATA TACT
 * (N, +45, +100, +300, +500, +1000 kg), and a minimum charge of USD 50–75.
 */
export function freightTariff(distanceKm: number): WeightBreakTariff {
  const share = distanceShare(distanceKm);
  const usdPer100Kg = 1.5 + 1.5 * share;
  return {
    minChargeMinor: roundTo((50 + 25 * share) * CNY_PER_USD * 100, 100),
    breaks: BREAK_FACTORS.map(([fromKg, factor]) => ({
      fromKg,
      perKgMinor: Math.round(usdPer100Kg * factor * CNY_PER_USD * 100),
    })),
  };
}

/** Co-load rate as a multiple of the lane's +100 kg rate: assumption (forwarders quote about 1.2–1.5 ×; data/README.md). */
export const CO_LOAD_RATE_FACTOR = 1.35;

/**
 * A consolidator's offer to ship loose on a lane (co-load): 1.35 × the +100 kg rate per
 * chargeable kg and a minimum of CNY 200–400 by distance; no MAWB fee or ULD of our own.
 * Assumption (no public rate card; see data/README.md): about 1.2–1.5 × the +100 kg rate, CNY 200–400.
 */
export function coLoadTariff(distanceKm: number): CoLoadTariff {
  const share = distanceShare(distanceKm);
  const usdPer100Kg = 1.5 + 1.5 * share;
  return {
    perKgMinor: Math.round(usdPer100Kg * CO_LOAD_RATE_FACTOR * CNY_PER_USD * 100),
    minChargeMinor: roundTo((200 + 200 * share) * 100, 1000),
  };
}

/** Fixed cost per consolidation (MAWB, handling agent, screening): CNY 600–1,500 by distance. Assumption. */
export function perConsolidationMinor(distanceKm: number): number {
  return roundTo((600 + 900 * distanceShare(distanceKm)) * 100, 1000);
}

/** Tier of a delivery from a node in `from` to the zone of `to`. Remote wins over neighbour. */
export function deliveryTier(from: ProvinceFact, to: ProvinceFact): DeliveryTier {
  if (from.code === to.code) return 'same';
  if (to.remote) return 'remote';
  if (from.neighbours.includes(to.code)) return 'neighbour';
  return 'national';
}

function clock(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

function roundTo(value: number, step: number): number {
  return Math.round(value / step) * step;
}

function roundUpTo(value: number, step: number): number {
  return Math.ceil(value / step) * step;
}

function clamp(value: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, value));
}
