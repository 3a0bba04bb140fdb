// Stock on hand per (node, SKU), drawn down as planners commit parcels.
// Kept per node, then per SKU: `available` is asked for every line of every order at every
// allowed source (sourcing, the bound), and two lookups cost less than building a joint key
// string each time (on M the joint key made it the main thread's busiest function).
import type { StockRecord } from '../../domain/orders.js';

export class StockLedger {
  private readonly qty = new Map<string, Map<string, number>>();

  constructor(records: readonly StockRecord[]) {
    for (const r of records) this.set(r.node, r.sku, this.available(r.node, r.sku) + r.qty);
  }

  available(node: string, sku: string): number {
    return this.qty.get(node)?.get(sku) ?? 0;
  }

  /** Draws stock down; overdrawing is a planner bug. */
  take(node: string, sku: string, qty: number): void {
    const left = this.available(node, sku) - qty;
    if (left < 0) throw new Error(`internal: stock of ${sku} at ${node} overdrawn`);
    this.set(node, sku, left);
  }

  clone(): StockLedger {
    const copy = new StockLedger([]);
    for (const [node, skus] of this.qty) copy.qty.set(node, new Map(skus));
    return copy;
  }

  private set(node: string, sku: string, qty: number): void {
    let skus = this.qty.get(node);
    if (skus === undefined) {
      skus = new Map();
      this.qty.set(node, skus);
    }
    skus.set(sku, qty);
  }
}
