// IANA time zones: UTC offsets (luxon's IANAZone, memoised), local wall time -> instant with an
// explicit rule for DST gaps and overlaps, instant -> local date / ISO string, and parsing of
// offset ISO instants. Everything here is pure: instants are passed in, the clock is never read.
//
// The one rule for local times (used by weekly departures, working hours and SLA deadlines):
// a local time on a date maps to the EARLIEST instant at which the local clock, that day, shows
// that time or later. So
//  - a time that occurs twice (EU fall-back, 2026-10-25 02:30 Europe/Berlin) is its first
//    occurrence, on the summer offset (00:30Z), not luxon's default (the later one, 01:30Z);
//  - a time that does not exist (US spring-forward, 2026-03-08 02:30 America/Los_Angeles) is
//    the first valid instant after it, the transition itself: 03:00 PDT = 10:00Z (luxon would
//    shift by the gap's length, to 03:30 PDT).
// A flight timetabled at 02:30 therefore never leaves an hour early and never twice.
import { IANAZone } from 'luxon';
import { civilFromDays, DAY_MS, daysFromCivil, daysInMonth, MINUTE_MS, pad } from './civil-date.js';

/** A time zone with memoised offsets: luxon's offset() formats through Intl (~10 µs a call). */
export interface ZoneClock {
  readonly name: string;
  /** UTC offset in minutes at the instant (east positive: Asia/Shanghai = 480). */
  offsetMinutes(ms: number): number;
  /** Day number (days since 1970-01-01) of the local date at the instant. */
  localDayNumber(ms: number): number;
  /** The instant of a local wall time (see the rule above). */
  localToInstant(dayNumber: number, minuteOfDay: number, second?: number): number;
  /** '2026-11-11T09:30:00+08:00': second precision (truncated), with the local offset. */
  toIso(ms: number): string;
}

const clocks = new Map<string, ZoneClock>();

/** Instants a zone's clock keeps formatted before it starts over (some 7 MB of strings at most). */
const ISO_MEMO_LIMIT = 100_000;

/** Zone names already judged: luxon's check builds an Intl formatter every time (~0.1 ms), and a network names a few zones over hundreds of nodes. */
const validity = new Map<string, boolean>();

export function isValidZone(name: string): boolean {
  let valid = validity.get(name);
  if (valid === undefined) {
    valid = IANAZone.isValidZone(name);
    validity.set(name, valid);
  }
  return valid;
}

/** The shared clock of a zone; throws on a name the runtime's tz database does not know. */
export function zoneClock(name: string): ZoneClock {
  let clock = clocks.get(name);
  if (clock === undefined) {
    if (!IANAZone.isValidZone(name)) throw new Error(`time/zone: unknown IANA time zone "${name}"`);
    clock = createClock(name);
    clocks.set(name, clock);
  }
  return clock;
}

function createClock(name: string): ZoneClock {
  const zone = IANAZone.create(name);
  // Offsets memoised per UTC day: the offset at the day's first and last millisecond, and when
  // they differ, the instant of the change (found to the second). Filling a day costs two luxon
  // calls; a day holding a transition (two a year) about twenty. Assumes at most one change per
  // UTC day, which holds for every zone in current tzdata.
  const constantByDay = new Map<number, number>(); // NaN: the day holds a transition
  const transitionByDay = new Map<number, { atMs: number; before: number; after: number }>();
  const rawOffset = (ms: number): number => zone.offset(ms);

  const fillDay = (day: number): number => {
    const startMs = day * DAY_MS;
    const before = rawOffset(startMs);
    const after = rawOffset(startMs + DAY_MS - 1);
    if (before === after) {
      constantByDay.set(day, before);
      return before;
    }
    let lo = startMs / 1000; // seconds; offset(lo) === before
    let hi = (startMs + DAY_MS) / 1000 - 1; // offset(hi) === after (last whole second)
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (rawOffset(mid * 1000) === before) lo = mid;
      else hi = mid;
    }
    transitionByDay.set(day, { atMs: hi * 1000, before, after });
    constantByDay.set(day, Number.NaN);
    return Number.NaN;
  };

  const offsetMinutes = (ms: number): number => {
    const day = Math.floor(ms / DAY_MS);
    let off = constantByDay.get(day);
    if (off === undefined) off = fillDay(day);
    if (!Number.isNaN(off)) return off;
    const t = transitionByDay.get(day) as { atMs: number; before: number; after: number };
    return ms < t.atMs ? t.before : t.after;
  };

  const localToInstant = (dayNumber: number, minuteOfDay: number, second = 0): number => {
    const wall = dayNumber * DAY_MS + minuteOfDay * MINUTE_MS + second * 1000;
    // The offset in force is one of those around the wall time (no zone changes twice in 2 days).
    const before = offsetMinutes(wall - DAY_MS);
    const after = offsetMinutes(wall + DAY_MS);
    let best = Number.POSITIVE_INFINITY;
    for (const off of before === after ? [before] : [before, after]) {
      const instant = wall - off * MINUTE_MS;
      if (offsetMinutes(instant) === off && instant < best) best = instant;
    }
    if (best !== Number.POSITIVE_INFINITY) return best;
    if (after <= before) throw new Error(`time/zone: cannot place local time in ${name} (day ${dayNumber})`);
    // A spring-forward gap: the transition lies between the wall time read on the new offset and
    // on the old one. Find, to the second, the first instant whose local reading reaches `wall`.
    let lo = Math.floor((wall - after * MINUTE_MS) / 1000); // reads earlier than wall
    let hi = Math.ceil((wall - before * MINUTE_MS) / 1000); // reads later than wall
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      const ms = mid * 1000;
      if (ms + offsetMinutes(ms) * MINUTE_MS >= wall) hi = mid;
      else lo = mid;
    }
    return hi * 1000;
  };

  const localDayNumber = (ms: number): number => Math.floor((ms + offsetMinutes(ms) * MINUTE_MS) / DAY_MS);

  // Strings memoised per second: a plan states the same departures and arrivals for every
  // parcel riding them, so they share one string. Joined, not concatenated: `+` and template
  // pieces make a tree of a dozen linked fragments per string (V8 cons strings, 20–30 bytes
  // each), a join one flat string. M's plan held 136 MB at verification before, 105 MB after
  // (heap snapshots); L's peak RSS fell by about 300 MB.
  const isoBySecond = new Map<number, string>();
  const toIso = (ms: number): string => {
    const second = Math.floor(ms / 1000);
    const known = isoBySecond.get(second);
    if (known !== undefined) return known;
    // Whole minutes: before standard time a zone ran on local mean time (Asia/Shanghai was
    // +08:05:43 until 1901), which ±HH:MM cannot state. The local reading below uses the same
    // rounded offset, so the string still names the instant (to the second).
    const off = Math.round(offsetMinutes(ms));
    const local = Math.floor((ms + off * MINUTE_MS) / 1000) * 1000;
    const day = Math.floor(local / DAY_MS);
    const { year, month, day: dom } = civilFromDays(day);
    const secOfDay = (local - day * DAY_MS) / 1000;
    const hh = Math.floor(secOfDay / 3600);
    const mm = Math.floor((secOfDay % 3600) / 60);
    const ss = secOfDay % 60;
    const sign = off < 0 ? '-' : '+';
    const abs = Math.abs(off);
    const iso = [pad(year, 4), '-', pad(month, 2), '-', pad(dom, 2), 'T', pad(hh, 2), ':', pad(mm, 2), ':', pad(ss, 2), sign, pad(Math.floor(abs / 60), 2), ':', pad(abs % 60, 2)].join('');
    if (isoBySecond.size >= ISO_MEMO_LIMIT) isoBySecond.clear();
    isoBySecond.set(second, iso);
    return iso;
  };

  return { name, offsetMinutes, localDayNumber, localToInstant, toIso };
}

