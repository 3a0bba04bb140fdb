// Shared schema building blocks: identifiers, local times, money and unit-bearing numbers.
// Every number that enters the engine is finite and within a sane range, so that one
// absurd figure (1e308 kg) is an input error and not a NaN three modules later.
import { z } from 'zod';
import { SUPPORTED_RANGE_TEXT, isSupportedInstantMs } from '../time/date-range.js';
import { parseInstant } from '../time/zone.js';

/** Node, lane, order and SKU identifiers: printable, no separators we use in CSV cells. */
export const Id = z
  .string()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:\-/]*$/, 'must be letters, digits and _ . : - / (starting with a letter or digit)');

/** "HH:MM" on a 24-hour clock, local to some node. */
export const LocalTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a local time "HH:MM" (00:00–23:59)');

/** "YYYY-MM-DD" calendar date. */
export const LocalDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a date "YYYY-MM-DD"');

/** An instant with an explicit UTC offset: "2026-11-11T00:05:00+08:00" (or "Z"). */
export const OffsetInstant = z.iso.datetime({ offset: true, local: false });

/**
 * An instant of an input (an order's createdAt, deliverBy): an OffsetInstant inside the range
 * the engine plans in (src/time/date-range.ts). Plans use OffsetInstant: their times follow
 * from these and the schedules, and are not the user's to bound.
 */
export const InputInstant = OffsetInstant.refine((iso) => isSupportedInstantMs(parseInstantOrNaN(iso)), {
  message: `must be an instant ${SUPPORTED_RANGE_TEXT}`,
});

function parseInstantOrNaN(iso: string): number {
  try {
    return parseInstant(iso);
  } catch {
    return Number.NaN;
  }
}

/** ISO weekday, luxon's convention: 1 = Monday … 7 = Sunday. */
export const Weekday = z.number().int().min(1).max(7);

/** Money in minor units of the network currency (fen for CNY). Integers only. */
export const Minor = z.number().int().min(0).max(1e12);

/** A money rate per kg in minor units; may be fractional (0.5 fen/kg is a real rate). */
export const MinorPerKg = z.number().min(0).max(1e7);

/** Kilograms: positive, below the heaviest thing that flies (a loaded 747F is ~400 t). */
export const Kg = z.number().positive().max(500_000);
export const KgOrZero = z.number().min(0).max(500_000);

/** Cubic metres, same reasoning. */
export const M3 = z.number().positive().max(2_000);

/** Minutes of duration, up to 60 days. */
export const Minutes = z.number().int().min(0).max(60 * 24 * 60);

/** A fraction in [0, 1]. */
export const Fraction = z.number().min(0).max(1);

/** IANA time-zone name; validity is checked against the runtime's tz database in validate. */
export const TimeZoneName = z.string().min(1).max(64);

/** ISO 3166-1 alpha-2 country code. */
export const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as "CN"');
