// The repair step: after the search, every order the plan leaves unserved although it has
// choices (its start was blocked by capacity or by stock other orders took) is offered the
// ejection move (eject.ts), in planning priority order. So a CAPACITY or NO_STOCK answer that
// one re-arrangement of the orders holding the scarce resource would lift is lifted: the
// displaced order moves to another feasible choice of its own. Counts only, no clock.
import { type Assignment, UNASSIGNED } from '../model/assignment.js';
import { RiderIndex } from './blockers.js';
import { DEFAULT_EJECT, type EjectLimits, ejectInto } from './eject.js';

export interface RepairLimits extends Partial<EjectLimits> {
  /** Checked between orders: true ends the repair with what it placed so far. */
  shouldStop?: () => boolean;
}

export interface RepairStats {
  /** Unserved orders with choices when the repair began. */
  tried: number;
  /** Of those, placed by the repair. */
  placed: number;
  stopped: boolean;
}

export function repairUnserved(a: Assignment, limits: RepairLimits = {}): RepairStats {
  const stats: RepairStats = { tried: 0, placed: 0, stopped: false };
  const eject: EjectLimits = { ...DEFAULT_EJECT, ...(limits.maxEjected === undefined ? {} : { maxEjected: limits.maxEjected }) };
  let riders: RiderIndex | null = null;
  for (let o = 0; o < a.choiceOf.length; o++) {
    if (a.choiceOf[o] !== UNASSIGNED || a.problem.orders[o]!.choices.length === 0) continue;
    if (limits.shouldStop?.() === true) return { ...stats, stopped: true };
    stats.tried++;
    riders ??= new RiderIndex(a);
    if (ejectInto(a, riders, o, eject)) stats.placed++;
  }
  return stats;
}
