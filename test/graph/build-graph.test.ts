// buildNetworkGraph: node and lane keys, parallel lanes, and refusal of numbers graphology would misread.
import { describe, expect, it } from 'vitest';
import { indexNetwork } from '../../src/domain/network-index.js';
import { buildNetworkGraph, reverseNetworkGraph } from '../../src/graph/network-graph.js';
import { japanNetwork } from './fixtures.js';

describe('buildNetworkGraph', () => {
  it('keys nodes by node id and lanes by lane id, keeping parallel lanes apart', () => {
    const graph = buildNetworkGraph(indexNetwork(japanNetwork()));
    expect(graph.order).toBe(5);
    expect(graph.size).toBe(5);
    expect(graph.outEdges('NRT', 'PVG').sort()).toEqual(['AIR-A', 'AIR-B']);
    expect(graph.source('AIR-B')).toBe('NRT');
    expect(graph.target('AIR-B')).toBe('PVG');
  });

  it('stores the least minutes of each lane: cut-off + block for weekly, transit for continuous, plus handling at the origin', () => {
    const graph = buildNetworkGraph(indexNetwork(japanNetwork()));
    // AIR-A: cut-off 120 + block 180 = 300; NRT has no handling.
    expect(graph.getEdgeAttributes('AIR-A')).toMatchObject({ laneMinutes: 300, minMinutes: 300 });
    // TRUCK-JP: transit 120, plus BASE-JP handling 60 = 180; cost 500 + 200 handling = 700.
    expect(graph.getEdgeAttributes('TRUCK-JP')).toMatchObject({ laneMinutes: 120, minMinutes: 180, minParcelCostMinor: 700 });
  });

  it('reverses every lane in the reverse graph', () => {
    const reverse = reverseNetworkGraph(buildNetworkGraph(indexNetwork(japanNetwork())));
    expect(reverse.source('AIR-A')).toBe('PVG');
    expect(reverse.target('AIR-A')).toBe('NRT');
    expect(reverse.size).toBe(5);
  });

  it('rejects a NaN transit time, naming the lane', () => {
    const network = japanNetwork();
    const lane = network.lanes.find((l) => l.id === 'AIR-B');
    if (lane?.schedule.kind !== 'weekly') throw new Error('fixture changed');
    lane.schedule.transitMinutes = Number.NaN; // past validation: a bug upstream must not become weight 1
    expect(() => buildNetworkGraph(indexNetwork(network))).toThrow(/lane "AIR-B".*transitMinutes.*NaN/);
  });

  it('rejects a negative per-parcel cost and a lane to an unknown node, naming the lane', () => {
    const negative = japanNetwork();
    (negative.lanes[0] as { cost: { perParcelMinor: number } }).cost.perParcelMinor = -1;
    expect(() => buildNetworkGraph(indexNetwork(negative))).toThrow(/lane "TRUCK-JP".*perParcelMinor/);
    const dangling = japanNetwork();
    (dangling.lanes[4] as { to: string }).to = 'ZONE-XX';
    expect(() => buildNetworkGraph(indexNetwork(dangling))).toThrow(/lane "LM-SH" goes to unknown node "ZONE-XX"/);
  });
});
