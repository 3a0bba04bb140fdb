// The per-kg floor of a consolidating lane: the least any load up to a cap costs per actual kg.
// The plan's lower bound is built on it (src/optimise/bound/any-routing.ts) and the verifier
// re-derives the bound with it (src/verify/lower-bound.ts).
//
// For a departure d let f(W) be its consolidation cost at actual weight W (volume can only
// raise it), K the ULD's max kg, F the fixed cost, u the cost per ULD, g the unrounded
// weight-break charge and r(W) the chargeable weight rounded up to 0.5 kg. On the k-th ULD
// interval ((k-1)K, kK] capped at Wcap (the allotment, or all the weight that could ever
// ride d), with Wend its right end:
//   f(W)/W ≥ (F + u·k)/Wend + g(r(W))/r(W) ≥ (F + u·k)/Wend + g(r(Wend))/r(Wend)
// because r(W) ≥ W and g(r)/r never increases with r (rates fall at each break; the minimum
// charge and the next-break rule are flat). So f(W) ≥ ρ_d·W − ½ (rounding the freight to a
// minor unit), with ρ_d the least of those per-interval rates.
// A lane with a co-load offer (per kg p, minimum m) costs min(own, co-load) per departure;
// co-load per actual kg is ≥ max(p, m / potential load), so ρ_d is the lesser of the two floors.
import type { Lane } from '../domain/network.js';
import { roundUpToHalfKg } from './chargeable-weight.js';
import { weightBreakChargeMinor } from './weight-breaks.js';

/** Least cost per actual kg any load up to `potentialKg` can reach on this lane. */
export function perKgFloor(lane: Lane, potentialKg: number): number {
  const own = ownPerKgFloor(lane, potentialKg);
  if (lane.coLoad === undefined || !(potentialKg > 0)) return own;
  return Math.min(own, Math.max(lane.coLoad.perKgMinor, lane.coLoad.minChargeMinor / potentialKg));
}

function ownPerKgFloor(lane: Lane, potentialKg: number): number {
  const maxKgPerUld = lane.uld?.maxKg ?? Infinity;
  const cap = ownLoadCapKg(lane, potentialKg);
  if (!(cap > 0)) return 0;
  const intervals = lane.uld === undefined ? 1 : Math.ceil(cap / maxKgPerUld);
  let best = Infinity;
  for (let k = 1; k <= intervals; k++) {
    const end = Math.min(k * maxKgPerUld, cap);
    const fixed = lane.cost.perConsolidationMinor + (lane.uld === undefined ? 0 : lane.cost.perUldMinor * k);
    best = Math.min(best, fixed / end + freightPerChargeableKg(lane, end));
  }
  return best;
}

/** The most one of our own departures can carry of `potentialKg`: the allotment caps it. */
export function ownLoadCapKg(lane: Lane, potentialKg: number): number {
  const allotment = lane.maxUldsPerDeparture === undefined ? Infinity : lane.maxUldsPerDeparture * (lane.uld?.maxKg ?? Infinity);
  return Math.min(potentialKg, allotment);
}

/** Weight-break freight per chargeable kg for a load of `kg` (> 0) rounded up to 0.5 kg; 0 without a freight tariff. */
export function freightPerChargeableKg(lane: Lane, kg: number): number {
  if (lane.cost.freight === undefined) return 0;
  const chargeable = roundUpToHalfKg(kg);
  return weightBreakChargeMinor(lane.cost.freight, chargeable) / chargeable;
}
