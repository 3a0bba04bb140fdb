// Properties of every schedule kind, on random ready times through 2026 (both DST changes, both
// Chinese holiday seasons) and into uncovered 2027. Seeded: failures reproduce.
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { at, buildModel, weekly } from './fixtures.js';

const WEEKLY = {
  // cut-off 90 min; includes Sunday 02:30, inside the US spring-forward gap on 2026-03-08.
  'W-LA': { from: 'LAX', zone: 'America/Los_Angeles', cutoff: 90, slots: [{ weekdays: [1, 4], time: '11:00' }, { weekdays: [7], time: '02:30' }] },
  // includes Sunday 02:30, twice on the clock on 2026-10-25.
  'W-FRA': { from: 'FRA', zone: 'Europe/Berlin', cutoff: 0, slots: [{ weekdays: [7], time: '02:30' }, { weekdays: [2, 5], time: '23:45' }] },
  'W-PVG': { from: 'PVG', zone: 'Asia/Shanghai', cutoff: 240, slots: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], time: '18:00' }] },
} as const;
type WeeklyId = keyof typeof WEEKLY;
const WEEKLY_IDS = Object.keys(WEEKLY) as WeeklyId[];

const model = buildModel([
  ...WEEKLY_IDS.map((id) => ({
    id,
    from: WEEKLY[id].from,
    to: 'SH-PORT',
    mode: 'air' as const,
    schedule: weekly(WEEKLY[id].slots.map((s) => ({ weekdays: [...s.weekdays], time: s.time })), 600, WEEKLY[id].cutoff),
  })),
  { id: 'TRUCK', from: 'US-BASE', to: 'LAX', mode: 'truck', schedule: { kind: 'continuous', transitMinutes: 300 } },
  { id: 'CLEAR-CN', from: 'PVG', to: 'SH-PORT', mode: 'clearance', schedule: { kind: 'working_time', workingMinutes: 780 } },
  { id: 'CLEAR-US', from: 'LAX', to: 'US-PORT', mode: 'clearance', schedule: { kind: 'working_time', workingMinutes: 660 } },
]);
const ALL_LANES = [...WEEKLY_IDS, 'TRUCK', 'CLEAR-CN', 'CLEAR-US'];

// Half the draws land within a few days before a DST change, so the change days are always hit.
const nearChange = (iso: string) => fc.integer({ min: at(iso) - 4 * 86_400_000, max: at(iso) + 86_400_000 });
const readyMs = fc.oneof(
  fc.integer({ min: at('2026-01-01T00:00:00Z'), max: at('2027-03-01T00:00:00Z') }),
  nearChange('2026-03-08T10:00:00Z'), // US spring-forward
  nearChange('2026-10-25T01:00:00Z'), // EU fall-back
  nearChange('2026-03-29T01:00:00Z'), // EU spring-forward
  nearChange('2026-11-01T09:00:00Z'), // US fall-back
);
const laneId = fc.constantFrom(...ALL_LANES);
const weeklyId = fc.constantFrom(...WEEKLY_IDS);
const RUNS = { seed: 42, numRuns: 500 };

/** Scheduled local (weekday, minute of day) pairs of a weekly lane. */
function scheduled(id: WeeklyId): Set<string> {
  const set = new Set<string>();
  for (const s of WEEKLY[id].slots) for (const wd of s.weekdays) set.add(`${wd} ${s.time}`);
  return set;
}

/**
 * Is `ms` on the lane's timetable, judged by luxon alone? Either the local weekday and time are
 * scheduled, or `ms` is a spring-forward transition and a scheduled time of that day fell into
 * the gap it opened (the documented rule).
 */
function onTimetable(id: WeeklyId, ms: number): boolean {
  const zone = WEEKLY[id].zone;
  const t = DateTime.fromMillis(ms, { zone });
  if (t.second !== 0 || t.millisecond !== 0) return false;
  const slots = scheduled(id);
  if (slots.has(`${t.weekday} ${t.toFormat('HH:mm')}`)) return true;
  const before = DateTime.fromMillis(ms - 1, { zone });
  if (before.offset === t.offset) return false;
  const gapFrom = before.hour * 60 + before.minute + 1; // wall minutes skipped: (before, t)
  const gapTo = t.hour * 60 + t.minute;
  return [...slots].some((s) => {
    const [wd, time] = s.split(' ') as [string, string];
    const minute = Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
    return Number(wd) === t.weekday && minute >= gapFrom && minute < gapTo;
  });
}

