// Itinerary search: the earliest arrival of a parcel from a source to a zone, and the k
// cheapest itineraries that meet a deadline, over real dated departures.
//
// The k cheapest come from a depth-first branch and bound over simple paths of at most
// ctx.maxLegs legs (MAX_LEGS unless the context was made with another), trying the first `departuresPerLane` departures of each lane (later
// departures on the same lanes are real alternatives: they matter for consolidation).
// Pruning: by time, a parcel at node n at t cannot arrive before t + minMinutesToZone(n);
// by cost (additive costs only), a partial itinerary whose cost plus the least cost from
// its node exceeds the k-th best so far cannot enter the list. Ties are kept until the full
// order (cost, arrival, lanes, departures) decides them, so the answer is deterministic.
import { UsageError } from '../domain/errors.js';
import { MemoMap, type ItineraryContext } from './context.js';
import { earliestArrivalLegs, itineraryOf } from './earliest-arrival.js';
import {
  type AdditiveItineraryCost, compareItineraries, isAdditiveCost, type Itinerary, type ItineraryCost, type ItineraryLeg,
  type ItinerarySearch,
} from './itinerary.js';
import { referenceParcelCost } from './reference-cost.js';

export type { Itinerary, ItineraryCost, ItineraryLeg, ItinerarySearch, AdditiveItineraryCost } from './itinerary.js';
export { MAX_LEGS, MAX_LEGS_LIMIT, additiveCost, compareItineraries, isAdditiveCost } from './itinerary.js';
export { createItineraryContext, type ItineraryContext, type ItinerarySettings } from './context.js';
export { parcelRankingCost, referenceParcelCost, REFERENCE_LOAD_KG, REFERENCE_PARCEL } from './reference-cost.js';

/** How many departures of each weekly lane are tried when none is given. */
export const DEFAULT_DEPARTURES_PER_LANE = 2;

export interface ItineraryQuery {
  source: string;
  /** A zone node. */
  destination: string;
  /** When the parcel is at the source (order creation), UTC epoch ms. */
  readyMs: number;
  /** Latest acceptable arrival at the destination, UTC epoch ms (Infinity: none). */
  deadlineMs: number;
  /** How many itineraries to return at most (>= 1). */
  k: number;
  /** Departures tried per lane, earliest first (>= 1). @default 2 */
  departuresPerLane?: number;
  /** @default referenceParcelCost(ctx) */
  cost?: ItineraryCost;
  /**
   * For a cost that is not additive (one that depends on the departures, say): an additive
   * figure per lane whose sum over an itinerary's legs never exceeds `cost` of it. The search
   * prunes with it as with an additive cost; without one, a cost that is not additive is
   * searched exhaustively within the deadline. An additive `cost` is its own.
   */
  floor?: AdditiveItineraryCost;
  /** Only itineraries that cost less than this (a known one's cost: the search prunes from the start). @default Infinity */
  below?: number;
  /**
   * Partial itineraries extended at most (a work limit, the same on any machine): past it the
   * search answers the best found so far. @default Infinity
   */
  maxExtensions?: number;
}

/**
 * The earliest itinerary (deadline or not) and the k cheapest that arrive by the deadline.
 * Results are memoised per context, cost function and query, and shared: do not mutate them
 * (they are frozen).
 */
export function searchItineraries(ctx: ItineraryContext, q: ItineraryQuery): ItinerarySearch {
  const cost = q.cost ?? referenceParcelCost(ctx);
  const departuresPerLane = checkQuery(ctx, q);

  let memo = ctx.memo.searches.get(cost);
  if (memo === undefined) {
    memo = new MemoMap<ItinerarySearch>();
    ctx.memo.searches.set(cost, memo);
  }
  const key = `${q.source}|${q.destination}|${q.readyMs}|${q.deadlineMs}|${q.k}|${departuresPerLane}|${q.below ?? ''}|${q.maxExtensions ?? ''}`;
  const hit = memo.get(key);
  if (hit !== undefined) return hit;

  const legs = earliestArrivalLegs(ctx, q.source, q.destination, q.readyMs);
  const earliest = legs === null ? null : Object.freeze(itineraryOf(q.source, q.destination, q.readyMs, legs, cost));
  const itineraries =
    earliest === null || earliest.arrivalMs > q.deadlineMs ? [] : kCheapest(ctx, q, cost, departuresPerLane);
  const result: ItinerarySearch = Object.freeze({ earliest, itineraries: Object.freeze(itineraries) as Itinerary[] });
  memo.set(key, result);
  return result;
}

/**
 * The k cheapest itineraries that arrive by the deadline, searched afresh: for a cost that
 * changes from one call to the next (one priced against a plan's loads), where the memo of
 * searchItineraries would only hold answers nobody asks for again. No earliest arrival.
 */
export function cheapestItineraries(ctx: ItineraryContext, q: ItineraryQuery): Itinerary[] {
  const cost = q.cost ?? referenceParcelCost(ctx);
  const departuresPerLane = checkQuery(ctx, q);
  return kCheapest(ctx, q, cost, departuresPerLane);
}

