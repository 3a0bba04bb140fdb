// Earliest arrival over real departures, worked out by hand on the Japan network.
import { describe as suite, expect, it } from 'vitest';
import { earliestArrival, searchItineraries } from '../../src/graph/itineraries.js';
import { at, buildNetwork, continuous, fixture, japanNetwork } from './fixtures.js';
import { describe, iso } from './helpers.js';

suite('earliestArrival', () => {
  it('takes the first connecting departure of each lane (hand-worked)', () => {
    const { ctx } = fixture(japanNetwork());
    // Ready Monday 06:00 JST; +60 handling → truck 07:00–09:00 JST at NRT.
    // AIR-A needs ready by 08:00 for the 10:00 flight: missed, next is Tuesday.
    // AIR-B needs ready by 13:00 for the 14:00 flight: taken, lands 16:50 JST = 15:50 CST.
    // PVG handling 30 → clearance 16:20–20:20 CST → last mile 1440' → Tuesday 20:20 CST.
    const earliest = earliestArrival(ctx, 'BASE-JP', 'ZONE-SH', at('2026-11-23T06:00:00+09:00'));
    expect(earliest && describe(earliest)).toEqual({
      legs: [
        `TRUCK-JP@${iso(at('2026-11-23T07:00:00+09:00'))}`,
        `AIR-B@${iso(at('2026-11-23T14:00:00+09:00'))}`,
        `CLEAR-SH@${iso(at('2026-11-23T16:20:00+08:00'))}`,
        `LM-SH@${iso(at('2026-11-23T20:20:00+08:00'))}`,
      ],
      arrival: iso(at('2026-11-24T20:20:00+08:00')),
      costMinor: 4500, // 200 + 500 + 2000 + 1000 + 800
    });
  });

  it('is null when no lane leads to the zone (NO_ROUTE), and the search then has no itinerary', () => {
    const base = japanNetwork();
    const network = buildNetwork([...base.nodes, { id: 'ZONE-BJ', kind: 'zone', timeZone: 'Asia/Shanghai' }], base.lanes);
    const { ctx } = fixture(network);
    const readyMs = at('2026-11-23T06:00:00+09:00');
    expect(earliestArrival(ctx, 'BASE-JP', 'ZONE-BJ', readyMs)).toBeNull();
    expect(searchItineraries(ctx, { source: 'BASE-JP', destination: 'ZONE-BJ', readyMs, deadlineMs: Infinity, k: 3 })).toEqual({
      earliest: null,
      itineraries: [],
    });
  });

  it('keeps to at most 6 legs: a faster 7-leg route is passed over for the best 6-leg one', () => {
    // S→N1→…→N6→Z takes 7 legs of 10' (70'); S→N1→…→N5→Z is 6 legs: 5 × 10' + 500' = 550';
    // the direct S→Z lane takes 1000'.
    const hops = ['S', 'N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'Z'];
    const network = buildNetwork(
      hops.map((id) => ({ id, kind: id === 'S' ? 'storage_base' : id === 'Z' ? 'zone' : 'airport', timeZone: 'UTC' }) as const),
      [
        ...hops.slice(1).map((to, i) => ({ id: `L${i}`, from: hops[i] as string, to, mode: 'truck', schedule: continuous(10) }) as const),
        { id: 'SLOW-5', from: 'N5', to: 'Z', mode: 'truck', schedule: continuous(500) },
        { id: 'DIRECT', from: 'S', to: 'Z', mode: 'truck', schedule: continuous(1000) },
      ],
    );
    const { ctx } = fixture(network);
    const readyMs = at('2026-11-23T00:00:00Z');
    const earliest = earliestArrival(ctx, 'S', 'Z', readyMs);
    expect(earliest?.legs.map((l) => l.lane)).toEqual(['L0', 'L1', 'L2', 'L3', 'L4', 'SLOW-5']);
    expect(earliest?.arrivalMs).toBe(readyMs + 550 * 60_000);
    const found = searchItineraries(ctx, { source: 'S', destination: 'Z', readyMs, deadlineMs: Infinity, k: 3 });
    // All fees are 0: ordered by arrival; the 7-leg route is not an itinerary.
    expect(found.itineraries.map((i) => i.legs.length)).toEqual([6, 1]);
  });
});