describe('schedule properties', () => {
  it('a later ready time never gives an earlier departure or arrival, for every schedule kind', () => {
    fc.assert(
      fc.property(laneId, readyMs, fc.integer({ min: 0, max: 10 * 86_400_000 }), (lane, r, delta) => {
        const a = model.nextDeparture(lane, r);
        const b = model.nextDeparture(lane, r + delta);
        // Every lane here departs at least weekly, so none is ever null within 60 days.
        expect(a).not.toBeNull();
        expect(b).not.toBeNull();
        expect(b!.departureMs).toBeGreaterThanOrEqual(a!.departureMs);
        expect(b!.arrivalMs).toBeGreaterThanOrEqual(a!.arrivalMs);
        expect(a!.departureMs).toBeGreaterThanOrEqual(r);
        expect(a!.arrivalMs).toBeGreaterThanOrEqual(a!.departureMs);
      }),
      RUNS,
    );
  });

  it('every weekly departure is on a scheduled weekday and local time, and respects the cut-off', () => {
    fc.assert(
      fc.property(weeklyId, readyMs, (id, r) => {
        const ds = model.departuresFrom(id, r, 6);
        expect(ds).toHaveLength(6);
        const cutoffMs = WEEKLY[id].cutoff * 60_000;
        for (const [i, d] of ds.entries()) {
          expect(onTimetable(id, d.departureMs), `${id} ${new Date(d.departureMs).toISOString()}`).toBe(true);
          expect(d.departureMs - cutoffMs).toBeGreaterThanOrEqual(r);
          expect(d.arrivalMs - d.departureMs).toBe(600 * 60_000);
          if (i > 0) expect(d.departureMs).toBeGreaterThan(ds[i - 1]!.departureMs);
        }
        expect(ds[0]).toEqual(model.nextDeparture(id, r));
      }),
      RUNS,
    );
  });

  it('skips no departure: nothing on the timetable lies between ready + cut-off and the one returned', () => {
    fc.assert(
      fc.property(weeklyId, readyMs, (id, r) => {
        const d = model.nextDeparture(id, r)!;
        const from = r + WEEKLY[id].cutoff * 60_000;
        const zone = WEEKLY[id].zone;
        // Luxon's own reading of the timetable, date by date, over the span in question.
        let day = DateTime.fromMillis(from, { zone }).startOf('day').minus({ days: 1 });
        const lastDay = DateTime.fromMillis(d.departureMs, { zone }).startOf('day');
        for (; day <= lastDay; day = day.plus({ days: 1 })) {
          for (const slot of WEEKLY[id].slots) {
            if (!(slot.weekdays as readonly number[]).includes(day.weekday)) continue;
            const [hour, minute] = slot.time.split(':').map(Number) as [number, number];
            const t = DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour, minute }, { zone });
            if (t.hour !== hour || t.minute !== minute) continue; // in a DST gap: the other property's job
            // Luxon takes the later of two occurrences; ours is the earlier, and only one departs.
            const earlier = t.minus({ hours: 1 });
            const first = earlier.hour === hour && earlier.minute === minute ? earlier : t;
            const ms = first.toMillis();
            expect(ms >= from && ms < d.departureMs, `${id} skipped ${first.toISO()}`).toBe(false);
          }
        }
      }),
      RUNS,
    );
  });

  it('departureAt(lane, d.departureMs) returns d for every departure nextDeparture returns', () => {
    fc.assert(
      fc.property(laneId, readyMs, (lane, r) => {
        const d = model.nextDeparture(lane, r)!;
        expect(model.departureAt(lane, d.departureMs)).toEqual(d);
      }),
      RUNS,
    );
  });

  it('departureAt finds no weekly departure a minute after a real one', () => {
    fc.assert(
      fc.property(weeklyId, readyMs, (id, r) => {
        const d = model.nextDeparture(id, r)!;
        expect(model.departureAt(id, d.departureMs + 60_000)).toBeNull();
        expect(model.departureAt(id, d.departureMs - 1)).toBeNull();
      }),
      RUNS,
    );
  });
});
