// Time: working calendars, schedules and cut-offs, SLA deadlines. Pure; luxon underneath;
// nothing here reads the clock — every instant is passed in.
export { addWorkingDays, buildCalendar, type WorkingCalendar } from './calendar.js';
export { createTimeModel, DEPARTURE_HORIZON_MS, parseInstant, type Departure, type TimeModel } from './time-model.js';
export { orderDeadlineMs, serviceLevelDeadlineMs } from './sla.js';
export { coverageWarnings } from './coverage.js';
export { isValidZone, zoneClock, type ZoneClock } from './zone.js';
export { addDays, dateOf, dayNumber, isoWeekday, isValidDate } from './civil-date.js';
