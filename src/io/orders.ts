// Orders from text: the CSV export format (one row per order line, order fields repeated on
// each line) and the JSON form. Pure: text and a file label in, orders and located problems
// out. Only orders that pass their schema are returned; the problems say what is wrong with
// the others.
import { type OrdersLocator, checkOrdersAlone, jsonOrdersLocator } from '../domain/check-batch.js';
import { ORDERS_SCHEMA, Order } from '../domain/orders.js';
import { CsvRow, lineWhere, sortByLine, moneyCell, numberCell, readCsvTable } from './csv-table.js';
import { looksLikeJson, readJsonDocument } from './json-text.js';
import { type IssuePlace, type Parsed, ProblemList, addZodIssues, describeValue, jsonPlace, orThrow, parseEach } from './problems.js';

export interface ParsedOrders {
  orders: Order[];
  /** Where each order's fields sit in the file, for checks against the network. */
  locator: OrdersLocator;
}

/** Order fields -> CSV columns. */
const ORDER_COLUMNS = {
  id: 'order_id',
  createdAt: 'created_at',
  destination: 'destination',
  serviceLevel: 'service_level',
  deliverBy: 'deliver_by',
  allowedSources: 'allowed_sources',
} as const;

/** Line fields -> CSV columns (dimensionsCm spans three). */
const LINE_COLUMNS = {
  sku: 'sku',
  qty: 'qty',
  unitWeightKg: 'unit_weight_kg',
  dimensionsCm: 'length_cm',
  unitVolumeM3: 'unit_volume_m3',
  unitValueMinor: 'unit_value',
  taxCategory: 'tax_category',
} as const;

const DIM_COLUMNS = ['length_cm', 'width_cm', 'height_cm'] as const;

export const ORDERS_CSV_COLUMNS = [
  'order_id', 'created_at', 'destination', 'service_level', 'deliver_by', 'allowed_sources',
  'sku', 'qty', 'unit_weight_kg', 'length_cm', 'width_cm', 'height_cm', 'unit_volume_m3', 'unit_value',
  'tax_category',
] as const;

const REQUIRED = ['order_id', 'created_at', 'destination', 'sku', 'qty', 'unit_weight_kg', 'unit_value'];
const OPTIONAL = ORDERS_CSV_COLUMNS.filter((c) => !REQUIRED.includes(c));
const ORDER_LEVEL: readonly (keyof typeof ORDER_COLUMNS)[] = ['createdAt', 'destination', 'serviceLevel', 'deliverBy', 'allowedSources'];

function describeCell(text: string): string {
  return text === '' ? 'an empty cell' : describeValue(text);
}

function splitSources(text: string): string[] {
  return text.split(';').map((s) => s.trim()).filter((s) => s !== '');
}

interface OrderGroup {
  id: string;
  rows: CsvRow[];
}

