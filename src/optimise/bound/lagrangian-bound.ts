// A Lagrangian lower bound on the cost of serving a set of orders — as strong as the LP
// relaxation of a facility-location model with x ≤ y linking rows, at the cost of a few
// hundred linear sweeps instead of an LP solve (so it scales to a 100,000-order peak).
//
// Departures are the "facilities". The assignment rows Σ_c x[o,c] = 1 are priced with
// multipliers λ_o; what is left splits into one small problem per departure plus, per order,
// its choices that use no consolidating departure (or several: only their own cost counted,
// which is lower, hence still valid). For departure d, over the orders S riding it:
//   f_d(W) ≥ F + u + M                 (a used departure pays its fixed cost, ≥ 1 ULD, ≥ min charge)
//   f_d(W) ≥ F + (γ + u/K)·W           (γ: least per-kg freight up to its potential load; ULDs ≥ W/K)
//   f_d(W) ≥ F + u + γ·W
// each less ½ (freight is rounded to a minor unit). Each form gives a separable problem
// (take every rider with negative reduced cost); the best of the three is still a lower
// bound of that departure's true problem, and so L(λ) is a lower bound for every λ.
// A departure that may ship loose (co-load, per kg p with minimum m) costs min(own, co-load),
// so its sub-problem is the lesser of the own one above and the co-load one, bounded by
//   co(W) ≥ m,   co(W) ≥ p·W                (chargeable ≥ actual weight)
// each less ½; the lesser of two lower bounds bounds the lesser of the two problems.
// Capacity, port and stock rows are dropped: a relaxation, so the bound stays valid.
// λ follows a subgradient method with Polyak steps against the heuristic's cost, for a fixed
// number of iterations (deterministic).
import type { NetworkIndex } from '../../domain/network-index.js';
import { must } from '../../domain/network-index.js';
import type { Lane } from '../../domain/network.js';
import { roundUpToHalfKg, weightBreakChargeMinor } from '../../tariff/index.js';
import { potentialLoads } from './lower-bound.js';
import type { Problem } from '../model/problem.js';

export interface LagrangianSettings {
  /** Iterations at most; by default scaled to the problem (a fixed work budget, so still deterministic). */
  iterations?: number;
  /** Iterations without a better bound before the step is halved. */
  patience: number;
}

/** Share of the previous direction kept in the next (deflected subgradient). */
const DEFLECTION = 0.5;

/** Choice visits the default iteration count is sized to: about a second of work on one core. */
const WORK_BUDGET = 20_000_000;

export const DEFAULT_LAGRANGIAN: LagrangianSettings = { patience: 30 };

/**
 * The bound after running every iteration.
 * @param include orders whose service the bound covers (the planned ones)
 * @param upperBound the cost of a known plan for those orders (steers the step size)
 * @param price what each order pays in that plan (own cost + its share of departures): a warm start
 */
export function lagrangianBound(
  problem: Problem,
  index: NetworkIndex,
  include: (order: number) => boolean,
  upperBound: number,
  settings: LagrangianSettings = DEFAULT_LAGRANGIAN,
  price?: ArrayLike<number>,
): number {
  const steps = lagrangianSteps(problem, index, include, upperBound, settings, price);
  for (;;) {
    const next = steps.next();
    if (next.done === true) return next.value;
  }
}

/**
 * The same, one iteration at a time: each `next()` runs one iteration and yields the best
 * bound so far (valid at every step), so a caller can stop early or yield to its event loop.
 */
