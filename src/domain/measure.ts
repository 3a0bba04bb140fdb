// Physical and money measures of order lines: weight, volume, value. Shared by planners and
// the verifier because they are facts of the input, not planning decisions.
import type { OrderLine } from './orders.js';

/** Volume of one unit in m³: from box dimensions (cm) when given, else the stated volume. */
export function unitVolumeM3(line: OrderLine): number {
  if (line.dimensionsCm !== undefined) {
    const [l, w, h] = line.dimensionsCm;
    return (l * w * h) / 1e6;
  }
  return line.unitVolumeM3 ?? 0;
}

export interface Measures {
  weightKg: number;
  volumeM3: number;
  valueMinor: number;
}

/** Totals over lines, each taken `qty` times (a parcel's qty may be a part of the order line's). */
export function measureLines(lines: readonly { line: OrderLine; qty: number }[]): Measures {
  let weightKg = 0;
  let volumeM3 = 0;
  let valueMinor = 0;
  for (const { line, qty } of lines) {
    weightKg += line.unitWeightKg * qty;
    volumeM3 += unitVolumeM3(line) * qty;
    valueMinor += line.unitValueMinor * qty;
  }
  return { weightKg, volumeM3, valueMinor };
}
