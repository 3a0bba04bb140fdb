// Everything that can be checked about one planned order on its own: its goods, sourcing,
// value limit, each parcel's itinerary and consolidation tickets, and its delivery times.
import type { Order } from '../domain/orders.js';
import type { PlannedOrder } from '../domain/plan.js';
import type { VerifyContext } from './context.js';
import { checkLegConsolidations, type IndexedConsolidation } from './consolidations.js';
import { checkOrderDelivery, checkParcelDelivery } from './delivery.js';
import type { ParcelFacts } from './facts.js';
import { checkItinerary } from './itinerary.js';
import { checkParcelFigures, checkParcelLines, parcelChargeableKg, parcelGoods } from './parcel-figures.js';
import { checkSourcing, checkValueLimit } from './sourcing.js';

export function checkPlannedOrder(
  ctx: VerifyContext,
  order: Order,
  answer: PlannedOrder,
  consolidations: ReadonlyMap<string, IndexedConsolidation>,
): ParcelFacts[] {
  checkParcelLines(ctx, order, answer.parcels);
  checkValueLimit(ctx, order, answer.parcels);
  const goods = parcelGoods(order, answer.parcels);
  const createdMs = ctx.instant(order.createdAt, { order: order.id }, `order ${order.id} createdAt`);

  const facts = answer.parcels.map((parcel, i): ParcelFacts => {
    const parcelGoodsFigures = goods[i] ?? { weightKg: 0, volumeM3: 0, valueMinor: 0, lots: [] };
    checkSourcing(ctx, order, parcel);
    const itinerary = checkItinerary(ctx, order, parcel, createdMs);
    const chargeableKg = parcelChargeableKg(parcelGoodsFigures, itinerary.lanes);
    checkParcelFigures(ctx, order.id, parcel, parcelGoodsFigures, chargeableKg);
    checkLegConsolidations(ctx, order.id, parcel, itinerary, consolidations);
    checkParcelDelivery(ctx, order, parcel, itinerary.deliveredMs);
    return { order, parcel, goods: parcelGoodsFigures, chargeableKg, itinerary, freightShareMinor: 0, consolidationShareMinor: 0 };
  });
  try {
    checkOrderDelivery(ctx, order, answer, facts.map((f) => f.itinerary.deliveredMs));
  } catch (error) {
    // No deadline (an order the inputs' validation should have refused): the rest still counts.
    const reason = error instanceof Error ? error.message : String(error);
    ctx.report({ rule: 'UNCHECKABLE', order: order.id, message: `order ${order.id}: its delivery deadline could not be computed: ${reason}` });
  }
  return facts;
}
