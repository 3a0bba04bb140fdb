// The k cheapest itineraries: sorted by cost then arrival, distinct by (lanes, departures), at most k.
import { describe as suite, expect, it } from 'vitest';
import { searchItineraries, type ItineraryCost } from '../../src/graph/itineraries.js';
import { at, fixture, japanNetwork } from './fixtures.js';
import { iso } from './helpers.js';

suite('k cheapest', () => {
  const { ctx } = fixture(japanNetwork());
  const readyMs = at('2026-11-23T06:00:00+09:00');
  const air = (found: ReturnType<typeof searchItineraries>) =>
    found.itineraries.map((i) => `${i.legs[1]?.lane}@${iso(i.legs[1]?.departureMs ?? 0)} ${i.costMinor}`);

  it('lists later departures on the same lanes as alternatives, sorted by cost then arrival', () => {
    // AIR-B (4500) Mon 14:00 and Wed 14:00 JST; AIR-A (5500) Tue 10:00 and Wed 10:00 JST (Mon's is past its cut-off).
    const found = searchItineraries(ctx, { source: 'BASE-JP', destination: 'ZONE-SH', readyMs, deadlineMs: Infinity, k: 10 });
    expect(air(found)).toEqual([
      `AIR-B@${iso(at('2026-11-23T14:00:00+09:00'))} 4500`,
      `AIR-B@${iso(at('2026-11-25T14:00:00+09:00'))} 4500`,
      `AIR-A@${iso(at('2026-11-24T10:00:00+09:00'))} 5500`,
      `AIR-A@${iso(at('2026-11-25T10:00:00+09:00'))} 5500`,
    ]);
  });

  it('returns at most k, the cheapest', () => {
    const found = searchItineraries(ctx, { source: 'BASE-JP', destination: 'ZONE-SH', readyMs, deadlineMs: Infinity, k: 3 });
    expect(air(found)).toEqual([
      `AIR-B@${iso(at('2026-11-23T14:00:00+09:00'))} 4500`,
      `AIR-B@${iso(at('2026-11-25T14:00:00+09:00'))} 4500`,
      `AIR-A@${iso(at('2026-11-24T10:00:00+09:00'))} 5500`,
    ]);
  });

  it('departuresPerLane bounds the departures tried per lane', () => {
    const found = searchItineraries(ctx, {
      source: 'BASE-JP', destination: 'ZONE-SH', readyMs, deadlineMs: Infinity, k: 10, departuresPerLane: 1,
    });
    expect(air(found)).toEqual([
      `AIR-B@${iso(at('2026-11-23T14:00:00+09:00'))} 4500`,
      `AIR-A@${iso(at('2026-11-24T10:00:00+09:00'))} 5500`,
    ]);
  });

  it('ranks by a caller-supplied cost, even one that is not a sum over lanes', () => {
    // Carrier AA for 1, anything else 2: AIR-A itineraries first, by arrival.
    const preferA: ItineraryCost = (legs) => (legs.some((l) => l.lane === 'AIR-A') ? 1 : 2);
    const found = searchItineraries(ctx, {
      source: 'BASE-JP', destination: 'ZONE-SH', readyMs, deadlineMs: Infinity, k: 3, cost: preferA,
    });
    expect(air(found)).toEqual([
      `AIR-A@${iso(at('2026-11-24T10:00:00+09:00'))} 1`,
      `AIR-A@${iso(at('2026-11-25T10:00:00+09:00'))} 1`,
      `AIR-B@${iso(at('2026-11-23T14:00:00+09:00'))} 2`,
    ]);
    expect(found.earliest?.costMinor).toBe(2); // the earliest is AIR-B Monday, priced with the same cost
  });

  it('answers a repeated query from its memo with the same (frozen) result', () => {
    const q = { source: 'BASE-JP', destination: 'ZONE-SH', readyMs, deadlineMs: Infinity, k: 2 };
    const first = searchItineraries(ctx, q);
    expect(searchItineraries(ctx, { ...q })).toBe(first);
    expect(Object.isFrozen(first.itineraries[0]?.legs)).toBe(true);
  });

  it('rejects k < 1 and an unknown node by name', () => {
    expect(() => searchItineraries(ctx, { source: 'BASE-JP', destination: 'ZONE-SH', readyMs, deadlineMs: Infinity, k: 0 })).toThrow(/k must be/);
    expect(() => searchItineraries(ctx, { source: 'BASE-XX', destination: 'ZONE-SH', readyMs, deadlineMs: Infinity, k: 1 })).toThrow(/"BASE-XX"/);
    expect(() => searchItineraries(ctx, { source: 'BASE-JP', destination: 'PVG', readyMs, deadlineMs: Infinity, k: 1 })).toThrow(/"PVG" is not a zone \(kind airport\)/);
  });
});
