// An unplanned answer, checked against the inputs and the rest of the plan: the deadline it
// states (DEADLINE, LOCAL_OFFSET), then its reason, each by its own module (reason-*.ts). A
// reason is rejected only when the verifier can show it false (a draw of the stock, a route,
// an itinerary in time); what each one proves is in rules.ts.
import type { Order } from '../domain/orders.js';
import { orderDeadlineMs } from '../time/index.js';
import type { VerifyContext } from './context.js';
import { checkCapacityReason } from './reason-capacity.js';
import { checkInvalidOrderReason } from './reason-invalid-order.js';
import { checkNoRouteReason } from './reason-no-route.js';
import { checkNoStockReason } from './reason-no-stock.js';
import { checkOverValueLimitReason } from './reason-over-value-limit.js';
import { checkSlaInfeasibleReason } from './reason-sla-infeasible.js';
import { checkTimeLimitReason } from './reason-time-limit.js';
import { localIso, type UnplannedCase } from './unplanned-case.js';

export function checkUnplannedOrder(c: Omit<UnplannedCase, 'deadlineMs' | 'createdMs'>): void {
  const { ctx, order, answer } = c;
  // Most of a time-limited batch may be TIME_LIMIT answers: with no deadline stated there is
  // nothing else to check, so skip recomputing one (the same verdict, a pass a fraction as long).
  if (answer.reason === 'TIME_LIMIT' && answer.deadline === undefined && answer.earliestDelivery === undefined) return checkTimeLimitReason(c);
  const where = { order: order.id };
  let deadlineMs: number | null = null;
  try {
    deadlineMs = orderDeadlineMs(ctx.model, order);
  } catch {
    deadlineMs = null; // an order the network cannot give a deadline (INVALID_ORDER checks why)
  }
  if (answer.deadline !== undefined) checkStatedDeadline(ctx, order, answer.deadline, deadlineMs);
  if (answer.earliestDelivery !== undefined) {
    const ms = ctx.instant(answer.earliestDelivery, where, 'earliestDelivery');
    if (ms !== null) ctx.checkOffset(answer.earliestDelivery, ms, order.destination, `order ${order.id} earliestDelivery`, where);
  }
  // Plans count time in whole seconds: an order created within a second is ready at its end.
  const createdAtMs = ctx.peekInstant(order.createdAt);
  const createdMs = createdAtMs === null ? null : Math.ceil(createdAtMs / 1000) * 1000;
  const full: UnplannedCase = { ...c, deadlineMs, createdMs };
  switch (answer.reason) {
    case 'NO_STOCK':
      return checkNoStockReason(full);
    case 'OVER_VALUE_LIMIT':
      return checkOverValueLimitReason(full);
    case 'NO_ROUTE':
      return checkNoRouteReason(full);
    case 'SLA_INFEASIBLE':
      return checkSlaInfeasibleReason(full);
    case 'CAPACITY':
      return checkCapacityReason(full);
    case 'INVALID_ORDER':
      return checkInvalidOrderReason(full);
    case 'TIME_LIMIT':
      return checkTimeLimitReason(full);
  }
}

/** DEADLINE for an unplanned answer: a stated deadline is the recomputed one. */
function checkStatedDeadline(ctx: VerifyContext, order: Order, stated: string, deadlineMs: number | null): void {
  const where = { order: order.id };
  const statedMs = ctx.instant(stated, where, 'deadline');
  if (statedMs === null) return;
  if (deadlineMs === null) {
    ctx.report({ rule: 'DEADLINE', ...where, message: `order ${order.id}: states deadline ${stated}, but the order has no deadline the network can compute`, found: stated });
    return;
  }
  ctx.checkOffset(stated, statedMs, order.destination, `order ${order.id} deadline`, where);
  if (statedMs !== deadlineMs) {
    const expected = localIso(ctx, deadlineMs, order.destination);
    ctx.report({ rule: 'DEADLINE', ...where, message: `order ${order.id}: deadline written as ${stated}, its service promise gives ${expected}`, expected, found: stated });
  }
}
