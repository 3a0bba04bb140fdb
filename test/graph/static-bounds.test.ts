// Static lower bounds to a zone (Dijkstra on the reverse graph), worked out by hand on the Japan
// network, and against a plain Bellman–Ford relaxation on a generated hub network.
import { describe, expect, it } from 'vitest';
import { indexNetwork } from '../../src/domain/network-index.js';
import { buildNetworkGraph, reverseNetworkGraph } from '../../src/graph/network-graph.js';
import { minCostToZone, minMinutesToZone, minWeightToZone } from '../../src/graph/static-bounds.js';
import { Network } from '../../src/domain/network.js';
import { generateHubNetwork } from '../../src/generate/hub-network.js';
import { buildNetwork, continuous, fixture, japanNetwork } from './fixtures.js';

describe('static bounds to a zone', () => {
  const reverse = reverseNetworkGraph(buildNetworkGraph(indexNetwork(japanNetwork())));

  it('least minutes take the faster of two parallel lanes and count handling, cut-off and transit', () => {
    const minutes = minMinutesToZone(reverse, 'ZONE-SH');
    // PVG: handling 30 + clearance 240 + last mile 1440 = 1710.
    // NRT: min(AIR-A 120 + 180, AIR-B 60 + 170) = 230, + 1710 = 1940.
    // BASE-JP: handling 60 + truck 120 + 1940 = 2120.
    expect(Object.fromEntries(minutes)).toEqual({ 'ZONE-SH': 0, 'PORT-SH': 1440, PVG: 1710, NRT: 1940, 'BASE-JP': 2120 });
  });

  it('least cost takes the cheaper parallel lane and counts handling fees at the nodes left', () => {
    const cost = minCostToZone(reverse, 'ZONE-SH');
    // LM 800; clearance 1000 → 1800; AIR-B 2000 → 3800; truck 500 + BASE handling 200 → 4500.
    expect(Object.fromEntries(cost)).toEqual({ 'ZONE-SH': 0, 'PORT-SH': 800, PVG: 1800, NRT: 3800, 'BASE-JP': 4500 });
  });

  it('a node that cannot reach the zone has no bound (Infinity through the context)', () => {
    const base = japanNetwork();
    const network = buildNetwork(
      [...base.nodes, { id: 'ZONE-BJ', kind: 'zone', timeZone: 'Asia/Shanghai' }],
      [...base.lanes, { id: 'LM-BJ', from: 'PORT-SH', to: 'ZONE-BJ', mode: 'last_mile', schedule: continuous(2000) }],
    );
    const { ctx } = fixture(network);
    expect(ctx.minMinutesToZone('ZONE-SH', 'ZONE-BJ')).toBe(Infinity);
    // BASE-JP → ZONE-BJ: 60 + 120 + 230 + 30 + 240 + 2000 = 2680.
    expect(ctx.minMinutesToZone('BASE-JP', 'ZONE-BJ')).toBe(2680);
  });

  it('equals a Bellman–Ford relaxation over every lane, for every zone of a seeded hub network', () => {
    const index = indexNetwork(Network.parse(generateHubNetwork({ hubs: 12, seed: 3 })));
    const hubReverse = reverseNetworkGraph(buildNetworkGraph(index));
    const lanes = index.network.lanes;
    // A weight that is neither minutes nor a cost: the lane's id hashed, so ties are rare and parallel lanes differ.
    const weight = (lane: string): number => [...lane].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) % 997, 7) / 7;
    const zones = index.network.nodes.filter((n) => n.kind === 'zone').map((n) => n.id);
    expect(zones.length).toBeGreaterThan(1);
    for (const zone of zones) {
      const expected = new Map<string, number>([[zone, 0]]);
      for (let round = 0; round < index.network.nodes.length; round++) {
        for (const lane of lanes) {
          const to = expected.get(lane.to);
          if (to === undefined) continue;
          const via = to + weight(lane.id);
          if (via < (expected.get(lane.from) ?? Infinity)) expected.set(lane.from, via);
        }
      }
      const found = minWeightToZone(hubReverse, zone, (lane) => weight(lane));
      expect([...found.keys()].sort()).toEqual([...expected.keys()].sort());
      for (const [node, w] of expected) expect(found.get(node)).toBeCloseTo(w, 9);
    }
  });

  it('refuses a weight that would make the bound a lie', () => {
    expect(() => minWeightToZone(reverse, 'ZONE-SH', (lane) => (lane === 'AIR-B' ? Number.NaN : 1))).toThrow(/AIR-B.*NaN/);
    expect(() => minWeightToZone(reverse, 'ZONE-SH', () => -1)).toThrow(/bound weight -1/);
  });
});
