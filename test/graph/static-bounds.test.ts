// Static lower bounds to a zone (Dijkstra on the reverse graph), worked out by hand on the Japan network.
import { describe, expect, it } from 'vitest';
import { indexNetwork } from '../../src/domain/network-index.js';
import { buildNetworkGraph, reverseNetworkGraph } from '../../src/graph/network-graph.js';
import { minCostToZone, minMinutesToZone } from '../../src/graph/static-bounds.js';
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
});
