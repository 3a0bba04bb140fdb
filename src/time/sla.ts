// SLA deadlines: when an order must be delivered, from its explicit deliverBy or from its
// service level's rule counted in the destination zone's calendar and time zone, with the
// level's extra days for the destination's province (remote provinces get longer promises).
import type { ServiceLevel } from '../domain/network.js';
import type { Order } from '../domain/orders.js';
import { addWorkingDays } from './calendar.js';
import { dateOf, dayNumber } from './civil-date.js';
import type { TimeModel } from './time-model.js';
import { parseInstant, zoneClock } from './zone.js';

/** 23:59:59, the last second of the deadline day. */
const END_OF_DAY_MINUTE = 23 * 60 + 59;
const END_OF_DAY_SECOND = 59;

// Many orders share destination, level and creation day: memoise per model.
const memo = new WeakMap<TimeModel, Map<string, number>>();

/** Deadline of an order delivered to zone node `destination`: deliverBy if given, else the service level's
 *  rule (working_days: N working days of the destination calendar after the creation day (local date of
 *  createdAt in the destination zone), deadline 23:59:59 local of that day; calendar_days: same with calendar days;
 *  N includes the level's extraDays for the destination's province). */
export function orderDeadlineMs(model: TimeModel, order: Order): number {
  if (order.deliverBy !== undefined) return parseInstant(order.deliverBy);
  if (order.serviceLevel === undefined) {
    throw new Error(`time/sla: order "${order.id}" has neither a service level nor deliverBy`);
  }
  return serviceLevelDeadlineMs(model, order.destination, order.serviceLevel, parseInstant(order.createdAt), order.id);
}

/** Days a level promises to a zone of `province`: its deadline's days plus the first matching extraDays entry. */
export function promisedDays(level: ServiceLevel, province: string | undefined): number {
  const extra = province === undefined ? undefined : level.extraDays?.find((e) => e.provinces.includes(province));
  return level.deadline.days + (extra?.days ?? 0);
}

/** The deadline a service level gives an order created at createdAtMs for `destination`. */
export function serviceLevelDeadlineMs(
  model: TimeModel,
  destination: string,
  serviceLevelId: string,
  createdAtMs: number,
  orderId = '?',
): number {
  const level = model.index.serviceLevels.get(serviceLevelId);
  if (level === undefined) {
    throw new Error(`time/sla: order "${orderId}" has unknown service level "${serviceLevelId}" and no deliverBy`);
  }
  const node = model.index.nodes.get(destination);
  if (node === undefined) throw new Error(`time/sla: order "${orderId}" has unknown destination "${destination}"`);
  const clock = zoneClock(node.timeZone);
  const createdDay = clock.localDayNumber(createdAtMs);

  let byKey = memo.get(model);
  if (byKey === undefined) {
    byKey = new Map();
    memo.set(model, byKey);
  }
  const key = `${destination}\u0000${serviceLevelId}\u0000${createdDay}`;
  let deadlineMs = byKey.get(key);
  if (deadlineMs === undefined) {
    const { kind } = level.deadline;
    const days = promisedDays(level, node.province);
    const lastDay =
      kind === 'working_days'
        ? dayNumber(addWorkingDays(model.calendarOf(destination), dateOf(createdDay), days))
        : createdDay + days;
    deadlineMs = clock.localToInstant(lastDay, END_OF_DAY_MINUTE, END_OF_DAY_SECOND);
    byKey.set(key, deadlineMs);
  }
  return deadlineMs;
}