/** Checks a query's ends and numbers; its departures per lane. */
function checkQuery(ctx: ItineraryContext, q: ItineraryQuery): number {
  const departuresPerLane = q.departuresPerLane ?? DEFAULT_DEPARTURES_PER_LANE;
  checkEnds(ctx, q.source, q.destination);
  if (!Number.isInteger(q.k) || q.k < 1) throw new UsageError(`xbroute/graph: k must be an integer >= 1, found ${q.k}`);
  if (!Number.isInteger(departuresPerLane) || departuresPerLane < 1) {
    throw new UsageError(`xbroute/graph: departuresPerLane must be an integer >= 1, found ${departuresPerLane}`);
  }
  if (!Number.isFinite(q.readyMs)) throw new UsageError(`xbroute/graph: readyMs must be a finite instant, found ${q.readyMs}`);
  if (Number.isNaN(q.deadlineMs)) throw new UsageError('xbroute/graph: deadlineMs must be an instant or Infinity, found NaN');
  return departuresPerLane;
}

/** The earliest-arrival itinerary from `source` ready at `readyMs` to zone `destination`; null = no route. */
export function earliestArrival(
  ctx: ItineraryContext,
  source: string,
  destination: string,
  readyMs: number,
  cost: ItineraryCost = referenceParcelCost(ctx),
): Itinerary | null {
  checkEnds(ctx, source, destination);
  if (!Number.isFinite(readyMs)) throw new UsageError(`xbroute/graph: readyMs must be a finite instant, found ${readyMs}`);
  const legs = earliestArrivalLegs(ctx, source, destination, readyMs);
  return legs === null ? null : Object.freeze(itineraryOf(source, destination, readyMs, legs, cost));
}

function checkEnds(ctx: ItineraryContext, source: string, destination: string): void {
  if (!ctx.index.nodes.has(source)) throw new UsageError(`xbroute/graph: unknown source node "${source}"`);
  const zone = ctx.index.nodes.get(destination);
  if (zone === undefined) throw new UsageError(`xbroute/graph: unknown destination node "${destination}"`);
  if (zone.kind !== 'zone') throw new UsageError(`xbroute/graph: destination "${destination}" is not a zone (kind ${zone.kind})`);
  if (source === destination) throw new UsageError(`xbroute/graph: source and destination are both "${source}"`);
}

function kCheapest(ctx: ItineraryContext, q: ItineraryQuery, cost: ItineraryCost, departuresPerLane: number): Itinerary[] {
  const { model } = ctx;
  const { source, destination, readyMs, deadlineMs, k } = q;
  // Pruning is sound with any figure at or below the cost: steps are cut only when even their
  // figure cannot beat the k-th real cost kept.
  const additive = isAdditiveCost(cost) ? cost : (q.floor ?? null);
  const best: Itinerary[] = [];
  const legs: ItineraryLeg[] = [];
  const onPath = new Set<string>([source]);
  // The k-th cost so far: a partial itinerary that must cost more cannot enter the list.
  const below = q.below ?? Infinity;
  let extensions = q.maxExtensions ?? Infinity;
  const worstKept = (): number => (best.length < k ? below : (best[k - 1] as Itinerary).costMinor);

  const record = (arrivalMs: number): void => {
    const costMinor = cost(legs);
    if (!(costMinor < below)) return;
    const worst = best.length === k ? (best[k - 1] as Itinerary) : undefined;
    // Most candidates do not enter the list: decide before copying anything.
    if (worst !== undefined && costMinor > worst.costMinor) return;
    const candidate: Itinerary = { source, destination, readyMs, legs, arrivalMs, costMinor };
    if (worst !== undefined && compareItineraries(candidate, worst) >= 0) return;
    // Leg objects are never changed once pushed (each push makes a new one): freeze them as they are.
    const itinerary = Object.freeze({ ...candidate, legs: Object.freeze(legs.map((leg) => Object.freeze(leg))) as ItineraryLeg[] });
    let at = best.length;
    while (at > 0 && compareItineraries(itinerary, best[at - 1] as Itinerary) < 0) at--;
    best.splice(at, 0, itinerary);
    if (best.length > k) best.pop();
  };

  const visit = (node: string, arrivalMs: number, costSoFar: number): void => {
    if (node === destination) {
      record(arrivalMs);
      return;
    }
    if (legs.length === ctx.maxLegs) return;
    const leaveMs = model.readyToLeave(node, arrivalMs);
    for (const step of ctx.stepsToward(destination, node, additive)) {
      const { to, toZoneMs } = step;
      if (onPath.has(to) || leaveMs + step.laneMs + toZoneMs > deadlineMs) continue;
      const nextCost = costSoFar + step.laneCostMinor;
      // Steps are sorted by this bound: once one cannot enter the list, none after it can.
      if (additive !== null && nextCost + step.toZoneCostMinor > worstKept()) break;
      for (const dep of ctx.departures(step.lane, leaveMs, departuresPerLane)) {
        if (dep.arrivalMs + toZoneMs > deadlineMs) continue;
        if (--extensions < 0) return;
        legs.push({ lane: step.lane, from: node, to, departureMs: dep.departureMs, arrivalMs: dep.arrivalMs });
        onPath.add(to);
        visit(to, dep.arrivalMs, nextCost);
        onPath.delete(to);
        legs.pop();
      }
    }
  };

  visit(source, readyMs, 0);
  return best;
}
