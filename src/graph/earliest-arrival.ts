// Time-dependent earliest arrival from a source at an instant to a zone, over real departures.
// Every lane is FIFO (leaving later never arrives earlier: weekly lanes have one block time,
// continuous and working-time lanes are monotone), so Dijkstra on arrival times is exact, and
// A* with the static minutes bound (a consistent heuristic: no lane is faster than its bound)
// stops as soon as the zone is reached. If the best route has more than ctx.maxLegs legs, a
// hop-limited Bellman–Ford pass finds the best route within the limit instead.
import { must } from '../domain/network-index.js';
import type { ItineraryContext } from './context.js';
import { type Itinerary, type ItineraryCost, type ItineraryLeg } from './itinerary.js';
import { MinHeap } from './min-heap.js';

const MINUTE_MS = 60_000;

/** Legs of the earliest-arrival itinerary, or null when the zone cannot be reached. Memoised. */
export function earliestArrivalLegs(
  ctx: ItineraryContext,
  source: string,
  destination: string,
  readyMs: number,
): readonly ItineraryLeg[] | null {
  const key = `${source}|${destination}|${readyMs}`;
  const memo = ctx.memo.earliestLegs;
  const hit = memo.get(key);
  if (hit !== undefined || memo.has(key)) return hit ?? null;
  let legs = aStar(ctx, source, destination, readyMs);
  if (legs !== null && legs.length > ctx.maxLegs) legs = hopLimited(ctx, source, destination, readyMs);
  const frozen = legs === null ? null : Object.freeze(legs.map((leg) => Object.freeze(leg)));
  memo.set(key, frozen);
  return frozen;
}

/** An itinerary of `legs` (shared, frozen), priced with `cost`. */
export function itineraryOf(
  source: string,
  destination: string,
  readyMs: number,
  legs: readonly ItineraryLeg[],
  cost: ItineraryCost,
): Itinerary {
  const last = legs[legs.length - 1];
  return {
    source,
    destination,
    readyMs,
    legs: legs as ItineraryLeg[], // frozen: shared with the memo
    arrivalMs: last === undefined ? readyMs : last.arrivalMs,
    costMinor: cost(legs),
  };
}

function aStar(ctx: ItineraryContext, source: string, destination: string, readyMs: number): ItineraryLeg[] | null {
  const { model } = ctx;
  const arrival = new Map<string, number>([[source, readyMs]]);
  const via = new Map<string, ItineraryLeg>();
  const settled = new Set<string>();
  const heap = new MinHeap<string>();
  heap.push(readyMs + ctx.minMinutesToZone(source, destination) * MINUTE_MS, source);
  while (heap.size > 0) {
    const node = (heap.pop() as { value: string }).value;
    if (settled.has(node)) continue;
    settled.add(node);
    if (node === destination) break;
    const leaveMs = model.readyToLeave(node, arrival.get(node) as number);
    for (const step of ctx.stepsToward(destination, node, null)) {
      if (settled.has(step.to)) continue;
      const dep = ctx.departures(step.lane, leaveMs, 1)[0];
      if (dep === undefined) continue;
      if (dep.arrivalMs < (arrival.get(step.to) ?? Infinity)) {
        arrival.set(step.to, dep.arrivalMs);
        via.set(step.to, { lane: step.lane, from: node, to: step.to, departureMs: dep.departureMs, arrivalMs: dep.arrivalMs });
        heap.push(dep.arrivalMs + step.toZoneMs, step.to);
      }
    }
  }
  if (!settled.has(destination)) return null;
  const legs: ItineraryLeg[] = [];
  for (let node = destination; node !== source; ) {
    const leg = must(via, node, 'leg into node');
    legs.push(leg);
    node = leg.from;
  }
  return legs.reverse();
}

/**
 * Earliest arrival using at most ctx.maxLegs legs: round h keeps, per node, the earliest arrival
 * over routes of at most h legs. A label never extends to a node already on its own route:
 * by FIFO, reaching that node earlier along the route's prefix dominates it.
 */
function hopLimited(ctx: ItineraryContext, source: string, destination: string, readyMs: number): ItineraryLeg[] | null {
  const { model, index } = ctx;
  interface Label { arrivalMs: number; legs: ItineraryLeg[]; nodes: Set<string> }
  const best = new Map<string, Label>([[source, { arrivalMs: readyMs, legs: [], nodes: new Set([source]) }]]);
  let frontier = [source];
  for (let hop = 1; hop <= ctx.maxLegs && frontier.length > 0; hop++) {
    const improved = new Set<string>();
    const snapshot = new Map(best);
    for (const node of frontier) {
      if (node === destination) continue;
      const label = snapshot.get(node) as Label;
      const leaveMs = model.readyToLeave(node, label.arrivalMs);
      for (const lane of index.lanesFrom.get(node) ?? []) {
        if (label.nodes.has(lane.to) || ctx.minMinutesToZone(lane.to, destination) === Infinity) continue;
        const dep = ctx.departures(lane.id, leaveMs, 1)[0];
        if (dep === undefined || dep.arrivalMs >= (best.get(lane.to)?.arrivalMs ?? Infinity)) continue;
        const leg = { lane: lane.id, from: node, to: lane.to, departureMs: dep.departureMs, arrivalMs: dep.arrivalMs };
        best.set(lane.to, { arrivalMs: dep.arrivalMs, legs: [...label.legs, leg], nodes: new Set([...label.nodes, lane.to]) });
        improved.add(lane.to);
      }
    }
    frontier = [...improved];
  }
  return best.get(destination)?.legs ?? null;
}
