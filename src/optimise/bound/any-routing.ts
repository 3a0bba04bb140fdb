// Per order, a lower bound on what serving it costs on *any* itinerary the network allows —
// not only on the choices the optimiser kept — so that a bound built from it is a bound on
// the real problem, whose optimum may ride a departure no kept choice uses (an order's
// detour onto a lane another order already pays for).
//
// For a plan, every consolidating departure d with load W costs f_d(W) ≥ ρ_d·W − ½, with ρ_d
// the per-kg floor of its lane at the largest load one departure can carry (its allotment, and
// no more than all the orders weigh): lower-bound.ts shows why, and any real load is at most that. Sharing out
// f_d over the parcels riding d by weight, the plan costs at least
//   Σ_parcels [ own(parcel, its itinerary) + Σ_its consolidating legs (ρ_lane·w − ½) ].
// Each parcel's term is at least the cheapest, over every deadline-feasible itinerary, of the
// additive lane figure  handling at the lane's origin + per-parcel lane fee at the parcel's
// actual weight (rounded down to 0.5 kg: fees never fall with weight, and chargeable ≥ actual)
// + max(0, ρ_lane·w − ½)  on consolidating lanes. That cheapest is found by the itinerary
// search with k = 1 and one departure per lane: the figure does not depend on the departure,
// and a lane's transit is the same for every departure, so the earliest departure of each
// lane of a path is deadline-feasible whenever any is. The search visits simple paths of at
// most MAX_LEGS legs (the engine's own itinerary model). Each order's sourcing splits are the
// ones its kept choices use (which stock serves it is the sourcing step's concern).
import type { NetworkIndex } from '../../domain/network-index.js';
import { must } from '../../domain/network-index.js';
import { measureLines } from '../../domain/measure.js';
import type { Order } from '../../domain/orders.js';
import { additiveCost, type AdditiveItineraryCost, type ItineraryContext, searchItineraries } from '../../graph/itineraries.js';
import { isConsolidating, parcelLaneCostMinor } from '../../tariff/index.js';
import { perKgFloor } from './lower-bound.js';
import type { Problem } from '../model/problem.js';

/** What the bound needs of an order beyond the problem: its lines, creation and deadline. */
export interface RoutingFacts {
  order: Order;
  createdMs: number;
  deadlineMs: number;
}

/** Weight steps the lane figures are tabled at (a figure at a lighter weight is a lower bound). */
const WEIGHT_STEP_KG = 0.5;

/**
 * Per lane, the per-kg floor at the largest load one of its departures can carry in any plan
 * of these orders: its allotment, and at most `potentialKg` of the lane (see lanePotentials).
 */
export function allotmentRates(index: NetworkIndex, potentialKg: ReadonlyMap<string, number>): Map<string, number> {
  const rates = new Map<string, number>();
  for (const lane of index.network.lanes) {
    if (!isConsolidating(lane)) continue;
    const maxKg = lane.uld?.maxKg ?? Infinity;
    const allotment = lane.maxUldsPerDeparture === undefined ? Infinity : lane.maxUldsPerDeparture * maxKg;
    const cap = Math.min(allotment, potentialKg.get(lane.id) ?? 0);
    rates.set(lane.id, Number.isFinite(cap) ? (cap > 0 ? perKgFloor(lane, cap) : 0) : unboundedLoadRate(lane));
  }
  return rates;
}

/** Without an allotment the load has no cap: the floor is the least per-kg freight rate (fixed costs vanish per kg). */
function unboundedLoadRate(lane: Parameters<typeof perKgFloor>[0]): number {
  const freight = lane.cost.freight;
  let own = 0;
  if (freight !== undefined && freight.breaks.length > 0) own = Math.min(...freight.breaks.map((b) => b.perKgMinor));
  return lane.coLoad === undefined ? own : Math.min(own, lane.coLoad.perKgMinor);
}

/** Orders between two progress reports of anyRoutingFloorSteps. */
const FLOORS_PER_STEP = 250;

/**
 * Per problem order, the least cost any routing of it can contribute to a plan's total
 * (see the banner); Infinity where an order has no facts (it is then not covered).
 */
export function anyRoutingFloors(
  ctx: ItineraryContext,
  problem: Problem,
  factsOf: (orderId: string) => RoutingFacts | undefined,
  include: (order: number) => boolean,
): Float64Array {
  const floors = new Float64Array(problem.orders.length).fill(Infinity);
  for (const _ of anyRoutingFloorSteps(ctx, problem, factsOf, include, floors));
  return floors;
}

/**
 * The same, filled into `floors` (Infinity for an order not covered) a few hundred orders at a
 * time: each step yields the orders done so far, so a caller can report progress or stop
 * early — the floors filled by then still give a valid, weaker bound (anyRoutingBound skips
 * the others, as if they cost nothing).
 */
