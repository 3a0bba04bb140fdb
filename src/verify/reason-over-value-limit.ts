// REASON_OVER_VALUE_LIMIT: an order answered OVER_VALUE_LIMIT must be over the CBEC per-order
// limit (and not a single indivisible item, which may still cross), and have no general-trade
// way out: its service level offers no general trade, or no domestic warehouse it may be
// sourced from holds its lines after the plan's draws.
import { describeDraws, drawLines, orderValueMinor, sourcesOf, standingOf } from './order-sources.js';
import type { UnplannedCase } from './unplanned-order.js';

export function checkOverValueLimitReason({ ctx, order, stock }: UnplannedCase): void {
  const where = { order: order.id };
  const limit = ctx.index.network.customs.crossBorderOrderLimitMinor;
  const value = orderValueMinor(order);
  const standing = standingOf(ctx, order);
  if (standing !== 'over_limit') {
    ctx.report({
      rule: 'REASON_OVER_VALUE_LIMIT',
      ...where,
      message:
        standing === 'single_item'
          ? `order ${order.id} is answered OVER_VALUE_LIMIT, but it is one indivisible item worth ${value}, which may cross the border above the per-order limit of ${limit}`
          : `order ${order.id} is answered OVER_VALUE_LIMIT, but it is worth ${value}, within the cross-border limit of ${limit}`,
      expected: `> ${limit}`,
      found: value,
    });
    return;
  }
  const level = order.serviceLevel === undefined ? undefined : ctx.index.serviceLevels.get(order.serviceLevel);
  if (level !== undefined && !level.modes.includes('general_trade')) return;
  const warehouses = sourcesOf(ctx, order, ['general_trade']).map((s) => s.node);
  const draws = drawLines(order.lines, warehouses, stock.left);
  if (draws !== null) {
    ctx.report({
      rule: 'REASON_OVER_VALUE_LIMIT',
      ...where,
      message: `order ${order.id} is answered OVER_VALUE_LIMIT, but its service level allows general trade, which has no cross-border limit, and domestic stock is left for it: ${describeDraws(draws)}`,
      expected: 'no general-trade option',
      found: describeDraws(draws),
    });
  }
}
