// Deadlines: only itineraries arriving by the deadline are listed; the earliest is reported regardless.
import { describe as suite, expect, it } from 'vitest';
import { searchItineraries } from '../../src/graph/itineraries.js';
import { at, fixture, japanNetwork } from './fixtures.js';
import { describe, iso } from './helpers.js';

suite('deadline', () => {
  const { ctx } = fixture(japanNetwork());
  const readyMs = at('2026-11-23T06:00:00+09:00');

  it('no itinerary meets the deadline: empty list, earliest achievable arrival reported (SLA_INFEASIBLE)', () => {
    const found = searchItineraries(ctx, {
      source: 'BASE-JP', destination: 'ZONE-SH', readyMs, deadlineMs: at('2026-11-24T12:00:00+08:00'), k: 3,
    });
    expect(found.itineraries).toEqual([]);
    expect(found.earliest && iso(found.earliest.arrivalMs)).toBe(iso(at('2026-11-24T20:20:00+08:00')));
  });

  it('an arrival exactly at the deadline meets it', () => {
    const found = searchItineraries(ctx, {
      source: 'BASE-JP', destination: 'ZONE-SH', readyMs, deadlineMs: at('2026-11-24T20:20:00+08:00'), k: 3,
    });
    expect(found.itineraries.map((i) => describe(i).arrival)).toEqual([iso(at('2026-11-24T20:20:00+08:00'))]);
  });

  it('drops the itineraries arriving after the deadline and keeps the rest, cheapest first', () => {
    // Arrivals: AIR-B Mon → Tue 20:20 (4500), AIR-A Tue → Wed 16:30 (5500),
    // AIR-B Wed → Thu 20:20 (4500), AIR-A Wed → Thu 16:30 (5500). Deadline Wednesday 23:59:59 CST.
    const found = searchItineraries(ctx, {
      source: 'BASE-JP', destination: 'ZONE-SH', readyMs, deadlineMs: at('2026-11-25T23:59:59+08:00'), k: 3,
    });
    expect(found.itineraries.map((i) => [i.legs[1]?.lane, i.costMinor, iso(i.arrivalMs)])).toEqual([
      ['AIR-B', 4500, iso(at('2026-11-24T20:20:00+08:00'))],
      ['AIR-A', 5500, iso(at('2026-11-25T16:30:00+08:00'))],
    ]);
  });
});
