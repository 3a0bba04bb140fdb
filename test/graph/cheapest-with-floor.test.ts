// cheapestItineraries with a cost that depends on the departure: pruned by an additive floor
// it finds what the exhaustive search finds, `below` keeps only the cheaper ones, and
// `maxExtensions` stops it on a count.
import { describe, expect, it } from 'vitest';
import { additiveCost, cheapestItineraries, type ItineraryLeg } from '../../src/graph/itineraries.js';
import { laneFixedParts } from '../../src/optimise/bound/any-routing.js';
import { detourFixture } from '../optimise/detour-fixture.js';

const { ctx } = detourFixture();
const readyMs = Date.parse('2026-11-23T08:00:00+08:00');
const query = { source: 'WH-A', destination: 'ZONE-A', readyMs, deadlineMs: readyMs + 2 * 86_400_000, k: 3, departuresPerLane: 3 };
// A 1 kg parcel's own charges per lane (handling and fees): a floor of any cost that adds departures' charges to them.
const fixed = laneFixedParts(ctx.index)(1, 0.001);
const own = additiveCost((lane) => fixed.get(lane) ?? 0);
// SHARED's second departure is open (free to join), its others cost CNY 1,000: not additive.
const openMs = cheapestItineraries(ctx, { ...query, k: 1, cost: (legs) => (legs.some((l) => l.lane === 'SHARED') ? 0 : 1) })[0]?.legs.find((l) => l.lane === 'SHARED');
const cost = (legs: readonly ItineraryLeg[]): number => {
  let total = 0;
  for (const leg of legs) {
    total += own.laneCostMinor(leg.lane);
    if (leg.lane === 'SHARED' && leg.departureMs !== (openMs?.departureMs ?? NaN) + 86_400_000) total += 100_000;
  }
  return total;
};

describe('cheapestItineraries with a floor', () => {
  it('the case is real: some SHARED departure is reachable', () => {
    expect(openMs).toBeDefined();
  });

  it('finds, pruned by the own-charges floor, the same k cheapest as the exhaustive search', () => {
    const exhaustive = cheapestItineraries(ctx, { ...query, cost });
    const pruned = cheapestItineraries(ctx, { ...query, cost, floor: own });
    expect(exhaustive.length).toBe(3);
    expect(pruned).toEqual(exhaustive);
    // The open departure (a day after the first one reached) is the cheapest of all: CNY 0.10
    // of own charges against CNY 1.00 on a direct lane.
    expect(pruned[0]!.legs.some((l) => l.lane === 'SHARED')).toBe(true);
    expect(pruned[0]!.costMinor).toBeLessThan(pruned[1]!.costMinor);
  });

  it('keeps only itineraries cheaper than `below`', () => {
    const all = cheapestItineraries(ctx, { ...query, cost, floor: own });
    const cheaper = cheapestItineraries(ctx, { ...query, cost, floor: own, below: all[1]!.costMinor });
    expect(cheaper.length).toBeGreaterThanOrEqual(1);
    expect(cheaper.every((it) => it.costMinor < all[1]!.costMinor)).toBe(true);
    expect(cheapestItineraries(ctx, { ...query, cost, below: all[0]!.costMinor })).toEqual([]);
  });

  it('stops on its budget of extensions with what it found by then', () => {
    // One leg extended: at most one itinerary (a direct lane), never the two-leg detour.
    const cut = cheapestItineraries(ctx, { ...query, cost, maxExtensions: 1 });
    expect(cut.length).toBeLessThanOrEqual(1);
    expect(cut.every((it) => it.legs.length === 1)).toBe(true);
    expect(cheapestItineraries(ctx, { ...query, cost, maxExtensions: 10_000 })).toEqual(cheapestItineraries(ctx, { ...query, cost }));
  });
});
