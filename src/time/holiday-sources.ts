// Where public holidays come from: the chinese-days data set (mainland China statutory holidays
// and make-up working weekends, 调休) and date-holidays (public holidays of other countries).
// Both are answered as plain per-date facts; calendar.ts combines them with the weekly pattern.
import Holidays from 'date-holidays';
import { dateOf, dayNumber } from './civil-date.js';
// Not chinese-days' functions: they parse 'YYYY-MM-DD' as UTC midnight and read it back with the
// machine's local getters, so west of UTC every answer is a day off (in Los Angeles,
// isWorkday('2026-10-10') is false). Its published JSON holds the same tables keyed by the real
// dates, independent of the machine: we read those.
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

/** What a source says about one date: a day off, an extra (make-up) working day, or nothing. */
export type SourceDay = 'holiday' | 'working' | null;

export interface HolidaySource {
  dayOf(date: string): SourceDay;
  /** The dates the source has data for, when bounded: 'YYYY-MM-DD' inclusive. */
  readonly knownFrom?: string;
  readonly knownTo?: string;
}

const CN_HOLIDAYS: ReadonlySet<string> = new Set(Object.keys(chineseDays.holidays));
const CN_WORKDAYS: ReadonlySet<string> = new Set(Object.keys(chineseDays.workdays));
const CN_YEARS = [...CN_HOLIDAYS, ...CN_WORKDAYS].map((d) => Number(d.slice(0, 4)));
// Reduced, not Math.min(...): spreading a data set into arguments overflows the stack as it grows.
const CN_FIRST_YEAR = CN_YEARS.reduce((a, b) => Math.min(a, b), Infinity);
const CN_LAST_YEAR = CN_YEARS.reduce((a, b) => Math.max(a, b), -Infinity);

/**
 * chinese-days: the State Council's decreed days off and make-up working days. Known for the
 * years it has data for (2004–2026 in 1.5.7); for later years it has no entries at all, and we
 * must not read that silence as "no holidays", hence the bounds.
 */
export const chineseDaysSource: HolidaySource = {
  dayOf: (date) => (CN_WORKDAYS.has(date) ? 'working' : CN_HOLIDAYS.has(date) ? 'holiday' : null),
  knownFrom: `${CN_FIRST_YEAR}-01-01`,
  knownTo: `${CN_LAST_YEAR}-12-31`,
};

/**
 * date-holidays: days of holidays of type 'public' only (bank, school, observance and optional
 * holidays are normal working days for logistics). `region` is date-holidays' state, e.g. "CA",
 * "BY". A holiday spanning several days (or starting mid-day) makes every date it touches a day off.
 */
export function dateHolidaysSource(country: string, region?: string): HolidaySource {
  // Shared per country/region: its rules are the same for every calendar (and building them is slow).
  const key = `${country}/${region ?? ''}`;
  let source = dateHolidaysSources.get(key);
  if (source === undefined) {
    source = createDateHolidaysSource(country, region);
    dateHolidaysSources.set(key, source);
  }
  return source;
}

const dateHolidaysSources = new Map<string, HolidaySource>();

let countryNames: Record<string, string> | undefined;

/** Which part of a date-holidays calendar the package does not know, if any (validation asks first). */
export function dateHolidaysProblem(country: string, region: string | undefined): 'country' | 'region' | undefined {
  countryNames ??= new Holidays().getCountries();
  if (countryNames[country] === undefined) return 'country';
  if (region !== undefined) {
    const states = new Holidays().getStates(country) ?? {};
    if (states[region] === undefined) return 'region';
  }
  return undefined;
}

function createDateHolidaysSource(country: string, region: string | undefined): HolidaySource {
  const problem = dateHolidaysProblem(country, region);
  if (problem === 'country') throw new Error(`time/calendar: date-holidays does not know country "${country}"`);
  if (problem === 'region') throw new Error(`time/calendar: date-holidays does not know region "${region ?? ''}" of ${country}`);
  // Built on first use: a network names a dozen countries, and most of their calendars are
  // never asked (departures do not look at calendars), while each costs milliseconds to load.
  let holidays: Holidays | undefined;
  const byYear = new Map<number, ReadonlySet<string>>();
  const daysOff = (year: number): ReadonlySet<string> => {
    let set = byYear.get(year);
    if (set === undefined) {
      holidays ??= region === undefined ? new Holidays(country) : new Holidays(country, region);
      const dates = new Set<string>();
      // Holidays of the year before can run into this one (31 Dec – 2 Jan).
      for (const h of [...holidays.getHolidays(year - 1), ...holidays.getHolidays(year)]) {
        if (h.type !== 'public') continue;
        const spanDays = Math.max(1, Math.ceil((h.end.getTime() - h.start.getTime()) / 86_400_000));
        const first = dayNumber(h.date.slice(0, 10)); // the local date, as date-holidays writes it
        for (let i = 0; i < spanDays; i++) dates.add(dateOf(first + i));
      }
      set = dates;
      byYear.set(year, set);
    }
    return set;
  };
  return { dayOf: (date) => (daysOff(Number(date.slice(0, 4))).has(date) ? 'holiday' : null) };
}

/** No holidays: the weekly pattern and the calendar's overrides only. */
export const noSource: HolidaySource = { dayOf: () => null };
