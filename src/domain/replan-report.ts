// What a re-plan says about itself, in the plan (`plan.replan`, optional: plans made by
// `xbroute plan` have none): what was booked and kept, what the disruptions touched, the churn
// against the previous plan, and the orders that now miss their promise.
import { z } from 'zod';
import { Id, Minor, OffsetInstant } from './primitives.js';
import { UnplannedReason } from './plan-reasons.js';

export const MissedPromise = z.strictObject({
  order: Id,
  /** Why it is no longer planned (SLA_INFEASIBLE: no routing left meets the deadline). */
  reason: UnplannedReason,
  deadline: OffsetInstant.optional(),
  /** The earliest delivery any routing still achieves, when known (SLA_INFEASIBLE). */
  earliestDelivery: OffsetInstant.optional(),
  /** earliestDelivery − deadline, whole minutes rounded up, when both are known. */
  lateMinutes: z.number().int().min(0).optional(),
});
export type MissedPromise = z.infer<typeof MissedPromise>;

export const ReplanReport = z.strictObject({
  /** Orders and logistics cost of the previous plan. */
  previous: z.strictObject({ orders: z.number().int().min(0), costMinor: Minor }),
  /** Orders of this plan that the previous one did not answer. */
  newOrders: z.number().int().min(0),
  /** How the booked consolidations were chosen: all, departing before an instant, or named. */
  booking: z.strictObject({ before: OffsetInstant.optional(), ids: z.array(z.string()).optional() }),
  /** Booked consolidations of the previous plan. */
  booked: z.array(z.string()),
  /** Booked consolidations kept, every previous parcel on them unchanged (the verifier checks). */
  kept: z.array(z.string()),
  /** Booked consolidations a disruption touched: their affected parcels were re-planned. */
  disrupted: z.array(z.string()),
  /** Parcels of the previous plan on a cancelled or closed departure, or displaced by a capacity cut. */
  affectedParcels: z.array(z.string()),
  churn: z.strictObject({
    /** Parcels of the previous plan whose routing changed or that are gone. */
    parcelsMoved: z.array(z.string()),
    /** Consolidations of this plan the previous one did not have. */
    consolidationsOpened: z.array(z.string()),
    /** Consolidations of the previous plan this one does not have. */
    consolidationsDropped: z.array(z.string()),
    /** Booked consolidations that took parcels they did not carry before (filled booked capacity). */
    bookedFilled: z.array(z.string()),
  }),
  /** Orders the previous plan planned that this one cannot deliver by their deadline. */
  missedPromises: z.array(MissedPromise),
});
export type ReplanReport = z.infer<typeof ReplanReport>;