export function* anyRoutingFloorSteps(
  ctx: ItineraryContext,
  problem: Problem,
  factsOf: (orderId: string) => RoutingFacts | undefined,
  include: (order: number) => boolean,
  floors: Float64Array,
): Generator<number, void, void> {
  const index = ctx.index;
  const rates = allotmentRates(index, lanePotentials(ctx, problem, factsOf, include));
  const costs = new Map<number, AdditiveItineraryCost>();
  const costAt = (weightKg: number): AdditiveItineraryCost => {
    const steps = Math.floor(weightKg / WEIGHT_STEP_KG);
    let cost = costs.get(steps);
    if (cost === undefined) {
      const w = steps * WEIGHT_STEP_KG;
      const perLane = new Map<string, number>();
      for (const lane of index.network.lanes) {
        const handling = must(index.nodes, lane.from, 'node').handlingPerParcelMinor;
        const share = Math.max(0, (rates.get(lane.id) ?? 0) * w - 0.5);
        perLane.set(lane.id, handling + parcelLaneCostMinor(lane, w) + share);
      }
      cost = additiveCost((laneId) => perLane.get(laneId) ?? 0);
      costs.set(steps, cost);
    }
    return cost;
  };
  for (let o = 0; o < problem.orders.length; o++) {
    if (o > 0 && o % FLOORS_PER_STEP === 0) yield o;
    const po = problem.orders[o]!;
    if (!include(o)) continue;
    const facts = factsOf(po.order);
    if (facts === undefined) continue;
    const { order } = facts;
    const splits = new Set<string>();
    let least = Infinity;
    for (const choice of po.choices) {
      const key = JSON.stringify(choice.parcels.map((p) => [p.source, p.lines]));
      if (splits.has(key)) continue;
      splits.add(key);
      let total = 0;
      for (const p of choice.parcels) {
        const { weightKg } = measureLines(p.lines.map((l) => ({ line: order.lines[l.line]!, qty: l.qty })));
        const found = searchItineraries(ctx, {
          source: p.source, destination: order.destination, readyMs: facts.createdMs, deadlineMs: facts.deadlineMs,
          k: 1, departuresPerLane: 1, cost: costAt(weightKg),
        });
        total += found.itineraries[0]?.costMinor ?? Infinity;
      }
      least = Math.min(least, total);
    }
    floors[o] = least;
  }
}

/**
 * Per consolidating lane, the most weight one of its departures can carry in any plan: the
 * most, over instants t, of the weight of the orders that could ride a departure at t — those
 * whose sources reach the lane's origin, created by t, with the lane on a way to their zone
 * that arrives by the deadline even leaving at t (the search's own test: arrival + least time
 * from the lane's end to the zone). Every test is looser than the search's, so the figure
 * is never below a real load.
 */
export function lanePotentials(
  ctx: ItineraryContext,
  problem: Problem,
  factsOf: (orderId: string) => RoutingFacts | undefined,
  include: (order: number) => boolean,
): Map<string, number> {
  const index = ctx.index;
  const reachable = new Map<string, Set<string>>();
  const reachFrom = (source: string): Set<string> => {
    let seen = reachable.get(source);
    if (seen === undefined) {
      seen = new Set([source]);
      const queue = [source];
      for (let at = queue.pop(); at !== undefined; at = queue.pop()) {
        for (const lane of index.lanesFrom.get(at) ?? []) {
          if (!seen.has(lane.to)) {
            seen.add(lane.to);
            queue.push(lane.to);
          }
        }
      }
      reachable.set(source, seen);
    }
    return seen;
  };
  /** Per lane, interval events: [instant, +weight at the start / −weight after the end]. */
  const events = new Map<string, [number, number][]>();
  problem.orders.forEach((po, o) => {
    if (!include(o)) return;
    const facts = factsOf(po.order);
    if (facts === undefined) return;
    const sources = new Set(po.choices.flatMap((c) => c.parcels.map((p) => p.source)));
    const nodes = new Set<string>();
    for (const source of sources) for (const n of reachFrom(source)) nodes.add(n);
    for (const node of nodes) {
      for (const step of ctx.stepsToward(facts.order.destination, node, null)) {
        const lane = must(index.lanes, step.lane, 'lane');
        if (!isConsolidating(lane)) continue;
        const latestMs = facts.deadlineMs - step.toZoneMs;
        if (latestMs < facts.createdMs) continue;
        let list = events.get(lane.id);
        if (list === undefined) events.set(lane.id, (list = []));
        list.push([facts.createdMs, po.weightKg], [latestMs, -po.weightKg]);
      }
    }
  });
  const potentials = new Map<string, number>();
  for (const [laneId, list] of events) {
    // Starts before ends at one instant: a departure at the very end of a window still counts.
    list.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    let load = 0;
    let most = 0;
    for (const [, kg] of list) {
      load += kg;
      most = Math.max(most, load);
    }
    potentials.set(laneId, most);
  }
  return potentials;
}

/** Σ of the floors over the included orders: a lower bound on any plan serving exactly them. */
export function anyRoutingBound(floors: ArrayLike<number>, include: (order: number) => boolean): number {
  let bound = 0;
  for (let o = 0; o < floors.length; o++) if (include(o) && Number.isFinite(floors[o]!)) bound += floors[o]!;
  return Math.max(0, bound);
}
