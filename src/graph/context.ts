// What itinerary searches share: the time model, the graph and its reverse, the static bounds
// per zone, and memo tables. Built once per network (per worker), then used for thousands of
// searches; every table is keyed by plain values, so a cached answer is the answer.
import type { NetworkIndex } from '../domain/network-index.js';
import type { Departure, TimeModel } from '../time/index.js';
import { UsageError } from '../domain/errors.js';
import { MAX_LEGS, MAX_LEGS_LIMIT, type AdditiveItineraryCost, type ItineraryCost, type ItineraryLeg, type ItinerarySearch } from './itinerary.js';
import { buildNetworkGraph, reverseNetworkGraph, type NetworkGraph } from './network-graph.js';
import { minCostToZone, minMinutesToZone, minWeightToZone } from './static-bounds.js';

/** Entries a memo table holds before it is emptied (bounds memory over a long-lived context). */
export const MEMO_LIMIT = 200_000;

const MINUTE_MS = 60_000;

export interface ItineraryContext {
  readonly model: TimeModel;
  /** Most legs an itinerary may have (see ItinerarySettings.maxLegs). */
  readonly maxLegs: number;
  readonly index: NetworkIndex;
  readonly graph: NetworkGraph;
  /** The graph with every lane reversed (for bounds to a zone). */
  readonly reverse: NetworkGraph;
  /** Least minutes from arriving at `node` to arriving at `zone`; Infinity if no path. */
  minMinutesToZone(node: string, zone: string): number;
  /** The same for every node that reaches `zone` (the others absent): one lookup per search rather than per lane. */
  minutesToZone(zone: string): ReadonlyMap<string, number>;
  /** Least cost any parcel pays from `node` to `zone`; Infinity if no path. */
  minCostToZone(node: string, zone: string): number;
  /** Least `cost` from `node` to `zone` over the lanes (timetables ignored); Infinity if no path. */
  minAdditiveCostToZone(cost: AdditiveItineraryCost, node: string, zone: string): number;
  /** `model.departuresFrom` (the time model caches its timetables; a memo here measured no faster). */
  departures(laneId: string, readyMs: number, limit: number): readonly Departure[];
  /**
   * The lanes worth trying from `node` towards `zone`: those whose end can still reach the zone,
   * with their bounds precomputed. With an additive cost, cheapest (lane cost + bound) first;
   * otherwise in file order. Memoised per cost and zone.
   */
  stepsToward(zone: string, node: string, cost: AdditiveItineraryCost | null): readonly LaneStep[];
  /** Memo tables of the searches (see itineraries.ts). */
  readonly memo: {
    readonly searches: WeakMap<ItineraryCost, MemoMap<ItinerarySearch>>;
    readonly earliestLegs: MemoMap<readonly ItineraryLeg[] | null>;
  };
}

/** One lane out of a node, seen from a search toward one zone. */
export interface LaneStep {
  readonly lane: string;
  readonly to: string;
  /** Least ms of the lane itself (cut-off + transit, …). */
  readonly laneMs: number;
  /** Least ms from arriving at `to` to arriving at the zone. */
  readonly toZoneMs: number;
  /** The additive cost of the lane (0 without one). */
  readonly laneCostMinor: number;
  /** Least additive cost from `to` to the zone (0 without one). */
  readonly toZoneCostMinor: number;
}

