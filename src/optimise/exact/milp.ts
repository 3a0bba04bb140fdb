// The exact order-level MILP of a (small) Problem, for a SolverBackend.
//
//   x[o,c] ∈ {0,1}   order o takes choice c;           Σ_c x[o,c] = 1 for every order served
//   y[d]   ∈ {0,1}   departure d is used;               x[o,c] ≤ y[d] for d used by c
//   n[d]   ∈ ℤ≥0     ULDs on d ≤ allotment;             K·n[d] ≥ W[d], Kv·n[d] ≥ V[d]
//   h[d]   ∈ ℤ≥0     chargeable half-kilograms;         h[d] ≥ 2·W[d], h[d] ≥ 2·V[d]·1e6/divisor
//   z[d,b] ∈ {0,1}   weight break b prices d;           Σ_b z[d,b] = y[d]
//   q[d,b] ≥ 0       kg charged at break b;             q ≥ break_b·z, q ≤ big·z, Σ_b q[d,b] ≥ h[d]/2
//   F[d]   ≥ 0       freight;                           F ≥ Σ_b rate_b·q[d,b], F ≥ minCharge·y[d]
// minimise Σ own·x + Σ_d (fixed·y + perUld·n + F + G), plus port-day and stock rows.
// Choosing the break b with q ≥ max(break_b, chargeable) and paying rate_b·q is exactly the
// next-break rule (the solver picks the cheapest b). Only the rounding of each departure's
// freight to a whole minor unit is not modelled: the caller re-prices the answer exactly.
// (With MilpOptions.relaxRounding, h and hc are real: the half-kilogram round-up goes too.)
// A lane with a co-load offer adds, per departure (y[d] then means "own consolidation"):
//   c[d]   ∈ {0,1}   ships loose instead;               x[o,c] ≤ y[d] + c[d], y[d] + c[d] ≤ 1
//   hc[d]  ∈ ℤ≥0     co-load chargeable half-kg;        hc ≥ 2·W − 2·Wmax·(1 − c), same for volume
//   G[d]   ≥ 0       co-load charge;                    G ≥ min·c, G ≥ perKg·hc/2
// and the own rows (ULDs, h) are relaxed by Wmax·c, so a co-loaded departure books no ULDs
// and its own freight is 0: the solver picks the cheaper way, as consolidationCost does.
import type { NetworkIndex } from '../../domain/network-index.js';
import { must } from '../../domain/network-index.js';
import type { CoLoadTariff as CoLoad, Lane } from '../../domain/network.js';
import { ModelBuilder, type LinearModel } from '../../solvers/linear-model.js';
import type { Problem } from '../model/problem.js';

export interface MilpMapping {
  model: LinearModel;
  /** Column of x[o,c], per order, per choice. */
  x: number[][];
}

export interface MilpOptions {
  /**
   * Leave out our own consolidation of a departure where it can never be cheaper than shipping
   * loose (ownNeverCheaper): the same optimum, a smaller model. Where several answers tie, the
   * solver may return another of them, so the partitions (solved to the optimum, answers kept as
   * found) do without it; the large-neighbourhood search's node-limited sub-solves use it.
   * @default false
   */
  pruneOwn?: boolean;
  /**
   * Chargeable weights (h, hc) as real numbers, not whole half-kilograms: the model then leaves
   * out each departure's round-up to the next 0.5 kg, so it may price a plan up to half a
   * kilogram's freight per departure below its real cost — a relaxation, whose answers the
   * caller re-prices exactly. HiGHS keeps per-column bookkeeping for every general integer
   * (its reduced-cost fixing), and on the neighbourhood search's small, node-limited
   * sub-solves that bookkeeping cost more than the search itself. @default false
   */
  relaxRounding?: boolean;
}

