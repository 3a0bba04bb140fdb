// REASON_NO_ROUTE: an order answered NO_ROUTE must have no route, over lanes its mode may use
// (customs-crossing.ts), from the nodes it may be sourced from that hold its lines in the input
// stock to its destination. Input stock, not what the plan leaves: a route from a node whose
// stock other orders took is still a route (that order's answer is NO_STOCK or CAPACITY).
import { describeDraws, drawLines, modesOf, sourcesOf } from './order-sources.js';
import type { UnplannedCase } from './unplanned-order.js';

export function checkNoRouteReason({ ctx, order, stock, routes }: UnplannedCase): void {
  if (ctx.index.nodes.get(order.destination)?.kind !== 'zone') return; // no zone to reach: INVALID_ORDER's case
  const connected = sourcesOf(ctx, order, modesOf(ctx, order))
    .filter((s) => routes.canReach(s.mode, s.node, order.destination))
    .map((s) => s.node);
  const draws = drawLines(order.lines, connected, stock.input);
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
