// Semantic checks of a batch of orders and of stock records that passed their schemas:
// duplicates, references to the network (destinations, service levels, sources, stock
// nodes), deliverBy after createdAt; warnings for SKUs that no stock holds (that order's
// answer is NO_STOCK) and for lines whose box and stated volume disagree. Pure. A locator says where
// each field sits in the file it came from (a JSON path, or a CSV line and column), so the
// same checks serve both formats.
import { STOCK_HOLDING_KINDS, aKind } from './check-network.js';
import { DEFAULT_TAX_CATEGORY, taxRates } from './customs.js';
import type { InputProblem } from './errors.js';
import type { Network, NodeKind } from './network.js';
import { VOLUME_TOLERANCE, volumeDisagreement } from './measure.js';
import type { Order, OrderLine, StockRecord } from './orders.js';
import { parseInstant } from '../time/zone.js';

/** Where a field is, in the terms of its file: `orders[3].destination`, or `line 7` + `destination`. */
export interface Place {
  where: string;
  field: string;
}

export type OrderField = Exclude<keyof Order, 'lines'>;
export type LineField = keyof OrderLine;
export type StockField = keyof StockRecord;

export interface OrdersLocator {
  readonly file: string;
  order(orderIndex: number, field: OrderField): Place;
  line(orderIndex: number, lineIndex: number, field: LineField): Place;
}

export interface StockLocator {
  readonly file: string;
  record(recordIndex: number, field: StockField): Place;
}

/** JSON paths into `{ orders: [...] }`; `indexInFile` maps an order's index to its index in the file. */
export function jsonOrdersLocator(file: string, indexInFile: (i: number) => number = (i) => i): OrdersLocator {
  return {
    file,
    order: (i, field) => ({ where: `orders[${indexInFile(i)}].${field}`, field }),
    line: (i, j, field) => ({ where: `orders[${indexInFile(i)}].lines[${j}].${field}`, field }),
  };
}

export function jsonStockLocator(file: string, indexInFile: (i: number) => number = (i) => i): StockLocator {
  return { file, record: (i, field) => ({ where: `stock[${indexInFile(i)}].${field}`, field }) };
}

type Add = (place: Place, expected: string, found: string, severity?: 'error' | 'warning') => void;

function adder(file: string, problems: InputProblem[]): Add {
  return (place, expected, found, severity = 'error') => problems.push({ file, ...place, expected, found, severity });
}

/**
 * Checks that need no network: unique order ids, deliverBy after createdAt; a warning for a
 * line whose box and stated volume disagree (the box is used: src/domain/measure.ts).
 */
export function checkOrdersAlone(orders: readonly Order[], locator: OrdersLocator): InputProblem[] {
  const problems: InputProblem[] = [];
  const add = adder(locator.file, problems);
  const firstAt = new Map<string, number>();
  orders.forEach((order, i) => {
    const first = firstAt.get(order.id);
    if (first === undefined) firstAt.set(order.id, i);
    else add(locator.order(i, 'id'), 'an order id used once in the batch', `"${order.id}" (already at ${locator.order(first, 'id').where})`);
    if (order.deliverBy !== undefined) {
      // Both passed the schema's instant rule, which reads them with this same parser.
      const createdMs = parseInstant(order.createdAt);
      const deliverMs = parseInstant(order.deliverBy);
      if (deliverMs <= createdMs) {
        add(locator.order(i, 'deliverBy'), `a time after createdAt ${order.createdAt}`, JSON.stringify(order.deliverBy));
      }
    }
    order.lines.forEach((line, j) => {
      const boxM3 = volumeDisagreement(line);
      if (boxM3 !== undefined) {
        add(
          locator.line(i, j, 'unitVolumeM3'),
          `a volume within ${VOLUME_TOLERANCE * 100} % of the box's ${formatM3(boxM3)} m³ (the box's volume is used)`,
          `${formatM3(line.unitVolumeM3 ?? 0)} m³`,
          'warning',
        );
      }
    });
  });
  return problems;
}

/** Checks that need no network: one record per (node, SKU). */
export function checkStockAlone(stock: readonly StockRecord[], locator: StockLocator): InputProblem[] {
  const problems: InputProblem[] = [];
  const add = adder(locator.file, problems);
  const firstAt = new Map<string, number>();
  stock.forEach((record, i) => {
    const key = `${record.node}\u0000${record.sku}`;
    const first = firstAt.get(key);
    if (first === undefined) firstAt.set(key, i);
    else {
      add(locator.record(i, 'sku'), 'one record per node and SKU',
        `"${record.sku}" at "${record.node}" again (already at ${locator.record(first, 'sku').where})`);
    }
  });
  return problems;
}

/** The fields of an order that refer to the network: all an order that failed its schema may still offer. */
export type OrderReferences = Partial<Pick<Order, 'destination' | 'serviceLevel' | 'allowedSources'>> & {
  readonly lines: readonly Partial<Pick<OrderLine, 'sku' | 'taxCategory'>>[];
};

