// The network: everything static — nodes, lanes, calendars, service levels, customs rules.
// One JSON file, schema "xbroute.network/v1". Money is in minor units of `currency`.
import { z } from 'zod';
import {
  CountryCode, Fraction, Id, Kg, KgOrZero, LocalDate, LocalTime, M3, Minor, MinorPerKg, Minutes,
  TimeZoneName, Weekday,
} from './primitives.js';

export const NETWORK_SCHEMA = 'xbroute.network/v1';

export const NodeKind = z.enum([
  'storage_base', 'airport', 'clearance_port', 'bonded_warehouse', 'domestic_warehouse', 'zone',
]);
export type NodeKind = z.infer<typeof NodeKind>;

/**
 * A working calendar. `source` names where public holidays come from:
 * - `chinese-days`: mainland China statutory holidays *and* make-up working weekends (调休);
 * - `date-holidays`: public holidays of `country` (optionally `region`);
 * - `none`: only the weekly pattern and the overrides below.
 * `extraHolidays` / `extraWorkingDays` override the source, date by date.
 * `coveredFrom`/`coveredTo` bound the years the source is known to be right; a date outside
 * them is still answered from the weekly pattern, but with a coverage warning.
 */
export const Calendar = z.strictObject({
  id: Id,
  source: z.enum(['chinese-days', 'date-holidays', 'none']),
  country: CountryCode.optional(),
  region: z.string().max(16).optional(),
  workingWeekdays: z.array(Weekday).min(1).max(7).default([1, 2, 3, 4, 5]),
  /** Working hours, local; used where work is counted in working time (clearance). */
  workingHours: z.strictObject({ start: LocalTime, end: LocalTime }).default({ start: '09:00', end: '18:00' }),
  extraHolidays: z.array(LocalDate).default([]),
  extraWorkingDays: z.array(LocalDate).default([]),
  coveredFrom: LocalDate.optional(),
  coveredTo: LocalDate.optional(),
});
export type Calendar = z.infer<typeof Calendar>;

export const Node = z.strictObject({
  id: Id,
  kind: NodeKind,
  name: z.string().min(1).max(120),
  country: CountryCode,
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  timeZone: TimeZoneName,
  calendar: Id,
  /** IATA code of the airport this node is, or is tied to (storage bases: their cargo airport). */
  iata: z.string().regex(/^[A-Z]{3}$/, 'must be a 3-letter IATA code').optional(),
  /** Province-level division for zones and Chinese nodes (e.g. "Shanghai", "Xinjiang"). */
  province: z.string().max(40).optional(),
  /** Population in millions, zones only: weights destinations in generated batches. */
  populationM: z.number().positive().max(2_000).optional(),
  /** Time a parcel spends here before it can leave (pick/pack, transfer, sorting). */
  handlingMinutes: Minutes.default(0),
  /** Cost per parcel handled here (pick/pack at a base, bonded release, …). */
  handlingPerParcelMinor: Minor.default(0),
  /** Clearance ports: parcels cleared per local calendar day. */
  dailyParcelCapacity: z.number().int().positive().max(10_000_000).optional(),
});
export type Node = z.infer<typeof Node>;

/** Weekly departures: each entry is a weekday set and a local time at the origin node. */
export const WeeklySchedule = z.strictObject({
  kind: z.literal('weekly'),
  departures: z
    .array(z.strictObject({ weekdays: z.array(Weekday).min(1).max(7), time: LocalTime }))
    .min(1),
  /** Block time from departure to arrival. */
  transitMinutes: Minutes,
  /** Parcels must be ready at the origin this long before departure. */
  cutoffMinutes: Minutes.default(0),
});

/** Leaves whenever a parcel is ready (trucks, last mile): arrival = ready + transit. */
export const ContinuousSchedule = z.strictObject({
  kind: z.literal('continuous'),
  transitMinutes: Minutes,
});

/**
 * Work counted in the working hours of the *destination* node's calendar (customs clearance):
 * processing starts at the first working minute at or after the parcel is ready and runs
 * for `workingMinutes` of working time.
 */
export const WorkingTimeSchedule = z.strictObject({
  kind: z.literal('working_time'),
  workingMinutes: Minutes,
});

export const Schedule = z.discriminatedUnion('kind', [WeeklySchedule, ContinuousSchedule, WorkingTimeSchedule]);
export type Schedule = z.infer<typeof Schedule>;
export type WeeklySchedule = z.infer<typeof WeeklySchedule>;

/** IATA rate classes: a minimum charge and per-kg rates that fall at weight breaks. */
export const WeightBreakTariff = z.strictObject({
  minChargeMinor: Minor,
  /** Ascending by `fromKg`; the first one starts at 0 (the "N" rate). */
  breaks: z.array(z.strictObject({ fromKg: KgOrZero, perKgMinor: MinorPerKg })).min(1),
});
export type WeightBreakTariff = z.infer<typeof WeightBreakTariff>;

export const UldType = z.strictObject({
  type: z.string().min(1).max(16),
  maxKg: Kg,
  maxM3: M3,
});
export type UldType = z.infer<typeof UldType>;

/**
 * Shipping loose under a consolidator's master air waybill (co-load): charged per chargeable kg
 * of the departure's load with a minimum, and none of our own MAWB fee or ULDs. A departure
 * ships this way when it is cheaper than consolidating on our own (or our ULD allotment cannot
 * take the load): the consolidator's space is not counted against our allotment.
 */
export const CoLoadTariff = z.strictObject({
  perKgMinor: MinorPerKg,
  minChargeMinor: Minor,
});
export type CoLoadTariff = z.infer<typeof CoLoadTariff>;

export const LaneMode = z.enum(['air', 'truck', 'clearance', 'last_mile']);
export type LaneMode = z.infer<typeof LaneMode>;

