// GeoJSON of a plan: used nodes as Points, used lanes as lines, [lon, lat], network file order.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/domain/errors.js';
import { type LaneFeature, type NodeFeature, type Position, planToGeoJson } from '../../src/output/geojson.js';
import { fixtureIndex, fixturePlan } from './fixtures.js';

function split(plan = fixturePlan()): { nodes: NodeFeature[]; lanes: LaneFeature[] } {
  const fc = planToGeoJson(plan, fixtureIndex());
  expect(fc.type).toBe('FeatureCollection');
  return {
    nodes: fc.features.filter((f): f is NodeFeature => f.properties.feature === 'node'),
    lanes: fc.features.filter((f): f is LaneFeature => f.properties.feature === 'lane'),
  };
}

function positions(f: LaneFeature): Position[] {
  return f.geometry.type === 'LineString' ? f.geometry.coordinates : f.geometry.coordinates.flat();
}

describe('planToGeoJson', () => {
  it('has a Point per node the plan uses, in network file order, none for unused nodes', () => {
    const { nodes } = split();
    expect(nodes.map((n) => n.properties.id)).toEqual(['US-LAX-BASE', 'LAX', 'PVG', 'SHA-CUS', 'ZONE-SH']);
    const lax = nodes[1]!;
    expect(lax.geometry).toEqual({ type: 'Point', coordinates: [-118.41, 33.94] }); // [lon, lat]
    expect(lax.properties).toEqual({ feature: 'node', id: 'LAX', kind: 'airport', name: 'Los Angeles International', country: 'US', parcels: 2 });
  });

  it('has a line per lane the plan uses and none for unused lanes', () => {
    const { lanes } = split();
    expect(lanes.map((l) => l.properties.lane)).toEqual(['BASE-LAX', 'LAX-PVG-CA', 'PVG-SHA-CUS', 'SHA-CUS-ZONE-SH']);
    expect(lanes.map((l) => l.geometry.type)).toEqual(['LineString', 'MultiLineString', 'LineString', 'LineString']);
    // BASE-LAX runs from the base's coordinates to LAX's, longitude first.
    expect(lanes[0]?.geometry).toEqual({ type: 'LineString', coordinates: [[-118.3, 33.9], [-118.41, 33.94]] });
    for (const lane of lanes) {
      for (const [lon, lat] of positions(lane)) {
        expect(Math.abs(lon)).toBeLessThanOrEqual(180);
        expect(Math.abs(lat)).toBeLessThanOrEqual(90);
      }
    }
  });

  it('carries per-lane parcels, weight, cost and consolidations', () => {
    const { lanes } = split();
    const byLane = new Map(lanes.map((l) => [l.properties.lane, l.properties]));
    // C1: 60000 freight + 50000 fixed + 30000 ULD
    expect(byLane.get('LAX-PVG-CA')).toMatchObject({ mode: 'air', parcels: 2, weightKg: 30, costMinor: 140000, cost: '1400.00', consolidations: 1, ulds: 1 });
    // clearance 1000 per parcel; last mile 1000 + 20/kg × (10, 20) kg
    expect(byLane.get('PVG-SHA-CUS')).toMatchObject({ parcels: 2, costMinor: 2000, consolidations: 0 });
    expect(byLane.get('SHA-CUS-ZONE-SH')).toMatchObject({ parcels: 2, costMinor: 2600, cost: '26.00' });
    expect(byLane.get('BASE-LAX')).toMatchObject({ parcels: 2, costMinor: 0 });
    // Lanes + handling (1000) = the plan's logistics total 145600 (taxes are not in it).
    const lanesMinor = lanes.reduce((s, l) => s + l.properties.costMinor, 0);
    expect(lanesMinor + 1000).toBe(145600);
  });

  it('rejects a plan naming a lane the network lacks, with its JSON path', () => {
    const plan = fixturePlan();
    const o1 = plan.orders[0];
    if (o1?.status !== 'planned') throw new Error('fixture changed');
    o1.parcels[0]!.legs[2]!.lane = 'NOWHERE';
    let caught: unknown;
    try {
      planToGeoJson(plan, fixtureIndex());
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InputError);
    expect((caught as InputError).problems[0]).toMatchObject({ where: 'orders[0].parcels[0].legs[2].lane', found: '"NOWHERE"' });
  });
});
