// The stage after the neighbourhood search: the plan's orders searched again over the whole
// network, priced against the plan as it stands — single orders moved (reroute.ts), then whole
// departures closed (close-departures.ts) — in rounds, since a closing opens room that another
// order's itinerary can now use. Rounds end when one saves nothing, or after AGAINST_PLAN_ROUNDS:
// on M the second round saved CNY 828.91 and the third 2.00; on S 16.89, then nothing.
import type { OrderFacts } from '../choices/order-facts.js';
import type { Assignment } from '../model/assignment.js';
import type { ProblemBuilder } from '../model/problem.js';
import type { ItineraryContext } from '../../graph/itineraries.js';
import { type CloseSettings, closeDepartureSteps } from './close-departures.js';
import { IMPROVEMENT_MINOR } from './local-search.js';
import { type RerouteSettings, rerouteSteps } from './reroute.js';

export const AGAINST_PLAN_ROUNDS = 2;

export interface AgainstPlanHooks {
  /** Orders searched again so far, of those known to be searched, and the plan's cost (minor units). */
  onProgress?: (done: number, total: number, costMinor: number) => void;
  /** Awaited every few hundred orders and every few departures: the edge yields there. */
  pause?: () => void | Promise<void>;
  /** True stops the stage between moves (a time limit, an abort). */
  shouldStop?: () => boolean;
}

/**
 * Runs the rounds on `a` (moves taken whole: a stop leaves a valid plan). `facts` undefined for
 * an order keeps it where it is. Returns whether it was stopped.
 */
export async function improveAgainstPlan(
  ctx: ItineraryContext,
  builder: ProblemBuilder,
  a: Assignment,
  facts: (order: number) => OrderFacts | undefined,
  reroute: RerouteSettings,
  close: CloseSettings | null,
  hooks: AgainstPlanHooks = {},
): Promise<{ stopped: boolean }> {
  // Counted across rounds, so progress only ever rises.
  let searchedBefore = 0;
  const interrupted = async (): Promise<boolean> => {
    await hooks.pause?.();
    return hooks.shouldStop?.() === true;
  };
  for (let round = 0; round < AGAINST_PLAN_ROUNDS; round++) {
    if (hooks.shouldStop?.() === true) return { stopped: true };
    const start = a.total;
    const steps = rerouteSteps(ctx, builder, a, facts, reroute);
    for (let step = steps.next(); ; step = steps.next()) {
      if (step.done === true) {
        searchedBefore += step.value.searched;
        hooks.onProgress?.(searchedBefore, searchedBefore, a.total);
        break;
      }
      hooks.onProgress?.(searchedBefore + step.value.done, searchedBefore + step.value.total, a.total);
      if (await interrupted()) return { stopped: true };
    }
    if (close !== null) {
      if (hooks.shouldStop?.() === true) return { stopped: true };
      const closing = closeDepartureSteps(ctx, builder, a, facts, reroute, close);
      for (let step = closing.next(); step.done !== true; step = closing.next()) if (await interrupted()) return { stopped: true };
    }
    if (a.total > start - IMPROVEMENT_MINOR) break;
  }
  return { stopped: false };
}
