// Properties of the itinerary search on random small networks (fast-check, seeded):
// FIFO earliest arrival, legs on real departures after handling and cut-off, cost order,
// deadlines met, and the pruned search equal to a brute-force enumeration.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Lane } from '../../src/domain/network.js';
import {
  MAX_LEGS, compareItineraries, earliestArrival, referenceParcelCost, searchItineraries,
  type Itinerary, type ItineraryContext, type ItineraryCost, type ItineraryLeg,
} from '../../src/graph/itineraries.js';
import { buildNetwork, fixture, type LaneInput, type NodeInput } from './fixtures.js';

const ZONES = ['Asia/Shanghai', 'Asia/Tokyo', 'America/Los_Angeles', 'Europe/Berlin', 'Pacific/Auckland', 'UTC'];
const NODES: { id: string; kind: NodeInput['kind'] }[] = [
  { id: 'B0', kind: 'storage_base' }, { id: 'B1', kind: 'storage_base' },
  { id: 'A0', kind: 'airport' }, { id: 'A1', kind: 'airport' }, { id: 'A2', kind: 'airport' },
  { id: 'P0', kind: 'clearance_port' },
  { id: 'Z0', kind: 'zone' }, { id: 'Z1', kind: 'zone' },
];
// Lanes may join these pairs (A1→A0 and A0→A1 both: cycles the search must not loop on).
const PAIRS: [string, string][] = [
  ['B0', 'A0'], ['B0', 'A1'], ['B1', 'A1'], ['B1', 'A2'], ['A0', 'A1'], ['A1', 'A0'], ['A1', 'A2'],
  ['A0', 'P0'], ['A1', 'P0'], ['A2', 'P0'], ['A2', 'Z1'], ['P0', 'Z0'], ['P0', 'Z1'], ['B0', 'P0'],
];

