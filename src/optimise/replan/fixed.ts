// Orders whose routing is given (a re-plan keeps them as booked): they are committed before
// anything else is planned — their stock drawn, their departures' room and clearance slots
// taken — so the other orders are planned around them, and they enter the Problem with that
// routing as their only choice. Their load is then background every other order is priced
// against: joining a booked departure costs consolidationCost(load + parcel) −
// consolidationCost(load), the marginal rule of src/optimise/quote.ts, through the same
// Assignment that prices every move.
import { measureLines } from '../../domain/measure.js';
import type { CapacityLedger } from '../ledger/capacity.js';
import type { StockLedger } from '../ledger/stock-ledger.js';
import type { DecidedParcel, OrderDecision } from '../model/decisions.js';
import type { OrderFacts } from '../choices/order-facts.js';

/** Per order id, the parcels it keeps exactly. */
export type FixedRoutings = ReadonlyMap<string, readonly DecidedParcel[]>;

/** Commits the fixed orders among `facts` (in the order given) and returns their decisions. */
export function commitFixed(facts: readonly OrderFacts[], fixed: FixedRoutings | undefined, stock: StockLedger, capacity: CapacityLedger): OrderDecision[] {
  const decisions: OrderDecision[] = [];
  if (fixed === undefined || fixed.size === 0) return decisions;
  for (const f of facts) {
    const parcels = fixed.get(f.order.id);
    if (parcels === undefined) continue;
    for (const p of parcels) {
      const lines = p.lines.map((l) => ({ line: f.order.lines[l.line]!, qty: l.qty }));
      for (const { line, qty } of lines) stock.take(p.source, line.sku, qty);
      capacity.commit(p.legs, measureLines(lines));
    }
    decisions.push({ order: f.order.id, status: 'planned', parcels: parcels.map((p) => ({ ...p, lines: [...p.lines], legs: [...p.legs] })) });
  }
  return decisions;
}
