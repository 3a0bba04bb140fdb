// Calendars the planner cannot use are located network errors in validate
// (src/domain/check-calendars.ts). Regressions: date-holidays with country "XX" or region "ZZ",
// and a calendar without a working day for years, passed validate and then `plan` crashed (exit 3).
import { describe, expect, it } from 'vitest';
import { MAX_DAYS_WITHOUT_WORK, checkCalendars } from '../../src/domain/check-calendars.js';
import { Network } from '../../src/domain/network.js';
import { addDays } from '../../src/time/civil-date.js';
import { type Json, setPath, tinyNetwork } from '../fixtures/tiny.js';
import { planInputs, validateInputs } from './input-fixtures.js';

/** Every date from `from` for `days` days. */
function dates(from: string, days: number): string[] {
  return Array.from({ length: days }, (_, i) => addDays(from, i));
}

const cases = [
  { name: 'an unknown date-holidays country', edit: (n: Json) => setPath(n, 'calendars[1].country', 'XX'),
    line: 'calendars[1].country: country: expected a country the date-holidays package knows, found "XX" (unknown to date-holidays)' },
  { name: 'an unknown date-holidays region', edit: (n: Json) => setPath(n, 'calendars[1].region', 'ZZ'),
    line: 'calendars[1].region: region: expected a region of US the date-holidays package knows, found "ZZ" (unknown to date-holidays)' },
  { name: 'no working day for ten years', edit: (n: Json) => setPath(n, 'calendars[0].extraHolidays', dates('2026-01-01', 3700)),
    line: 'calendars[0].extraHolidays: extraHolidays: expected a working day at least every 30 days, found no working day from 2026-01-01 to 2036-01-09' },
  { name: 'a date that does not exist', edit: (n: Json) => setPath(n, 'calendars[0].extraHolidays', ['2026-02-30']),
    line: 'calendars[0].extraHolidays[0]: extraHolidays: expected a real calendar date, found "2026-02-30" (no such day)' },
];

describe('calendars the planner cannot use', () => {
  it.each(cases)('$name: a located error in validate, exit 2 in plan', async (c) => {
    const network = c.edit(tinyNetwork());
    const validated = await validateInputs({ network });
    expect(validated.code).toBe(2);
    expect(validated.stderr).toContain(c.line);
    const planned = await planInputs({ network });
    expect(planned.code).toBe(2);
    expect(planned.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
  });

  it(`accepts ${MAX_DAYS_WITHOUT_WORK} days without work, not one more`, () => {
    // A "none" calendar, Mon–Fri. Holidays from Mon 2026-11-30 join the weekend before (Sat 28,
    // Sun 29): 26 of them (to Fri 25 Dec) and the weekend after make 30 days off; 29 (to Mon 28) make 31.
    const calendar = { id: 'c', source: 'none', extraHolidays: [] };
    const doc = tinyNetwork();
    setPath(doc, 'calendars', [...(doc['calendars'] as object[]), calendar]);
    const at = (holidays: string[]) =>
      checkCalendars(Network.parse(setPath(structuredClone(doc), 'calendars[2].extraHolidays', holidays)), 'n.json');
    // 28 weekdays-and-weekends from Monday, then the weekend after: Sat 2026-12-26 + Sun = 30 days off.
    expect(at(dates('2026-11-30', 26))).toEqual([]);
    expect(at(dates('2026-11-30', 26 + 3)).map((p) => p.where)).toEqual(['calendars[2].extraHolidays']);
  });
});