export const Lane = z.strictObject({
  id: Id,
  from: Id,
  to: Id,
  mode: LaneMode,
  schedule: Schedule,
  /** Carrier, for air lanes (IATA airline code). */
  carrier: z.string().max(8).optional(),
  cost: z
    .strictObject({
      /** Charged once per parcel on this lane (clearance fee, last-mile first weight, …). */
      perParcelMinor: Minor.default(0),
      /** Per kg of the parcel's chargeable weight above `includedKg` (last-mile additional weight). */
      perParcelKgMinor: MinorPerKg.default(0),
      includedKg: KgOrZero.default(0),
      /** Weight-break tariff on the consolidated chargeable weight of one departure (air). */
      freight: WeightBreakTariff.optional(),
      /** Fixed cost per consolidation (MAWB, handling agent, screening), paid once per used departure. */
      perConsolidationMinor: Minor.default(0),
      /** Cost per ULD used on a departure. */
      perUldMinor: Minor.default(0),
    })
    .default({ perParcelMinor: 0, perParcelKgMinor: 0, includedKg: 0, perConsolidationMinor: 0, perUldMinor: 0 }),
  /** A consolidator's rate to ship loose on this lane's departures instead of consolidating ourselves. */
  coLoad: CoLoadTariff.optional(),
  /** Consolidations on this lane travel in ULDs of this type (air). */
  uld: UldType.optional(),
  /** Most ULDs one departure will take for us (our allotment of the belly). */
  maxUldsPerDeparture: z.number().int().positive().max(1_000).optional(),
  /** Volumetric divisor in cm³/kg (6000 for most air cargo). */
  volumetricDivisor: z.number().int().min(1000).max(10_000).default(6000),
  /**
   * Local dates on which the lane takes nothing (a cancelled flight day, a closed road or port,
   * a typhoon). Dates are local where the lane's work happens: at the origin for weekly and
   * continuous lanes (no departure that day), at the destination for working-time lanes (no
   * clearance work that day, as if a holiday of the destination's calendar).
   */
  closedDates: z.array(LocalDate).max(3660).optional(),
});
export type Lane = z.infer<typeof Lane>;

export const FulfilmentMode = z.enum(['direct_mail', 'bonded', 'general_trade']);
export type FulfilmentMode = z.infer<typeof FulfilmentMode>;

/** Which node kind sources each fulfilment mode. */
export const SOURCE_KIND: Record<FulfilmentMode, NodeKind> = {
  direct_mail: 'storage_base',
  bonded: 'bonded_warehouse',
  general_trade: 'domestic_warehouse',
};

/**
 * A promise to the customer. `working_days` counts working days of the destination zone's
 * calendar after the order's creation day; `calendar_days` counts 24-hour days. The
 * deadline is the end of that day (23:59:59) in the destination's time zone.
 */
export const ServiceLevel = z.strictObject({
  id: Id,
  name: z.string().max(80).optional(),
  deadline: z.strictObject({ kind: z.enum(['working_days', 'calendar_days']), days: z.number().int().min(0).max(90) }),
  /** Fulfilment modes that may serve this level, cheapest first is not implied. */
  modes: z.array(FulfilmentMode).min(1),
  /**
   * Longer promises to some destinations (remote provinces, as real checkouts quote them):
   * `days` more of the deadline's own kind for zones whose `province` is listed. The first
   * entry naming a province applies.
   */
  extraDays: z
    .array(z.strictObject({ provinces: z.array(z.string().min(1).max(40)).min(1), days: z.number().int().min(1).max(60) }))
    .optional(),
});
export type ServiceLevel = z.infer<typeof ServiceLevel>;

/** A product category's import tax rates (e.g. cosmetics carry consumption tax). */
export const TaxCategory = z.strictObject({
  id: Id,
  /** CBEC comprehensive rate inside the limits: (VAT + consumption tax) ÷ (1 − consumption tax) × 70 %, duty 0. */
  crossBorderRate: Fraction,
  /** Full general-trade rate (duty + import VAT + consumption tax): the single-item case over the per-order limit. */
  fullRate: Fraction,
});
export type TaxCategory = z.infer<typeof TaxCategory>;

/**
 * Cross-border retail import rules (China CBEC): value limits and tax rates. The rules that
 * use them live in src/domain/customs.ts.
 */
export const Customs = z.strictObject({
  /** Orders above this value may not use the cross-border modes (CNY 5,000 since 2019) … */
  crossBorderOrderLimitMinor: Minor,
  /** … unless the order is one indivisible item worth at most this (the annual limit, CNY 26,000). */
  annualLimitMinor: Minor.default(2_600_000),
  /** CBEC rate of the default category "ordinary" (9.1 % for ordinary goods). */
  crossBorderTaxRate: Fraction,
  /** Full rate of the default category "ordinary" for the single-item case (assumption: VAT 13 %, duty 0). */
  fullTaxRate: Fraction.default(0.13),
  /** Further categories an order line may name (`taxCategory`); "ordinary" may be overridden here. */
  taxCategories: z.array(TaxCategory).default([]),
});
export type Customs = z.infer<typeof Customs>;

export const Network = z.strictObject({
  schema: z.literal(NETWORK_SCHEMA),
  name: z.string().min(1).max(120),
  currency: z.string().regex(/^[A-Z]{3}$/),
  calendars: z.array(Calendar).min(1),
  nodes: z.array(Node).min(1),
  lanes: z.array(Lane),
  serviceLevels: z.array(ServiceLevel).min(1),
  customs: Customs,
  /** Free text: sources and licences of the figures. */
  attribution: z.string().max(4000).optional(),
});
export type Network = z.infer<typeof Network>;
