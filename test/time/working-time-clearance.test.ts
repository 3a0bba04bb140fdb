// Working-time lanes (customs clearance): processing starts at the first working minute at or
// after the parcel is ready, in the calendar and zone of the lane's destination (09:00–18:00 by
// default, 540 minutes a day), and runs for workingMinutes of working time.
import { describe, expect, it } from 'vitest';
import { at, buildModel } from './fixtures.js';

const model = buildModel([
  { id: 'CLEAR-SH', from: 'PVG', to: 'SH-PORT', mode: 'clearance', schedule: { kind: 'working_time', workingMinutes: 780 } },
  { id: 'CLEAR-SH-9H', from: 'PVG', to: 'SH-PORT', mode: 'clearance', schedule: { kind: 'working_time', workingMinutes: 540 } },
  { id: 'CLEAR-US', from: 'LAX', to: 'US-PORT', mode: 'clearance', schedule: { kind: 'working_time', workingMinutes: 660 } },
]);

const local = (ms: number, node: string) => model.toLocalIso(ms, node);

describe('working-time clearance', () => {
  it('runs over Mid-Autumn (Fri 2026-09-25) and the weekend after it', () => {
    // Ready Thu 09-24 15:00: 180 min that day (15–18); Fri 25, Sat 26, Sun 27 off (holiday +
    // weekend); Mon 28 540 min (total 720); Tue 29 09:00 + 60 min -> 10:00.
    const d = model.nextDeparture('CLEAR-SH', at('2026-09-24T15:00:00+08:00'))!;
    expect(local(d.departureMs, 'SH-PORT')).toBe('2026-09-24T15:00:00+08:00');
    expect(local(d.arrivalMs, 'SH-PORT')).toBe('2026-09-29T10:00:00+08:00');
  });

  it('starts at the next working morning when ready on a holiday', () => {
    // Ready Sat 09-26 10:00 (holiday weekend): starts Mon 28 09:00 (= 01:00Z); 540 that day,
    // Tue 29 09:00 + 240 -> 13:00.
    const d = model.nextDeparture('CLEAR-SH', at('2026-09-26T10:00:00+08:00'))!;
    expect(d.departureMs).toBe(at('2026-09-28T01:00:00Z'));
    expect(local(d.arrivalMs, 'SH-PORT')).toBe('2026-09-29T13:00:00+08:00');
  });

  it('works the make-up Saturday 2026-10-10 but not the Sunday after', () => {
    // Ready Fri 10-09 16:00: 120 min; Sat 10-10 make-up day 540 (660); Sun off; Mon 10-12 +120 -> 11:00.
    const d = model.nextDeparture('CLEAR-SH', at('2026-10-09T16:00:00+08:00'))!;
    expect(local(d.arrivalMs, 'SH-PORT')).toBe('2026-10-12T11:00:00+08:00');
  });

  it('ends at 18:00 when the work fills the day exactly, and starts next morning when ready at 18:00', () => {
    const full = model.nextDeparture('CLEAR-SH-9H', at('2026-09-29T09:00:00+08:00'))!;
    expect(local(full.arrivalMs, 'SH-PORT')).toBe('2026-09-29T18:00:00+08:00');
    const late = model.nextDeparture('CLEAR-SH-9H', at('2026-09-29T18:00:00+08:00'))!;
    expect(local(late.departureMs, 'SH-PORT')).toBe('2026-09-30T09:00:00+08:00');
    // Wed 09-30 540 min fills the day: done 18:00, before Golden Week.
    expect(local(late.arrivalMs, 'SH-PORT')).toBe('2026-09-30T18:00:00+08:00');
  });

  it('spans US Thanksgiving and the weekend after it', () => {
    // US port (date-holidays US, 09:00–18:00 Los Angeles). Ready Wed 2026-11-25 17:00: 60 min;
    // Thu 26 Thanksgiving off; Fri 27 (an observance, worked) 540 (600); Sat, Sun off;
    // Mon 30 09:00 + 60 -> 10:00 PST = 18:00Z.
    const d = model.nextDeparture('CLEAR-US', at('2026-11-25T17:00:00-08:00'))!;
    expect(local(d.departureMs, 'US-PORT')).toBe('2026-11-25T17:00:00-08:00');
    expect(d.arrivalMs).toBe(at('2026-11-30T18:00:00Z'));
  });

  it('accepts as a departure only an instant inside working hours (departureAt)', () => {
    const inside = model.departureAt('CLEAR-SH', at('2026-09-24T15:00:00+08:00'));
    expect(inside?.arrivalMs).toBe(at('2026-09-29T10:00:00+08:00'));
    expect(model.departureAt('CLEAR-SH', at('2026-09-26T10:00:00+08:00'))).toBeNull(); // holiday
    expect(model.departureAt('CLEAR-SH', at('2026-09-24T08:59:00+08:00'))).toBeNull(); // before hours
    expect(model.departureAt('CLEAR-SH', at('2026-09-24T18:00:00+08:00'))).toBeNull(); // hours are [09:00, 18:00)
  });
});
