// The stage after the neighbourhood search: the plan's orders searched again over the whole
// network, priced against the plan as it stands — single orders moved (reroute.ts), then whole
// departures closed (close-departures.ts) — in rounds, since a closing opens room that another
// order's itinerary can now use. Rounds end when one saves nothing, or after AGAINST_PLAN_ROUNDS;
// after the first, a round searches only the orders on departures the round before changed.
// Measured with whole rounds: on M the second saved CNY 828.91 and the third 2.00; on S 16.89,
// then nothing.
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
  /** Awaited every few hundred orders (or departures' riders) searched: the edge yields there. */
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
  // After the first round, only the orders on departures the round before changed.
  let near: Set<number> | undefined;
  for (let round = 0; round < AGAINST_PLAN_ROUNDS; round++) {
    if (hooks.shouldStop?.() === true) return { stopped: true };
    const start = a.total;
    const changed = new Set<number>();
    const steps = rerouteSteps(ctx, builder, a, facts, reroute, near);
    for (let step = steps.next(); ; step = steps.next()) {
      if (step.done === true) {
        for (const d of step.value.changed) changed.add(d);
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
      let step = closing.next();
      for (; step.done !== true; step = closing.next()) if (await interrupted()) return { stopped: true };
      for (const d of step.value.changed) changed.add(d);
    }
    if (a.total > start - IMPROVEMENT_MINOR) break;
    near = changed;
  }
  return { stopped: false };
}
