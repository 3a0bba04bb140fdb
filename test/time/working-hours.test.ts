// Working hours other than 09:00–18:00: a night shift that ends the next morning, a
// round-the-clock calendar, and a malformed calendar.
import { describe, expect, it } from 'vitest';
import { Calendar } from '../../src/domain/network.js';
import { buildCalendar } from '../../src/time/calendar.js';
import { at, buildModel, CALENDARS } from './fixtures.js';

const withPlainHours = (start: string, end: string) =>
  CALENDARS.map((c) => (c.id === 'mon-fri' ? { ...c, workingHours: { start, end } } : c));

const lanes = [
  { id: 'NIGHT', from: 'PVG', to: 'ZONE-SH-PLAIN', mode: 'clearance' as const, schedule: { kind: 'working_time', workingMinutes: 600 } },
];

describe('working hours', () => {
  it('runs a 22:00–06:00 shift into the next morning, and only on shifts starting on working days', () => {
    const model = buildModel(lanes, withPlainHours('22:00', '06:00'));
    expect(model.calendarOf('ZONE-SH-PLAIN').workingHours).toEqual({ startMinute: 22 * 60, endMinute: 30 * 60 });
    // Ready Fri 2026-03-06 23:00: Friday's shift runs to Sat 06:00 (420 min); no shifts start
    // Sat or Sun; Monday's starts 22:00, + 180 min -> Tue 01:00.
    const d = model.nextDeparture('NIGHT', at('2026-03-06T23:00:00+08:00'))!;
    expect(model.toLocalIso(d.departureMs, 'ZONE-SH-PLAIN')).toBe('2026-03-06T23:00:00+08:00');
    expect(model.toLocalIso(d.arrivalMs, 'ZONE-SH-PLAIN')).toBe('2026-03-10T01:00:00+08:00');
    // Saturday 03:00 is still Friday's shift; Saturday 07:00 waits for Monday 22:00.
    expect(model.departureAt('NIGHT', at('2026-03-07T03:00:00+08:00'))).not.toBeNull();
    const sat = model.nextDeparture('NIGHT', at('2026-03-07T07:00:00+08:00'))!;
    expect(model.toLocalIso(sat.departureMs, 'ZONE-SH-PLAIN')).toBe('2026-03-09T22:00:00+08:00');
  });

  it('treats 00:00–00:00 as round the clock on working days', () => {
    const model = buildModel(lanes, withPlainHours('00:00', '00:00'));
    // Ready Thu 2026-03-05 20:00: 600 min straight through -> Fri 06:00.
    const d = model.nextDeparture('NIGHT', at('2026-03-05T20:00:00+08:00'))!;
    expect(model.toLocalIso(d.arrivalMs, 'ZONE-SH-PLAIN')).toBe('2026-03-06T06:00:00+08:00');
    // Ready Fri 20:00: 240 min to midnight, weekend off, Mon 00:00 + 360 -> Mon 06:00.
    const f = model.nextDeparture('NIGHT', at('2026-03-06T20:00:00+08:00'))!;
    expect(model.toLocalIso(f.arrivalMs, 'ZONE-SH-PLAIN')).toBe('2026-03-09T06:00:00+08:00');
  });

  it('rejects a date listed both as extra holiday and extra working day', () => {
    expect(() =>
      buildCalendar(Calendar.parse({ id: 'bad', source: 'none', extraHolidays: ['2026-05-01'], extraWorkingDays: ['2026-05-01'] })),
    ).toThrow(/both as extra holiday and extra working day/);
  });
});
