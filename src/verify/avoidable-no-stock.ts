// Avoidable NO_STOCK answers in a plan: an order answered NO_STOCK although, for each SKU it
// lacks, an allowed source held enough in the input, and that stock went (in part) to a planned
// order that had another way: another allowed source that, after the plan's draws, still holds
// all of that order's lines and reaches its destination by its deadline on the verifier's
// earliest-arrival search (departure room aside). Moving that order would leave the stock for
// the NO_STOCK one. A figure for the bench and the planner (target 0), not a verifier rule: a
// NO_STOCK answer is true as stated whenever the stock is gone, however it went.
import type { Order } from '../domain/orders.js';
import type { Plan, PlannedOrder } from '../domain/plan.js';
import { orderDeadlineMs } from '../time/index.js';
import { VerifyContext } from './context.js';
import { drawLines, modesOf, sourcesOf, StockLevels } from './order-sources.js';
import { RouteSearch } from './routes.js';
import { StockLedger } from './stock.js';
import type { VerifyInput } from './verify-plan.js';

export interface AvoidableNoStock {
  /** NO_STOCK orders whose stock went to an order with another way, in plan order. */
  orders: string[];
  /** All NO_STOCK answers of the plan. */
  noStock: number;
}

export function avoidableNoStock(input: VerifyInput, plan: Plan): AvoidableNoStock {
  const orders = new Map<string, Order>();
  for (const order of input.orders) if (!orders.has(order.id)) orders.set(order.id, order);
  const ctx = new VerifyContext(input.model, orders);
  const ledger = new StockLedger();
  /** `${node}\n${sku}` -> planned orders drawing it, with the units they draw. */
  const takers = new Map<string, { answer: PlannedOrder; qty: number }[]>();
  for (const answer of plan.orders) {
    if (answer.status !== 'planned') continue;
    for (const parcel of answer.parcels) {
      ledger.take(parcel);
      for (const line of parcel.lines) {
        const key = `${parcel.source}\n${line.sku}`;
        const list = takers.get(key) ?? [];
        list.push({ answer, qty: line.qty });
        takers.set(key, list);
      }
    }
  }
  const stock = new StockLevels(input.stock, ledger);
  const routes = new RouteSearch(ctx);
  const movable = new Map<string, boolean>();
  /** Whether a planned order could come whole from another allowed source, in time. */
  const hasOtherWay = (answer: PlannedOrder, from: string): boolean => {
    const key = `${answer.order}\n${from}`;
    const known = movable.get(key);
    if (known !== undefined) return known;
    const order = orders.get(answer.order);
    let result = false;
    if (order !== undefined) {
      const deadlineMs = safeDeadline(ctx, order);
      const createdMs = ctx.peekInstant(order.createdAt);
      result = deadlineMs !== null && createdMs !== null && sourcesOf(ctx, order, modesOf(ctx, order)).some((s) => {
        if (s.node === from || drawLines(order.lines, [s.node], stock.left) === null) return false;
        const arrival = routes.earliestArrivalMs(s.mode, s.node, order.destination, Math.ceil(createdMs / 1000) * 1000);
        return arrival !== null && arrival <= deadlineMs;
      });
    }
    movable.set(key, result);
    return result;
  };

  const found: string[] = [];
  let noStock = 0;
  for (const answer of plan.orders) {
    if (answer.status !== 'unplanned' || answer.reason !== 'NO_STOCK') continue;
    noStock++;
    const order = orders.get(answer.order);
    if (order === undefined) continue;
    const need = new Map<string, number>();
    for (const line of order.lines) need.set(line.sku, (need.get(line.sku) ?? 0) + line.qty);
    const missing = [...need].filter(([sku, qty]) => !sourcesOf(ctx, order, modesOf(ctx, order)).some((s) => stock.left(s.node, sku) >= qty));
    // Every SKU it lacks must be one the takers could free: an order also lacking a SKU that no
    // allowed source ever held would stay NO_STOCK however the others moved.
    const avoidable = missing.length > 0 && missing.every(([sku, qty]) =>
      sourcesOf(ctx, order, modesOf(ctx, order)).some((s) => {
        if (stock.input(s.node, sku) < qty) return false;
        // Enough would be left at s if the takers with another way drew elsewhere.
        let freed = stock.left(s.node, sku);
        for (const t of takers.get(`${s.node}\n${sku}`) ?? []) {
          if (t.answer.order === order.id || !hasOtherWay(t.answer, s.node)) continue;
          freed += t.qty;
          if (freed >= qty) return true;
        }
        return false;
      }),
    );
    if (avoidable) found.push(order.id);
  }
  return { orders: found, noStock };
}

function safeDeadline(ctx: VerifyContext, order: Order): number | null {
  try {
    return orderDeadlineMs(ctx.model, order);
  } catch {
    return null;
  }
}