const schedule = fc.oneof(
  fc.record({
    kind: fc.constant('weekly' as const),
    departures: fc.array(
      fc.record({
        weekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
        time: fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
          .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    transitMinutes: fc.integer({ min: 30, max: 900 }),
    cutoffMinutes: fc.integer({ min: 0, max: 240 }),
  }),
  fc.record({ kind: fc.constant('continuous' as const), transitMinutes: fc.integer({ min: 0, max: 1500 }) }),
  // Clearance-like work in the destination's working hours (09:00–18:00, every day).
  fc.record({ kind: fc.constant('working_time' as const), workingMinutes: fc.integer({ min: 0, max: 600 }) }),
);

const laneSpec = fc.record({
  copies: fc.integer({ min: 0, max: 2 }), // 0: no lane on this pair; 2: parallel lanes
  schedules: fc.tuple(schedule, schedule),
  // Coarse fees make equal costs common: ties are where an off-by-one in pruning shows.
  fees: fc.tuple(fc.constantFrom(0, 1000, 2000), fc.constantFrom(0, 1000, 2000)),
});

const networkArb = fc
  .record({
    zones: fc.array(fc.constantFrom(...ZONES), { minLength: NODES.length, maxLength: NODES.length }),
    handling: fc.array(fc.tuple(fc.integer({ min: 0, max: 180 }), fc.constantFrom(0, 500)), {
      minLength: NODES.length, maxLength: NODES.length,
    }),
    lanes: fc.array(laneSpec, { minLength: PAIRS.length, maxLength: PAIRS.length }),
  })
  .map(({ zones, handling, lanes }) => {
    const nodes: NodeInput[] = NODES.map((n, i) => ({
      ...n, timeZone: zones[i] as string, handlingMinutes: handling[i]?.[0] ?? 0, handlingPerParcelMinor: handling[i]?.[1] ?? 0,
    }));
    const laneInputs: LaneInput[] = [];
    PAIRS.forEach(([from, to], i) => {
      const spec = lanes[i];
      for (let c = 0; c < (spec?.copies ?? 0); c++) {
        laneInputs.push({
          id: `${from}-${to}-${c}`, from, to, mode: 'truck',
          schedule: spec?.schedules[c] as Lane['schedule'], cost: { perParcelMinor: spec?.fees[c] ?? 0 },
        });
      }
    });
    return buildNetwork(nodes, laneInputs);
  });

const WINDOW_START = Date.parse('2026-10-20T00:00:00Z'); // spans the European and US DST ends
const instant = fc.integer({ min: 0, max: 40 * 24 * 60 }).map((minutes) => WINDOW_START + minutes * 60_000);
const query = fc.record({
  source: fc.constantFrom('B0', 'B1'),
  destination: fc.constantFrom('Z0', 'Z1'),
  readyMs: instant,
  slackMinutes: fc.integer({ min: 0, max: 12 * 24 * 60 }),
  k: fc.integer({ min: 1, max: 4 }),
  departuresPerLane: fc.integer({ min: 1, max: 3 }),
});

const RUNS = { seed: 42, numRuns: 150 };

/** Every simple itinerary of at most MAX_LEGS legs on the first `perLane` departures, by the deadline. */
function bruteForce(ctx: ItineraryContext, source: string, destination: string, readyMs: number, deadlineMs: number, perLane: number, cost: ItineraryCost): Itinerary[] {
  const out: Itinerary[] = [];
  const walk = (node: string, arrivalMs: number, legs: ItineraryLeg[], seen: Set<string>): void => {
    if (node === destination) {
      if (arrivalMs <= deadlineMs) out.push({ source, destination, readyMs, legs, arrivalMs, costMinor: cost(legs) });
      return;
    }
    if (legs.length === MAX_LEGS) return;
    const leave = ctx.model.readyToLeave(node, arrivalMs);
    for (const lane of ctx.index.lanesFrom.get(node) ?? []) {
      if (seen.has(lane.to)) continue;
      for (const d of ctx.model.departuresFrom(lane.id, leave, perLane)) {
        const leg = { lane: lane.id, from: node, to: lane.to, departureMs: d.departureMs, arrivalMs: d.arrivalMs };
        walk(lane.to, d.arrivalMs, [...legs, leg], new Set([...seen, lane.to]));
      }
    }
  };
  walk(source, readyMs, [], new Set([source]));
  return out.sort(compareItineraries);
}

const key = (i: Itinerary) => `${i.costMinor}|${i.arrivalMs}|${i.legs.map((l) => `${l.lane}@${l.departureMs}`).join(',')}`;

describe('itinerary search properties', () => {
  it('a later ready time never gives an earlier earliest arrival', () => {
    fc.assert(
      fc.property(networkArb, query, fc.integer({ min: 0, max: 3 * 24 * 60 }), (network, q, laterMinutes) => {
        const { ctx } = fixture(network);
        const early = earliestArrival(ctx, q.source, q.destination, q.readyMs);
        const late = earliestArrival(ctx, q.source, q.destination, q.readyMs + laterMinutes * 60_000);
        if (early === null) return late === null || late.arrivalMs >= q.readyMs; // past the horizon at most
        return late === null || late.arrivalMs >= early.arrivalMs;
      }),
      RUNS,
    );
  });

  it('every leg is a real departure of its lane, after the previous arrival + handling and the cut-off', () => {
    fc.assert(
      fc.property(networkArb, query, (network, q) => {
        const { ctx, model, index } = fixture(network);
        const found = searchItineraries(ctx, { ...q, deadlineMs: q.readyMs + q.slackMinutes * 60_000 });
        for (const itinerary of [...found.itineraries, ...(found.earliest ? [found.earliest] : [])]) {
          let at = itinerary.source;
          let arrivalMs = itinerary.readyMs;
          const visited = new Set([at]);
          expect(itinerary.legs.length).toBeLessThanOrEqual(MAX_LEGS);
          for (const leg of itinerary.legs) {
            const lane = index.lanes.get(leg.lane);
            expect(lane?.from).toBe(at);
            expect(lane?.to).toBe(leg.to);
            expect(model.departureAt(leg.lane, leg.departureMs)).toEqual({ lane: leg.lane, departureMs: leg.departureMs, arrivalMs: leg.arrivalMs });
            const cutoffMs = lane?.schedule.kind === 'weekly' ? lane.schedule.cutoffMinutes * 60_000 : 0;
            expect(leg.departureMs - cutoffMs).toBeGreaterThanOrEqual(model.readyToLeave(at, arrivalMs));
            expect(visited.has(leg.to)).toBe(false);
            visited.add(leg.to);
            at = leg.to;
            arrivalMs = leg.arrivalMs;
          }
          expect(at).toBe(itinerary.destination);
          expect(itinerary.arrivalMs).toBe(arrivalMs);
        }
      }),
      RUNS,
    );
  });

  it('itineraries are sorted by cost, meet the deadline, are distinct, and are no earlier than the earliest', () => {
    fc.assert(
      fc.property(networkArb, query, (network, q) => {
        const { ctx } = fixture(network);
        const deadlineMs = q.readyMs + q.slackMinutes * 60_000;
        const found = searchItineraries(ctx, { ...q, deadlineMs });
        const list = found.itineraries;
        expect(list.length).toBeLessThanOrEqual(q.k);
        for (let i = 1; i < list.length; i++) {
          expect((list[i] as Itinerary).costMinor).toBeGreaterThanOrEqual((list[i - 1] as Itinerary).costMinor);
          expect(compareItineraries(list[i - 1] as Itinerary, list[i] as Itinerary)).toBeLessThan(0);
        }
        for (const it of list) {
          expect(it.arrivalMs).toBeLessThanOrEqual(deadlineMs);
          expect(it.arrivalMs).toBeGreaterThanOrEqual(found.earliest?.arrivalMs ?? Infinity);
        }
        if (found.earliest === null || found.earliest.arrivalMs > deadlineMs) expect(list).toEqual([]);
      }),
      RUNS,
    );
  });

  it('the pruned search returns exactly the k first of a brute-force enumeration', () => {
    fc.assert(
      fc.property(networkArb, query, fc.boolean(), (network, q, additive) => {
        const { ctx } = fixture(network);
        const deadlineMs = q.readyMs + q.slackMinutes * 60_000;
        // A cost that is not a sum over lanes exercises the unpruned path: fewer legs first.
        const cost: ItineraryCost = additive ? referenceParcelCost(ctx) : (legs) => legs.length * 100 + (legs[0]?.lane.length ?? 0);
        const found = searchItineraries(ctx, { ...q, deadlineMs, cost });
        const expected = bruteForce(ctx, q.source, q.destination, q.readyMs, deadlineMs, q.departuresPerLane, cost).slice(0, q.k);
        expect(found.itineraries.map(key)).toEqual(expected.map(key));
        // The earliest arrival is the least over every itinerary on first departures (FIFO lanes).
        const firsts = bruteForce(ctx, q.source, q.destination, q.readyMs, Infinity, 1, cost);
        expect(found.earliest?.arrivalMs ?? null).toBe(firsts.length === 0 ? null : Math.min(...firsts.map((i) => i.arrivalMs)));
      }),
      RUNS,
    );
  });
});