/**
 * Orders against the network (and the stock, when given): destinations are zones, service
 * levels and allowed sources exist. A SKU that no stock holds is a warning, not an error: it
 * is one order's NO_STOCK answer, and must not reject the batch. Takes orders that failed
 * their schema too (their references only), so that every problem of an order is reported.
 */
export function checkOrdersAgainst(
  network: Network,
  orders: readonly OrderReferences[],
  locator: OrdersLocator,
  stock?: readonly StockRecord[],
): InputProblem[] {
  const problems: InputProblem[] = [];
  const add = adder(locator.file, problems);
  const kindOf = kinds(network);
  const levels = new Set(network.serviceLevels.map((s) => s.id));
  const skus = stock === undefined ? undefined : new Set(stock.map((r) => r.sku));
  orders.forEach((order, i) => {
    const destKind = order.destination === undefined ? 'zone' : kindOf.get(order.destination);
    if (destKind === undefined) {
      add(locator.order(i, 'destination'), 'the id of a zone in the network', `"${order.destination}" (no such node)`);
    } else if (destKind !== 'zone') {
      add(locator.order(i, 'destination'), 'the id of a zone in the network', `"${order.destination}", ${aKind(destKind)}`);
    }
    order.lines.forEach((line, j) => {
      if (line.taxCategory !== undefined && taxRates(network.customs, line.taxCategory) === undefined) {
        const known = [DEFAULT_TAX_CATEGORY, ...network.customs.taxCategories.map((c) => c.id).filter((c) => c !== DEFAULT_TAX_CATEGORY)];
        add(locator.line(i, j, 'taxCategory'), `a tax category of the network (${known.join(', ')})`, `"${line.taxCategory}"`);
      }
    });
    if (order.serviceLevel !== undefined && !levels.has(order.serviceLevel)) {
      add(locator.order(i, 'serviceLevel'), `one of the network's service levels (${[...levels].join(', ')})`, `"${order.serviceLevel}"`);
    }
    for (const source of order.allowedSources ?? []) {
      const kind = kindOf.get(source);
      if (kind === undefined) {
        add(locator.order(i, 'allowedSources'), 'ids of nodes that hold stock', `"${source}" (no such node)`);
      } else if (!STOCK_HOLDING_KINDS.includes(kind)) {
        add(locator.order(i, 'allowedSources'), `ids of nodes that hold stock (${STOCK_HOLDING_KINDS.join(', ')})`, `"${source}", ${aKind(kind)}`);
      }
    }
    if (skus !== undefined) {
      order.lines.forEach((line, j) => {
        if (line.sku !== undefined && !skus.has(line.sku)) {
          add(locator.line(i, j, 'sku'), 'a SKU that some stock record holds (the order will be answered NO_STOCK)', `"${line.sku}" (in no stock record)`, 'warning');
        }
      });
    }
  });
  return problems;
}

/** Stock against the network: its node exists and is a kind that holds stock. */
export function checkStockAgainst(network: Network, stock: readonly StockRecord[], locator: StockLocator): InputProblem[] {
  const problems: InputProblem[] = [];
  const add = adder(locator.file, problems);
  const kindOf = kinds(network);
  stock.forEach((record, i) => {
    const kind = kindOf.get(record.node);
    if (kind === undefined) add(locator.record(i, 'node'), 'the id of a node in the network', `"${record.node}" (no such node)`);
    else if (!STOCK_HOLDING_KINDS.includes(kind)) {
      add(locator.record(i, 'node'), `a node that holds stock (${STOCK_HOLDING_KINDS.join(', ')})`, `"${record.node}", ${aKind(kind)}`);
    }
  });
  return problems;
}

/** Everything about a batch: the self-contained checks and those against the network. */
export function checkBatch(
  network: Network,
  orders: { orders: readonly Order[]; locator: OrdersLocator } | undefined,
  stock: { stock: readonly StockRecord[]; locator: StockLocator } | undefined,
): InputProblem[] {
  const problems: InputProblem[] = [];
  if (orders !== undefined) {
    for (const p of checkOrdersAlone(orders.orders, orders.locator)) problems.push(p);
    for (const p of checkOrdersAgainst(network, orders.orders, orders.locator, stock?.stock)) problems.push(p);
  }
  if (stock !== undefined) {
    for (const p of checkStockAlone(stock.stock, stock.locator)) problems.push(p);
    for (const p of checkStockAgainst(network, stock.stock, stock.locator)) problems.push(p);
  }
  return problems;
}

function kinds(network: Network): Map<string, NodeKind> {
  const map = new Map<string, NodeKind>();
  for (const node of network.nodes) if (!map.has(node.id)) map.set(node.id, node.kind);
  return map;
}

function formatM3(m3: number): string {
  return String(Number(m3.toPrecision(6)));
}
