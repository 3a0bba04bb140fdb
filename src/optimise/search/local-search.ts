// Improvement heuristics on an Assignment (the start is the baseline's plan, see optimise.ts).
// All loops run in index order and stop on counts, never on the clock (except an explicit
// deadline), so results are reproducible. A move is taken only when it saves more than IMPROVEMENT_MINOR.
import { type Assignment, UNASSIGNED } from '../model/assignment.js';

/** Smallest saving that counts as an improvement: below a minor unit is float noise. */
export const IMPROVEMENT_MINOR = 0.5;

export interface SearchLimits {
  /** Full improvement passes at most. */
  maxPasses: number;
  /** Stop early when this returns true (time limit, cancellation); checked between moves. */
  shouldStop?: () => boolean;
  /**
   * A pass that saves less than this share of the total ends the search (a work limit in cost,
   * not in time). @default 0: only a pass that saves nothing ends it
   */
  leastPassSaving?: number;
}

export interface SearchStats {
  passes: number;
  moves: number;
  stopped: boolean;
}

/** Re-places one order on its cheapest choice given everyone else; returns the saving. */
function reinsert(a: Assignment, o: number, banned = -1): number {
  const current = a.choiceOf[o] ?? UNASSIGNED;
  const before = a.total;
  a.unassign(o);
  let best = current;
  let bestCost = current === UNASSIGNED ? Infinity : a.insertionCost(o, current, banned);
  const choices = a.problem.orders[o]!.choices;
  for (let c = 0; c < choices.length; c++) {
    if (c === current) continue;
    const cost = a.insertionCost(o, c, banned);
    if (cost < bestCost - IMPROVEMENT_MINOR || (bestCost === Infinity && cost < Infinity)) {
      bestCost = cost;
      best = c;
    }
  }
  if (best !== UNASSIGNED && bestCost < Infinity) a.assign(o, best);
  else if (current !== UNASSIGNED && banned === -1) a.assign(o, current);
  return before - a.total;
}

/**
 * Improvement passes: (1) every order moves to its cheapest choice given the others;
 * unassigned orders are placed when room appeared; (2) every used departure, lightest first,
 * is tried closed: its orders move elsewhere together, kept only when the total falls —
 * the move single-order passes cannot make, since one order leaving a shared departure
 * saves little of its fixed cost.
 */
export function improve(a: Assignment, limits: SearchLimits): SearchStats {
  const stats: SearchStats = { passes: 0, moves: 0, stopped: false };
  const n = a.problem.orders.length;
  while (stats.passes < limits.maxPasses) {
    stats.passes++;
    const start = a.total;
    for (let o = 0; o < n; o++) {
      if (limits.shouldStop?.() === true) return { ...stats, stopped: true };
      const wasAssigned = a.choiceOf[o] !== UNASSIGNED;
      const before = a.choiceOf[o];
      reinsert(a, o);
      if (a.choiceOf[o] !== before || (!wasAssigned && a.choiceOf[o] !== UNASSIGNED)) stats.moves++;
    }
    stats.moves += closeDepartures(a, limits);
    if (limits.shouldStop?.() === true) return { ...stats, stopped: true };
    if (start - a.total <= Math.max(IMPROVEMENT_MINOR, (limits.leastPassSaving ?? 0) * a.total)) break;
  }
  return stats;
}

function closeDepartures(a: Assignment, limits: SearchLimits): number {
  const riders = new Map<number, number[]>();
  a.choiceOf.forEach((c, o) => {
    if (c === UNASSIGNED) return;
    for (const use of a.choice(o, c).uses) {
      const list = riders.get(use.dep);
      if (list === undefined) riders.set(use.dep, [o]);
      else list.push(o);
    }
  });
  const order = [...riders.entries()].sort((x, y) => x[1].length - y[1].length || x[0] - y[0]);
  let moves = 0;
  for (const [dep, orders] of order) {
    if (limits.shouldStop?.() === true) break;
    // Riders may have moved since the map was built (an earlier closing): re-check.
    const still = orders.filter((o) => {
      const c = a.choiceOf[o] ?? UNASSIGNED;
      return c !== UNASSIGNED && a.choice(o, c).uses.some((u) => u.dep === dep);
    });
    if (still.length === 0) continue;
    const before = a.total;
    const previous = still.map((o) => a.choiceOf[o] ?? UNASSIGNED);
    for (const o of still) a.unassign(o);
    let placed = true;
    for (const o of still) {
      reinsert(a, o, dep);
      if (a.choiceOf[o] === UNASSIGNED) {
        placed = false;
        break;
      }
    }
    if (placed && before - a.total > IMPROVEMENT_MINOR) {
      moves += still.length;
      continue;
    }
    for (const o of still) a.unassign(o);
    still.forEach((o, i) => a.assign(o, previous[i]!));
  }
  return moves;
}
