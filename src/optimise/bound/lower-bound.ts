// A valid lower bound on the cost of serving a set of orders, cheap enough for any batch.
//
// For a departure d let f(W) be its consolidation cost at actual weight W (volume can only
// raise it), K the ULD's max kg, F the fixed cost, u the cost per ULD, g the unrounded
// weight-break charge and r(W) the chargeable weight rounded up to 0.5 kg. On the k-th ULD
// interval ((k-1)K, kK] capped at Wcap (the allotment, or all the weight that could ever
// ride d), with Wend its right end:
//   f(W)/W ≥ (F + u·k)/Wend + g(r(W))/r(W) ≥ (F + u·k)/Wend + g(r(Wend))/r(Wend)
// because r(W) ≥ W and g(r)/r never increases with r (rates fall at each break; the minimum
// charge and the next-break rule are flat). So f(W) ≥ ρ_d·W − ½ (rounding the freight to a
// minor unit), with ρ_d the least of those per-interval rates. Summing over departures,
// every plan costs at least Σ_o min over its choices (own cost + Σ_d w_o,d·ρ_d) − ½·|D|.
// A lane with a co-load offer (per kg p, minimum m) costs min(own, co-load) per departure;
// co-load per actual kg is ≥ max(p, m / potential load), so ρ_d is the lesser of the two floors.
import type { NetworkIndex } from '../../domain/network-index.js';
import { must } from '../../domain/network-index.js';
import type { Lane } from '../../domain/network.js';
import { roundUpToHalfKg, weightBreakChargeMinor } from '../../tariff/index.js';
import type { Problem } from '../model/problem.js';

export function departureRates(problem: Problem, index: NetworkIndex): Float64Array {
  const potential = potentialLoads(problem, () => true);
  return Float64Array.from(problem.departures, (d, i) => perKgFloor(must(index.lanes, d.lane, 'lane'), potential[i] ?? 0));
}

/**
 * Per departure, the most weight the included orders could ever put on it (each order counted
 * once, at its heaviest choice there). Per-kg floors are valid only up to this load, so it
 * must never be underestimated.
 */
export function potentialLoads(problem: Problem, include: (order: number) => boolean): Float64Array {
  const potential = new Float64Array(problem.departures.length);
  problem.orders.forEach((order, o) => {
    if (!include(o)) return;
    const most = new Map<number, number>();
    for (const choice of order.choices) {
      for (const use of choice.uses) most.set(use.dep, Math.max(most.get(use.dep) ?? 0, use.weightKg));
    }
    for (const [dep, w] of most) potential[dep] = (potential[dep] ?? 0) + w;
  });
  return potential;
}

/** Least cost per actual kg any load up to `potentialKg` can reach on this lane. */
export function perKgFloor(lane: Lane, potentialKg: number): number {
  const own = ownPerKgFloor(lane, potentialKg);
  if (lane.coLoad === undefined || !(potentialKg > 0)) return own;
  return Math.min(own, Math.max(lane.coLoad.perKgMinor, lane.coLoad.minChargeMinor / potentialKg));
}

function ownPerKgFloor(lane: Lane, potentialKg: number): number {
  const maxKgPerUld = lane.uld?.maxKg ?? Infinity;
  const allotment = lane.maxUldsPerDeparture === undefined ? Infinity : lane.maxUldsPerDeparture * maxKgPerUld;
  const cap = Math.min(potentialKg, allotment);
  if (!(cap > 0)) return 0;
  const intervals = lane.uld === undefined ? 1 : Math.ceil(cap / maxKgPerUld);
  let best = Infinity;
  for (let k = 1; k <= intervals; k++) {
    const end = Math.min(k * maxKgPerUld, cap);
    const fixed = lane.cost.perConsolidationMinor + (lane.uld === undefined ? 0 : lane.cost.perUldMinor * k);
    const chargeable = roundUpToHalfKg(end);
    const freight = lane.cost.freight === undefined ? 0 : weightBreakChargeMinor(lane.cost.freight, chargeable) / chargeable;
    best = Math.min(best, fixed / end + freight);
  }
  return best;
}

/** Σ over the given orders of their cheapest choice at floor rates, less the rounding allowance. */
export function lowerBound(problem: Problem, rates: Float64Array, include: (order: number) => boolean): number {
  let bound = 0;
  const departuresSeen = new Set<number>();
  problem.orders.forEach((order, o) => {
    if (!include(o)) return;
    let best = Infinity;
    for (const choice of order.choices) {
      let cost = choice.ownMinor;
      for (const use of choice.uses) {
        cost += use.weightKg * (rates[use.dep] ?? 0);
        departuresSeen.add(use.dep);
      }
      best = Math.min(best, cost);
    }
    if (Number.isFinite(best)) bound += best;
  });
  return Math.max(0, bound - 0.5 * departuresSeen.size);
}
