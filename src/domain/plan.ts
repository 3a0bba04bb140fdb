// The plan: the engine's answer. Every order of the batch appears exactly once, planned or
// unplanned with a reason. Money is in integer minor units of the network currency: each
// charge is rounded to a whole minor unit where it is billed (one consolidation's freight,
// one parcel's fee), so sums are exact and the verifier can compare to the unit.
// Import taxes are not logistics cost: they are reported beside it (`taxMinor`), per parcel,
// order and batch, and never enter `cost` (see README, "Taxes").
import { z } from 'zod';
import { FulfilmentMode, LaneMode } from './network.js';
import { Id, KgOrZero, Minor, OffsetInstant } from './primitives.js';
import { UnplannedReason } from './plan-reasons.js';
import { ReplanReport } from './replan-report.js';

export const PLAN_SCHEMA = 'xbroute.plan/v2';

export { UnplannedReason } from './plan-reasons.js';

/** Logistics cost by component; `total` is the sum of the others. Taxes are not in it. */
export const CostBreakdown = z.strictObject({
  handling: Minor,
  freight: Minor,
  consolidation: Minor,
  clearance: Minor,
  lastMile: Minor,
  total: Minor,
});
export type CostBreakdown = z.infer<typeof CostBreakdown>;
export const COST_COMPONENTS = ['handling', 'freight', 'consolidation', 'clearance', 'lastMile'] as const;

/** Why a parcel carries its tax (src/domain/customs.ts `taxBasis`). */
export const TaxBasis = z.enum(['cbec_reduced', 'cbec_full', 'duty_paid']);
export type TaxBasis = z.infer<typeof TaxBasis>;
export type CostComponent = (typeof COST_COMPONENTS)[number];

export const PlanLeg = z.strictObject({
  lane: Id,
  mode: LaneMode,
  from: Id,
  to: Id,
  /** Local time at `from`, with its offset. For clearance: when processing starts. */
  departure: OffsetInstant,
  /** Local time at `to`, with its offset. */
  arrival: OffsetInstant,
  /** The consolidation this leg rides in (lanes with ULDs / consolidation costs). */
  consolidation: z.string().optional(),
});
export type PlanLeg = z.infer<typeof PlanLeg>;

export const PlanParcel = z.strictObject({
  id: z.string(),
  source: Id,
  mode: FulfilmentMode,
  lines: z.array(z.strictObject({ sku: Id, qty: z.number().int().positive() })).min(1),
  weightKg: KgOrZero,
  volumeM3: z.number().min(0),
  /** max(actual, volumetric at the IATA divisor 6000) rounded up to 0.5 kg: the basis of
   *  per-kg parcel fees and of the parcel's share of consolidation charges. */
  chargeableKg: KgOrZero,
  valueMinor: Minor,
  legs: z.array(PlanLeg).min(1),
  deliveredAt: OffsetInstant,
  cost: CostBreakdown,
  /** Import tax on the parcel's goods, paid by the buyer (CBEC) or already paid at import (duty_paid: 0). */
  taxMinor: Minor,
  taxBasis: TaxBasis,
});
export type PlanParcel = z.infer<typeof PlanParcel>;

export const PlannedOrder = z.strictObject({
  order: Id,
  status: z.literal('planned'),
  deadline: OffsetInstant,
  deliveredAt: OffsetInstant,
  slackMinutes: z.number().int(),
  cost: CostBreakdown,
  /** Sum of the parcels' taxMinor. */
  taxMinor: Minor,
  parcels: z.array(PlanParcel).min(1),
});
export type PlannedOrder = z.infer<typeof PlannedOrder>;

export const UnplannedOrder = z.strictObject({
  order: Id,
  status: z.literal('unplanned'),
  reason: UnplannedReason,
  /** A sentence a planner understands. */
  message: z.string(),
  /** INVALID_ORDER: the offending field. */
  field: z.string().optional(),
  deadline: OffsetInstant.optional(),
  /** SLA_INFEASIBLE: the earliest delivery any route could achieve. */
  earliestDelivery: OffsetInstant.optional(),
});
export type UnplannedOrder = z.infer<typeof UnplannedOrder>;

export const OrderAnswer = z.discriminatedUnion('status', [PlannedOrder, UnplannedOrder]);
export type OrderAnswer = z.infer<typeof OrderAnswer>;

export const Consolidation = z.strictObject({
  id: z.string(),
  lane: Id,
  departure: OffsetInstant,
  parcels: z.array(z.string()).min(1),
  weightKg: KgOrZero,
  volumeM3: z.number().min(0),
  chargeableKg: KgOrZero,
  /**
   * `own`: our master air waybill and ULDs; `co_load`: shipped loose under a consolidator's (no
   * ULDs of ours). The planner always writes it; absent reads as `own`.
   */
  shipping: z.enum(['own', 'co_load']).optional(),
  ulds: z.number().int().min(0),
  /** Share of the ULDs' weight or volume limit used, whichever binds (0..1). */
  utilisation: z.number().min(0).max(1),
  freightMinor: Minor,
  fixedMinor: Minor,
  uldMinor: Minor,
});
export type Consolidation = z.infer<typeof Consolidation>;

/**
 * One consolidating lane's term of the bound certificate: the load cap the bound assumes and
 * the per-kg floor of the lane's consolidation cost up to it (src/tariff/per-kg-floor.ts).
 * Lanes not listed count at 0 per kg (always valid).
 */
