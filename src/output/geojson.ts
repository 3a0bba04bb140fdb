// The plan as GeoJSON (RFC 7946): every node the plan uses as a Point, every lane it uses as a
// line from the origin's to the destination's coordinates, with per-plan figures as properties.
// Opens in any map tool (geojson.io, QGIS, kepler.gl). Positions are [longitude, latitude].
//
// Antimeridian: a lane drawn straight between its end points would take the shorter way round
// only if the longitudes differ by at most 180°. When they differ by more (LAX −118° → PVG 122°),
// the short way crosses the antimeridian, and a naive LineString would instead cross the whole
// map through Greenwich. RFC 7946 §3.1.9 says such a geometry SHOULD be cut in two so that no
// part crosses the antimeridian; we do that: a MultiLineString of two parts meeting at ±180°,
// the crossing latitude interpolated linearly in (unwrapped) longitude. Lines are straight in
// lon/lat, not great circles: this is a schematic of the plan, not a flight track.
//
// Ordering is deterministic: node features first, then lane features, each in network file order.
import { InputError, type InputProblem } from '../domain/errors.js';
import type { Lane, Node, NodeKind, LaneMode } from '../domain/network.js';
import type { NetworkIndex } from '../domain/network-index.js';
import type { Plan } from '../domain/plan.js';
import { parcelLaneCostMinor } from '../tariff/index.js';
import { formatMinor } from './money.js';

/** [longitude, latitude] in degrees (RFC 7946 §3.1.1). */
export type Position = [number, number];

export interface PointGeometry {
  type: 'Point';
  coordinates: Position;
}
export interface LineStringGeometry {
  type: 'LineString';
  coordinates: Position[];
}
export interface MultiLineStringGeometry {
  type: 'MultiLineString';
  coordinates: Position[][];
}

export interface NodeProperties {
  feature: 'node';
  id: string;
  kind: NodeKind;
  name: string;
  country: string;
  /** Distinct parcels that start at, pass through or end at this node. */
  parcels: number;
}

export interface LaneProperties {
  feature: 'lane';
  lane: string;
  mode: LaneMode;
  from: string;
  to: string;
  /** Parcel legs on this lane (a parcel uses a lane at most once on a sane itinerary). */
  parcels: number;
  /** Actual weight of those parcels, kg (rounded to the gram). */
  weightKg: number;
  /**
   * What the plan pays on this lane: its consolidations' freight, fixed and ULD charges plus
   * the per-parcel lane charges (clearance fees, last-mile prices) of the parcels on it. Node
   * handling is not a lane cost, so the lanes' costs plus handling add up to the plan's total
   * (import taxes are not logistics cost and in neither).
   */
  costMinor: number;
  /** costMinor in major units, "1400.00". */
  cost: string;
  /** Consolidations (departures) of this lane in the plan. */
  consolidations: number;
  ulds: number;
}

export interface NodeFeature {
  type: 'Feature';
  id: string;
  geometry: PointGeometry;
  properties: NodeProperties;
}
export interface LaneFeature {
  type: 'Feature';
  id: string;
  geometry: LineStringGeometry | MultiLineStringGeometry;
  properties: LaneProperties;
}
export interface FeatureCollection {
  type: 'FeatureCollection';
  features: (NodeFeature | LaneFeature)[];
}

interface LaneUse {
  parcels: number;
  weightKg: number;
  costMinor: number;
  consolidations: number;
  ulds: number;
}

/**
 * GeoJSON of the nodes and lanes the plan uses. Throws an InputError when the plan names a
 * node or lane the network does not have (a plan made on another network).
 */
