// Serialises a generated batch to the orders and stock CSV formats (schema line first).
// Pure: returns the texts; writing them is the CLI's job.
import { ORDERS_SCHEMA, STOCK_SCHEMA, type Order, type StockRecord } from '../domain/orders.js';
import { toCsv, type CsvValue } from '../io/csv.js';
import { ORDERS_CSV_COLUMNS } from '../io/orders.js';
import { STOCK_CSV_COLUMNS } from '../io/stock.js';
import type { Batch } from './batch.js';

export interface BatchCsv {
  ordersCsv: string;
  stockCsv: string;
}

export function batchToCsv(batch: Batch): BatchCsv {
  return { ordersCsv: ordersToCsv(batch.orders), stockCsv: stockToCsv(batch.stock) };
}

/** One row per order line; the order's fields repeat on each of its lines. */
export function ordersToCsv(orders: readonly Order[]): string {
  const rows: CsvValue[][] = [];
  // The optional tax_category column is written only when some line names a category, so
  // batches of ordinary goods keep the plain format.
  const withCategory = orders.some((o) => o.lines.some((l) => l.taxCategory !== undefined));
  // Cells in the order of ORDERS_CSV_COLUMNS.
  for (const order of orders) {
    for (const line of order.lines) {
      const [lengthCm, widthCm, heightCm] = line.dimensionsCm ?? [];
      rows.push([
        order.id,
        order.createdAt,
        order.destination,
        order.serviceLevel,
        order.deliverBy,
        (order.allowedSources ?? []).join(';'),
        line.sku,
        line.qty,
        line.unitWeightKg,
        lengthCm,
        widthCm,
        heightCm,
        // Dimensions win when both are known: the reader needs only one of the two.
        line.dimensionsCm === undefined ? line.unitVolumeM3 : undefined,
        minorToMajor(line.unitValueMinor),
        ...(withCategory ? [line.taxCategory] : []),
      ]);
    }
  }
  const columns = withCategory ? ORDERS_CSV_COLUMNS : ORDERS_CSV_COLUMNS.filter((c) => c !== 'tax_category');
  return toCsv(columns, rows, ORDERS_SCHEMA);
}

export function stockToCsv(stock: readonly StockRecord[]): string {
  return toCsv(STOCK_CSV_COLUMNS, stock.map((s) => [s.node, s.sku, s.qty]), STOCK_SCHEMA);
}

/** 12990 -> "129.90", exactly: integer division, never float formatting. */
export function minorToMajor(minor: number): string {
  if (!Number.isSafeInteger(minor) || minor < 0) throw new RangeError(`write-batch: money must be a whole non-negative minor amount, got ${minor}`);
  const cents = minor % 100;
  return `${(minor - cents) / 100}.${String(cents).padStart(2, '0')}`;
}
