// The bundled default network (data/network.json): it parses, has the promised shape (bases,
// ports, zones), every zone can be reached, its air times and tariffs are plausible, and
// rebuilding it from the checked-in OPTD segments gives the checked-in file byte for byte.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkNetwork } from '../../src/domain/check-network.js';
import { Network, type Node } from '../../src/domain/network.js';
import { AIRPORTS_CSV, buildNetwork, networkJsonText, SEGMENTS_CSV } from '../../data/scripts/build-network.js';

const dataFile = (name: string): string => fileURLToPath(new URL(`../../data/${name}`, import.meta.url));
const jsonText = readFileSync(dataFile('network.json'), 'utf8');
const network = Network.parse(JSON.parse(jsonText));
const nodeById = new Map(network.nodes.map((n) => [n.id, n]));
const ofKind = (kind: Node['kind']): Node[] => network.nodes.filter((n) => n.kind === kind);

/** Nodes reachable from `start` along lanes. */
function reachable(start: string): Set<string> {
  const seen = new Set([start]);
  const queue = [start];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const lane of network.lanes) {
      if (lane.from === id && !seen.has(lane.to)) {
        seen.add(lane.to);
        queue.push(lane.to);
      }
    }
  }
  return seen;
}

/** Haversine distance, km; written out here so the test does not trust the build's own helper. */
function distanceKm(a: Node, b: Node): number {
  const rad = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2
    + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

function airLane(id: string): { transitMinutes: number } {
  const lane = network.lanes.find((l) => l.id === id);
  if (lane === undefined || lane.schedule.kind !== 'weekly') throw new Error(`no weekly lane ${id}`);
  return lane.schedule;
}

describe('default network', () => {
  it('passes the schema and the semantic checks without a problem', () => {
    expect(network.schema).toBe('xbroute.network/v1');
    expect(checkNetwork(network, 'network.json')).toEqual([]);
  });

  it('has at least 24 storage bases in at least 8 countries, each tied to an airport it trucks to', () => {
    const bases = ofKind('storage_base');
    expect(bases.length).toBeGreaterThanOrEqual(24);
    expect(new Set(bases.map((b) => b.country)).size).toBeGreaterThanOrEqual(8);
    for (const base of bases) {
      const truck = network.lanes.find((l) => l.from === base.id && l.mode === 'truck');
      expect(truck?.to, base.id).toBe(`AP-${base.iata}`);
      expect(base.handlingMinutes, base.id).toBeGreaterThan(0);
    }
  });

  it('has at least 6 clearance ports, each with a capacity and a bonded warehouse, Shanghai the largest', () => {
    const ports = ofKind('clearance_port');
    expect(ports.length).toBeGreaterThanOrEqual(6);
    for (const port of ports) {
      expect(port.dailyParcelCapacity, port.id).toBeGreaterThan(0);
      expect(nodeById.get(`BW-${port.iata}`)?.kind, port.id).toBe('bonded_warehouse');
    }
    const largest = Math.max(...ports.map((p) => p.dailyParcelCapacity ?? 0));
    expect(nodeById.get('CP-PVG')?.dailyParcelCapacity).toBe(largest);
  });

  it('has exactly the 31 mainland provinces as zones, on Beijing time, with 2020 census populations', () => {
    const zones = ofKind('zone');
    expect(zones).toHaveLength(31);
    expect(new Set(zones.map((z) => z.province)).size).toBe(31);
    expect(zones.every((z) => z.timeZone === 'Asia/Shanghai' && z.calendar === 'CN')).toBe(true);
    // Census 2020: 1,411.78 M in all, of whom 2.00 M serving military are in no province.
    const totalM = zones.reduce((sum, z) => sum + (z.populationM ?? 0), 0);
    expect(totalM).toBeCloseTo(1409.78, 1);
    expect(nodeById.get('Z-XJ')?.province).toBe('Xinjiang');
  });

  it('joins existing nodes only, never a node to itself', () => {
    const bad = network.lanes.filter((l) => !nodeById.has(l.from) || !nodeById.has(l.to) || l.from === l.to);
    expect(bad.map((l) => l.id)).toEqual([]);
    expect(network.lanes.length).toBeGreaterThan(0);
  });

  it('reaches every zone from some storage base, and from each bonded and each domestic warehouse', () => {
    const zones = ofKind('zone').map((z) => z.id);
    const fromBases = new Set(ofKind('storage_base').flatMap((b) => [...reachable(b.id)]));
    for (const zone of zones) expect(fromBases.has(zone), zone).toBe(true);
    for (const source of [...ofKind('bonded_warehouse'), ...ofKind('domestic_warehouse')]) {
      const reached = reachable(source.id);
      expect(zones.filter((z) => !reached.has(z)), source.id).toEqual([]);
    }
    expect(ofKind('domestic_warehouse').length).toBeGreaterThanOrEqual(2);
  });

  it('flies air lanes in block times within 15 % of a great-circle estimate', () => {
    const air = network.lanes.filter((l) => l.mode === 'air');
    expect(air.length).toBeGreaterThanOrEqual(60);
    for (const lane of air) {
      if (lane.schedule.kind !== 'weekly') throw new Error(`${lane.id} is not weekly`);
      const from = nodeById.get(lane.from);
      const to = nodeById.get(lane.to);
      if (from === undefined || to === undefined) throw new Error(`${lane.id}: missing end`);
      // Rule of thumb: 30 min on the ground and in climb/descent, cruise at 850 km/h.
      const estimate = 30 + (distanceKm(from, to) / 850) * 60;
      expect(Math.abs(lane.schedule.transitMinutes - estimate), lane.id).toBeLessThanOrEqual(0.15 * estimate);
    }
  });

  it('matches the published block times of docs/DOMAIN.md', () => {
    const hours = (id: string): number => airLane(id).transitMinutes / 60;
    expect(hours('AIR:JFK-PVG:MU')).toBeGreaterThanOrEqual(13);
    expect(hours('AIR:JFK-PVG:MU')).toBeLessThanOrEqual(16);
    expect(hours('AIR:FRA-PVG:LH')).toBeGreaterThanOrEqual(10);
    expect(hours('AIR:FRA-PVG:LH')).toBeLessThanOrEqual(11);
    expect(hours('AIR:NRT-PVG:NH')).toBeGreaterThanOrEqual(2.5);
    expect(hours('AIR:NRT-PVG:NH')).toBeLessThanOrEqual(3);
    expect(hours('AIR:LAX-PVG:MU')).toBeGreaterThanOrEqual(11);
    expect(hours('AIR:LAX-PVG:MU')).toBeLessThanOrEqual(14);
  });

  it('prices air freight with weight-break rates that fall strictly, dearer on longer lanes', () => {
    for (const lane of network.lanes.filter((l) => l.mode === 'air')) {
      const breaks = lane.cost.freight?.breaks ?? [];
      expect(breaks.map((b) => b.fromKg), lane.id).toEqual([0, 45, 100, 300, 500, 1000]);
      for (let i = 1; i < breaks.length; i += 1) {
        expect(breaks[i]?.perKgMinor ?? Infinity, lane.id).toBeLessThan(breaks[i - 1]?.perKgMinor ?? 0);
      }
      expect(lane.uld, lane.id).toBeDefined();
      expect(lane.maxUldsPerDeparture, lane.id).toBeGreaterThan(0);
    }
    const rate100 = (id: string): number => network.lanes.find((l) => l.id === id)?.cost.freight?.breaks[2]?.perKgMinor ?? 0;
    expect(rate100('AIR:JFK-PVG:MU')).toBeGreaterThan(rate100('AIR:NRT-PVG:NH'));
  });

  it('rebuilds from the checked-in OPTD segments into exactly the checked-in JSON', () => {
    const csv = readFileSync(dataFile(SEGMENTS_CSV), 'utf8');
    expect(networkJsonText(buildNetwork(csv, readFileSync(dataFile(AIRPORTS_CSV), 'utf8')))).toBe(jsonText);
  });
});