export function planToGeoJson(plan: Plan, index: NetworkIndex): FeatureCollection {
  const problems: InputProblem[] = [];
  const missing = (where: string, field: string, id: string): void => {
    problems.push({
      file: '<plan>', where, field, expected: `a ${field === 'lane' ? 'lane' : 'node'} of network "${index.network.name}"`,
      found: JSON.stringify(id), severity: 'error',
    });
  };

  const parcelsAtNode = new Map<string, Set<string>>();
  const touch = (node: string, parcel: string): void => {
    let set = parcelsAtNode.get(node);
    if (set === undefined) parcelsAtNode.set(node, (set = new Set()));
    set.add(parcel);
  };
  const laneUse = new Map<string, LaneUse>();
  const useOf = (lane: string): LaneUse => {
    let use = laneUse.get(lane);
    if (use === undefined) laneUse.set(lane, (use = { parcels: 0, weightKg: 0, costMinor: 0, consolidations: 0, ulds: 0 }));
    return use;
  };

  plan.orders.forEach((answer, o) => {
    if (answer.status !== 'planned') return;
    answer.parcels.forEach((parcel, p) => {
      const at = `orders[${o}].parcels[${p}]`;
      if (!index.nodes.has(parcel.source)) missing(`${at}.source`, 'source', parcel.source);
      touch(parcel.source, parcel.id);
      parcel.legs.forEach((leg, l) => {
        const lane = index.lanes.get(leg.lane);
        if (lane === undefined) {
          missing(`${at}.legs[${l}].lane`, 'lane', leg.lane);
          return;
        }
        touch(lane.from, parcel.id);
        touch(lane.to, parcel.id);
        const use = useOf(lane.id);
        use.parcels += 1;
        use.weightKg += parcel.weightKg;
        use.costMinor += parcelLaneCostMinor(lane, parcel.chargeableKg);
      });
    });
  });
  plan.consolidations.forEach((c, i) => {
    if (!index.lanes.has(c.lane)) {
      missing(`consolidations[${i}].lane`, 'lane', c.lane);
      return;
    }
    const use = useOf(c.lane);
    use.consolidations += 1;
    use.ulds += c.ulds;
    use.costMinor += c.freightMinor + c.fixedMinor + c.uldMinor;
  });
  if (problems.length > 0) throw new InputError(problems);

  const features: (NodeFeature | LaneFeature)[] = [];
  for (const node of index.network.nodes) {
    const parcels = parcelsAtNode.get(node.id);
    if (parcels === undefined) continue;
    features.push(nodeFeature(node, parcels.size));
  }
  for (const lane of index.network.lanes) {
    const use = laneUse.get(lane.id);
    if (use === undefined) continue;
    const from = index.nodes.get(lane.from);
    const to = index.nodes.get(lane.to);
    // Validation guarantees lane ends exist; a hand-made index without them has no geometry to draw.
    if (from === undefined || to === undefined) throw new Error(`internal: lane ${lane.id} has an unknown end node`);
    features.push(laneFeature(lane, from, to, use));
  }
  return { type: 'FeatureCollection', features };
}

function nodeFeature(node: Node, parcels: number): NodeFeature {
  return {
    type: 'Feature',
    id: `node:${node.id}`,
    geometry: { type: 'Point', coordinates: [node.lon, node.lat] },
    properties: { feature: 'node', id: node.id, kind: node.kind, name: node.name, country: node.country, parcels },
  };
}

function laneFeature(lane: Lane, from: Node, to: Node, use: LaneUse): LaneFeature {
  return {
    type: 'Feature',
    id: `lane:${lane.id}`,
    geometry: lineBetween([from.lon, from.lat], [to.lon, to.lat]),
    properties: {
      feature: 'lane',
      lane: lane.id,
      mode: lane.mode,
      from: lane.from,
      to: lane.to,
      parcels: use.parcels,
      // Sums of float kilograms drift (0.1 + 0.2); grams are the precision anyone needs on a map.
      weightKg: Math.round(use.weightKg * 1000) / 1000,
      costMinor: use.costMinor,
      cost: formatMinor(use.costMinor),
      consolidations: use.consolidations,
      ulds: use.ulds,
    },
  };
}

/**
 * A straight line from `a` to `b` the short way round: a LineString, or a MultiLineString cut
 * at the antimeridian when the short way crosses it (see the banner).
 */
export function lineBetween(a: Position, b: Position): LineStringGeometry | MultiLineStringGeometry {
  // A point on the antimeridian itself belongs to whichever side the other end is on.
  const lonA = onSideOf(a[0], b[0]);
  const lonB = onSideOf(b[0], lonA);
  const [, latA] = a;
  const [, latB] = b;
  const delta = lonB - lonA;
  if (Math.abs(delta) <= 180) return { type: 'LineString', coordinates: [[lonA, latA], [lonB, latB]] };
  // Unwrap b so the segment is the short way round, then cut where it meets ±180°.
  const edge = delta > 0 ? -180 : 180; // going west from a (delta > 0 the long way) hits −180
  const unwrappedB = delta > 0 ? lonB - 360 : lonB + 360;
  const t = (edge - lonA) / (unwrappedB - lonA);
  const latCross = latA + t * (latB - latA);
  return {
    type: 'MultiLineString',
    coordinates: [
      [[lonA, latA], [edge, latCross]],
      [[-edge, latCross], [lonB, latB]],
    ],
  };
}

function onSideOf(lon: number, other: number): number {
  if (Math.abs(lon) === 180 && other !== 0) return other < 0 ? -180 : 180;
  return lon;
}
