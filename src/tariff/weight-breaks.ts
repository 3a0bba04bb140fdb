// Air freight under an IATA weight-break tariff: a minimum charge (M) and per-kg rates that
// fall at weight breaks (N below 45 kg, then +45, +100, +300, …), with the next-break rule.
import type { WeightBreakTariff } from '../domain/network.js';
import { roundMinor } from './rounding.js';

/**
 * Unrounded charge for `chargeableKg` (the shape the optimiser can approximate linearly):
 *   cost(w) = max(M, min(rate_b·w, rate_{b+1}·break_{b+1}, rate_{b+2}·break_{b+2}, …))
 * where b is the break w falls in. The next-break rule lets a shipper declare the weight of a
 * higher break when that is cheaper (40 kg at +45's rate × 45 kg can beat N × 40 kg).
 *
 * Written order-independently (bracket = largest fromKg ≤ w; "later" = fromKg > w) so it needs
 * no sort in a hot loop and cannot misprice if a file lists breaks out of order. Should a
 * weight fall below every break, it is charged at the cheapest break weight above it, which is
 * what the next-break rule gives. Duplicate fromKg (a validation matter): the lower rate wins.
 * No weight, no shipment: 0 kg costs 0, not the minimum charge.
 */
export function weightBreakChargeMinor(tariff: WeightBreakTariff, chargeableKg: number): number {
  if (!(chargeableKg > 0)) return 0;
  let bracketFromKg = -Infinity;
  let bracketRate = Infinity;
  let cheapestHigherBreak = Infinity;
  for (const { fromKg, perKgMinor } of tariff.breaks) {
    if (fromKg <= chargeableKg) {
      if (fromKg > bracketFromKg || (fromKg === bracketFromKg && perKgMinor < bracketRate)) {
        bracketFromKg = fromKg;
        bracketRate = perKgMinor;
      }
    } else {
      cheapestHigherBreak = Math.min(cheapestHigherBreak, perKgMinor * fromKg);
    }
  }
  const byWeight = bracketRate === Infinity ? Infinity : bracketRate * chargeableKg;
  // `breaks` has at least one entry (schema), so one of the two terms is finite.
  return Math.max(tariff.minChargeMinor, Math.min(byWeight, cheapestHigherBreak));
}

/** The billed freight: the charge above, rounded once to a whole minor unit. */
export function weightBreakCostMinor(tariff: WeightBreakTariff, chargeableKg: number): number {
  return roundMinor(weightBreakChargeMinor(tariff, chargeableKg));
}
