// REASON_SLA_INFEASIBLE: an order answered SLA_INFEASIBLE states when it could at the earliest
// be delivered; that must be after its deadline, no earlier than any routing can deliver it and
// no later than one source holding the whole order can, and no allowed source that still holds
// its lines may reach the destination in time. Arrivals are the verifier's own earliest-arrival
// search (routes.ts) from the order's creation (to the whole second, as plans count) at each
// source, over lanes its mode may use.
import type { OrderLine } from '../domain/orders.js';
import type { Where } from './context.js';
import { describeDraws, drawLines, modesOf, type Source, sourcesOf } from './order-sources.js';
import { localIso, timesOf, type UnplannedCase } from './unplanned-case.js';

export function checkSlaInfeasibleReason(unplannedCase: UnplannedCase): void {
  const { ctx, order, answer, stock, routes } = unplannedCase;
  const where: Where = { order: order.id };
  const local = (ms: number) => localIso(ctx, ms, order.destination);
  const report = (message: string, expected?: string, found?: string) =>
    ctx.report({ rule: 'REASON_SLA_INFEASIBLE', ...where, message: `order ${order.id} is answered SLA_INFEASIBLE, but ${message}`, expected, found });
  const times = timesOf(unplannedCase, (message) => report(message));
  if (times === null) return;
  const { deadlineMs, createdMs } = times;
  const statedMs = answer.earliestDelivery === undefined ? null : ctx.peekInstant(answer.earliestDelivery);
  if (answer.earliestDelivery === undefined) report('it states no earliestDelivery', `an instant after ${local(deadlineMs)}`, 'none');
  else if (statedMs !== null && statedMs <= deadlineMs) {
    report(`its earliestDelivery ${answer.earliestDelivery} is not after its deadline ${local(deadlineMs)}`, `> ${local(deadlineMs)}`, answer.earliestDelivery);
  }

  // Only sources holding some line of the order (input stock) can matter.
  const sources = sourcesOf(ctx, order, modesOf(ctx, order)).filter((s) => order.lines.some((line) => stock.input(s.node, line.sku) > 0));
  const arrival = new Map<string, number>();
  const arrivalOf = (s: Source): number => {
    let ms = arrival.get(s.node);
    if (ms === undefined) {
      ms = routes.earliestArrivalMs(s.mode, s.node, order.destination, createdMs) ?? Infinity;
      arrival.set(s.node, ms);
    }
    return ms;
  };

  const inTime = sources.filter((s) => arrivalOf(s) <= deadlineMs).map((s) => s.node);
  const draws = drawLines(order.lines, inTime, stock.left);
  if (draws !== null) {
    const when = [...new Set(draws.map((d) => d.node))].map((node) => `${node} by ${local(arrival.get(node) ?? Infinity)}`).join(', ');
    report(`its lines are left at sources that reach ${order.destination} by the deadline ${local(deadlineMs)}: ${describeDraws(draws)} (${when})`, `no source in time`, when);
    return;
  }

  // No delivery is earlier than its slowest line's fastest stocked source. (Plans write whole
  // seconds, truncated: the stated instant is compared with the bound's second.)
  const lineEarliest = (line: OrderLine): number =>
    Math.min(...sources.filter((s) => stock.input(s.node, line.sku) >= line.qty).map(arrivalOf));
  const boundMs = Math.max(...order.lines.map(lineEarliest));
  if (statedMs !== null && statedMs < wholeSecond(boundMs)) {
    const bound = Number.isFinite(boundMs) ? `no routing from an allowed, stocked source arrives before ${local(boundMs)}` : 'no routing from an allowed, stocked source reaches the destination at all';
    report(`its earliestDelivery ${answer.earliestDelivery ?? ''} is earlier than any delivery can be: ${bound}`, Number.isFinite(boundMs) ? `≥ ${local(boundMs)}` : 'none (NO_ROUTE)', answer.earliestDelivery);
  }

  // And it is no later than one source that still holds the whole order can deliver.
  const need = new Map<string, number>();
  for (const line of order.lines) need.set(line.sku, (need.get(line.sku) ?? 0) + line.qty);
  const whole = sources.filter((s) => [...need].every(([sku, qty]) => stock.left(s.node, sku) >= qty));
  const fastest = whole.reduce<Source | null>((best, s) => (best === null || arrivalOf(s) < arrivalOf(best) ? s : best), null);
  if (statedMs !== null && fastest !== null && Number.isFinite(arrivalOf(fastest)) && statedMs > wholeSecond(arrivalOf(fastest))) {
    const at = local(arrivalOf(fastest));
    report(`its earliestDelivery ${answer.earliestDelivery ?? ''} is later than the earliest delivery: ${fastest.node} holds the whole order and delivers by ${at}`, `≤ ${at}`, answer.earliestDelivery);
  }
}

function wholeSecond(ms: number): number {
  return Number.isFinite(ms) ? Math.floor(ms / 1000) * 1000 : ms;
}
