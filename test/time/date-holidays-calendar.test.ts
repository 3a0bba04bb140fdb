// Other countries' calendars come from date-holidays, public holidays only.
import { describe, expect, it } from 'vitest';
import { Calendar } from '../../src/domain/network.js';
import { buildCalendar } from '../../src/time/calendar.js';

const us = buildCalendar(Calendar.parse({ id: 'us', source: 'date-holidays', country: 'US' }));

describe('date-holidays calendar', () => {
  it('makes US Thanksgiving (Thursday 2026-11-26) a non-working day', () => {
    expect(us.isWorkingDay('2026-11-26')).toBe(false);
    expect(us.isWorkingDay('2026-11-25')).toBe(true); // Wednesday before
  });

  it('ignores observances: the day after Thanksgiving is worked', () => {
    expect(us.isWorkingDay('2026-11-27')).toBe(true); // "observance" in date-holidays
    expect(us.isWorkingDay('2026-02-14')).toBe(false); // Valentine's Day, but a Saturday
    expect(us.isWorkingDay('2026-12-24')).toBe(true); // Christmas Eve is "optional"
  });

  it('takes the substitute day of a weekend holiday (Independence Day 2026 is a Saturday)', () => {
    expect(us.isWorkingDay('2026-07-03')).toBe(false);
  });

  it('is always covered when no bounds are given', () => {
    expect(us.isCovered('2031-05-05')).toBe(true);
    expect(us.isWorkingDay('2031-11-27')).toBe(false); // Thanksgiving 2031, computed from the rule
  });

  it('honours a region: Corpus Christi (2026-06-04) is off in Bavaria, not in Berlin', () => {
    const bavaria = buildCalendar(Calendar.parse({ id: 'by', source: 'date-holidays', country: 'DE', region: 'BY' }));
    const berlin = buildCalendar(Calendar.parse({ id: 'be', source: 'date-holidays', country: 'DE', region: 'BE' }));
    expect(bavaria.isWorkingDay('2026-06-04')).toBe(false);
    expect(berlin.isWorkingDay('2026-06-04')).toBe(true);
  });

  it('throws on an unknown country or region, or a missing country', () => {
    expect(() => buildCalendar(Calendar.parse({ id: 'x', source: 'date-holidays', country: 'XX' }))).toThrow(/country "XX"/);
    expect(() => buildCalendar(Calendar.parse({ id: 'x', source: 'date-holidays', country: 'US', region: 'ZZ' }))).toThrow(
      /region "ZZ"/,
    );
    expect(() => buildCalendar(Calendar.parse({ id: 'x', source: 'date-holidays' }))).toThrow(/names no country/);
  });

  it('honours a custom weekly pattern (Sunday–Thursday week)', () => {
    const cal = buildCalendar(Calendar.parse({ id: 'sun-thu', source: 'none', workingWeekdays: [7, 1, 2, 3, 4] }));
    expect(cal.isWorkingDay('2026-03-06')).toBe(false); // Friday
    expect(cal.isWorkingDay('2026-03-08')).toBe(true); // Sunday
  });
});
