// The departures of one origin over several days: the orders flying out of one airport in a
// window of days, whatever their lane or port (and whatever partition they started in, since
// the window is cut by time, not by group). Freed together, the MILP can pool the loads of
// several lanes and days onto fewer departures.
import { addTo, chunked, type Neighbourhood, type PlanView } from '../neighbourhood.js';

/** Days per window. */
export const ORIGIN_WINDOW_DAYS = 3;
const DAY_MS = 86_400_000;

export const originDays: Neighbourhood = {
  name: 'origin-days',
  sets(view: PlanView, maxOrders: number): number[][] {
    const { problem, choiceOf } = view;
    const flying: { key: string; o: number; at: number }[] = [];
    for (let o = 0; o < problem.orders.length; o++) {
      const c = choiceOf[o] ?? -1;
      if (c < 0) continue;
      const first = problem.orders[o]!.choices[c]!.uses[0];
      if (first === undefined) continue;
      const dep = problem.departures[first.dep]!;
      flying.push({ key: `${dep.origin}#${Math.floor(dep.departureMs / (ORIGIN_WINDOW_DAYS * DAY_MS))}`, o, at: dep.departureMs });
    }
    flying.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.at - b.at || a.o - b.o));
    const groups = new Map<string, number[]>();
    for (const { key, o } of flying) addTo(groups, key, o);
    // A window's orders, cut into sets spread over the window (every k-th order), so that one
    // set mixes the window's lanes and days rather than repeating the corridor's sets.
    const spread: number[][] = [];
    for (const group of groups.values()) {
      const k = Math.max(1, Math.ceil(group.length / maxOrders));
      for (let r = 0; r < k; r++) spread.push(group.filter((_, i) => i % k === r));
    }
    return chunked(spread, maxOrders);
  },
};