/** A Map that empties itself when it reaches MEMO_LIMIT entries. */
export class MemoMap<V> {
  readonly #map = new Map<string, V>();
  constructor(readonly limit: number = MEMO_LIMIT) {}
  get(key: string): V | undefined {
    return this.#map.get(key);
  }
  has(key: string): boolean {
    return this.#map.has(key);
  }
  set(key: string, value: V): void {
    if (this.#map.size >= this.limit) this.#map.clear();
    this.#map.set(key, value);
  }
  get size(): number {
    return this.#map.size;
  }
}

export interface ItinerarySettings {
  /**
   * Most legs of one itinerary. Searches (cheapest and earliest) look no further, so an order
   * whose only routings are longer is answered NO_ROUTE — which the verifier, searching without
   * a cap, rejects: on hub networks where parcels transfer often, raise it to the longest
   * routing the network needs. Longer caps make searches slower on dense networks.
   * @default MAX_LEGS (6: base, airport, air, clearance, port, last mile, and one transfer)
   */
  maxLegs?: number;
}

export function createItineraryContext(model: TimeModel, settings: ItinerarySettings = {}): ItineraryContext {
  const maxLegs = settings.maxLegs ?? MAX_LEGS;
  if (!Number.isInteger(maxLegs) || maxLegs < 1 || maxLegs > MAX_LEGS_LIMIT) {
    throw new UsageError(`xbroute/graph: maxLegs must be an integer 1 … ${MAX_LEGS_LIMIT}, found ${maxLegs}`);
  }
  const index = model.index;
  const graph = buildNetworkGraph(index);
  const reverse = reverseNetworkGraph(graph);
  const minutesByZone = new Map<string, Map<string, number>>();
  const costByZone = new Map<string, Map<string, number>>();
  const additiveByCost = new WeakMap<AdditiveItineraryCost, Map<string, Map<string, number>>>();

  const perZone = (table: Map<string, Map<string, number>>, zone: string, compute: () => Map<string, number>) => {
    let bounds = table.get(zone);
    if (bounds === undefined) {
      bounds = compute();
      table.set(zone, bounds);
    }
    return bounds;
  };

  // Steps per cost (or NO_COST) → zone → node.
  const NO_COST = {};
  const stepTables = new WeakMap<object, Map<string, Map<string, readonly LaneStep[]>>>();

  const context: ItineraryContext = {
    model,
    maxLegs,
    index,
    graph,
    reverse,
    minMinutesToZone(node, zone) {
      return context.minutesToZone(zone).get(node) ?? Infinity;
    },
    minutesToZone(zone) {
      return perZone(minutesByZone, zone, () => minMinutesToZone(reverse, zone));
    },
    minCostToZone(node, zone) {
      return perZone(costByZone, zone, () => minCostToZone(reverse, zone)).get(node) ?? Infinity;
    },
    minAdditiveCostToZone(cost, node, zone) {
      let table = additiveByCost.get(cost);
      if (table === undefined) {
        table = new Map();
        additiveByCost.set(cost, table);
      }
      return perZone(table, zone, () => minWeightToZone(reverse, zone, (lane) => cost.laneCostMinor(lane))).get(node) ?? Infinity;
    },
    departures: (laneId, readyMs, limit) => model.departuresFrom(laneId, readyMs, limit),
    stepsToward(zone, node, cost) {
      const costKey = cost ?? NO_COST;
      let byZone = stepTables.get(costKey);
      if (byZone === undefined) {
        byZone = new Map();
        stepTables.set(costKey, byZone);
      }
      let byNode = byZone.get(zone);
      if (byNode === undefined) {
        byNode = new Map();
        byZone.set(zone, byNode);
      }
      let steps = byNode.get(node);
      if (steps === undefined) {
        steps = buildSteps(context, zone, node, cost);
        byNode.set(node, steps);
      }
      return steps;
    },
    memo: { searches: new WeakMap(), earliestLegs: new MemoMap() },
  };
  return context;
}

function buildSteps(ctx: ItineraryContext, zone: string, node: string, cost: AdditiveItineraryCost | null): LaneStep[] {
  const steps: LaneStep[] = [];
  for (const lane of ctx.index.lanesFrom.get(node) ?? []) {
    const toZoneMinutes = ctx.minMinutesToZone(lane.to, zone);
    if (toZoneMinutes === Infinity) continue; // a dead end for this zone
    steps.push({
      lane: lane.id,
      to: lane.to,
      laneMs: ctx.graph.getEdgeAttribute(lane.id, 'laneMinutes') * MINUTE_MS,
      toZoneMs: toZoneMinutes * MINUTE_MS,
      laneCostMinor: cost === null ? 0 : cost.laneCostMinor(lane.id),
      toZoneCostMinor: cost === null ? 0 : ctx.minAdditiveCostToZone(cost, lane.to, zone),
    });
  }
  // Stable: file order breaks ties (and is the whole order without a cost).
  if (cost !== null) steps.sort((a, b) => a.laneCostMinor + a.toZoneCostMinor - (b.laneCostMinor + b.toZoneCostMinor));
  return steps;
}