export function readOrdersCsv(text: string, file: string): Parsed<ParsedOrders> {
  const list = new ProblemList(file);
  const orders: Order[] = [];
  const groupsOf: OrderGroup[] = [];
  const locator: OrdersLocator = {
    file,
    order: (i, field) => ({ where: lineWhere(groupsOf[i]?.rows[0]?.line ?? 0), field: ORDER_COLUMNS[field] }),
    line: (i, j, field) => ({ where: lineWhere(groupsOf[i]?.rows[j]?.line ?? 0), field: LINE_COLUMNS[field] }),
  };
  const rows = readCsvTable(text, { schema: ORDERS_SCHEMA, required: REQUIRED, optional: OPTIONAL }, list);
  if (rows === undefined) return { value: { orders, locator }, problems: sortByLine(list.all()) };

  // Group rows by order id, in order of first appearance. Rows of one order need not be
  // contiguous, but they must agree on the order's fields.
  const groups = new Map<string, OrderGroup>();
  for (const row of rows) {
    const id = row.cell('order_id');
    if (id === '') {
      list.add(lineWhere(row.line), 'order_id', 'an order id', 'an empty cell');
      continue;
    }
    const group = groups.get(id);
    if (group === undefined) {
      groups.set(id, { id, rows: [row] });
      continue;
    }
    const first = group.rows[0];
    let agrees = true;
    for (const field of ORDER_LEVEL) {
      const column = ORDER_COLUMNS[field];
      const a = first?.cell(column) ?? '';
      const b = row.cell(column);
      const same = a === b || (field === 'allowedSources' && splitSources(a).join(';') === splitSources(b).join(';'));
      if (!same) {
        list.add(lineWhere(row.line), column, `${describeCell(a)} as on line ${first?.line ?? '?'} (same order_id "${id}")`, describeCell(b));
        agrees = false;
      }
    }
    if (agrees) group.rows.push(row);
  }

  for (const group of groups.values()) {
    const first = group.rows[0];
    if (first === undefined) continue;
    const candidate = buildOrder(group, first, list);
    const result = Order.safeParse(candidate);
    if (result.success) {
      orders.push(result.data);
      groupsOf.push(group);
    } else {
      addZodIssues(list, result.error.issues, csvPlace(group, first));
    }
  }
  for (const p of checkOrdersAlone(orders, locator)) list.push(p);
  return { value: { orders, locator }, problems: sortByLine(list.all()) };
}

/** Builds the order object the schema judges; cells that fail to convert are reported and left out. */
function buildOrder(group: OrderGroup, first: CsvRow, list: ProblemList): Record<string, unknown> {
  const order: Record<string, unknown> = { id: group.id };
  const text = (column: string): string | undefined => {
    const value = first.cell(column);
    return value === '' ? undefined : value;
  };
  const createdAt = text('created_at');
  if (createdAt !== undefined) order['createdAt'] = createdAt;
  const destination = text('destination');
  if (destination !== undefined) order['destination'] = destination;
  const serviceLevel = text('service_level');
  if (serviceLevel !== undefined) order['serviceLevel'] = serviceLevel;
  const deliverBy = text('deliver_by');
  if (deliverBy !== undefined) order['deliverBy'] = deliverBy;
  const sources = splitSources(first.cell('allowed_sources'));
  if (sources.length > 0) order['allowedSources'] = sources;

  order['lines'] = group.rows.map((row) => {
    const line: Record<string, unknown> = {};
    const sku = row.cell('sku');
    if (sku !== '') line['sku'] = sku;
    const qty = numberCell(row, 'qty', list);
    if (qty !== undefined) line['qty'] = qty;
    const weight = numberCell(row, 'unit_weight_kg', list);
    if (weight !== undefined) line['unitWeightKg'] = weight;
    const value = moneyCell(row, 'unit_value', list);
    if (value !== undefined) line['unitValueMinor'] = value;
    const volume = numberCell(row, 'unit_volume_m3', list);
    if (volume !== undefined) line['unitVolumeM3'] = volume;
    const category = row.cell('tax_category');
    if (category !== '') line['taxCategory'] = category;

    const lengthCm = numberCell(row, 'length_cm', list);
    const widthCm = numberCell(row, 'width_cm', list);
    const heightCm = numberCell(row, 'height_cm', list);
    if (lengthCm !== undefined && widthCm !== undefined && heightCm !== undefined) {
      line['dimensionsCm'] = [lengthCm, widthCm, heightCm];
    } else if (row.cell('length_cm') !== '' || row.cell('width_cm') !== '' || row.cell('height_cm') !== '') {
      DIM_COLUMNS.forEach((c) => {
        if (row.cell(c) === '') {
          list.add(lineWhere(row.line), c, 'a number (give all of length_cm, width_cm, height_cm, or none)', 'an empty cell');
        }
      });
      // The dimensions were given, if badly: "needs dimensions or volume" would only repeat that.
      list.suppress(lineWhere(row.line), 'unit_volume_m3');
    }
    return line;
  });
  return order;
}

