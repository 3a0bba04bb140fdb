// DELIVERED_AT / DEADLINE / SLACK / LATE_DELIVERY: when a planned order arrives, against the
// deadline recomputed from its service level (or deliverBy) and the destination calendar.
import type { Order } from '../domain/orders.js';
import type { PlannedOrder, PlanParcel } from '../domain/plan.js';
import { orderDeadlineMs } from '../time/index.js';
import type { VerifyContext } from './context.js';

const MINUTE_MS = 60_000;

/** A parcel's deliveredAt is its last leg's true arrival, written in the destination's time. */
export function checkParcelDelivery(ctx: VerifyContext, order: Order, parcel: PlanParcel, deliveredMs: number | null): void {
  const where = { order: order.id, parcel: parcel.id };
  const reportedMs = ctx.instant(parcel.deliveredAt, where, 'deliveredAt');
  if (reportedMs === null) return;
  ctx.checkOffset(parcel.deliveredAt, reportedMs, order.destination, `parcel ${parcel.id} deliveredAt`, where);
  if (deliveredMs !== null && reportedMs !== deliveredMs) {
    ctx.report({
      rule: 'DELIVERED_AT',
      ...where,
      message: `parcel ${parcel.id}: deliveredAt is ${parcel.deliveredAt}, its last leg arrives ${local(ctx, deliveredMs, order)}`,
      expected: local(ctx, deliveredMs, order),
      found: parcel.deliveredAt,
    });
  }
}

/**
 * The order is delivered when its last parcel is; that must be by the deadline. `delivered`
 * holds each parcel's true delivery (null where unknown), in parcel order.
 */
export function checkOrderDelivery(ctx: VerifyContext, order: Order, answer: PlannedOrder, delivered: readonly (number | null)[]): void {
  const where = { order: order.id };
  const deadlineMs = orderDeadlineMs(ctx.model, order);
  const reportedDeadlineMs = ctx.instant(answer.deadline, where, 'deadline');
  if (reportedDeadlineMs !== null) {
    ctx.checkOffset(answer.deadline, reportedDeadlineMs, order.destination, `order ${order.id} deadline`, where);
    if (reportedDeadlineMs !== deadlineMs) {
      ctx.report({
        rule: 'DEADLINE',
        ...where,
        message: `order ${order.id}: deadline written as ${answer.deadline}, its service promise gives ${local(ctx, deadlineMs, order)}`,
        expected: local(ctx, deadlineMs, order),
        found: answer.deadline,
      });
    }
  }

  answer.parcels.forEach((parcel, i) => {
    const ms = delivered[i] ?? null;
    if (ms !== null && ms > deadlineMs) {
      ctx.report({
        rule: 'LATE_DELIVERY',
        ...where,
        parcel: parcel.id,
        message: `order ${order.id}: parcel ${parcel.id} arrives ${local(ctx, ms, order)}, after the deadline ${local(ctx, deadlineMs, order)}`,
        expected: `≤ ${local(ctx, deadlineMs, order)}`,
        found: local(ctx, ms, order),
      });
    }
  });

  const known = delivered.filter((ms): ms is number => ms !== null);
  if (known.length !== delivered.length || known.length === 0) return; // unknown timing is reported already
  const lastMs = Math.max(...known);
  const reportedMs = ctx.instant(answer.deliveredAt, where, 'deliveredAt');
  if (reportedMs !== null) {
    ctx.checkOffset(answer.deliveredAt, reportedMs, order.destination, `order ${order.id} deliveredAt`, where);
    if (reportedMs !== lastMs) {
      ctx.report({
        rule: 'DELIVERED_AT',
        ...where,
        message: `order ${order.id}: deliveredAt is ${answer.deliveredAt}, its last parcel arrives ${local(ctx, lastMs, order)}`,
        expected: local(ctx, lastMs, order),
        found: answer.deliveredAt,
      });
    }
  }
  // Whole minutes of slack; whether the planner floors or rounds is its business, so any
  // figure less than a minute from the exact slack is right.
  const exactSlackMinutes = (deadlineMs - lastMs) / MINUTE_MS;
  if (Math.abs(answer.slackMinutes - exactSlackMinutes) >= 1) {
    ctx.report({
      rule: 'SLACK',
      ...where,
      message: `order ${order.id}: slackMinutes is ${answer.slackMinutes}, deadline − delivery is ${exactSlackMinutes.toFixed(2)} minutes`,
      expected: Math.floor(exactSlackMinutes),
      found: answer.slackMinutes,
    });
  }
}

function local(ctx: VerifyContext, ms: number, order: Order): string {
  return ctx.index.nodes.has(order.destination) ? ctx.model.toLocalIso(ms, order.destination) : new Date(ms).toISOString();
}
