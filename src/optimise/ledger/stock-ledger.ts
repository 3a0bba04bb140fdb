// Stock on hand per (node, SKU), drawn down as planners commit parcels.
import type { StockRecord } from '../../domain/orders.js';

export class StockLedger {
  private readonly qty = new Map<string, number>();

  constructor(records: readonly StockRecord[]) {
    for (const r of records) this.qty.set(key(r.node, r.sku), (this.qty.get(key(r.node, r.sku)) ?? 0) + r.qty);
  }

  available(node: string, sku: string): number {
    return this.qty.get(key(node, sku)) ?? 0;
  }

  /** Draws stock down; overdrawing is a planner bug. */
  take(node: string, sku: string, qty: number): void {
    const left = this.available(node, sku) - qty;
    if (left < 0) throw new Error(`internal: stock of ${sku} at ${node} overdrawn`);
    this.qty.set(key(node, sku), left);
  }

  clone(): StockLedger {
    const copy = new StockLedger([]);
    for (const [k, v] of this.qty) copy.qty.set(k, v);
    return copy;
  }
}

function key(node: string, sku: string): string {
  return `${node}\u0000${sku}`;
}
