// REASON_CAPACITY: an order answered CAPACITY says every routing that meets its deadline is
// full (ULD allotments, clearance-port days, or stock other orders took). Two things prove it
// false: a line no allowed source holding it (input stock) can bring in time even on empty
// departures (then time or stock, not capacity, is why); or one allowed source that still
// holds the whole order and reaches the destination in time using only departures whose ULD
// allotment and port days whose clearance capacity still have room for the order as one parcel.
// (A split order that fits only as several parcels is not looked for: such a CAPACITY stands.)
import { measureLines } from '../domain/measure.js';
import type { Where } from './context.js';
import { modesOf, sourcesOf, undrawableLine } from './order-sources.js';
import { localIso, timesOf, type UnplannedCase } from './unplanned-case.js';

export function checkCapacityReason(unplannedCase: UnplannedCase): void {
  const { ctx, order, stock, routes, loads } = unplannedCase;
  const where: Where = { order: order.id };
  const report = (message: string, found?: string) =>
    ctx.report({ rule: 'REASON_CAPACITY', ...where, message: `order ${order.id} is answered CAPACITY, but ${message}`, found });
  const times = timesOf(unplannedCase, (message) => report(message));
  if (times === null) return;
  const { deadlineMs, createdMs } = times;
  const local = (ms: number) => localIso(ctx, ms, order.destination);
  // Only sources holding some line of the order (input stock) can matter.
  const sources = sourcesOf(ctx, order, modesOf(ctx, order)).filter((s) => order.lines.some((line) => stock.input(s.node, line.sku) > 0));

  const inTime = sources.filter((s) => (routes.earliestArrivalMs(s.mode, s.node, order.destination, createdMs) ?? Infinity) <= deadlineMs);
  const line = undrawableLine(order.lines, inTime.map((s) => s.node), stock.input);
  if (line !== null) {
    report(`no allowed source holding ${line.qty} × ${line.sku} reaches ${order.destination} by ${local(deadlineMs)} even on empty departures: the limit is time or stock, not capacity`, line.sku);
    return;
  }

  const need = new Map<string, number>();
  for (const l of order.lines) need.set(l.sku, (need.get(l.sku) ?? 0) + l.qty);
  const goods = measureLines(order.lines.map((l) => ({ line: l, qty: l.qty })));
  const room = loads.roomFor(goods.weightKg, goods.volumeM3);
  for (const s of inTime) {
    if (![...need].every(([sku, qty]) => stock.left(s.node, sku) >= qty)) continue;
    const arrivalMs = routes.earliestArrivalMs(s.mode, s.node, order.destination, createdMs, room);
    if (arrivalMs !== null && arrivalMs <= deadlineMs) {
      report(`${s.node} still holds the whole order and a ${s.mode} routing on departures and port days with room arrives ${local(arrivalMs)}, by the deadline ${local(deadlineMs)}`, s.node);
      return;
    }
  }
}