export function buildMilp(problem: Problem, index: NetworkIndex, serve: readonly boolean[], options: MilpOptions = {}): MilpMapping {
  const b = new ModelBuilder();
  const x = problem.orders.map((order, o) => order.choices.map((choice, c) => b.column(`x${o}_${c}`, choice.ownMinor, { upper: serve[o] ? 1 : 0, integer: true })));
  problem.orders.forEach((_order, o) => {
    if (serve[o]) b.row(`one${o}`, x[o]!.map((col) => [col, 1] as const), { lower: 1, upper: 1 });
  });

  // Terms of W[d], V[d] and the linking rows, gathered per departure.
  const weightTerms = problem.departures.map(() => [] as [number, number][]);
  const volumeTerms = problem.departures.map(() => [] as [number, number][]);
  const users = problem.departures.map(() => [] as number[]);
  problem.orders.forEach((order, o) =>
    order.choices.forEach((choice, c) => {
      for (const use of choice.uses) {
        const col = x[o]![c]!;
        weightTerms[use.dep]!.push([col, use.weightKg]);
        volumeTerms[use.dep]!.push([col, use.volumeM3]);
        users[use.dep]!.push(col);
      }
    }),
  );

  problem.departures.forEach((dep, d) => {
    if (users[d]!.length === 0) return;
    const lane = must(index.lanes, dep.lane, 'lane');
    // Load already on board from outside the problem: it flies whatever we choose.
    const bg = dep.background !== undefined && dep.background.orders > 0 ? dep.background : { weightKg: 0, volumeM3: 0, orders: 0 };
    const loose = lane.coLoad;
    const maxW = weightTerms[d]!.reduce((s, [, w]) => s + w, bg.weightKg);
    const maxV = volumeTerms[d]!.reduce((s, [, v]) => s + v, bg.volumeM3);
    const perM3 = 1e6 / lane.volumetricDivisor;
    if (options.pruneOwn === true && loose !== undefined && ownNeverCheaper(lane, maxW, maxV * perM3)) {
      // Shipping loose costs at most its charge at the heaviest load (it only grows with the
      // load), our own at least its fixed part: the own rows could never win, only slow the
      // search (HiGHS would branch on them to prove it). The optimum is the same without them.
      const c = b.column(`c${d}`, 0, { lower: bg.orders > 0 ? 1 : 0, upper: 1, integer: true });
      for (const col of users[d]!) b.row(`link${d}_${col}`, [[col, 1], [c, -1]], { upper: 0 });
      coLoadRows(b, d, c, loose, [0, 0], weightTerms[d]!, volumeTerms[d]!, bg, perM3, options.relaxRounding !== true);
      return;
    }
    const y = b.column(`y${d}`, lane.cost.perConsolidationMinor, { lower: bg.orders > 0 && loose === undefined ? 1 : 0, upper: 1, integer: true });
    // relax: terms that switch an own-consolidation row off when the departure ships loose.
    let relaxW: [number, number][] = [];
    let relaxV: [number, number][] = [];
    let relaxH: [number, number][] = [];
    let relaxHv: [number, number][] = [];
    if (loose === undefined) {
      for (const col of users[d]!) b.row(`link${d}_${col}`, [[col, 1], [y, -1]], { upper: 0 });
    } else {
      const c = b.column(`c${d}`, 0, { upper: 1, integer: true });
      for (const col of users[d]!) b.row(`link${d}_${col}`, [[col, 1], [y, -1], [c, -1]], { upper: 0 });
      b.row(`way${d}`, [[y, 1], [c, 1]], { lower: bg.orders > 0 ? 1 : 0, upper: 1 });
      relaxW = [[c, maxW]];
      relaxV = [[c, maxV]];
      relaxH = [[c, 2 * maxW]];
      relaxHv = [[c, 2 * maxV * perM3]];
      coLoadRows(b, d, c, loose, [maxW, maxV], weightTerms[d]!, volumeTerms[d]!, bg, perM3, options.relaxRounding !== true);
    }
    if (lane.uld !== undefined) {
      const n = b.column(`n${d}`, lane.cost.perUldMinor, { upper: lane.maxUldsPerDeparture ?? Infinity, integer: true });
      b.row(`uldw${d}`, [[n, lane.uld.maxKg], ...relaxW, ...weightTerms[d]!.map(([col, w]) => [col, -w] as [number, number])], { lower: bg.weightKg });
      b.row(`uldv${d}`, [[n, lane.uld.maxM3], ...relaxV, ...volumeTerms[d]!.map(([col, v]) => [col, -v] as [number, number])], { lower: bg.volumeM3 });
      // A used departure takes at least one ULD: valid, and it tightens the relaxation a lot.
      b.row(`uldy${d}`, [[n, 1], [y, -1]], { lower: 0 });
    }
    const tariff = lane.cost.freight;
    if (tariff === undefined) return;
    const h = b.column(`h${d}`, 0, { integer: options.relaxRounding !== true });
    b.row(`hw${d}`, [[h, 1], ...relaxH, ...weightTerms[d]!.map(([col, w]) => [col, -2 * w] as [number, number])], { lower: 2 * bg.weightKg });
    b.row(`hv${d}`, [[h, 1], ...relaxHv, ...volumeTerms[d]!.map(([col, v]) => [col, -2 * v * perM3] as [number, number])], { lower: 2 * bg.volumeM3 * perM3 });
    const freight = b.column(`F${d}`, 1);
    b.row(`fmin${d}`, [[freight, 1], [y, -tariff.minChargeMinor]], { lower: 0 });
    // Enough room for every rider's chargeable weight, plus the half-kilogram round-up.
    const maxVolumetric = maxV * perM3;
    const big = Math.max(maxW, maxVolumetric, ...tariff.breaks.map((br) => br.fromKg)) + 1;
    const select: [number, number][] = [[y, -1]];
    const charged: [number, number][] = [[h, -0.5]];
    const priced: [number, number][] = [[freight, 1]];
    tariff.breaks.forEach((br, k) => {
      const z = b.column(`z${d}_${k}`, 0, { upper: 1, integer: true });
      const q = b.column(`q${d}_${k}`, 0);
      select.push([z, 1]);
      b.row(`qlo${d}_${k}`, [[q, 1], [z, -br.fromKg]], { lower: 0 });
      b.row(`qhi${d}_${k}`, [[q, 1], [z, -big]], { upper: 0 });
      charged.push([q, 1]);
      priced.push([q, -br.perKgMinor]);
    });
    b.row(`sel${d}`, select, { lower: 0, upper: 0 });
    b.row(`chg${d}`, charged, { lower: 0 });
    b.row(`frt${d}`, priced, { lower: 0 });
  });

  problem.portDays.forEach((pd, p) => {
    const terms: [number, number][] = [];
    problem.orders.forEach((order, o) =>
      order.choices.forEach((choice, c) => {
        const count = choice.portDays.filter((q) => q === p).length;
        if (count > 0) terms.push([x[o]![c]!, count]);
      }),
    );
    if (terms.length > 0) b.row(`port${p}`, terms, { upper: pd.capacity });
  });
  problem.stock.forEach((s, k) => {
    const terms: [number, number][] = [];
    problem.orders.forEach((order, o) =>
      order.choices.forEach((choice, c) => {
        for (const use of choice.stock) if (use.key === k) terms.push([x[o]![c]!, use.qty]);
      }),
    );
    if (terms.length > 0) b.row(`stock${k}`, terms, { upper: s.available });
  });
  return { model: b.model, x };
}