/**
 * Offset ISO 8601 instant -> epoch ms: '2026-11-11T00:05:00+08:00', with optional seconds and
 * fraction, offset 'Z', '+08:00' or '+0800'. Throws on anything else, including a local time
 * without an offset: reading it in "the" zone would mean the machine's zone, which we never do.
 * Hand-scanned rather than a regex: it runs once per order (100,000 in a peak batch).
 */
export function parseInstant(iso: string): number {
  const n = iso.length;
  if (n < 17 || iso.charCodeAt(4) !== DASH || iso.charCodeAt(7) !== DASH || iso.charCodeAt(10) !== T || iso.charCodeAt(13) !== COLON) {
    return badInstant(iso, 'an ISO 8601 instant with an offset');
  }
  const year = digits(iso, 0, 4);
  const month = digits(iso, 5, 2);
  const day = digits(iso, 8, 2);
  const hour = digits(iso, 11, 2);
  const minute = digits(iso, 14, 2);
  let i = 16;
  let second = 0;
  let fractionMs = 0;
  if (iso.charCodeAt(i) === COLON) {
    second = digits(iso, i + 1, 2);
    i += 3;
    if (iso.charCodeAt(i) === DOT) {
      const start = ++i;
      for (let scale = 100; i < n && isDigit(iso.charCodeAt(i)); i++, scale /= 10) {
        if (scale >= 1) fractionMs += (iso.charCodeAt(i) - 48) * scale; // ms = first 3 digits, truncated
      }
      if (i === start || i - start > 9) return badInstant(iso, 'an ISO 8601 instant with an offset');
    }
  }
  let offsetMinutes = 0;
  const sign = iso.charCodeAt(i);
  const rest = n - i;
  if ((sign === Z_UPPER || sign === Z_LOWER) && rest === 1) {
    offsetMinutes = 0;
  } else if ((sign === PLUS || sign === MINUS) && (rest === 6 || rest === 5)) {
    const offHours = digits(iso, i + 1, 2);
    const offMins = digits(iso, n - 2, 2);
    if (offHours < 0 || offMins < 0 || (rest === 6 && iso.charCodeAt(i + 3) !== COLON)) {
      return badInstant(iso, 'an ISO 8601 instant with an offset');
    }
    if (offHours > 23 || offMins > 59) return badInstant(iso, 'a valid date and time');
    offsetMinutes = (sign === MINUS ? -1 : 1) * (offHours * 60 + offMins);
  } else {
    return badInstant(iso, 'an ISO 8601 instant with an offset');
  }
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
    return badInstant(iso, 'an ISO 8601 instant with an offset');
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
    return badInstant(iso, 'a valid date and time');
  }
  return daysFromCivil(year, month, day) * DAY_MS + (hour * 60 + minute - offsetMinutes) * MINUTE_MS + second * 1000 + fractionMs;
}

const DASH = 45;
const COLON = 58;
const DOT = 46;
const PLUS = 43;
const MINUS = 45;
const T = 84;
const Z_UPPER = 90;
const Z_LOWER = 122;

function badInstant(iso: string, what: string): never {
  throw new Error(`time/parseInstant: "${iso}" is not ${what}`);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** The number written by `count` ASCII digits at `at`, or -1 if any is not a digit. */
function digits(s: string, at: number, count: number): number {
  let value = 0;
  for (let k = at; k < at + count; k++) {
    const code = s.charCodeAt(k); // NaN past the end: not a digit
    if (!isDigit(code)) return -1;
    value = value * 10 + (code - 48);
  }
  return value;
}
