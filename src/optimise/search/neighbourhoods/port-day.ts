// One clearance port's day: the orders cleared there that day, with the orders that could
// clear there but do not (a full port day is the constraint that keeps them off). Freed
// together, the MILP reshuffles who takes the day's slots and who moves to another port or day.
import { addTo, chunked, type Neighbourhood, type PlanView } from '../neighbourhood.js';

export const portDay: Neighbourhood = {
  name: 'port-day',
  sets(view: PlanView, maxOrders: number): number[][] {
    const { problem, choiceOf } = view;
    const cleared = new Map<number, number[]>();
    const couldClear = new Map<number, number[]>();
    for (let o = 0; o < problem.orders.length; o++) {
      const c = choiceOf[o] ?? -1;
      if (c < 0) continue;
      const order = problem.orders[o]!;
      const chosen = new Set(order.choices[c]!.portDays);
      for (const p of chosen) addTo(cleared, p, o);
      for (const choice of order.choices) for (const p of choice.portDays) if (!chosen.has(p)) addTo(couldClear, p, o);
    }
    const groups: number[][] = [];
    for (let p = 0; p < problem.portDays.length; p++) {
      const on = cleared.get(p) ?? [];
      // Only a day that is (nearly) full relates its orders more than their corridors do.
      if (on.length < problem.portDays[p]!.capacity - 1) continue;
      groups.push([...new Set([...on, ...(couldClear.get(p) ?? [])])]);
    }
    return chunked(groups, maxOrders);
  },
};
