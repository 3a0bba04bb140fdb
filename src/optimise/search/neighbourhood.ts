// The interface of a neighbourhood for the large-neighbourhood search (./lns.ts): given the
// plan so far, sets of related orders to free at once. A freed set is re-solved exactly (the
// order-level MILP over every choice of its orders) with the rest of the plan fixed around it
// as background load, so a neighbourhood is worth what it relates: orders that could share a
// departure, compete for a port day's slots or for scarce stock. A new neighbourhood is a
// new file in ./neighbourhoods/ and one line in ./neighbourhoods/index.ts.
import type { Problem } from '../model/problem.js';

/** The plan a neighbourhood looks at: the problem and each order's chosen choice. */
export interface PlanView {
  problem: Problem;
  choiceOf: ArrayLike<number>;
}

export interface Neighbourhood {
  /** Short name, for progress and the bench. */
  readonly name: string;
  /**
   * Sets of orders (problem indexes) to free together, each of at most `maxOrders` orders
   * served in the plan; deterministic: a function of the plan only, in a fixed order.
   */
  sets(view: PlanView, maxOrders: number): number[][];
}

/**
 * Groups of orders keyed by what relates them, each group cut into sets of at most
 * `maxOrders` in the order given (callers sort by time, so a set holds neighbouring days).
 * Groups of one order free nothing the local search has not tried: they are left out.
 */
export function chunked(groups: Iterable<number[]>, maxOrders: number): number[][] {
  const out: number[][] = [];
  for (const group of groups) {
    for (let i = 0; i < group.length; i += maxOrders) {
      const set = group.slice(i, i + maxOrders);
      if (set.length >= 2) out.push(set);
    }
  }
  return out;
}

/** Appends `o` to the list under `key`, creating it. */
export function addTo<K>(map: Map<K, number[]>, key: K, o: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [o]);
  else if (list[list.length - 1] !== o) list.push(o);
}
