// The offline map: Natural Earth land outlines (world-atlas, public domain; land only, so no
// political borders are drawn) projected with d3-geo into SVG, the plan's lanes on top with
// width by weight carried and opacity by consolidation fill, its nodes as dots (clearance
// ports larger). Everything is bundled: no tiles, no CDN.
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { feature } from 'topojson-client';
import landTopology from 'world-atlas/land-110m.json';
import type { GeoCollection, Plan } from './plan.js';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 960;
const HEIGHT = 480;

function el<K extends keyof SVGElementTagNameMap>(name: K, attributes: Record<string, string | number>): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  return node;
}

/** Average ULD fill of each lane's consolidations (0..1). */
function fillByLane(plan: Plan): Map<string, number> {
  const sums = new Map<string, { fill: number; n: number }>();
  for (const c of plan.consolidations) {
    const s = sums.get(c.lane) ?? { fill: 0, n: 0 };
    s.fill += c.utilisation;
    s.n += 1;
    sums.set(c.lane, s);
  }
  return new Map([...sums].map(([lane, s]) => [lane, s.fill / s.n]));
}

export function drawMap(container: HTMLElement, geo: GeoCollection, plan: Plan, onNode: (id: string) => void): void {
  container.replaceChildren();
  const svg = el('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': 'map of the plan', class: 'map' });
  const topology = landTopology as unknown as Topology<{ land: GeometryCollection }>;
  const land = feature(topology, topology.objects.land);
  // Centred east of China: the trans-Pacific lanes stay whole instead of wrapping at the date line.
  const projection = geoNaturalEarth1().rotate([-100, 0]);
  const routes = { type: 'FeatureCollection' as const, features: geo.features };
  // Fit to what the plan uses (with the land around it), not to the whole world.
  projection.fitExtent([[20, 20], [WIDTH - 20, HEIGHT - 20]], routes as unknown as Parameters<typeof projection.fitExtent>[1]);
  const path = geoPath(projection);
  svg.append(el('rect', { x: 0, y: 0, width: WIDTH, height: HEIGHT, class: 'sea' }));
  svg.append(el('path', { d: path(land) ?? '', class: 'land' }));

  const lanes = geo.features.filter((f) => f.properties.feature === 'lane');
  const maxWeight = Math.max(1, ...lanes.map((f) => Number(f.properties['weightKg'] ?? 0)));
  const fill = fillByLane(plan);
  const laneGroup = el('g', { class: 'lanes' });
  for (const f of lanes) {
    const weight = Number(f.properties['weightKg'] ?? 0);
    const lane = String(f.properties['lane']);
    const line = el('path', {
      d: path(f as unknown as Parameters<typeof path>[0]) ?? '',
      class: `lane lane-${String(f.properties['mode'])}`,
      'stroke-width': (1 + 7 * Math.sqrt(weight / maxWeight)).toFixed(2),
      'stroke-opacity': (0.35 + 0.65 * (fill.get(lane) ?? 0.5)).toFixed(2),
      'data-lane': lane,
    });
    const title = el('title', {});
    title.textContent = `${lane}: ${String(f.properties['parcels'])} parcels, ${weight} kg, ${String(f.properties['consolidations'])} consolidations`;
    line.append(title);
    laneGroup.append(line);
  }
  svg.append(laneGroup);

  const nodeGroup = el('g', { class: 'nodes' });
  for (const f of geo.features.filter((g) => g.properties.feature === 'node')) {
    if (f.geometry.type !== 'Point') continue;
    const at = projection(f.geometry.coordinates);
    if (at === null) continue;
    const kind = String(f.properties['kind']);
    const dot = el('circle', {
      cx: at[0].toFixed(1),
      cy: at[1].toFixed(1),
      r: kind === 'clearance_port' ? 6 : 3.5,
      class: `node node-${kind}`,
      'data-node': f.id,
    });
    const title = el('title', {});
    title.textContent = `${String(f.properties['name'])} (${f.id}): ${String(f.properties['parcels'])} parcels`;
    dot.append(title);
    dot.addEventListener('click', () => onNode(f.id));
    nodeGroup.append(dot);
  }
  svg.append(nodeGroup);
  container.append(svg);
}
