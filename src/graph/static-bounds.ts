// Static lower bounds to a zone, per node: the least minutes and the least cost of any path,
// ignoring timetables. Dijkstra runs on the reversed graph from the zone, so one run answers
// every node. They prune the itinerary search: a parcel at node n at time t cannot reach the
// zone before t + minMinutesToZone(n), whatever departures it takes.
//
// Our own Dijkstra with a binary heap, not graphology-shortest-path's: that one builds the
// node path to every node and leaves the lengths to be summed again, and the per-parcel ranking
// costs ask for one run per weight step and zone — on the S batch those runs were a fifth of the
// candidates phase.
import type { LaneAttributes, NetworkGraph } from './network-graph.js';

/** Weight of a lane (by id and attributes) for a bound; must be finite and >= 0. */
export type LaneWeight = (lane: string, attributes: LaneAttributes) => number;

/**
 * Least total weight from every node to `zone` over the lanes of `reverse` (the reversed graph).
 * Nodes that cannot reach the zone are absent. The zone itself maps to 0.
 */
export function minWeightToZone(reverse: NetworkGraph, zone: string, weight: LaneWeight): Map<string, number> {
  if (!reverse.hasNode(zone)) throw new Error(`xbroute/graph: unknown zone "${zone}"`);
  const best = new Map<string, number>([[zone, 0]]);
  const done = new Set<string>();
  const heap = new MinHeap();
  heap.push(0, zone);
  for (let top = heap.pop(); top !== undefined; top = heap.pop()) {
    const [at, node] = top;
    if (done.has(node)) continue;
    done.add(node);
    reverse.forEachOutEdge(node, (lane, attributes, _source, next) => {
      const w = weight(lane, attributes);
      // A NaN or negative weight would make the bound a lie that prunes real itineraries.
      if (!Number.isFinite(w) || w < 0) throw new Error(`xbroute/graph: lane "${lane}" has bound weight ${w}`);
      const via = at + w;
      if (via < (best.get(next) ?? Infinity)) {
        best.set(next, via);
        heap.push(via, next);
      }
    });
  }
  return best;
}

/** A binary heap of (key, node), least key first (equal keys in no particular order: only the keys are read). */
class MinHeap {
  private readonly keys: number[] = [];
  private readonly nodes: string[] = [];

  push(key: number, node: string): void {
    const { keys, nodes } = this;
    let i = keys.length;
    keys.push(key);
    nodes.push(node);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent]! <= key) break;
      keys[i] = keys[parent]!;
      nodes[i] = nodes[parent]!;
      i = parent;
    }
    keys[i] = key;
    nodes[i] = node;
  }

  pop(): [number, string] | undefined {
    const { keys, nodes } = this;
    if (keys.length === 0) return undefined;
    const top: [number, string] = [keys[0]!, nodes[0]!];
    const key = keys.pop()!;
    const node = nodes.pop()!;
    const n = keys.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= n) break;
        const right = left + 1;
        const child = right < n && keys[right]! < keys[left]! ? right : left;
        if (keys[child]! >= key) break;
        keys[i] = keys[child]!;
        nodes[i] = nodes[child]!;
        i = child;
      }
      keys[i] = key;
      nodes[i] = node;
    }
    return top;
  }
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
