// SOURCE_MODE / SOURCE_NOT_ALLOWED / VALUE_LIMIT: where a parcel comes from and by which
// fulfilment mode may it come, given the node kinds, the order's wishes and customs rules.
import { crossBorderStanding, isCrossBorder, orderValueMinor } from '../domain/customs.js';
import { SOURCE_KIND } from '../domain/network.js';
import type { Order } from '../domain/orders.js';
import type { PlanParcel } from '../domain/plan.js';
import type { VerifyContext } from './context.js';

export function checkSourcing(ctx: VerifyContext, order: Order, parcel: PlanParcel): void {
  const where = { order: order.id, parcel: parcel.id, node: parcel.source };
  const node = ctx.index.nodes.get(parcel.source);
  if (node === undefined) {
    ctx.report({ rule: 'SOURCE_MODE', ...where, message: `parcel ${parcel.id}: source ${parcel.source} is not a node of the network` });
  } else if (node.kind !== SOURCE_KIND[parcel.mode]) {
    ctx.report({
      rule: 'SOURCE_MODE',
      ...where,
      message: `parcel ${parcel.id}: mode ${parcel.mode} is sourced from a ${SOURCE_KIND[parcel.mode]}, but ${node.id} is a ${node.kind}`,
      expected: SOURCE_KIND[parcel.mode],
      found: node.kind,
    });
  }
  const level = order.serviceLevel === undefined ? undefined : ctx.index.serviceLevels.get(order.serviceLevel);
  if (level !== undefined && !level.modes.includes(parcel.mode)) {
    ctx.report({
      rule: 'SOURCE_MODE',
      ...where,
      message: `parcel ${parcel.id}: service level ${level.id} of order ${order.id} is not served by mode ${parcel.mode}`,
      expected: level.modes.join(' | '),
      found: parcel.mode,
    });
  }
  const allowed = order.allowedSources ?? [];
  if (allowed.length > 0 && !allowed.includes(parcel.source)) {
    ctx.report({
      rule: 'SOURCE_NOT_ALLOWED',
      ...where,
      message: `parcel ${parcel.id}: order ${order.id} may only be sourced from ${allowed.join(', ')}`,
      expected: allowed.join(' | '),
      found: parcel.source,
    });
  }
}

/**
 * VALUE_LIMIT, once per order: an order over the per-order limit that is not the single-item
 * case may not cross the border; the first cross-border parcel of such an order is named.
 */
export function checkValueLimit(ctx: VerifyContext, order: Order, parcels: readonly PlanParcel[]): void {
  const customs = ctx.index.network.customs;
  const limit = customs.crossBorderOrderLimitMinor;
  const value = orderValueMinor(order.lines);
  if (crossBorderStanding(customs, order.lines) !== 'over_limit') return;
  const crossing = parcels.find((parcel) => isCrossBorder(parcel.mode));
  if (crossing === undefined) return;
  ctx.report({
    rule: 'VALUE_LIMIT',
    order: order.id,
    parcel: crossing.id,
    message: `order ${order.id} is worth ${value} minor, over the cross-border limit of ${limit} and not a single item, yet parcel ${crossing.id} goes ${crossing.mode}`,
    expected: limit,
    found: value,
  });
}
