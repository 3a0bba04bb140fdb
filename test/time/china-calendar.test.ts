// China's working calendar (chinese-days): statutory holidays AND make-up working weekends (调休).
import { describe, expect, it } from 'vitest';
import { Calendar } from '../../src/domain/network.js';
import { buildCalendar } from '../../src/time/calendar.js';
import { addDays, dateOf, dayNumber } from '../../src/time/civil-date.js';

const cn = buildCalendar(Calendar.parse({ id: 'cn', source: 'chinese-days' }));

function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

describe('chinese-days calendar, 2026', () => {
  it('works Saturday 2026-02-14, the make-up day before Spring Festival', () => {
    expect(cn.isWorkingDay('2026-02-14')).toBe(true);
  });

  it('is off for Spring Festival, 2026-02-15 … 2026-02-23 (nine days, five of them weekdays)', () => {
    for (const d of range('2026-02-15', '2026-02-23')) expect(cn.isWorkingDay(d), d).toBe(false);
    expect(cn.isWorkingDay('2026-02-13')).toBe(true); // Friday before
    expect(cn.isWorkingDay('2026-02-24')).toBe(true); // Tuesday after
  });

  it('works Saturday 2026-02-28, the second Spring Festival make-up day', () => {
    expect(cn.isWorkingDay('2026-02-28')).toBe(true);
  });

  it('is off for National Day (Golden Week), 2026-10-01 … 2026-10-07', () => {
    for (const d of range('2026-10-01', '2026-10-07')) expect(cn.isWorkingDay(d), d).toBe(false);
    expect(cn.isWorkingDay('2026-10-08')).toBe(true); // Thursday after
  });

  it('works Saturday 2026-10-10, the make-up day after Golden Week, but not Sunday 10-11', () => {
    expect(cn.isWorkingDay('2026-10-10')).toBe(true);
    expect(cn.isWorkingDay('2026-10-11')).toBe(false);
  });

  it('keeps ordinary weekends off and ordinary weekdays on', () => {
    expect(cn.isWorkingDay('2026-03-07')).toBe(false); // Saturday
    expect(cn.isWorkingDay('2026-03-08')).toBe(false); // Sunday
    expect(cn.isWorkingDay('2026-03-09')).toBe(true); // Monday
  });

  it('agrees with chinese-days isWorkday on every date it covers (2004–2026)', async () => {
    // We read chinese-days' published tables; its own isWorkday is only right where the machine's
    // zone is at or east of UTC (see holiday-sources.ts), so load it fresh under Shanghai time.
    const savedTz = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai';
    try {
      const { default: chineseDays } = await import('chinese-days');
      const disagreements: string[] = [];
      for (let day = dayNumber('2004-01-01'); day <= dayNumber('2026-12-31'); day++) {
        const date = dateOf(day);
        if (cn.isWorkingDay(date) !== chineseDays.isWorkday(date)) disagreements.push(date);
      }
      expect(disagreements).toEqual([]);
    } finally {
      if (savedTz === undefined) delete process.env.TZ;
      else process.env.TZ = savedTz;
    }
  });

  it('lets extraHolidays and extraWorkingDays override the decree', () => {
    const site = buildCalendar(
      Calendar.parse({
        id: 'cn-site',
        source: 'chinese-days',
        extraHolidays: ['2026-02-14'], // this site skips the make-up Saturday
        extraWorkingDays: ['2026-10-03'], // and staffs one Golden Week day
      }),
    );
    expect(site.isWorkingDay('2026-02-14')).toBe(false);
    expect(site.isWorkingDay('2026-10-03')).toBe(true);
    expect(site.isWorkingDay('2026-10-02')).toBe(false);
  });

  it('keeps holidays and make-up days on a six-day week', () => {
    const sixDays = buildCalendar(Calendar.parse({ id: 'cn6', source: 'chinese-days', workingWeekdays: [1, 2, 3, 4, 5, 6] }));
    expect(sixDays.isWorkingDay('2026-03-07')).toBe(true); // ordinary Saturday
    expect(sixDays.isWorkingDay('2026-02-21')).toBe(false); // Saturday inside Spring Festival
    expect(sixDays.isWorkingDay('2026-03-08')).toBe(false); // Sunday
  });

  it('exposes working hours in minutes after local midnight', () => {
    expect(cn.workingHours).toEqual({ startMinute: 9 * 60, endMinute: 18 * 60 });
  });

  it('rejects a malformed date', () => {
    expect(() => cn.isWorkingDay('2026-02-30')).toThrow(/not a date/);
  });
});
