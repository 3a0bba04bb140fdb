// A line under our own consolidation's cost, for the plan's lower bound with shared fixed parts
// (src/optimise/bound/lane-shares.ts): up to a cap, a departure shipped on our own MAWB with W
// actual kg costs at least  F + c·W,  F its fixed charges (the MAWB fee and at least one ULD),
// c the weight-break charge per chargeable kg at the cap. The charge per kg never rises with
// the weight (per-kg-floor.ts), W's chargeable weight is at least W, every charge is billed in
// whole minor units, so own(W) ≥ F + max(0, c·W − ½). Shipped loose instead, it costs at least
// max(0, p·W − ½) at the co-load rate p (consolidation.ts).
import type { Lane } from '../domain/network.js';
import { freightPerChargeableKg, ownLoadCapKg } from './per-kg-floor.js';

export interface OwnLine {
  /** MAWB fee + one ULD. */
  fixedMinor: number;
  /** Weight-break charge per chargeable kg at the cap (the allotment, if less). */
  perKgMinor: number;
}

/** The own-MAWB line of a lane for loads up to `capKg`. */
export function ownLine(lane: Lane, capKg: number): OwnLine {
  const fixedMinor = lane.cost.perConsolidationMinor + (lane.uld === undefined ? 0 : lane.cost.perUldMinor);
  const cap = ownLoadCapKg(lane, capKg);
  return { fixedMinor, perKgMinor: cap > 0 ? freightPerChargeableKg(lane, cap) : 0 };
}
