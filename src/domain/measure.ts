// Physical and money measures of order lines: weight, volume, value. Shared by planners and
// the verifier because they are facts of the input, not planning decisions.
//
// The volume rule: a line may state both its box dimensions and its unit volume. The box wins,
// because it is what the carrier measures at acceptance (dimensional weight is billed on the
// measured box, whatever the merchant declared). `validate` warns when the two disagree by more
// than VOLUME_TOLERANCE, so a unit mistake in either column does not pass unnoticed.
import type { Order, OrderLine } from './orders.js';

/** Relative difference between the box's volume and the stated one above which validate warns. */
export const VOLUME_TOLERANCE = 0.05;

/** Volume of one unit in m³: from box dimensions (cm) when given, else the stated volume. */
export function unitVolumeM3(line: Pick<OrderLine, 'dimensionsCm' | 'unitVolumeM3'>): number {
  if (line.dimensionsCm !== undefined) return boxVolumeM3(line.dimensionsCm);
  return line.unitVolumeM3 ?? 0;
}

/** Volume of a box given in cm, in m³. */
export function boxVolumeM3(dimensionsCm: readonly [number, number, number]): number {
  const [l, w, h] = dimensionsCm;
  return (l * w * h) / 1e6;
}

/**
 * When a line states both measures and they disagree by more than VOLUME_TOLERANCE (relative
 * to the larger), the box's volume (the one used); undefined when they agree or only one is given.
 */
export function volumeDisagreement(line: Pick<OrderLine, 'dimensionsCm' | 'unitVolumeM3'>): number | undefined {
  if (line.dimensionsCm === undefined || line.unitVolumeM3 === undefined) return undefined;
  const box = boxVolumeM3(line.dimensionsCm);
  const stated = line.unitVolumeM3;
  return Math.abs(box - stated) > VOLUME_TOLERANCE * Math.max(box, stated) ? box : undefined;
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

/** Units of one order line (by index) that a parcel carries. */
export interface LineDraw {
  line: number;
  qty: number;
}

/**
 * The order lines each parcel's units come from, when parcels name only (sku, qty) as plans do.
 * An order may list one SKU on several lines with different unit figures (a repacked variant):
 * the parcels take those lines' units first come, first served, in parcel order, and within a
 * parcel in the order of its entries. Units beyond what the order holds are drawn from its last
 * line of the SKU; a SKU the order lacks is drawn from no line. The planner allots its parcels'
 * lines by this rule and the verifier recomputes parcel figures by it, so both agree.
 */
export function drawLines(order: Pick<Order, 'lines'>, parcels: readonly (readonly { sku: string; qty: number }[])[]): LineDraw[][] {
  const lots = new Map<string, { line: number; left: number }[]>();
  order.lines.forEach((line, i) => {
    const queue = lots.get(line.sku);
    if (queue === undefined) lots.set(line.sku, [{ line: i, left: line.qty }]);
    else queue.push({ line: i, left: line.qty });
  });
  return parcels.map((entries) => {
    const draws: LineDraw[] = [];
    for (const { sku, qty } of entries) {
      const queue = lots.get(sku);
      if (queue === undefined) continue;
      let wanted = qty;
      for (const lot of queue) {
        if (wanted === 0) break;
        const take = Math.min(wanted, lot.left);
        if (take === 0) continue;
        draws.push({ line: lot.line, qty: take });
        lot.left -= take;
        wanted -= take;
      }
      const last = queue[queue.length - 1];
      if (wanted > 0 && last !== undefined) draws.push({ line: last.line, qty: wanted });
    }
    return draws;
  });
}
