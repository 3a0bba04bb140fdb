// Coverage: chinese-days has no data after 2026; such dates fall back to the weekly pattern and
// coverageWarnings says so, once per calendar.
import { describe, expect, it } from 'vitest';
import { Calendar } from '../../src/domain/network.js';
import { buildCalendar } from '../../src/time/calendar.js';
import { coverageWarnings } from '../../src/time/coverage.js';
import { at, buildModel, CALENDARS } from './fixtures.js';

describe('calendar coverage', () => {
  const cn = buildCalendar(Calendar.parse({ id: 'cn', source: 'chinese-days' }));

  it('covers 2026 but not 2027 with chinese-days', () => {
    expect(cn.isCovered('2026-12-31')).toBe(true);
    expect(cn.isCovered('2027-01-01')).toBe(false);
    expect(cn.isCovered('2004-01-01')).toBe(true);
    expect(cn.isCovered('2003-12-31')).toBe(false);
  });

  it('answers uncovered dates from the weekly pattern', () => {
    // Spring Festival 2027 falls on Sat 2027-02-06; chinese-days knows nothing of it, so
    // Monday 02-08 reads as a working day and the Saturday as a weekend.
    expect(cn.isWorkingDay('2027-02-08')).toBe(true);
    expect(cn.isWorkingDay('2027-02-06')).toBe(false);
  });

  it('warns once for a window reaching into 2027, naming the calendar and the dates', () => {
    const model = buildModel();
    // Shanghai dates 2026-12-28 … 2027-01-05; the uncovered ones are 01-01 … 01-05 (5 dates).
    const warnings = coverageWarnings(model, at('2026-12-28T00:00:00+08:00'), at('2027-01-05T12:00:00+08:00'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('calendar "cn" (chinese-days): 5 date(s) from 2027-01-01 to 2027-01-05');
    expect(warnings[0]).toContain('2004-01-01..2026-12-31');
  });

  it('does not warn inside coverage', () => {
    const model = buildModel();
    expect(coverageWarnings(model, at('2026-11-01T00:00:00Z'), at('2026-11-30T00:00:00Z'))).toEqual([]);
  });

  it('uses the calendar’s own bounds, which may extend a source with hand-entered dates', () => {
    const calendars = [
      ...CALENDARS.filter((c) => c.id !== 'cn' && c.id !== 'us'),
      // 2027 entered by hand: Spring Festival days off plus coverage to the end of 2027.
      { id: 'cn', source: 'chinese-days', coveredTo: '2027-12-31', extraHolidays: ['2027-02-08'] },
      // A US calendar someone only trusts up to mid-2026.
      { id: 'us', source: 'date-holidays', country: 'US', coveredTo: '2026-06-30' },
    ];
    const model = buildModel([], calendars);
    expect(model.calendarOf('ZONE-SH').isWorkingDay('2027-02-08')).toBe(false);
    const warnings = coverageWarnings(model, at('2026-12-28T00:00:00Z'), at('2027-01-05T00:00:00Z'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^calendar "us" \(date-holidays\)/);
    // Outside its bounds the US calendar no longer consults date-holidays: 2027-01-01 (New Year)
    // reads as a plain Friday.
    expect(model.calendarOf('LAX').isWorkingDay('2027-01-01')).toBe(true);
  });

  it('ignores calendars no node uses and empty windows', () => {
    const calendars = [...CALENDARS, { id: 'unused', source: 'none', coveredTo: '2020-01-01' }];
    const model = buildModel([], calendars);
    expect(coverageWarnings(model, at('2026-03-01T00:00:00Z'), at('2026-03-02T00:00:00Z'))).toEqual([]);
    expect(coverageWarnings(model, at('2027-03-02T00:00:00Z'), at('2027-03-01T00:00:00Z'))).toEqual([]);
  });
});
