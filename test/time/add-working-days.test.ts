// addWorkingDays: N working days after (or before) a date; the date itself does not count.
import { describe, expect, it } from 'vitest';
import { Calendar } from '../../src/domain/network.js';
import { addWorkingDays, buildCalendar } from '../../src/time/calendar.js';

const cn = buildCalendar(Calendar.parse({ id: 'cn', source: 'chinese-days' }));
const plain = buildCalendar(Calendar.parse({ id: 'plain', source: 'none' }));

describe('addWorkingDays', () => {
  it('skips weekends', () => {
    // Fri 2026-03-06 + 1 -> Mon 03-09; + 5 -> Fri 03-13.
    expect(addWorkingDays(plain, '2026-03-06', 1)).toBe('2026-03-09');
    expect(addWorkingDays(plain, '2026-03-06', 5)).toBe('2026-03-13');
  });

  it('skips Golden Week and counts the make-up Saturday', () => {
    // Wed 2026-09-30 + 1 -> Thu 10-08 (10-01…07 off); + 3 -> Sat 10-10 (make-up day).
    expect(addWorkingDays(cn, '2026-09-30', 1)).toBe('2026-10-08');
    expect(addWorkingDays(cn, '2026-09-30', 3)).toBe('2026-10-10');
  });

  it('returns the date itself for 0, even a holiday', () => {
    expect(addWorkingDays(cn, '2026-10-01', 0)).toBe('2026-10-01');
  });

  it('counts backwards for negative days', () => {
    // Before Thu 10-08, 10-01…07 are off: 1 back is Wed 09-30.
    expect(addWorkingDays(cn, '2026-10-08', -1)).toBe('2026-09-30');
    // 09-30 (1), 09-29 (2), 09-28 (3), 09-25…27 off, 09-24 (4).
    expect(addWorkingDays(cn, '2026-10-08', -4)).toBe('2026-09-24');
  });

  it('crosses year and month ends', () => {
    // Thu 2026-12-31 + 1: 2027-01-01 is a Friday; chinese-days has no 2027 data, so the weekly
    // pattern answers (and coverageWarnings would say so).
    expect(addWorkingDays(cn, '2026-12-31', 1)).toBe('2027-01-01');
    expect(addWorkingDays(plain, '2028-02-28', 1)).toBe('2028-02-29'); // leap year Tuesday
  });

  it('rejects a fractional count', () => {
    expect(() => addWorkingDays(plain, '2026-03-06', 1.5)).toThrow(/whole number/);
  });
});
