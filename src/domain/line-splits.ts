// The least an order's lines cost over every way of splitting them into parcels (each parcel
// shipped from one source, a line never divided): the bound's sourcing rule, stated once for the
// planner (src/optimise/bound/any-routing.ts) and the verifier (src/verify/lower-bound.ts),
// which each bring their own figure for one parcel. Exact up to `exactLines` lines (every set
// partition, by a subset recursion); beyond that the heaviest line's parcel alone, a valid
// floor as every split has some parcel carrying it.
import type { Order } from './orders.js';

/**
 * min over set partitions P of the order's lines of Σ_{parcel ∈ P} parcelCost(parcel's lines),
 * or `parcelCost([heaviest line])` past `exactLines` lines. Infinity when no split can be served.
 */
export function leastLineSplit(order: Order, exactLines: number, parcelCost: (lines: readonly number[]) => number): number {
  const n = order.lines.length;
  if (n > exactLines) {
    let heaviest = 0;
    for (let l = 1; l < n; l++) {
      const line = order.lines[l]!;
      const top = order.lines[heaviest]!;
      if (line.unitWeightKg * line.qty > top.unitWeightKg * top.qty) heaviest = l;
    }
    return parcelCost([heaviest]);
  }
  const full = (1 << n) - 1;
  const parcel = new Float64Array(full + 1);
  for (let mask = 1; mask <= full; mask++) {
    const lines: number[] = [];
    for (let l = 0; l < n; l++) if ((mask & (1 << l)) !== 0) lines.push(l);
    parcel[mask] = parcelCost(lines);
  }
  // least[mask]: the cheapest split of the lines in mask, the parcel holding its lowest line first.
  const least = new Float64Array(full + 1);
  for (let mask = 1; mask <= full; mask++) {
    const low = mask & -mask;
    let best = Infinity;
    for (let sub = mask; sub > 0; sub = (sub - 1) & mask) if ((sub & low) !== 0) best = Math.min(best, parcel[sub]! + least[mask ^ sub]!);
    least[mask] = best;
  }
  return least[full]!;
}
