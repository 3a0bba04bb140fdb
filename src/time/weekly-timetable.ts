// The departure instants of a weekly schedule (weekdays + local time at the origin), computed
// once per UTC week and cached: nextDeparture is called millions of times by the itinerary
// search, so the hot path is a map lookup and a binary search over a few numbers, with no
// time-zone arithmetic at all.
import { DAY_MS, isoWeekday, minuteOfDay, WEEK_MS } from './civil-date.js';
import type { ZoneClock } from './zone.js';

/** 1970-01-05T00:00Z, a Monday: week 0 starts there, so weeks run Monday–Sunday in UTC. */
const WEEK0_MS = 4 * DAY_MS;

export function weekIndex(ms: number): number {
  return Math.floor((ms - WEEK0_MS) / WEEK_MS);
}

export interface WeeklyTimetable {
  /** Departure instants within UTC week `week`, ascending, without duplicates. */
  week(week: number): Float64Array;
  /** First departure at or after fromMs and at or before untilMs, or null. */
  firstAtOrAfter(fromMs: number, untilMs: number): number | null;
  /** Up to `limit` departures at or after fromMs and at or before untilMs, ascending. */
  listFrom(fromMs: number, untilMs: number, limit: number): number[];
  has(ms: number): boolean;
}

export interface WeeklySlot {
  readonly weekdays: readonly number[];
  readonly time: string; // 'HH:MM'
}

/** A key under which lanes with the same zone and timetable share one cache. */
export function timetableKey(zone: string, slots: readonly WeeklySlot[]): string {
  const minutesOfWeek = new Set<number>();
  for (const slot of slots) for (const wd of slot.weekdays) minutesOfWeek.add((wd - 1) * 1440 + minuteOfDay(slot.time));
  return `${zone}|${[...minutesOfWeek].sort((a, b) => a - b).join(',')}`;
}

/**
 * The timetable of `slots` in `clock`'s zone; `closedDays` (local day numbers) have no departures
 * (a lane's `closedDates`): they are left out when a week is built, so every query honours them.
 */
export function createWeeklyTimetable(
  clock: ZoneClock,
  slots: readonly WeeklySlot[],
  closedDays: ReadonlySet<number> = new Set(),
): WeeklyTimetable {
  // Local minute of day per ISO weekday (index 1..7).
  const timesByWeekday: number[][] = [[], [], [], [], [], [], [], []];
  for (const slot of slots) {
    const minute = minuteOfDay(slot.time);
    for (const wd of slot.weekdays) timesByWeekday[wd]?.push(minute);
  }
  const weeks = new Map<number, Float64Array>();

  const build = (week: number): Float64Array => {
    const startMs = WEEK0_MS + week * WEEK_MS;
    const endMs = startMs + WEEK_MS;
    const firstDay = Math.floor(startMs / DAY_MS);
    const found: number[] = [];
    // Offsets are within ±14 h, so a local date one day either side of the UTC week can still
    // land inside it; keep exactly the instants that do (each belongs to one week only).
    for (let day = firstDay - 1; day <= firstDay + 7; day++) {
      if (closedDays.has(day)) continue;
      for (const minute of timesByWeekday[isoWeekday(day)] ?? []) {
        const ms = clock.localToInstant(day, minute);
        if (ms >= startMs && ms < endMs) found.push(ms);
      }
    }
    // Two local times inside one DST gap both map to the transition: one departure, not two.
    const sorted = [...new Set(found)].sort((a, b) => a - b);
    return Float64Array.from(sorted);
  };

  const week = (w: number): Float64Array => {
    let times = weeks.get(w);
    if (times === undefined) {
      times = build(w);
      weeks.set(w, times);
    }
    return times;
  };

  const listFrom = (fromMs: number, untilMs: number, limit: number): number[] => {
    const out: number[] = [];
    if (limit <= 0) return out;
    for (let w = weekIndex(fromMs), last = weekIndex(untilMs); w <= last; w++) {
      const times = week(w);
      for (let i = lowerBound(times, fromMs); i < times.length; i++) {
        const ms = times[i] as number;
        if (ms > untilMs) return out;
        out.push(ms);
        if (out.length >= limit) return out;
      }
    }
    return out;
  };

  const firstAtOrAfter = (fromMs: number, untilMs: number): number | null => {
    for (let w = weekIndex(fromMs), last = weekIndex(untilMs); w <= last; w++) {
      const times = week(w);
      const i = lowerBound(times, fromMs);
      if (i < times.length) {
        const ms = times[i] as number;
        return ms <= untilMs ? ms : null;
      }
    }
    return null;
  };

  const has = (ms: number): boolean => {
    const times = week(weekIndex(ms));
    const i = lowerBound(times, ms);
    return i < times.length && times[i] === ms;
  };

  return { week, firstAtOrAfter, listFrom, has };
}

/** Index of the first element >= value (times.length if none). */
function lowerBound(times: Float64Array, value: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((times[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
