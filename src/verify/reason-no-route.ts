// REASON_NO_ROUTE: an order answered NO_ROUTE must have no route, over lanes its mode may use
// (customs-crossing.ts), from the nodes it may be sourced from that still hold its lines after
// the plan's draws to its destination. What the plan leaves, as for NO_STOCK: when the stock
// with a route went to other orders and only stock without one is left, NO_ROUTE is the true
// answer (NO_STOCK would not be: an allowed node holds the goods).
import { describeDraws, drawLines, modesOf, sourcesOf } from './order-sources.js';
import type { UnplannedCase } from './unplanned-case.js';

export function checkNoRouteReason({ ctx, order, stock, routes }: UnplannedCase): void {
  if (ctx.index.nodes.get(order.destination)?.kind !== 'zone') return; // no zone to reach: INVALID_ORDER's case
  const connected = sourcesOf(ctx, order, modesOf(ctx, order))
    .filter((s) => routes.canReach(s.mode, s.node, order.destination))
    .map((s) => s.node);
  const draws = drawLines(order.lines, connected, stock.left);
  if (draws !== null) {
    ctx.report({
      rule: 'REASON_NO_ROUTE',
      order: order.id,
      message: `order ${order.id} is answered NO_ROUTE, but lanes lead to ${order.destination} from sources that hold its lines: ${describeDraws(draws)}`,
      expected: 'no route from an allowed, stocked source',
      found: connected.join(', '),
    });
  }
}
