// The formulas the default-network build uses to turn OPTD segments into lane figures:
// flights a week, the deterministic weekly pattern, freight tariffs, delivery tiers, and
// the segments parser's refusals. Answers worked out by hand in the comments.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AIRPORTS_CSV, buildNetwork, parseSegments } from '../../data/scripts/build-network.js';
import { DATA_DIR } from '../../src/cli/paths.js';
import {
  airTransitMinutes, deliveryTier, flightsPerWeek, freightTariff, uldAllotment, weeklyDepartures,
} from '../../data/scripts/derive.js';
import { PROVINCES, type ProvinceFact } from '../../data/scripts/network-facts.js';

const minutesOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
const province = (code: string): ProvinceFact => {
  const p = PROVINCES.find((x) => x.code === code);
  if (p === undefined) throw new Error(code);
  return p;
};

describe('lane derivation', () => {
  it('reads the OPTD frequency as flights per month: 12 → 3 a week, 1 → at least 1, 31 → 7', () => {
    expect(flightsPerWeek(12, 31)).toBe(3); // 12 / 31 × 7 = 2.71
    expect(flightsPerWeek(1, 31)).toBe(1); // 0.23 rounds to 0, raised to 1
    expect(flightsPerWeek(31, 31)).toBe(7);
    expect(flightsPerWeek(12, 7)).toBe(12); // the weekly reading
  });

  it('spreads three departures over three weekdays at one 5-minute slot of the European window, the same every run', () => {
    const first = weeklyDepartures('AIR:FRA-PVG:LH', 3, 'Europe');
    expect(first).toEqual(weeklyDepartures('AIR:FRA-PVG:LH', 3, 'Europe'));
    expect(first).toHaveLength(1);
    const [dep] = first;
    expect(new Set(dep?.weekdays).size).toBe(3);
    const minutes = minutesOf(dep?.time ?? '');
    expect(minutes % 5).toBe(0);
    expect(minutes).toBeGreaterThanOrEqual(12 * 60);
    expect(minutes).toBeLessThan(22 * 60);
  });

  it('splits more than seven a week into daily waves at least two hours apart', () => {
    // 10 a week → 2 waves of 5 days each.
    const waves = weeklyDepartures('AIR:ICN-PVG:OZ', 10, 'Asia');
    expect(waves.map((w) => w.weekdays.length)).toEqual([5, 5]);
    const [a, b] = waves.map((w) => minutesOf(w.time));
    expect(Math.abs((a ?? 0) - (b ?? 0))).toBeGreaterThanOrEqual(120);
    // 14 a week → every day twice.
    expect(weeklyDepartures('AIR:ICN-PVG:KE', 14, 'Asia').map((w) => w.weekdays)).toEqual([
      [1, 2, 3, 4, 5, 6, 7], [1, 2, 3, 4, 5, 6, 7],
    ]);
  });

  it('prices back-haul freight at USD 1.5/kg (+100 kg) short and USD 3/kg from 12,000 km, at 7.2 CNY/USD', () => {
    expect(freightTariff(0).breaks[2]).toEqual({ fromKg: 100, perKgMinor: 1080 }); // 1.5 × 7.2 = 10.80 CNY
    expect(freightTariff(12_000).breaks[2]?.perKgMinor).toBe(2160); // 3 × 7.2
    expect(freightTariff(15_000)).toEqual(freightTariff(12_000)); // capped
    expect(freightTariff(0).breaks[0]?.perKgMinor).toBe(1728); // N = 1.6 × 1080
    expect(freightTariff(0).minChargeMinor).toBe(36_000); // USD 50 × 7.2
  });

  it('uses PMC pallets on large widebodies and freighters, AKE containers otherwise', () => {
    expect(uldAllotment(393).uld.type).toBe('PMC'); // 777-300ER
    expect(uldAllotment(393).maxUldsPerDeparture).toBe(3); // 393 / 130 = 3.02
    expect(uldAllotment(0).uld.type).toBe('PMC');
    expect(uldAllotment(256).uld.type).toBe('AKE');
    expect(uldAllotment(256).maxUldsPerDeparture).toBe(4); // 256 / 60 = 4.27
    expect(uldAllotment(120).maxUldsPerDeparture).toBe(2);
  });

  it('times a 1,770 km hop at 2 h 35 (30 min + 1,770 / 850 h, to 5 min)', () => {
    expect(airTransitMinutes(1770)).toBe(155); // 30 + 124.9 = 154.9 → 155
  });

  it('tiers deliveries: same province, neighbour, remote before neighbour, else national', () => {
    expect(deliveryTier(province('SH'), province('SH'))).toBe('same');
    expect(deliveryTier(province('SH'), province('JS'))).toBe('neighbour');
    expect(deliveryTier(province('SC'), province('XZ'))).toBe('remote'); // Tibet borders Sichuan but is remote
    expect(deliveryTier(province('SH'), province('BJ'))).toBe('national');
  });

  it('refuses a segments file with a wrong header, a bad row, or no route from a base airport', () => {
    expect(() => parseSegments('a,b,c\n')).toThrow(/row 1: expected header/);
    const header = 'legori,legdes,operating_airline,deptdtYYYYMM,capacity,frequency';
    expect(() => parseSegments(`${header}\nLAX,PVG,MU,201708,4716,0\n`)).toThrow(/row 2/);
    expect(parseSegments(`${header}\r\nKWE,PVG,Y8,201708,0,6\r\n`)).toEqual([
      { origin: 'KWE', destination: 'PVG', carrier: 'Y8', seats: 0, frequency: 6 },
    ]);
    expect(() => buildNetwork(`${header}\n`, readFileSync(join(DATA_DIR, AIRPORTS_CSV), 'utf8'))).toThrow(/has no segment into a Chinese airport/);
  });
});
