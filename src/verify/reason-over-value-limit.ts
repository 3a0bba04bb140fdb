// REASON_OVER_VALUE_LIMIT: an order answered OVER_VALUE_LIMIT must be over the CBEC per-order
// limit (and not a single indivisible item, which may still cross: crossBorderStanding), its
// service level must offer a cross-border mode (else the limit took nothing away), and it must
// have no general-trade way out: its level offers no general trade, or no domestic warehouse it
// may be sourced from holds its lines after the plan's draws.
import { isCrossBorder, orderValueMinor } from '../domain/customs.js';
import { describeDraws, drawLines, levelModesOf, sourcesOf, standingOf } from './order-sources.js';
import type { UnplannedCase } from './unplanned-case.js';

export function checkOverValueLimitReason({ ctx, order, stock }: UnplannedCase): void {
  const where = { order: order.id };
  const limit = ctx.index.network.customs.crossBorderOrderLimitMinor;
  const value = orderValueMinor(order.lines);
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
  const levelModes = levelModesOf(ctx, order);
  if (!levelModes.some(isCrossBorder)) {
    // A general-trade-only promise: the limit took nothing away (NO_STOCK or another reason is why).
    ctx.report({
      rule: 'REASON_OVER_VALUE_LIMIT',
      ...where,
      message: `order ${order.id} is answered OVER_VALUE_LIMIT, but its service level offers only ${levelModes.join(', ')}, which the cross-border limit does not restrict`,
      expected: 'a service level with a cross-border mode',
      found: levelModes.join(' | '),
    });
    return;
  }
  if (!levelModes.includes('general_trade')) return;
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