/** Places a schema issue of one order on the CSV line and column it came from. */
function csvPlace(group: OrderGroup, first: CsvRow): (path: readonly PropertyKey[]) => IssuePlace {
  return (path) => {
    const [head, a, b, c] = path;
    if (head === 'lines' && typeof a === 'number') {
      const row = group.rows[a] ?? first;
      if (b === 'dimensionsCm' && typeof c !== 'number') {
        return {
          where: lineWhere(row.line),
          field: 'unit_volume_m3',
          found: 'neither',
          expected: 'unit_volume_m3, or all of length_cm, width_cm, height_cm',
        };
      }
      const column =
        b === 'dimensionsCm' && typeof c === 'number'
          ? (DIM_COLUMNS[c] ?? 'length_cm')
          : typeof b === 'string' && b in LINE_COLUMNS
            ? LINE_COLUMNS[b as keyof typeof LINE_COLUMNS]
            : String(b ?? '(line)');
      return { where: lineWhere(row.line), field: column, found: describeCell(row.cell(column)) };
    }
    if (head === 'lines') {
      return { where: lineWhere(first.line), field: 'order_id', found: `${group.rows.length} lines for order "${group.id}"` };
    }
    if (head === 'allowedSources') {
      const sources = splitSources(first.cell('allowed_sources'));
      return {
        where: lineWhere(first.line),
        field: 'allowed_sources',
        found: typeof a === 'number' ? describeValue(sources[a]) : describeCell(first.cell('allowed_sources')),
      };
    }
    if (head === 'serviceLevel') {
      return {
        where: lineWhere(first.line),
        field: 'service_level',
        found: describeCell(first.cell('service_level')),
        expected: 'service_level or deliver_by',
      };
    }
    const column = typeof head === 'string' && head in ORDER_COLUMNS ? ORDER_COLUMNS[head as keyof typeof ORDER_COLUMNS] : String(head ?? '(order)');
    return { where: lineWhere(first.line), field: column, found: describeCell(first.cell(column)) };
  };
}

export function readOrdersJson(text: string, file: string): Parsed<ParsedOrders> {
  const list = new ProblemList(file);
  const orders: Order[] = [];
  const indexInFile: number[] = [];
  const locator = jsonOrdersLocator(file, (i) => indexInFile[i] ?? i);
  const root = readJsonDocument(text, ORDERS_SCHEMA, list);
  if (root === undefined) return { value: { orders, locator }, problems: list.all() };
  const place = jsonPlace(root);
  for (const key of Object.keys(root)) {
    if (key !== 'schema' && key !== 'orders') list.add(key, key, 'only "schema" and "orders" at the top level', `an unknown field "${key}"`);
  }
  const items = root['orders'];
  if (!Array.isArray(items)) {
    list.add('orders', 'orders', 'an array of orders', describeValue(items));
    return { value: { orders, locator }, problems: list.all() };
  }
  const parsed = parseEach(items, Order, 'orders', list, place);
  orders.push(...parsed.values);
  indexInFile.push(...parsed.indexInFile);
  for (const p of checkOrdersAlone(orders, locator)) list.push(p);
  return { value: { orders, locator }, problems: list.all() };
}

export function readOrdersText(text: string, file: string): Parsed<ParsedOrders> {
  return looksLikeJson(text) ? readOrdersJson(text, file) : readOrdersCsv(text, file);
}

/** Throwing forms: the orders, or an InputError with every problem. */
export function parseOrdersCsv(text: string, file: string): ParsedOrders {
  return orThrow(readOrdersCsv(text, file));
}
export function parseOrdersJson(text: string, file: string): ParsedOrders {
  return orThrow(readOrdersJson(text, file));
}
export function parseOrdersText(text: string, file: string): ParsedOrders {
  return orThrow(readOrdersText(text, file));
}
