// SLA deadlines: working days of the destination calendar after the creation day (direct mail),
// calendar days (bonded), or an explicit deliverBy; 23:59:59 local of the last day.
import { describe, expect, it } from 'vitest';
import { orderDeadlineMs } from '../../src/time/sla.js';
import { at, buildModel, order } from './fixtures.js';

const model = buildModel();

describe('orderDeadlineMs', () => {
  it('Spring Festival 2026 pushes a 7-working-day direct-mail deadline from 02-23 to 02-28', () => {
    // Created Thu 2026-02-12 10:00 Shanghai. Count 7 working days after 02-12 in chinese-days:
    //   Fri 02-13 (1), Sat 02-14 make-up day (2), 02-15…02-23 Spring Festival off,
    //   Tue 02-24 (3), Wed 02-25 (4), Thu 02-26 (5), Fri 02-27 (6), Sat 02-28 make-up day (7).
    // Deadline 2026-02-28 23:59:59 +08:00 = 15:59:59Z.
    // Without holidays (plain Mon–Fri): 02-13, 16, 17, 18, 19, 20, 23 -> 2026-02-23.
    const created = '2026-02-12T10:00:00+08:00';
    const withHolidays = orderDeadlineMs(model, order({ id: 'o1', createdAt: created, destination: 'ZONE-SH', serviceLevel: 'dm-7wd' }));
    const plain = orderDeadlineMs(model, order({ id: 'o2', createdAt: created, destination: 'ZONE-SH-PLAIN', serviceLevel: 'dm-7wd' }));
    expect(model.toLocalIso(withHolidays, 'ZONE-SH')).toBe('2026-02-28T23:59:59+08:00');
    expect(withHolidays).toBe(at('2026-02-28T15:59:59Z'));
    expect(model.toLocalIso(plain, 'ZONE-SH')).toBe('2026-02-23T23:59:59+08:00');
  });

  it('Golden Week 2026 pushes a 7-working-day deadline from 10-08 to 10-14', () => {
    // Created Tue 2026-09-29 15:00 Shanghai. After 09-29:
    //   Wed 09-30 (1), 10-01…10-07 National Day off, Thu 10-08 (2), Fri 10-09 (3),
    //   Sat 10-10 make-up day (4), Sun 10-11 off, Mon 10-12 (5), Tue 10-13 (6), Wed 10-14 (7).
    // Without holidays: 09-30, 10-01, 02, 05, 06, 07, 08 -> 2026-10-08.
    const created = '2026-09-29T15:00:00+08:00';
    const withHolidays = orderDeadlineMs(model, order({ id: 'o1', createdAt: created, destination: 'ZONE-SH', serviceLevel: 'dm-7wd' }));
    const plain = orderDeadlineMs(model, order({ id: 'o2', createdAt: created, destination: 'ZONE-SH-PLAIN', serviceLevel: 'dm-7wd' }));
    expect(model.toLocalIso(withHolidays, 'ZONE-SH')).toBe('2026-10-14T23:59:59+08:00');
    expect(model.toLocalIso(plain, 'ZONE-SH')).toBe('2026-10-08T23:59:59+08:00');
  });

  it('counts from the creation day in the destination zone, not the buyer’s', () => {
    // 2026-02-12 20:00 in Los Angeles is 2026-02-13 12:00 in Shanghai: the creation day is 02-13.
    // After 02-13: Sat 02-14 (1), 02-24 (2), 25 (3), 26 (4), 27 (5), Sat 02-28 (6), Mon 03-02 (7).
    const d = orderDeadlineMs(model, order({ id: 'o', createdAt: '2026-02-12T20:00:00-08:00', destination: 'ZONE-SH', serviceLevel: 'dm-7wd' }));
    expect(model.toLocalIso(d, 'ZONE-SH')).toBe('2026-03-02T23:59:59+08:00');
  });

  it('counts calendar days for a calendar_days level, holidays or not', () => {
    // Created 2026-10-01 10:00 (a holiday); 3 calendar days later is 10-04.
    const d = orderDeadlineMs(model, order({ id: 'o', createdAt: '2026-10-01T10:00:00+08:00', destination: 'ZONE-SH', serviceLevel: 'bonded-3cd' }));
    expect(d).toBe(at('2026-10-04T23:59:59+08:00'));
  });

  it('lets deliverBy override the service level', () => {
    const d = orderDeadlineMs(
      model,
      order({ id: 'o', createdAt: '2026-02-12T10:00:00+08:00', destination: 'ZONE-SH', serviceLevel: 'dm-7wd', deliverBy: '2026-02-20T12:00:00+08:00' }),
    );
    expect(d).toBe(at('2026-02-20T04:00:00Z'));
  });

  it('gives the same deadline to orders of the same day (memoised) and a later one to the next day', () => {
    const a = orderDeadlineMs(model, order({ id: 'a', createdAt: '2026-09-29T00:00:01+08:00', destination: 'ZONE-SH', serviceLevel: 'dm-7wd' }));
    const b = orderDeadlineMs(model, order({ id: 'b', createdAt: '2026-09-29T23:59:59+08:00', destination: 'ZONE-SH', serviceLevel: 'dm-7wd' }));
    const c = orderDeadlineMs(model, order({ id: 'c', createdAt: '2026-09-30T00:00:00+08:00', destination: 'ZONE-SH', serviceLevel: 'dm-7wd' }));
    expect(a).toBe(b);
    // After 09-30: 10-08 (1), 09, 10, 12, 13, 14, 15 (7).
    expect(model.toLocalIso(c, 'ZONE-SH')).toBe('2026-10-15T23:59:59+08:00');
  });

  it('throws a clear error without a known service level or deliverBy', () => {
    expect(() => orderDeadlineMs(model, order({ id: 'o9', createdAt: '2026-02-12T10:00:00+08:00', destination: 'ZONE-SH' }))).toThrow(
      /order "o9" has neither a service level nor deliverBy/,
    );
    expect(() =>
      orderDeadlineMs(model, order({ id: 'o9', createdAt: '2026-02-12T10:00:00+08:00', destination: 'ZONE-SH', serviceLevel: 'express' })),
    ).toThrow(/unknown service level "express"/);
  });
});
