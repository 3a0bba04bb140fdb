// The range of instants the engine plans in. Orders outside it are input errors, located by
// the schema, rather than failures deep inside the planner.
//
// Why 2000-01-01 .. 2099-12-31 (UTC):
//  - before about 1970 the tz database gives local mean time (Asia/Shanghai was UTC+08:05:43
//    until 1901): offsets of fractional minutes that no ISO instant of ours can state, and
//    holiday data is absent anyway (chinese-days starts in 2004);
//  - from 2100 a deadline or a departure horizon (60 days) could leave the four-digit years of
//    ISO 8601 ("10000-01-01" is no date) and every calendar is past its holiday data;
//  - one century keeps the widest planning window (earliest created_at .. latest deadline)
//    small enough to walk day by day (coverage warnings, working-day counts).
import { DAY_MS, daysFromCivil } from './civil-date.js';

/** First supported instant: 2000-01-01T00:00:00Z. */
export const SUPPORTED_FROM_MS = daysFromCivil(2000, 1, 1) * DAY_MS;
/** First instant past the range: 2100-01-01T00:00:00Z. */
export const SUPPORTED_UNTIL_MS = daysFromCivil(2100, 1, 1) * DAY_MS;

/** How the range reads in an error message. */
export const SUPPORTED_RANGE_TEXT = 'between 2000-01-01T00:00:00Z and 2099-12-31T23:59:59Z';

/** True when an instant (epoch ms) is inside the supported range. */
export function isSupportedInstantMs(ms: number): boolean {
  return Number.isFinite(ms) && ms >= SUPPORTED_FROM_MS && ms < SUPPORTED_UNTIL_MS;
}
