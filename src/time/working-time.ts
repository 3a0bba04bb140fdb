// Working time of a calendar in a zone: each working day's working-hours interval as instants,
// cached per local day, and the arithmetic of "start at the first working minute, then run for
// N minutes of working time" used by working_time lanes (customs clearance).
import { dateOf, MINUTE_MS } from './civil-date.js';
import type { WorkingCalendar } from './calendar.js';
import type { ZoneClock } from './zone.js';

export interface WorkingTime {
  /** [startMs, endMs) of the working hours of local day `dayNumber`, or null on a day off. */
  interval(dayNumber: number): readonly [number, number] | null;
  /** The first instant >= readyMs inside working hours, if it is at or before untilMs. */
  firstWorkingInstant(readyMs: number, untilMs: number): number | null;
  /** The instant after `minutes` of working time counted from startMs (null: no end in sight). */
  addWorkingMinutes(startMs: number, minutes: number): number | null;
  isWorkingInstant(ms: number): boolean;
}

/** Longest stretch searched for working time before giving up (a calendar with no working days). */
const MAX_SEARCH_DAYS = 3660;

export function createWorkingTime(calendar: WorkingCalendar, clock: ZoneClock): WorkingTime {
  const { startMinute, endMinute } = calendar.workingHours;
  const days = new Map<number, readonly [number, number] | null>();

  const interval = (day: number): readonly [number, number] | null => {
    let iv = days.get(day);
    if (iv === undefined) {
      // Both ends follow the zone's rule for local times, so a working day that contains a DST
      // change is an hour shorter or longer, as it is for the people working it.
      iv = calendar.isWorkingDay(dateOf(day))
        ? [clock.localToInstant(day, startMinute), clock.localToInstant(day, endMinute)]
        : null;
      days.set(day, iv);
    }
    return iv;
  };

  // A shift that began yesterday (22:00–06:00) may still be running: start one day early.
  const firstDayFor = (ms: number): number => clock.localDayNumber(ms) - 1;

  const firstWorkingInstant = (readyMs: number, untilMs: number): number | null => {
    const lastDay = clock.localDayNumber(untilMs);
    for (let day = firstDayFor(readyMs); day <= lastDay; day++) {
      const iv = interval(day);
      if (iv === null || iv[1] <= readyMs) continue;
      const start = Math.max(readyMs, iv[0]);
      return start <= untilMs ? start : null;
    }
    return null;
  };

  const addWorkingMinutes = (startMs: number, minutes: number): number | null => {
    let at = startMs;
    let leftMs = minutes * MINUTE_MS;
    const first = firstDayFor(startMs);
    for (let day = first; day <= first + MAX_SEARCH_DAYS; day++) {
      const iv = interval(day);
      if (iv === null || iv[1] <= at) continue;
      const from = Math.max(at, iv[0]);
      const available = iv[1] - from;
      if (leftMs <= available) return from + leftMs;
      leftMs -= available;
      at = iv[1];
    }
    return null;
  };

  const isWorkingInstant = (ms: number): boolean => {
    const day = clock.localDayNumber(ms);
    for (const d of [day - 1, day]) {
      const iv = interval(d);
      if (iv !== null && ms >= iv[0] && ms < iv[1]) return true;
    }
    return false;
  };

  return { interval, firstWorkingInstant, addWorkingMinutes, isWorkingInstant };
}
