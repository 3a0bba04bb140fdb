// Working calendars: which local dates are working days at a node, from the network's
// `Calendar` entries (weekly pattern + holiday source + per-date overrides), and the working
// hours used where work is counted in working time (customs clearance).
import type { Calendar } from '../domain/network.js';
import { dateOf, dayNumber, isoWeekday, minuteOfDay } from './civil-date.js';
import { chineseDaysSource, dateHolidaysSource, noSource, type HolidaySource } from './holiday-sources.js';

export interface WorkingCalendar {
  readonly id: string;
  isWorkingDay(date: string): boolean; // 'YYYY-MM-DD'
  isCovered(date: string): boolean; // inside the source's known coverage
  /**
   * Minutes after local midnight. When the calendar's end is not after its start (22:00–06:00,
   * or 00:00–00:00 for round the clock) the shift ends the next day and endMinute exceeds 1440.
   */
  readonly workingHours: { startMinute: number; endMinute: number };
  /** Bounds of isCovered, inclusive; undefined = unbounded on that side. */
  readonly coveredFrom?: string | undefined;
  readonly coveredTo?: string | undefined;
}

/**
 * Builds a calendar. A date is a working day when, first match wins:
 *  1. it is in `extraWorkingDays` (true) or `extraHolidays` (false);
 *  2. it is inside coverage and the source decrees it: a make-up working day (chinese-days
 *     调休, true) or a public holiday (false);
 *  3. its ISO weekday is in `workingWeekdays`.
 * Outside coverage (coveredFrom..coveredTo, defaulting to the years the source has data for)
 * the source is not consulted: chinese-days has no data after 2026 and would otherwise make
 * every 2027 holiday look like a working day without a word. coverageWarnings() reports it.
 * For chinese-days, `workingWeekdays` should be Mon–Fri (the default), the week the decrees
 * assume; a six-day site may still list 6 and keep the holidays and make-up days.
 * Answers are cached per date: callers ask in hot loops.
 */
export function buildCalendar(calendar: Calendar): WorkingCalendar {
  const source = holidaySource(calendar);
  const coveredFrom = calendar.coveredFrom ?? source.knownFrom;
  const coveredTo = calendar.coveredTo ?? source.knownTo;
  const weekdays = new Set(calendar.workingWeekdays);
  const extraWorking = new Set(calendar.extraWorkingDays);
  const extraHolidays = new Set(calendar.extraHolidays);
  for (const date of extraWorking) {
    if (extraHolidays.has(date)) {
      throw new Error(`time/calendar: calendar "${calendar.id}" lists ${date} both as extra holiday and extra working day`);
    }
  }
  const startMinute = minuteOfDay(calendar.workingHours.start);
  const end = minuteOfDay(calendar.workingHours.end);
  const workingHours = { startMinute, endMinute: end > startMinute ? end : end + 1440 };

  // 'YYYY-MM-DD' strings compare like dates, so coverage is two string comparisons.
  const isCovered = (date: string): boolean =>
    (coveredFrom === undefined || date >= coveredFrom) && (coveredTo === undefined || date <= coveredTo);

  const cache = new Map<string, boolean>();
  const isWorkingDay = (date: string): boolean => {
    let working = cache.get(date);
    if (working === undefined) {
      const day = dayNumber(date); // throws on a malformed date
      if (extraWorking.has(date)) working = true;
      else if (extraHolidays.has(date)) working = false;
      else {
        const decreed = isCovered(date) ? source.dayOf(date) : null;
        working = decreed === null ? weekdays.has(isoWeekday(day)) : decreed === 'working';
      }
      cache.set(date, working);
    }
    return working;
  };

  return { id: calendar.id, isWorkingDay, isCovered, workingHours, coveredFrom, coveredTo };
}

function holidaySource(calendar: Calendar): HolidaySource {
  switch (calendar.source) {
    case 'chinese-days':
      return chineseDaysSource;
    case 'date-holidays':
      if (calendar.country === undefined) {
        throw new Error(`time/calendar: calendar "${calendar.id}" uses date-holidays but names no country`);
      }
      return dateHolidaysSource(calendar.country, calendar.region);
    case 'none':
      return noSource;
  }
}

/** Longest walk addWorkingDays makes before deciding the calendar has no working days left. */
export const MAX_WALK_DAYS = 3660;

/**
 * The date `days` working days after `date` (before it, if negative); `date` itself does not
 * count, so addWorkingDays(cal, friday, 1) is the next working day. 0 returns `date` unchanged.
 */
export function addWorkingDays(cal: WorkingCalendar, date: string, days: number): string {
  if (!Number.isInteger(days)) throw new Error(`time/calendar: addWorkingDays needs a whole number of days, got ${days}`);
  let day = dayNumber(date);
  const step = days < 0 ? -1 : 1;
  let left = Math.abs(days);
  for (let walked = 0; left > 0; walked++) {
    if (walked > MAX_WALK_DAYS) {
      throw new Error(`time/calendar: calendar "${cal.id}" has no ${Math.abs(days)} working days within 10 years of ${date}`);
    }
    day += step;
    if (cal.isWorkingDay(dateOf(day))) left--;
  }
  return dateOf(day);
}
