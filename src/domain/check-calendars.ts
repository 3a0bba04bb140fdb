// Checks of the network's calendars that need their holiday sources: date-holidays must know
// the country and region, and every calendar must give a working day at least every
// MAX_DAYS_WITHOUT_WORK days. Without these a network passed `validate` and then the planner
// failed: building the calendar threw, or a working-day deadline walked ten years for nothing.
import { MAX_WALK_DAYS, buildCalendar } from '../time/calendar.js';
import { dateOf, dayNumber, isValidDate } from '../time/civil-date.js';
import { dateHolidaysProblem } from '../time/holiday-sources.js';
import type { InputProblem } from './errors.js';
import type { Calendar, Network } from './network.js';

/**
 * The longest run of consecutive non-working days a calendar may have. With it a deadline of
 * the longest service level (90 working days) is found within 90 × 31 days, inside the walk
 * addWorkingDays allows (MAX_WALK_DAYS), and working-time clearance within its 60-day horizon.
 */
export const MAX_DAYS_WITHOUT_WORK = 30;

type Add = (where: string, field: string, expected: string, found: string) => void;

export function checkCalendars(network: Network, file: string): InputProblem[] {
  const problems: InputProblem[] = [];
  const add: Add = (where, field, expected, found) => problems.push({ file, where, field, expected, found, severity: 'error' });
  network.calendars.forEach((calendar, i) => {
    const at = `calendars[${i}]`;
    if (calendar.source === 'date-holidays') {
      if (calendar.country === undefined) return; // reported by checkNetwork
      const problem = dateHolidaysProblem(calendar.country, calendar.region);
      if (problem === 'country') {
        add(`${at}.country`, 'country', 'a country the date-holidays package knows', `"${calendar.country}" (unknown to date-holidays)`);
        return;
      }
      if (problem === 'region') {
        add(`${at}.region`, 'region', `a region of ${calendar.country} the date-holidays package knows`, `"${calendar.region ?? ''}" (unknown to date-holidays)`);
        return;
      }
    }
    let datesOk = true;
    const dateLists: ['extraHolidays' | 'extraWorkingDays', readonly string[]][] = [
      ['extraHolidays', calendar.extraHolidays],
      ['extraWorkingDays', calendar.extraWorkingDays],
    ];
    for (const [field, dates] of dateLists) {
      dates.forEach((date, j) => {
        if (!isValidDate(date)) {
          add(`${at}.${field}[${j}]`, field, 'a real calendar date', `${JSON.stringify(date)} (no such day)`);
          datesOk = false;
        }
      });
    }
    const holidaySet = new Set(calendar.extraHolidays);
    if (datesOk && !calendar.extraWorkingDays.some((d) => holidaySet.has(d))) {
      // (A date in both lists is reported by checkNetwork; such a calendar cannot be built.)
      const gap = longestGap(calendar);
      if (gap !== undefined) {
        add(
          `${at}.extraHolidays`,
          'extraHolidays',
          `a working day at least every ${MAX_DAYS_WITHOUT_WORK} days`,
          `no working day from ${gap.from} to ${gap.to}`,
        );
      }
    }
  });
  return problems;
}

/**
 * The first run of more than MAX_DAYS_WITHOUT_WORK non-working days, if any. Only extra
 * holidays can make one: the weekly pattern has a working weekday (the schema asks for one) and
 * no holiday source closes four weeks in a row. So the days scanned are those around extra
 * holidays, each once.
 */
function longestGap(calendar: Calendar): { from: string; to: string } | undefined {
  if (calendar.extraHolidays.length === 0) return undefined;
  const cal = buildCalendar(calendar);
  const holidays = [...new Set(calendar.extraHolidays)].map(dayNumber).sort((a, b) => a - b);
  const isHoliday = new Set(holidays);
  let scannedTo = Number.NEGATIVE_INFINITY;
  for (const first of holidays) {
    if (first <= scannedTo) continue;
    // A run through `first` starts at most MAX_DAYS_WITHOUT_WORK days before it (else it is long already).
    let day = first - MAX_DAYS_WITHOUT_WORK - 1;
    let end = first + MAX_DAYS_WITHOUT_WORK + 1;
    let runStart = day;
    let run = 0;
    for (; day <= end; day++) {
      if (cal.isWorkingDay(dateOf(day))) {
        run = 0;
        continue;
      }
      if (run === 0) runStart = day;
      run += 1;
      if (run > MAX_DAYS_WITHOUT_WORK) {
        let last = day;
        while (last - runStart < MAX_WALK_DAYS && !cal.isWorkingDay(dateOf(last + 1))) last++;
        return { from: dateOf(runStart), to: dateOf(last) };
      }
      if (isHoliday.has(day)) end = Math.max(end, day + MAX_DAYS_WITHOUT_WORK + 1);
    }
    scannedTo = end;
  }
  return undefined;
}
