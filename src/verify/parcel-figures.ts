// PARCEL_LINES and PARCEL_FIGURES: a planned order's parcels carry exactly the order's goods,
// and each parcel's weight, volume, chargeable weight and value follow from its lines.
import type { Lane } from '../domain/network.js';
import type { Order, OrderLine } from '../domain/orders.js';
import type { PlanParcel } from '../domain/plan.js';
import { chargeableKg } from '../tariff/index.js';
import type { VerifyContext } from './context.js';
import { sameQuantity } from './tolerance.js';

/** Air-cargo volumetric divisor (cm³/kg) for a parcel that flies no air lane; the schema default. */
export const DEFAULT_VOLUMETRIC_DIVISOR = 6000;

export interface ParcelGoods {
  weightKg: number;
  volumeM3: number;
  valueMinor: number;
  /** The order lines the parcel's units were taken from (their tax categories price its tax). */
  lots: { line: OrderLine; qty: number }[];
}

/** Volume of one unit: the measured volume if given, else the box (cm³ -> m³). */
export function unitVolumeM3(line: OrderLine): number {
  if (line.unitVolumeM3 !== undefined) return line.unitVolumeM3;
  const [l, w, h] = line.dimensionsCm ?? [0, 0, 0];
  return (l * w * h) / 1e6;
}

/**
 * The goods of each parcel, in parcel order. Parcel lines name only (sku, qty); the unit
 * figures come from the order's line of that SKU. An order may list one SKU on several lines
 * (with different unit figures): the parcels then take those lines' units first come, first
 * served, in plan order. Units beyond what the order holds are priced like its last line of
 * the SKU; SKUs the order lacks weigh nothing (both are PARCEL_LINES violations anyway).
 */
export function parcelGoods(order: Order, parcels: readonly PlanParcel[]): ParcelGoods[] {
  const remaining = new Map<string, { line: OrderLine; qty: number }[]>();
  for (const line of order.lines) {
    const queue = remaining.get(line.sku);
    if (queue === undefined) remaining.set(line.sku, [{ line, qty: line.qty }]);
    else queue.push({ line, qty: line.qty });
  }
  return parcels.map((parcel) => {
    const goods: ParcelGoods = { weightKg: 0, volumeM3: 0, valueMinor: 0, lots: [] };
    for (const { sku, qty } of parcel.lines) {
      const queue = remaining.get(sku);
      if (queue === undefined) continue;
      let left = qty;
      for (const lot of queue) {
        if (left === 0) break;
        const take = Math.min(left, lot.qty);
        add(goods, lot.line, take);
        lot.qty -= take;
        left -= take;
      }
      const last = queue[queue.length - 1];
      if (left > 0 && last !== undefined) add(goods, last.line, left);
    }
    return goods;
  });
}

function add(goods: ParcelGoods, line: OrderLine, qty: number): void {
  goods.weightKg += qty * line.unitWeightKg;
  goods.volumeM3 += qty * unitVolumeM3(line);
  goods.valueMinor += qty * line.unitValueMinor;
  goods.lots.push({ line, qty });
}

/** PARCEL_LINES: Σ parcel qty per SKU equals Σ order qty per SKU, for every SKU on either side. */
export function checkParcelLines(ctx: VerifyContext, order: Order, parcels: readonly PlanParcel[]): void {
  const ordered = new Map<string, number>();
  for (const line of order.lines) ordered.set(line.sku, (ordered.get(line.sku) ?? 0) + line.qty);
  const shipped = new Map<string, number>();
  for (const parcel of parcels) {
    for (const line of parcel.lines) shipped.set(line.sku, (shipped.get(line.sku) ?? 0) + line.qty);
  }
  const skus = [...ordered.keys(), ...[...shipped.keys()].filter((sku) => !ordered.has(sku))];
  for (const sku of skus) {
    const expected = ordered.get(sku) ?? 0;
    const found = shipped.get(sku) ?? 0;
    if (expected !== found) {
      ctx.report({
        rule: 'PARCEL_LINES',
        order: order.id,
        sku,
        message: `order ${order.id}: its parcels carry ${found} × ${sku}, the order has ${expected}`,
        expected,
        found,
      });
    }
  }
}

/** The parcel's chargeable weight: per the first air lane's divisor (the default without one). */
export function parcelChargeableKg(goods: ParcelGoods, lanes: readonly (Lane | undefined)[]): number {
  const firstAir = lanes.find((lane) => lane?.mode === 'air');
  return chargeableKg(goods.weightKg, goods.volumeM3, firstAir?.volumetricDivisor ?? DEFAULT_VOLUMETRIC_DIVISOR);
}

/** PARCEL_FIGURES: the reported weight, volume, chargeable weight and value are the recomputed ones. */
export function checkParcelFigures(
  ctx: VerifyContext,
  orderId: string,
  parcel: PlanParcel,
  goods: ParcelGoods,
  chargeable: number,
): void {
  const where = { order: orderId, parcel: parcel.id };
  const quantities: [string, number, number][] = [
    ['weightKg', goods.weightKg, parcel.weightKg],
    ['volumeM3', goods.volumeM3, parcel.volumeM3],
    ['chargeableKg', chargeable, parcel.chargeableKg],
  ];
  for (const [field, expected, found] of quantities) {
    if (!sameQuantity(expected, found)) {
      ctx.report({ rule: 'PARCEL_FIGURES', ...where, message: `parcel ${parcel.id}: ${field} is ${found}, its lines give ${expected}`, expected, found });
    }
  }
  if (goods.valueMinor !== parcel.valueMinor) {
    ctx.report({
      rule: 'PARCEL_FIGURES',
      ...where,
      message: `parcel ${parcel.id}: valueMinor is ${parcel.valueMinor}, its lines give ${goods.valueMinor}`,
      expected: goods.valueMinor,
      found: parcel.valueMinor,
    });
  }
}