export function* lagrangianSteps(
  problem: Problem,
  index: NetworkIndex,
  include: (order: number) => boolean,
  upperBound: number,
  settings: LagrangianSettings = DEFAULT_LAGRANGIAN,
  price?: ArrayLike<number>,
): Generator<number, number, void> {
  const nOrders = problem.orders.length;
  const included: number[] = [];
  // Flat choice table. A choice on one departure rides that departure's group; a choice on
  // none or several sits in the free group, and one on several also leaves a *copy* in each
  // departure it uses (x^d = x, priced by ν: variable splitting keeps the groups separable).
  const own: number[] = [];
  const orderOf: number[] = [];
  const stockStart: number[] = [0];
  const stockKey: number[] = [];
  const stockQty: number[] = [];
  const copiesOf: number[][] = [];
  const copyChoice: number[] = [];
  const copyWeight: number[] = [];
  const memberWeight: number[] = [];
  /** Group members: a choice id ≥ 0, or a copy as -(copy + 1). */
  const groups: number[][] = problem.departures.map(() => []);
  const free: number[] = [];
  problem.orders.forEach((order, o) => {
    if (!include(o)) return;
    included.push(o);
    for (const choice of order.choices) {
      const id = own.length;
      own.push(choice.ownMinor);
      orderOf.push(o);
      for (const s of choice.stock) {
        stockKey.push(s.key);
        stockQty.push(s.qty);
      }
      stockStart.push(stockKey.length);
      const copies: number[] = [];
      if (choice.uses.length === 1) {
        groups[choice.uses[0]!.dep]!.push(id);
        memberWeight[id] = choice.uses[0]!.weightKg;
      } else {
        free.push(id);
        memberWeight[id] = 0;
        if (choice.uses.length > 1) {
          for (const u of choice.uses) {
            const copy = copyChoice.length;
            copyChoice.push(id);
            copyWeight.push(u.weightKg);
            copies.push(copy);
            groups[u.dep]!.push(-(copy + 1));
          }
        }
      }
      copiesOf.push(copies);
    }
  });
  if (included.length === 0) return 0;
  // Members of a group sorted by order, so each order's members form one run (a segment).
  const memberOrderOf = (m: number): number => orderOf[m >= 0 ? m : copyChoice[-m - 1]!]!;
  const segments = groups.map((members) => {
    members.sort((x, y) => memberOrderOf(x) - memberOrderOf(y) || x - y);
    const starts: number[] = [];
    members.forEach((m, i) => {
      if (i === 0 || memberOrderOf(members[i - 1]!) !== memberOrderOf(m)) starts.push(i);
    });
    starts.push(members.length);
    return starts;
  });
  const widest = Math.max(1, ...segments.map((st) => st.length));
  const pickA = new Int32Array(widest);
  const pickB = new Int32Array(widest);
  const pickC = new Int32Array(widest);
  const pickD = new Int32Array(widest);
  // γ is only valid up to the potential load of the included orders.
  const potential = potentialLoads(problem, include);
  const forms = problem.departures.map((d, i) => departureForms(must(index.lanes, d.lane, 'lane'), potential[i] ?? 0));
  const available = problem.stock.map((s) => s.available);

  const lambda = new Float64Array(nOrders);
  const mu = new Float64Array(available.length);
  const nu = new Float64Array(copyChoice.length);
  for (const o of included) lambda[o] = price?.[o] ?? Infinity;
  if (price === undefined) {
    own.forEach((c, id) => {
      const o = orderOf[id]!;
      lambda[o] = Math.min(lambda[o]!, c);
    });
  }
  const cost = new Float64Array(own.length);
  const count = new Float64Array(nOrders);
  const picked = new Uint8Array(own.length);
  const copyPicked = new Uint8Array(copyChoice.length);
  const used = new Float64Array(available.length);
  const bestOf = new Int32Array(nOrders);
  const bestRc = new Float64Array(nOrders);
  const seen = new Uint8Array(nOrders);
  const touched: number[] = [];

  const memberOrder = (m: number): number => orderOf[m >= 0 ? m : copyChoice[-m - 1]!]!;
  /** Reduced cost of a group member with `perKg` charged on its weight. */
  const reduced = (m: number, perKg: number): number =>
    m >= 0 ? cost[m]! + perKg * memberWeight[m]! - lambda[orderOf[m]!]! : nu[-m - 1]! + perKg * copyWeight[-m - 1]!;
  /** Per order, the least reduced cost among the members; Σ of the negative ones. */
  const cheapestPerOrder = (members: readonly number[], perKg: number): number => {
    for (const m of members) {
      const o = memberOrder(m);
      const rc = reduced(m, perKg);
      if (seen[o] === 0) {
        seen[o] = 1;
        touched.push(o);
        bestOf[o] = m;
        bestRc[o] = rc;
      } else if (rc < bestRc[o]!) {
        bestOf[o] = m;
        bestRc[o] = rc;
      }
    }
    let sum = 0;
    for (const o of touched) if (bestRc[o]! < 0) sum += bestRc[o]!;
    return sum;
  };
  /** Records the members the last cheapestPerOrder took (when `take`), then clears. */
  const finish = (take: boolean): void => {
    for (const o of touched) {
      if (take && bestRc[o]! < 0) {
        const m = bestOf[o]!;
        if (m >= 0) picked[m] = 1;
        else copyPicked[-m - 1] = 1;
      }
      seen[o] = 0;
    }
    touched.length = 0;
  };

  const dirOrder = new Float64Array(nOrders);
  const dirStock = new Float64Array(available.length);
  const dirCopy = new Float64Array(copyChoice.length);
  let best = -Infinity;
  let theta = 1;
  const iterations = settings.iterations ?? Math.min(2_000, Math.max(200, Math.floor(WORK_BUDGET / Math.max(1, own.length))));
  let sinceBest = 0;
  for (let it = 0; it < iterations; it++) {
    picked.fill(0);
    copyPicked.fill(0);
    for (let id = 0; id < own.length; id++) {
      let c = own[id]!;
      for (let k = stockStart[id]!; k < stockStart[id + 1]!; k++) c += mu[stockKey[k]!]! * stockQty[k]!;
      for (const copy of copiesOf[id]!) c -= nu[copy]!;
      cost[id] = c;
    }
    let value = 0;
    for (const o of included) value += lambda[o]!;
    for (let k = 0; k < available.length; k++) value -= mu[k]! * available[k]!;
    value += cheapestPerOrder(free, 0);
    finish(true);
    groups.forEach((members, d) => {
      if (members.length === 0) return;
      const f = forms[d]!;
      const starts = segments[d]!;
      // One pass: per order (segment), its cheapest member under each of the three forms.
      let a = f.fixedA;
      let b = f.fixedB;
      let c = f.fixedC;
      let e = f.coFixedD;
      for (let g = 0; g + 1 < starts.length; g++) {
        let minA = Infinity, minB = Infinity, minC = Infinity, minD = Infinity;
        let argA = -1, argB = -1, argC = -1, argD = -1;
        for (let i = starts[g]!; i < starts[g + 1]!; i++) {
          const m = members[i]!;
          const base = m >= 0 ? cost[m]! - lambda[orderOf[m]!]! : nu[-m - 1]!;
          const w = m >= 0 ? memberWeight[m]! : copyWeight[-m - 1]!;
          if (base < minA) { minA = base; argA = i; }
          const rb = base + f.perKgB * w;
          if (rb < minB) { minB = rb; argB = i; }
          const rc = base + f.gamma * w;
          if (rc < minC) { minC = rc; argC = i; }
          if (f.coLoad) {
            const rd = base + f.coPerKg * w;
            if (rd < minD) { minD = rd; argD = i; }
          }
        }
        pickA[g] = minA < 0 ? argA : -1;
        pickB[g] = minB < 0 ? argB : -1;
        pickC[g] = minC < 0 ? argC : -1;
        if (minA < 0) a += minA;
        if (minB < 0) b += minB;
        if (minC < 0) c += minC;
        pickD[g] = minD < 0 ? argD : -1;
        if (minD < 0) e += minD;
      }
      const own = Math.max(a, b, c);
      // Co-load: the minimum-charge form is form A with the co-load minimum for the fixed part.
      const aLoose = a - f.fixedA + f.coFixedA;
      const loose = f.coLoad ? Math.max(aLoose, e) : Infinity;
      const form = Math.min(own, loose);
      if (form >= 0) return;
      value += form;
      const pick = form === own ? (own === a ? pickA : own === b ? pickB : pickC) : loose === aLoose ? pickA : pickD;
      for (let g = 0; g + 1 < starts.length; g++) {
        const i = pick[g]!;
        if (i < 0) continue;
        const m = members[i]!;
        if (m >= 0) picked[m] = 1;
        else copyPicked[-m - 1] = 1;
      }
    });
    if (value > best + 1e-9) {
      best = value;
      sinceBest = 0;
    } else if (++sinceBest >= settings.patience || value < best - 0.5 * (upperBound - best)) {
      // Too long without progress, or a step so long it fell far back: shorten the steps.
      theta /= 2;
      sinceBest = 0;
    }
    count.fill(0);
    used.fill(0);
    for (let id = 0; id < own.length; id++) {
      if (picked[id] === 0) continue;
      count[orderOf[id]!]! += 1;
      for (let k = stockStart[id]!; k < stockStart[id + 1]!; k++) used[stockKey[k]!]! += stockQty[k]!;
    }
    // Deflected subgradient: half of the previous direction is kept, which damps the
    // zig-zag of plain subgradient steps between neighbouring departures.
    let norm = 0;
    for (const o of included) {
      dirOrder[o] = 1 - count[o]! + DEFLECTION * dirOrder[o]!;
      norm += dirOrder[o]! ** 2;
    }
    for (let k = 0; k < available.length; k++) {
      dirStock[k] = used[k]! - available[k]! + DEFLECTION * dirStock[k]!;
      if (dirStock[k]! > 0 || mu[k]! > 0) norm += dirStock[k]! ** 2;
    }
    for (let copy = 0; copy < nu.length; copy++) {
      dirCopy[copy] = copyPicked[copy]! - picked[copyChoice[copy]!]! + DEFLECTION * dirCopy[copy]!;
      norm += dirCopy[copy]! ** 2;
    }
    if (norm === 0 || theta < 1e-4) break;
    const step = (theta * Math.max(upperBound - value, 1e-6 * Math.abs(upperBound) + 1)) / norm;
    for (const o of included) lambda[o]! += step * dirOrder[o]!;
    for (let k = 0; k < available.length; k++) mu[k] = Math.max(0, mu[k]! + step * dirStock[k]!);
    for (let copy = 0; copy < nu.length; copy++) nu[copy]! += step * dirCopy[copy]!;
    yield Math.max(0, best);
  }
  return Math.max(0, best);
}

