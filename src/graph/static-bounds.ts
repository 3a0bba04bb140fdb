// Static lower bounds to a zone, per node: the least minutes and the least cost of any path,
// ignoring timetables. Dijkstra (graphology-shortest-path) runs on the reversed graph from the
// zone, so one run answers every node. They prune the itinerary search: a parcel at node n at
// time t cannot reach the zone before t + minMinutesToZone(n), whatever departures it takes.
import { singleSource } from 'graphology-shortest-path/dijkstra.js';
import type { LaneAttributes, NetworkGraph } from './network-graph.js';

/** Weight of a lane (by id and attributes) for a bound; must be finite and >= 0. */
export type LaneWeight = (lane: string, attributes: LaneAttributes) => number;

/**
 * Least total weight from every node to `zone` over the lanes of `reverse` (the reversed graph).
 * Nodes that cannot reach the zone are absent. The zone itself maps to 0.
 */
export function minWeightToZone(reverse: NetworkGraph, zone: string, weight: LaneWeight): Map<string, number> {
  if (!reverse.hasNode(zone)) throw new Error(`xbroute/graph: unknown zone "${zone}"`);
  const safeWeight = (lane: string, attributes: LaneAttributes): number => {
    const w = weight(lane, attributes);
    // graphology would read NaN as 1 and carry on: a wrong bound prunes real itineraries.
    if (!Number.isFinite(w) || w < 0) throw new Error(`xbroute/graph: lane "${lane}" has bound weight ${w}`);
    return w;
  };
  // The library returns node paths only; the length of a path is the sum, over consecutive
  // nodes, of the lightest parallel lane between them (the one Dijkstra relaxed with).
  const paths = singleSource(reverse, zone, safeWeight);
  const lightest = new Map<string, number>();
  const step = (a: string, b: string): number => {
    const key = `${a}\u0000${b}`;
    let w = lightest.get(key);
    if (w === undefined) {
      w = Infinity;
      for (const lane of reverse.outEdges(a, b)) w = Math.min(w, safeWeight(lane, reverse.getEdgeAttributes(lane)));
      lightest.set(key, w);
    }
    return w;
  };
  const result = new Map<string, number>();
  for (const [node, path] of Object.entries(paths)) {
    let total = 0;
    for (let i = 1; i < path.length; i++) total += step(path[i - 1] as string, path[i] as string);
    result.set(node, total);
  }
  return result;
}

/** Least minutes from arriving at each node to arriving at `zone` (handling + cut-offs + transit). */
export function minMinutesToZone(reverse: NetworkGraph, zone: string): Map<string, number> {
  return minWeightToZone(reverse, zone, (_lane, a) => a.minMinutes);
}

/**
 * Least cost one parcel pays from each node to `zone`: handling per parcel at the nodes it
 * leaves and the lanes' per-parcel fees. Valid for any parcel, since freight shares, per-kg
 * fees and consolidation costs are all >= 0.
 */
export function minCostToZone(reverse: NetworkGraph, zone: string): Map<string, number> {
  return minWeightToZone(reverse, zone, (_lane, a) => a.minParcelCostMinor);
}
