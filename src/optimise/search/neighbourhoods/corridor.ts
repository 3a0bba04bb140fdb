// One corridor: the orders flying a consolidating lane (any of its dated departures), in
// departure order, so a set holds the riders of neighbouring departures of one lane. Freed
// together, the MILP can close a departure and move its riders onto the next one (or onto
// another lane's), which one order at a time never pays for.
import { addTo, chunked, type Neighbourhood, type PlanView } from '../neighbourhood.js';

export const corridor: Neighbourhood = {
  name: 'corridor',
  sets(view: PlanView, maxOrders: number): number[][] {
    const { problem, choiceOf } = view;
    // Riders per lane, by departure time then order.
    const riders = new Map<string, { o: number; at: number }[]>();
    for (let o = 0; o < problem.orders.length; o++) {
      const c = choiceOf[o] ?? -1;
      if (c < 0) continue;
      for (const use of problem.orders[o]!.choices[c]!.uses) {
        const dep = problem.departures[use.dep]!;
        const list = riders.get(dep.lane);
        if (list === undefined) riders.set(dep.lane, [{ o, at: dep.departureMs }]);
        else list.push({ o, at: dep.departureMs });
      }
    }
    const groups = new Map<string, number[]>();
    for (const [lane, list] of [...riders.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
      list.sort((a, b) => a.at - b.at || a.o - b.o);
      for (const { o } of list) addTo(groups, lane, o);
    }
    return chunked(groups.values(), maxOrders);
  },
};
