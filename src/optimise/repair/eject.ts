// The ejection move: an unserved order takes a choice that a resource keeps out (stock, a
// clearance day, a full departure) by displacing orders that hold that resource onto other
// choices of theirs. Accepted only when the unserved order and every displaced order end up
// placed: one more order served, whatever the cost (an order served beats a cheaper plan
// without it; the improvement passes then lower the cost again). Otherwise undone exactly.
import { type Assignment, UNASSIGNED } from '../model/assignment.js';
import { blockingResources, type Resource, RiderIndex, usesResource } from './blockers.js';

export interface EjectLimits {
  /** Orders displaced at most for one placement. */
  maxEjected: number;
}

export const DEFAULT_EJECT: EjectLimits = { maxEjected: 8 };

/**
 * Tries to place unserved `order`, its choices cheapest-first; true when placed. Riders of a
 * blocking resource are displaced (ascending index) only if they have some other choice that
 * avoids it; each is put back on its cheapest choice that fits once `order` is placed. When
 * that fails, the choice is tried once more displacing only riders whose other choice fits
 * now: the first rider may have another choice that is itself full (its other source's stock
 * taken, say), and giving up on it would leave a later rider with a real way out untried.
 */
export function ejectInto(a: Assignment, riders: RiderIndex, order: number, limits: EjectLimits = DEFAULT_EJECT): boolean {
  if (a.choiceOf[order] !== UNASSIGNED) return true;
  const choices = a.problem.orders[order]!.choices;
  const byOwn = choices.map((_, c) => c).sort((x, y) => choices[x]!.ownMinor - choices[y]!.ownMinor || x - y);
  for (const c of byOwn) {
    if (a.insertionCost(order, c) < Infinity) {
      a.assign(order, c);
      riders.moved(order);
      return true;
    }
    if (tryChoice(a, riders, order, c, limits, false) || tryChoice(a, riders, order, c, limits, true)) return true;
  }
  return false;
}

/** `fitting`: displace only riders with another choice that avoids the resource and fits now. */
function tryChoice(a: Assignment, riders: RiderIndex, order: number, c: number, limits: EjectLimits, fitting: boolean): boolean {
  const blocked = blockingResources(a, order, c);
  if (blocked.length === 0) return false;
  const ejected: { o: number; was: number }[] = [];
  const undo = (): void => {
    a.unassign(order);
    for (const { o } of ejected) a.unassign(o);
    for (const { o, was } of ejected) a.assign(o, was);
  };
  for (const r of blocked) {
    for (const o of riders.riders(r)) {
      if (stillBlocks(a, order, c, r) === false) break;
      if (o === order || !(fitting ? hasFittingAlternative(a, o, r) : hasAlternative(a, o, r))) continue;
      if (ejected.length === limits.maxEjected) {
        undo();
        return false;
      }
      ejected.push({ o, was: a.choiceOf[o]! });
      a.unassign(o);
    }
  }
  if (a.insertionCost(order, c) === Infinity) {
    undo();
    return false;
  }
  a.assign(order, c);
  for (const { o } of ejected) {
    const best = cheapestFitting(a, o);
    if (best === UNASSIGNED) {
      undo();
      return false;
    }
    a.assign(o, best);
  }
  riders.moved(order);
  for (const { o } of ejected) riders.moved(o);
  return true;
}

/** Whether the resource still keeps `c` out (the riders displaced so far may have freed it). */
function stillBlocks(a: Assignment, order: number, c: number, r: Resource): boolean {
  return blockingResources(a, order, c).some((b) => b.kind === r.kind && b.id === r.id);
}

function hasAlternative(a: Assignment, o: number, r: Resource): boolean {
  const n = a.problem.orders[o]!.choices.length;
  for (let c = 0; c < n; c++) if (!usesResource(a, o, c, r)) return true;
  return false;
}

/** Whether `o` could move now to a choice that avoids `r` (it is put back where it was). */
function hasFittingAlternative(a: Assignment, o: number, r: Resource): boolean {
  const was = a.choiceOf[o] ?? UNASSIGNED;
  if (was === UNASSIGNED) return false;
  a.unassign(o);
  let found = false;
  const n = a.problem.orders[o]!.choices.length;
  for (let c = 0; c < n && !found; c++) found = !usesResource(a, o, c, r) && a.insertionCost(o, c) < Infinity;
  a.assign(o, was);
  return found;
}

function cheapestFitting(a: Assignment, o: number): number {
  let best = UNASSIGNED;
  let bestCost = Infinity;
  const n = a.problem.orders[o]!.choices.length;
  for (let c = 0; c < n; c++) {
    const cost = a.insertionCost(o, c);
    if (cost < bestCost) {
      bestCost = cost;
      best = c;
    }
  }
  return best;
}
