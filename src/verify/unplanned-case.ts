// What a check of one unplanned answer's reason may consult (reason-*.ts), gathered once per
// answer by unplanned-order.ts.
import type { Order } from '../domain/orders.js';
import type { UnplannedOrder } from '../domain/plan.js';
import type { VerifyContext } from './context.js';
import type { StockLevels } from './order-sources.js';
import type { PlanLoads } from './plan-loads.js';
import type { RouteSearch } from './routes.js';

export interface UnplannedCase {
  ctx: VerifyContext;
  order: Order;
  answer: UnplannedOrder;
  stock: StockLevels;
  routes: RouteSearch;
  loads: PlanLoads;
  /** The plan's own `timeLimited` flag (a TIME_LIMIT answer needs it). */
  timeLimited: boolean;
  /** The recomputed deadline; null when the order has none the time model can compute. */
  deadlineMs: number | null;
  /** The order's creation instant, rounded up to its whole second; null when it is not a real instant. */
  createdMs: number | null;
}

/** An instant in the local time of `node` (UTC when the node is unknown). */
export function localIso(ctx: VerifyContext, ms: number, node: string): string {
  return ctx.index.nodes.has(node) ? ctx.model.toLocalIso(ms, node) : new Date(ms).toISOString();
}

/**
 * The deadline and creation instant a time-based reason (SLA_INFEASIBLE, CAPACITY) is judged
 * against, or null after reporting why it cannot be: no deadline refutes the reason itself;
 * an unreal createdAt leaves it uncheckable.
 */
export function timesOf(
  { ctx, order, deadlineMs, createdMs }: UnplannedCase,
  refute: (message: string) => void,
): { deadlineMs: number; createdMs: number } | null {
  if (deadlineMs === null) {
    refute('it has no deadline the network can compute');
    return null;
  }
  if (createdMs === null) {
    ctx.report({ rule: 'UNCHECKABLE', order: order.id, message: `order ${order.id}: createdAt "${order.createdAt}" is not a real instant, so no arrival can be computed` });
    return null;
  }
  return { deadlineMs, createdMs };
}
