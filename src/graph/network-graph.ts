// The network as a graphology multigraph: node keys are node ids, edge keys are lane ids.
// A multigraph because lanes run in parallel (several carriers on one airport pair).
// Every number stored on the graph is checked here: graphology's shortest-path getters
// silently read a missing or NaN weight as 1, which would make a lower bound a lie.
import { MultiDirectedGraph } from 'graphology';
import type { Lane, LaneMode, NodeKind } from '../domain/network.js';
import type { NetworkIndex } from '../domain/network-index.js';
import { laneMinMinutes } from '../domain/lane-minutes.js';

export interface NodeAttributes {
  kind: NodeKind;
  /** Time a parcel spends here before it can leave. */
  handlingMinutes: number;
  /** Cost per parcel handled here. */
  handlingPerParcelMinor: number;
}

export interface LaneAttributes {
  mode: LaneMode;
  /** Least wall-clock minutes of the lane itself, from the parcel being ready at `from` to its arrival at `to`. */
  laneMinutes: number;
  /** `laneMinutes` plus the handling at `from`: least minutes from arriving at `from` to arriving at `to`. */
  minMinutes: number;
  /** Least cost any parcel pays to leave `from` by this lane: handling per parcel at `from` + the lane's per-parcel fee. */
  minParcelCostMinor: number;
}

export type NetworkGraph = MultiDirectedGraph<NodeAttributes, LaneAttributes>;

/** Builds the graph of a network; throws an Error naming the lane or node whose data cannot be used. */
export function buildNetworkGraph(index: NetworkIndex): NetworkGraph {
  const graph: NetworkGraph = new MultiDirectedGraph<NodeAttributes, LaneAttributes>({ allowSelfLoops: false });
  for (const node of index.network.nodes) {
    if (graph.hasNode(node.id)) throw new Error(`xbroute/graph: node "${node.id}" is defined twice`);
    graph.addNode(node.id, {
      kind: node.kind,
      handlingMinutes: checked(node.handlingMinutes, `node "${node.id}"`, 'handlingMinutes'),
      handlingPerParcelMinor: checked(node.handlingPerParcelMinor, `node "${node.id}"`, 'handlingPerParcelMinor'),
    });
  }
  for (const lane of index.network.lanes) {
    const what = `lane "${lane.id}"`;
    if (graph.hasEdge(lane.id)) throw new Error(`xbroute/graph: ${what} is defined twice`);
    if (!graph.hasNode(lane.from)) throw new Error(`xbroute/graph: ${what} leaves unknown node "${lane.from}"`);
    if (!graph.hasNode(lane.to)) throw new Error(`xbroute/graph: ${what} goes to unknown node "${lane.to}"`);
    if (lane.from === lane.to) throw new Error(`xbroute/graph: ${what} starts and ends at "${lane.from}"`);
    const from = graph.getNodeAttributes(lane.from);
    const laneMinutes = checked(laneMinMinutes(lane), what, minutesField(lane));
    const perParcelMinor = checked(lane.cost.perParcelMinor, what, 'cost.perParcelMinor');
    graph.addDirectedEdgeWithKey(lane.id, lane.from, lane.to, {
      mode: lane.mode,
      laneMinutes,
      minMinutes: checked(from.handlingMinutes + laneMinutes, what, 'minMinutes'),
      minParcelCostMinor: checked(from.handlingPerParcelMinor + perParcelMinor, what, 'minParcelCostMinor'),
    });
  }
  return graph;
}

/** The same graph with every lane turned round: shortest paths *from* a zone in it are paths *to* the zone. */
export function reverseNetworkGraph(graph: NetworkGraph): NetworkGraph {
  const reverse: NetworkGraph = new MultiDirectedGraph<NodeAttributes, LaneAttributes>({ allowSelfLoops: false });
  graph.forEachNode((node, attributes) => reverse.addNode(node, { ...attributes }));
  graph.forEachEdge((lane, attributes, from, to) => reverse.addDirectedEdgeWithKey(lane, to, from, { ...attributes }));
  return reverse;
}

function minutesField(lane: Lane): string {
  switch (lane.schedule.kind) {
    case 'weekly':
      return 'schedule.cutoffMinutes + schedule.transitMinutes';
    case 'continuous':
      return 'schedule.transitMinutes';
    case 'working_time':
      return 'schedule.workingMinutes';
  }
}

function checked(value: unknown, what: string, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new Error(`xbroute/graph: ${what}: ${field} must be a finite number >= 0, found ${String(value)}`);
  }
  return value;
}
