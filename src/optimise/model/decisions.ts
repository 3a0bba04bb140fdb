// What a planner decides, before it becomes a Plan: per order, parcels on dated itineraries,
// or an unplanned reason. Plain data: this is what workers return and what `assemble` prices.
import type { FulfilmentMode } from '../../domain/network.js';
import type { UnplannedReason } from '../../domain/plan.js';

export interface DecidedLeg {
  lane: string;
  departureMs: number;
  arrivalMs: number;
}

/** Identity of a dated departure of a lane, as a map key. */
export function departureKey(lane: string, departureMs: number): string {
  return `${lane}@${departureMs}`;
}

export interface DecidedParcel {
  source: string;
  mode: FulfilmentMode;
  /** Indexes into the order's lines with the quantity this parcel carries. */
  lines: { line: number; qty: number }[];
  legs: DecidedLeg[];
}

export type OrderDecision =
  | { order: string; status: 'planned'; parcels: DecidedParcel[] }
  | {
      order: string;
      status: 'unplanned';
      reason: UnplannedReason;
      message: string;
      field?: string;
      earliestDeliveryMs?: number;
    };

export type Unplanned = Extract<OrderDecision, { status: 'unplanned' }>;

export function unplanned(
  order: string,
  reason: UnplannedReason,
  message: string,
  extra: { field?: string; earliestDeliveryMs?: number } = {},
): Unplanned {
  return { order, status: 'unplanned', reason, message, ...extra };
}
