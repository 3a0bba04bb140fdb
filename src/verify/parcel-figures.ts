// PARCEL_LINES and PARCEL_FIGURES: a planned order's parcels carry exactly the order's goods,
// and each parcel's weight, volume, chargeable weight and value follow from its lines.
import type { Lane } from '../domain/network.js';
import type { Order, OrderLine } from '../domain/orders.js';
import type { PlanParcel } from '../domain/plan.js';
import { drawLines, unitVolumeM3 } from '../domain/measure.js';
import { parcelChargeableKg as chargeableKgOnLanes } from '../tariff/index.js';
import type { VerifyContext } from './context.js';
import { sameQuantity } from './tolerance.js';

/** The one rule for a unit's volume (src/domain/measure.ts), re-exported where the verifier's readers look. */
export { unitVolumeM3 };

export interface ParcelGoods {
  weightKg: number;
  volumeM3: number;
  valueMinor: number;
  /** The order lines the parcel's units were taken from (their tax categories price its tax). */
  lots: { line: OrderLine; qty: number }[];
}

/**
 * The goods of each parcel, in parcel order. Parcel lines name only (sku, qty); the unit
 * figures come from the order's lines of that SKU, drawn by the one rule planner and verifier
 * share (drawLines, src/domain/measure.ts): first come, first served in plan order; units beyond
 * what the order holds priced like its last line of the SKU; SKUs the order lacks weigh nothing
 * (both are PARCEL_LINES violations anyway).
 */
export function parcelGoods(order: Order, parcels: readonly PlanParcel[]): ParcelGoods[] {
  const draws = drawLines(order, parcels.map((parcel) => parcel.lines));
  return draws.map((parcelDraws) => {
    const goods: ParcelGoods = { weightKg: 0, volumeM3: 0, valueMinor: 0, lots: [] };
    for (const { line, qty } of parcelDraws) {
      const orderLine = order.lines[line];
      if (orderLine !== undefined) add(goods, orderLine, qty);
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

/** The parcel's chargeable weight, as the tariff defines it for its itinerary's lanes. */
export function parcelChargeableKg(goods: ParcelGoods, lanes: readonly (Lane | undefined)[]): number {
  return chargeableKgOnLanes(goods.weightKg, goods.volumeM3, lanes);
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