interface DepartureForms {
  fixedA: number;
  fixedB: number;
  fixedC: number;
  perKgB: number;
  gamma: number;
  /** The lane offers co-load: coFixedA = its minimum − ½; coFixedD = −½ with coPerKg per kg. */
  coLoad: boolean;
  coFixedA: number;
  coFixedD: number;
  coPerKg: number;
}

function departureForms(lane: Lane, potentialKg: number): DepartureForms {
  const maxKg = lane.uld?.maxKg ?? Infinity;
  const allotment = lane.maxUldsPerDeparture === undefined ? Infinity : lane.maxUldsPerDeparture * maxKg;
  const cap = Math.min(potentialKg, allotment);
  const tariff = lane.cost.freight;
  let gamma = 0;
  if (tariff !== undefined && cap > 0) {
    const chargeable = roundUpToHalfKg(cap);
    gamma = weightBreakChargeMinor(tariff, chargeable) / chargeable;
  }
  const fixed = lane.cost.perConsolidationMinor - 0.5;
  const uld = lane.uld === undefined ? 0 : lane.cost.perUldMinor;
  const minCharge = tariff?.minChargeMinor ?? 0;
  return {
    fixedA: fixed + uld + minCharge,
    fixedB: fixed,
    fixedC: fixed + uld,
    perKgB: gamma + (lane.uld === undefined ? 0 : uld / maxKg),
    gamma,
    coLoad: lane.coLoad !== undefined,
    coFixedA: (lane.coLoad?.minChargeMinor ?? 0) - 0.5,
    coFixedD: -0.5,
    coPerKg: lane.coLoad?.perKgMinor ?? 0,
  };
}