export const BoundLaneRate = z.strictObject({
  lane: Id,
  /** Most actual kg one departure of the lane can carry in any plan of the bounded orders. */
  capKg: KgOrZero,
  /** Least consolidation cost per actual kg at any load up to capKg (unrounded minor units). */
  perKgMinor: z.number().min(0),
});
export type BoundLaneRate = z.infer<typeof BoundLaneRate>;

/** What one order line pays toward the fixed charges of each departure of a lane it may ride. */
export const BoundShare = z.strictObject({
  order: Id,
  /** Index of the line in the order's lines (each line rides in exactly one parcel). */
  line: z.number().int().min(0),
  minor: z.number().positive(),
});
export type BoundShare = z.infer<typeof BoundShare>;

/**
 * A consolidating lane on which the bound prices a parcel at the lesser of shipping loose and
 * our own MAWB's rate at the cap plus its lines' shares of the MAWB's fixed charges (fixedMinor:
 * at most the MAWB fee and one ULD, src/tariff/own-line.ts), each share paid on any departure of
 * the lane the line rides. The shares open at one instant (from an order's creation to its last
 * departure on the lane that can still meet its deadline) add up to at most the fixed part.
 * src/optimise/bound/lane-shares.ts has the argument.
 */
export const BoundLaneShares = z.strictObject({
  lane: Id,
  fixedMinor: z.number().min(0),
  shares: z.array(BoundShare),
});
export type BoundLaneShares = z.infer<typeof BoundLaneShares>;

/**
 * A unit price on one SKU's stock at one node (src/optimise/bound/stock-prices.ts): every parcel
 * drawing it there pays the price per unit in its floor, and the bound gives back the price times
 * the input stock held there. Any price ≥ 0 gives a valid bound.
 */
export const BoundStockPrice = z.strictObject({
  node: Id,
  sku: z.string().min(1),
  perUnitMinor: z.number().positive(),
});
export type BoundStockPrice = z.infer<typeof BoundStockPrice>;

/**
 * An origin whose consolidating lanes some order cannot do without (the witness: a bounded
 * order with no routing that avoids them), so every plan flies at least one departure from it
 * and pays at least its lanes' least departure charge (src/optimise/bound/origin-minimums.ts).
 * In every floor those lanes are priced at their handling and parcel fees alone.
 */
export const BoundOriginMinimum = z.strictObject({
  origin: Id,
  witness: Id,
  minMinor: z.number().positive(),
});
export type BoundOriginMinimum = z.infer<typeof BoundOriginMinimum>;

/**
 * What totals.lowerBoundMinor is a function of, so that the verifier can re-derive it from the
 * network and the orders (src/verify/lower-bound.ts): per order the least its lines can add to
 * any plan, on any sourcing and any deadline-feasible itinerary, lanes priced at the rates here.
 * Per-order floors are not listed: the verifier recomputes them; shares are, per order line
 * (on M, 10,000 orders, about 10,000 shares: 0.5 MB of a 12 MB plan). Every parameter gives a
 * valid bound whatever its value, save that a lane's shares open at once stay within its fixed
 * part; the verifier holds the figures to what it recomputes and checks that.
 */
export const BoundCertificate = z.strictObject({
  method: z.literal('any_routing'),
  /** Orders with at most this many lines are bounded over every split into parcels; larger
   *  ones by their heaviest line's cheapest parcel alone. */
  exactSourcingLines: z.number().int().min(0).max(8),
  lanes: z.array(BoundLaneRate),
  /** Lanes with a fixed part (absent: none). */
  laneShares: z.array(BoundLaneShares).optional(),
  /** Prices on contested stock (absent: none). */
  stockPrices: z.array(BoundStockPrice).optional(),
  /** Origins whose least departure charge is counted once (absent: none). */
  originMinimums: z.array(BoundOriginMinimum).optional(),
  /** Planned orders the bound leaves out (planned after it was computed): they count 0. */
  unbounded: z.array(Id),
  /** Σ of the bounded orders' floors less Σ stock price × input stock plus the origins' minimums, unrounded: lowerBoundMinor is at most its floor. */
  floorsMinor: z.number().min(0),
});
export type BoundCertificate = z.infer<typeof BoundCertificate>;

export const PlanTotals = z.strictObject({
  orders: z.number().int().min(0),
  planned: z.number().int().min(0),
  unplanned: z.record(UnplannedReason, z.number().int().min(0)),
  cost: CostBreakdown,
  /** Import taxes of the planned orders, apart from logistics cost. */
  taxMinor: Minor,
  /** A valid lower bound on the optimal cost of the planned orders, or null. */
  lowerBoundMinor: Minor.nullable(),
  /** What the bound is a function of; required by the verifier for any bound above 0. */
  boundCertificate: BoundCertificate.optional(),
  /** (cost − bound) / cost, or null without a bound. */
  gap: z.number().min(0).nullable(),
});
export type PlanTotals = z.infer<typeof PlanTotals>;

export const Plan = z.strictObject({
  schema: z.literal(PLAN_SCHEMA),
  currency: z.string(),
  network: z.string(),
  solver: z.string(),
  timeLimited: z.boolean(),
  orders: z.array(OrderAnswer),
  consolidations: z.array(Consolidation),
  totals: PlanTotals,
  warnings: z.array(z.string()),
  /** Set by a re-plan (`xbroute replan`): booked and kept consolidations, churn, missed promises. */
  replan: ReplanReport.optional(),
});
export type Plan = z.infer<typeof Plan>;