/**
 * The co-load charge of departure d: G ≥ min·c, G ≥ perKg·hc/2, hc the chargeable half-kg,
 * switched off (by `off`, the most weight and volume that can ride) when c = 0; hc an integer
 * unless `wholeHalfKg` is off (MilpOptions.relaxRounding).
 */
function coLoadRows(
  b: ModelBuilder,
  d: number,
  c: number,
  loose: CoLoad,
  [offW, offV]: readonly [number, number],
  weightTerms: readonly [number, number][],
  volumeTerms: readonly [number, number][],
  bg: { weightKg: number; volumeM3: number },
  perM3: number,
  wholeHalfKg: boolean,
): void {
  const hc = b.column(`hc${d}`, 0, { integer: wholeHalfKg });
  b.row(`hcw${d}`, [[hc, 1], [c, -2 * offW], ...weightTerms.map(([col, w]) => [col, -2 * w] as [number, number])], { lower: 2 * bg.weightKg - 2 * offW });
  b.row(`hcv${d}`, [[hc, 1], [c, -2 * offV * perM3], ...volumeTerms.map(([col, v]) => [col, -2 * v * perM3] as [number, number])], {
    lower: 2 * (bg.volumeM3 - offV) * perM3,
  });
  const charge = b.column(`G${d}`, 1);
  b.row(`gmin${d}`, [[charge, 1], [c, -loose.minChargeMinor]], { lower: 0 });
  b.row(`gkg${d}`, [[charge, 1], [hc, -loose.perKgMinor / 2]], { lower: 0 });
}

/**
 * True when our own consolidation of a departure costs, at any load, at least what shipping
 * loose costs at its heaviest (`maxKg` actual, `maxVolumetricKg` volumetric): own pays its
 * fixed charge, one ULD and the minimum freight whenever anything rides, the co-load charge
 * never falls as the load grows. Then the cheaper way is co-load (or a tie) at every load.
 */
function ownNeverCheaper(lane: Lane, maxKg: number, maxVolumetricKg: number): boolean {
  const loose = lane.coLoad;
  if (loose === undefined) return false;
  const ownLeast = lane.cost.perConsolidationMinor + (lane.uld === undefined ? 0 : lane.cost.perUldMinor) + (lane.cost.freight?.minChargeMinor ?? 0);
  const looseMost = Math.max(loose.minChargeMinor, loose.perKgMinor * (Math.ceil(2 * Math.max(maxKg, maxVolumetricKg)) / 2));
  return ownLeast >= looseMost;
}

/** The chosen choice per order from a solution (UNASSIGNED = -1 for orders not served). */
export function choicesFromSolution(mapping: MilpMapping, values: ArrayLike<number>): number[] {
  return mapping.x.map((cols) => {
    const chosen = cols.findIndex((col) => (values[col] ?? 0) > 0.5);
    return chosen;
  });
}
