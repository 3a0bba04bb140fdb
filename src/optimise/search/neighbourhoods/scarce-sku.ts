// The orders sharing a scarce SKU at a source: where the orders that could draw a stock
// key want more than it holds, who gets it decides who must ship from elsewhere (or not at
// all). Freed together, the MILP gives the stock to the orders with the dearest alternative.
import { addTo, chunked, type Neighbourhood, type PlanView } from '../neighbourhood.js';

export const scarceSku: Neighbourhood = {
  name: 'scarce-sku',
  sets(view: PlanView, maxOrders: number): number[][] {
    const { problem, choiceOf } = view;
    const wanting = new Map<number, number[]>();
    const demand = new Float64Array(problem.stock.length);
    for (let o = 0; o < problem.orders.length; o++) {
      if ((choiceOf[o] ?? -1) < 0) continue;
      const most = new Map<number, number>();
      for (const choice of problem.orders[o]!.choices) for (const s of choice.stock) most.set(s.key, Math.max(most.get(s.key) ?? 0, s.qty));
      for (const [key, qty] of most) {
        demand[key]! += qty;
        addTo(wanting, key, o);
      }
    }
    const groups: number[][] = [];
    for (let key = 0; key < problem.stock.length; key++) {
      if ((demand[key] ?? 0) > problem.stock[key]!.available) groups.push(wanting.get(key) ?? []);
    }
    return chunked(groups, maxOrders);
  },
};
