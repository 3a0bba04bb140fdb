// Random consolidation MILPs (N orders choosing among k routes, integer ULDs per lane, as in bench/solvers.bench.ts), shared by the
// backends-agree property test and bench/solvers.bench.ts: N orders each choose one of k
// candidate routes (one or two lanes); a lane used by any order pays a fixed cost (binary y,
// linked by x ≤ y rows) and an integer number of ULDs whose capacity covers the kilograms on it.
// All costs are integers (minor units) so optima are integers and comparable exactly.
import { createRng, type Rng } from '../../src/generate/prng.js';
import { type LinearModel, ModelBuilder } from '../../src/solvers/index.js';

export interface LaneSpec {
  fixedCostMinor: number;
  uldCostMinor: number;
  uldCapacityKg: number;
}

export interface RouteSpec {
  /** Lane indices, distinct, in leg order. */
  lanes: readonly number[];
  perKgCostMinor: number;
}

export interface OrderSpec {
  weightKg: number;
  routes: readonly RouteSpec[];
}

export interface ConsolidationSpec {
  lanes: readonly LaneSpec[];
  orders: readonly OrderSpec[];
}

export interface ConsolidationSizes {
  orders: number;
  lanes: number;
  /** Candidate routes per order. */
  routes: number;
}

/**
 * Columns, in order: x(order, route) binaries, then y(lane) binaries, then u(lane) integer ULD
 * counts. Rows: one "choose exactly one route" equality per order, x(o, r) − y(l) ≤ 0 for every
 * lane l on route r, and Σ weightKg·x − uldCapacityKg·u(l) ≤ 0 per lane.
 */
export function consolidationModel(spec: ConsolidationSpec): LinearModel {
  const b = new ModelBuilder();
  const routeColumns = spec.orders.map((order, o) =>
    order.routes.map((route, r) => b.column(`x_${o}_${r}`, order.weightKg * route.perKgCostMinor, { upper: 1, integer: true })),
  );
  const laneOpen = spec.lanes.map((lane, l) => b.column(`y_${l}`, lane.fixedCostMinor, { upper: 1, integer: true }));
  const totalKg = spec.orders.reduce((sum, o) => sum + o.weightKg, 0);
  // The upper bound on u is never binding (enough ULDs for every kilogram) but keeps the LP bounded.
  const ulds = spec.lanes.map((lane, l) =>
    b.column(`u_${l}`, lane.uldCostMinor, { upper: Math.ceil(totalKg / lane.uldCapacityKg), integer: true }),
  );
  const kgOnLane: [number, number][][] = spec.lanes.map(() => []);
  spec.orders.forEach((order, o) => {
    const xs = routeColumns[o] ?? [];
    b.row(
      `choose_${o}`,
      xs.map((x) => [x, 1] as const),
      { lower: 1, upper: 1 },
    );
    order.routes.forEach((route, r) => {
      const x = xs[r] as number;
      for (const l of route.lanes) {
        b.row(`link_${o}_${r}_${l}`, [[x, 1], [laneOpen[l] as number, -1]], { upper: 0 });
        kgOnLane[l]?.push([x, order.weightKg]);
      }
    });
  });
  spec.lanes.forEach((lane, l) => {
    b.row(`capacity_${l}`, [...(kgOnLane[l] ?? []), [ulds[l] as number, -lane.uldCapacityKg]], { upper: 0 });
  });
  return b.model;
}

/**
 * A reproducible instance: same seed and sizes, same model. Orders of 5–150 kg, ULDs of
 * 500–1,500 kg at 20,000–60,000 minor units each, lane fixed costs of 50,000–250,000 and
 * 20–80 minor units per kg per lane: a few orders fill a ULD, so the ULD rounding matters and
 * the LP relaxation is well below the integer optimum (about 35 % on 50 orders / 10 lanes).
 */
export function randomConsolidationSpec(seed: number, sizes: ConsolidationSizes): ConsolidationSpec {
  const rng = createRng(seed, `consolidation-${sizes.orders}-${sizes.lanes}-${sizes.routes}`);
  const lanes = Array.from({ length: sizes.lanes }, () => ({
    fixedCostMinor: rng.int(50, 250) * 1_000,
    uldCostMinor: rng.int(20, 60) * 1_000,
    uldCapacityKg: rng.int(10, 30) * 50,
  }));
  const lanePerKg = lanes.map(() => rng.int(20, 80));
  const orders = Array.from({ length: sizes.orders }, () => ({
    weightKg: rng.int(5, 150),
    routes: candidateRoutes(rng, sizes, lanePerKg),
  }));
  return { lanes, orders };
}

/** k routes of one or two lanes, distinct when the lane count allows it. */
function candidateRoutes(rng: Rng, sizes: ConsolidationSizes, lanePerKg: readonly number[]): RouteSpec[] {
  const seen = new Set<string>();
  const routes: RouteSpec[] = [];
  for (let attempt = 0; routes.length < sizes.routes; attempt++) {
    const first = rng.int(0, sizes.lanes - 1);
    const second = rng.int(0, sizes.lanes - 1);
    const lanes = rng.chance(0.5) && second !== first ? [first, second] : [first];
    const key = [...lanes].sort((a, c) => a - c).join(',');
    // After a few tries accept a duplicate rather than loop: only tiny lane counts get here.
    if (seen.has(key) && attempt < 20) continue;
    seen.add(key);
    const perKgCostMinor = lanes.reduce((sum, l) => sum + (lanePerKg[l] ?? 0), 0) + rng.int(0, 20);
    routes.push({ lanes, perKgCostMinor });
  }
  return routes;
}
