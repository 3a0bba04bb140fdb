// The time model of a network: per node its zone and working calendar, per lane its schedule
// turned into departures (weekly timetables, continuous lanes, working-time clearance), and
// local renderings of instants. Built once per network and shared; all caches live inside.
import type { Lane } from '../domain/network.js';
import { must, type NetworkIndex } from '../domain/network-index.js';
import { buildCalendar, type WorkingCalendar } from './calendar.js';
import { dateOf, dayNumber, DAY_MS, MINUTE_MS } from './civil-date.js';
import { createWeeklyTimetable, timetableKey, type WeeklyTimetable } from './weekly-timetable.js';
import { createWorkingTime, type WorkingTime } from './working-time.js';
import { parseInstant, zoneClock, type ZoneClock } from './zone.js';

export { parseInstant };

export interface Departure { lane: string; departureMs: number; arrivalMs: number } // UTC epoch ms

export interface TimeModel {
  readonly index: NetworkIndex;
  calendarOf(nodeId: string): WorkingCalendar;
  /** A parcel that reached node at arrivalMs can leave at arrivalMs + node.handlingMinutes. */
  readyToLeave(nodeId: string, arrivalMs: number): number;
  /** Earliest departure of the lane a parcel ready at lane.from at readyMs can take:
   *  weekly: first scheduled departure with departureMs - cutoffMinutes >= readyMs, arrival = dep + transitMinutes;
   *  continuous: departs at readyMs (on a closed date: at the start of the next open local day); working_time: starts at the first working minute >= readyMs in the calendar
   *  and zone of lane.to, arrival after workingMinutes of working time. null when none within 60 days. */
  nextDeparture(laneId: string, readyMs: number): Departure | null;
  /** The departures of the lane from readyMs on, earliest first, at most `limit` (continuous/working_time: 1). */
  departuresFrom(laneId: string, readyMs: number, limit: number): Departure[];
  /** The real departure of the lane at exactly departureMs, or null if the lane has none then (verifier). */
  departureAt(laneId: string, departureMs: number): Departure | null;
  /** ISO 8601 in the node's zone with its offset, second precision: '2026-11-11T09:30:00+08:00'. */
  toLocalIso(ms: number, nodeId: string): string;
  localDate(ms: number, nodeId: string): string; // 'YYYY-MM-DD' in the node's zone
  /** Parcels a clearance port clears on the local day holding `ms` (undefined: no limit). The
   *  network's dailyParcelCapacity here; a closure model may change it for a day. */
  dailyParcelCapacity(portId: string, ms: number): number | undefined;
}

/** How far ahead of the ready time a departure is looked for (the contract's 60 days). */
export const DEPARTURE_HORIZON_MS = 60 * DAY_MS;

/** A lane's schedule in executable form. */
type LaneClock =
  | { kind: 'weekly'; timetable: WeeklyTimetable; cutoffMs: number; transitMs: number }
  | { kind: 'continuous'; transitMs: number; clock: ZoneClock; closedDays: ReadonlySet<number> }
  | { kind: 'working_time'; work: WorkingTime; workingMinutes: number };

/**
 * Builds the time model. Checks what the hot paths then take for granted (every node's zone and
 * calendar, every lane's ends) and throws a plain Error naming the culprit otherwise: validation
 * reports these to the user first, so reaching one here is a bug.
 */
