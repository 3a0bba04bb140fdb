// The least additive figure of any itinerary from any of some sources to a zone that meets a deadline,
// over real dated departures and any number of legs: what an order's floor is made of
// (any-routing.ts). Labels (figure so far, arrival) are settled in order of figure, so the
// first to reach the zone is the cheapest; a label is dropped when one settled before it at
// the same node (no dearer) arrived no later — lanes are FIFO (leaving later never arrives
// earlier), so that one can take every departure this one could. Figures are ≥ 0, so cycles
// never help and the search ends without a leg limit. Customs steps are not modelled: the
// search sees every lane, a superset of what a parcel may use, so its answer stays a floor.
import type { Lane } from '../../domain/network.js';
import type { ItineraryContext } from '../../graph/itineraries.js';

const MINUTE_MS = 60_000;

/** A parcel's figure on one lane (≥ 0). */
export type LaneFigure = (lane: Lane) => number;

/** A dated leg of the cheapest itinerary found. */
export interface RouteLeg {
  lane: Lane;
  departureMs: number;
}

interface Label {
  figure: number;
  arrivalMs: number;
  node: string;
  /** The lane and departure that reached this label, and the label it left from (none at a source). */
  lane?: Lane;
  departureMs?: number;
  prev?: Label;
}

/** The least figure from any of `sources`, all ready at `readyMs` (one search for all: the least of each's). */
export function cheapestFigure(ctx: ItineraryContext, sources: readonly string[], zone: string, readyMs: number, deadlineMs: number, figure: LaneFigure): number {
  return cheapestLabel(ctx, sources, zone, readyMs, deadlineMs, figure)?.figure ?? Infinity;
}

/** The same search, answering the itinerary (its legs in order) with its figure; null when none meets the deadline. */
export function cheapestRoute(
  ctx: ItineraryContext,
  sources: readonly string[],
  zone: string,
  readyMs: number,
  deadlineMs: number,
  figure: LaneFigure,
): { figure: number; legs: RouteLeg[] } | null {
  const found = cheapestLabel(ctx, sources, zone, readyMs, deadlineMs, figure);
  if (found === null) return null;
  const legs: RouteLeg[] = [];
  for (let at: Label | undefined = found; at?.lane !== undefined; at = at.prev) legs.push({ lane: at.lane, departureMs: at.departureMs! });
  return { figure: found.figure, legs: legs.reverse() };
}

function cheapestLabel(ctx: ItineraryContext, sources: readonly string[], zone: string, readyMs: number, deadlineMs: number, figure: LaneFigure): Label | null {
  const settled = new Map<string, number>();
  const heap: Label[] = [];
  const toZone = ctx.minutesToZone(zone);
  for (const source of sources) if (toZone.has(source)) push(heap, { figure: 0, arrivalMs: readyMs, node: source });
  for (let top = pop(heap); top !== undefined; top = pop(heap)) {
    if ((settled.get(top.node) ?? Infinity) <= top.arrivalMs) continue;
    settled.set(top.node, top.arrivalMs);
    if (top.node === zone) return top;
    const leaveMs = ctx.model.readyToLeave(top.node, top.arrivalMs);
    for (const lane of ctx.index.lanesFrom.get(top.node) ?? []) {
      const toZoneMinutes = toZone.get(lane.to);
      if (toZoneMinutes === undefined) continue;
      const departure = ctx.model.nextDeparture(lane.id, leaveMs);
      if (departure === null || departure.arrivalMs + toZoneMinutes * MINUTE_MS > deadlineMs) continue;
      if ((settled.get(lane.to) ?? Infinity) <= departure.arrivalMs) continue;
      push(heap, { figure: top.figure + figure(lane), arrivalMs: departure.arrivalMs, node: lane.to, lane, departureMs: departure.departureMs, prev: top });
    }
  }
  return null;
}

function before(a: Label, b: Label): boolean {
  return a.figure < b.figure || (a.figure === b.figure && a.arrivalMs < b.arrivalMs);
}

// Sifts move a hole rather than swap pairs: a destructuring swap allocated an array per step
// (55 MB over M's bound, sampling heap profile).
function push(heap: Label[], label: Label): void {
  let i = heap.length;
  heap.push(label);
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const above = heap[parent]!;
    if (!before(label, above)) break;
    heap[i] = above;
    i = parent;
  }
  heap[i] = label;
}

function pop(heap: Label[]): Label | undefined {
  const top = heap[0];
  const last = heap.pop();
  if (top === undefined || last === undefined || heap.length === 0) return top;
  const n = heap.length;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) break;
    const r = l + 1;
    const m = r < n && before(heap[r]!, heap[l]!) ? r : l;
    const below = heap[m]!;
    if (!before(below, last)) break;
    heap[i] = below;
    i = m;
  }
  heap[i] = last;
  return top;
}
