// Cut-offs: a parcel ready one minute after a lane's cut-off takes that lane's next departure.
import { describe as suite, expect, it } from 'vitest';
import { earliestArrival, searchItineraries } from '../../src/graph/itineraries.js';
import { at, fixture, japanNetwork } from './fixtures.js';
import { describe, iso } from './helpers.js';

suite('cut-off', () => {
  const { ctx } = fixture(japanNetwork());
  const cheapest = (ready: string) =>
    searchItineraries(ctx, { source: 'BASE-JP', destination: 'ZONE-SH', readyMs: at(ready), deadlineMs: Infinity, k: 1 });

  it('a parcel at NRT exactly at the cut-off makes the flight', () => {
    // Ready 10:00 JST, handling 60, truck 120 → NRT 13:00 = AIR-B Monday 14:00 minus its 60' cut-off.
    const found = cheapest('2026-11-23T10:00:00+09:00');
    expect(found.itineraries.map(describe)[0]?.legs[1]).toBe(`AIR-B@${iso(at('2026-11-23T14:00:00+09:00'))}`);
    expect(found.earliest?.arrivalMs).toBe(at('2026-11-24T20:20:00+08:00'));
  });

  it('one minute later the cheapest itinerary moves to the next departure of the same lane', () => {
    // NRT 13:01: Monday's AIR-B is closed; the next is Wednesday 14:00 JST (same cost, 4500).
    const found = cheapest('2026-11-23T10:01:00+09:00');
    expect(found.itineraries.map(describe)).toEqual([
      {
        legs: [
          `TRUCK-JP@${iso(at('2026-11-23T11:01:00+09:00'))}`,
          `AIR-B@${iso(at('2026-11-25T14:00:00+09:00'))}`,
          `CLEAR-SH@${iso(at('2026-11-25T16:20:00+08:00'))}`,
          `LM-SH@${iso(at('2026-11-25T20:20:00+08:00'))}`,
        ],
        arrival: iso(at('2026-11-26T20:20:00+08:00')),
        costMinor: 4500,
      },
    ]);
  });

  it('one minute later the earliest arrival switches to the other carrier', () => {
    // AIR-A Tuesday 10:00 JST (cut-off 08:00 Tue) lands 13:00 JST = 12:00 CST; +30 +240 +1440 → Wednesday 16:30 CST,
    // before AIR-B Wednesday's Thursday 20:20.
    const earliest = earliestArrival(ctx, 'BASE-JP', 'ZONE-SH', at('2026-11-23T10:01:00+09:00'));
    expect(earliest?.legs.map((l) => l.lane)).toEqual(['TRUCK-JP', 'AIR-A', 'CLEAR-SH', 'LM-SH']);
    expect(earliest?.arrivalMs).toBe(at('2026-11-25T16:30:00+08:00'));
  });
});