export function createTimeModel(index: NetworkIndex): TimeModel {
  const calendars = new Map<string, WorkingCalendar>();
  for (const calendar of index.network.calendars) calendars.set(calendar.id, buildCalendar(calendar));

  const nodeClocks = new Map<string, ZoneClock>();
  const nodeCalendars = new Map<string, WorkingCalendar>();
  const handlingMs = new Map<string, number>();
  for (const node of index.network.nodes) {
    nodeClocks.set(node.id, zoneClock(node.timeZone));
    nodeCalendars.set(node.id, must(calendars, node.calendar, `calendar (of node "${node.id}")`));
    handlingMs.set(node.id, node.handlingMinutes * MINUTE_MS);
  }
  const clockOf = (nodeId: string): ZoneClock => must(nodeClocks, nodeId, 'node');

  // Shared by lanes with the same zone and timetable / the same calendar and zone.
  const timetables = new Map<string, WeeklyTimetable>();
  const workingTimes = new Map<string, WorkingTime>();

  const laneClocks = new Map<string, LaneClock>();
  for (const lane of index.network.lanes) laneClocks.set(lane.id, makeLaneClock(lane));

  function makeLaneClock(lane: Lane): LaneClock {
    const from = must(index.nodes, lane.from, `node (from of lane "${lane.id}")`);
    const to = must(index.nodes, lane.to, `node (to of lane "${lane.id}")`);
    const schedule = lane.schedule;
    const closedDates = [...new Set(lane.closedDates ?? [])].sort();
    const closedKey = closedDates.join(',');
    switch (schedule.kind) {
      case 'weekly': {
        const key = `${timetableKey(from.timeZone, schedule.departures)}|${closedKey}`;
        let timetable = timetables.get(key);
        if (timetable === undefined) {
          timetable = createWeeklyTimetable(zoneClock(from.timeZone), schedule.departures, new Set(closedDates.map(dayNumber)));
          timetables.set(key, timetable);
        }
        return {
          kind: 'weekly',
          timetable,
          cutoffMs: schedule.cutoffMinutes * MINUTE_MS,
          transitMs: schedule.transitMinutes * MINUTE_MS,
        };
      }
      case 'continuous':
        return {
          kind: 'continuous',
          transitMs: schedule.transitMinutes * MINUTE_MS,
          clock: zoneClock(from.timeZone),
          closedDays: new Set(closedDates.map(dayNumber)),
        };
      case 'working_time': {
        const key = `${to.calendar}|${to.timeZone}|${closedKey}`;
        let work = workingTimes.get(key);
        if (work === undefined) {
          const calendar = closedDates.length === 0 ? must(calendars, to.calendar, 'calendar') : closedCalendar(to.calendar, closedDates);
          work = createWorkingTime(calendar, zoneClock(to.timeZone));
          workingTimes.set(key, work);
        }
        return { kind: 'working_time', work, workingMinutes: schedule.workingMinutes };
      }
    }
  }

  /** The calendar `calendarId` with `closedDates` as holidays besides its own (a closed lane's working time). */
  function closedCalendar(calendarId: string, closedDates: readonly string[]): WorkingCalendar {
    const calendar = index.network.calendars.find((c) => c.id === calendarId);
    if (calendar === undefined) throw new Error(`internal: unknown calendar "${calendarId}"`);
    const closed = new Set(closedDates);
    return buildCalendar({
      ...calendar,
      extraHolidays: [...new Set([...calendar.extraHolidays, ...closedDates])],
      extraWorkingDays: calendar.extraWorkingDays.filter((date) => !closed.has(date)),
    });
  }

  /** A continuous lane leaves when the parcel is ready, or at the start of the next open local day. */
  const continuousDepartureMs = (lc: LaneClock & { kind: 'continuous' }, readyMs: number): number | null => {
    if (lc.closedDays.size === 0) return readyMs;
    let day = lc.clock.localDayNumber(readyMs);
    if (!lc.closedDays.has(day)) return readyMs;
    while (lc.closedDays.has(day)) day++;
    const departureMs = lc.clock.localToInstant(day, 0);
    return departureMs <= readyMs + DEPARTURE_HORIZON_MS ? departureMs : null;
  };

  const laneClock = (laneId: string): LaneClock => {
    const lc = laneClocks.get(laneId); // inline rather than must(): this is the hottest lookup
    if (lc === undefined) throw new Error(`internal: unknown lane "${laneId}"`);
    return lc;
  };

  const workingDeparture = (lane: string, lc: LaneClock & { kind: 'working_time' }, startMs: number): Departure | null => {
    const arrivalMs = lc.work.addWorkingMinutes(startMs, lc.workingMinutes);
    return arrivalMs === null ? null : { lane, departureMs: startMs, arrivalMs };
  };

  const nextDeparture = (laneId: string, readyMs: number): Departure | null => {
    const lc = laneClock(laneId);
    switch (lc.kind) {
      case 'weekly': {
        const departureMs = lc.timetable.firstAtOrAfter(readyMs + lc.cutoffMs, readyMs + DEPARTURE_HORIZON_MS);
        return departureMs === null ? null : { lane: laneId, departureMs, arrivalMs: departureMs + lc.transitMs };
      }
      case 'continuous': {
        const departureMs = continuousDepartureMs(lc, readyMs);
        return departureMs === null ? null : { lane: laneId, departureMs, arrivalMs: departureMs + lc.transitMs };
      }
      case 'working_time': {
        const startMs = lc.work.firstWorkingInstant(readyMs, readyMs + DEPARTURE_HORIZON_MS);
        return startMs === null ? null : workingDeparture(laneId, lc, startMs);
      }
    }
  };

  const departuresFrom = (laneId: string, readyMs: number, limit: number): Departure[] => {
    const lc = laneClock(laneId);
    if (limit < 1) return [];
    if (lc.kind !== 'weekly') {
      const d = nextDeparture(laneId, readyMs);
      return d === null ? [] : [d];
    }
    return lc.timetable
      .listFrom(readyMs + lc.cutoffMs, readyMs + DEPARTURE_HORIZON_MS, limit)
      .map((departureMs) => ({ lane: laneId, departureMs, arrivalMs: departureMs + lc.transitMs }));
  };

  const departureAt = (laneId: string, departureMs: number): Departure | null => {
    const lc = laneClock(laneId);
    if (!Number.isFinite(departureMs)) return null;
    switch (lc.kind) {
      case 'weekly':
        return lc.timetable.has(departureMs)
          ? { lane: laneId, departureMs, arrivalMs: departureMs + lc.transitMs }
          : null;
      case 'continuous':
        return lc.closedDays.size > 0 && lc.closedDays.has(lc.clock.localDayNumber(departureMs))
          ? null
          : { lane: laneId, departureMs, arrivalMs: departureMs + lc.transitMs };
      case 'working_time':
        return lc.work.isWorkingInstant(departureMs) ? workingDeparture(laneId, lc, departureMs) : null;
    }
  };

  return {
    index,
    calendarOf: (nodeId) => must(nodeCalendars, nodeId, 'node'),
    readyToLeave: (nodeId, arrivalMs) => arrivalMs + must(handlingMs, nodeId, 'node'),
    nextDeparture,
    departuresFrom,
    departureAt,
    toLocalIso: (ms, nodeId) => clockOf(nodeId).toIso(ms),
    localDate: (ms, nodeId) => dateOf(clockOf(nodeId).localDayNumber(ms)),
    dailyParcelCapacity: (portId) => must(index.nodes, portId, 'node').dailyParcelCapacity,
  };
}
