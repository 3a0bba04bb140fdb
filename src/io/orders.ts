// Orders from text: the CSV export format (one row per order line, order fields repeated on
// each line), read whole or as a stream of chunks, and the JSON form. Pure: text and a file
// label in, orders and located problems out. Only orders that pass their schema are returned;
// the problems say what is wrong with the others, and their well-formed references (destination,
// service level, sources, SKUs) are returned too, so that checks against the network report
// every problem of an order, not only its schema's.
import { type OrderReferences, type OrdersLocator, checkOrdersAlone, jsonOrdersLocator } from '../domain/check-batch.js';
import { ORDERS_SCHEMA, Order } from '../domain/orders.js';
import { Id } from '../domain/primitives.js';
import { CsvRow, CsvTableStream, lineWhere, sortByLine, moneyCell, numberCell } from './csv-table.js';
import { looksLikeJson, readJsonDocument } from './json-text.js';
import { type IssuePlace, type Parsed, ProblemList, addZodIssues, describeValue, jsonPlace, orThrow, parseEach } from './problems.js';

export interface ParsedOrders {
  orders: Order[];
  /** Where each order's fields sit in the file, for checks against the network. */
  locator: OrdersLocator;
  /** Orders that failed their schema: what they still refer to, for checks against the network. */
  rejected: OrderReferences[];
  rejectedLocator: OrdersLocator;
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
} as const;

const DIM_COLUMNS = ['length_cm', 'width_cm', 'height_cm'] as const;

export const ORDERS_CSV_COLUMNS = [
  'order_id', 'created_at', 'destination', 'service_level', 'deliver_by', 'allowed_sources',
  'sku', 'qty', 'unit_weight_kg', 'length_cm', 'width_cm', 'height_cm', 'unit_volume_m3', 'unit_value',
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

/** The rows of one order as read so far: its order-level cells (from its first row) and its lines. */
interface OrderGroup {
  id: string;
  /** Order-level cells of the first row, by column; later rows must agree with them. */
  first: Record<string, string>;
  /** Each row: its line in the file, its cells as the line object the schema judges, its cells' text. */
  rows: GroupRow[];
}

interface GroupRow {
  line: number;
  fields: Record<string, unknown>;
  /** The text of the line-level cells, for placing schema issues (e.g. `found "0"`). */
  cells: Record<string, string>;
}

const ORDER_LEVEL_COLUMNS = ORDER_LEVEL.map((f) => ORDER_COLUMNS[f]);
const LINE_LEVEL_COLUMNS = ['sku', 'qty', 'unit_weight_kg', 'length_cm', 'width_cm', 'height_cm', 'unit_volume_m3', 'unit_value'] as const;

/** Where the rows of each order are in the file, by the order's index in a list of orders. */
function linesLocator(file: string, rowLines: readonly (readonly number[])[]): OrdersLocator {
  return {
    file,
    order: (i, field) => ({ where: lineWhere(rowLines[i]?.[0] ?? 0), field: ORDER_COLUMNS[field] }),
    line: (i, j, field) => ({ where: lineWhere(rowLines[i]?.[j] ?? rowLines[i]?.[0] ?? 0), field: LINE_COLUMNS[field] }),
  };
}

/**
 * The orders CSV read as a stream: feed chunks of the file's text, then end(). Each row is
 * turned into its order line as it arrives (its cells are not kept); only the order-level
 * cells of each order's first row are held until the end, when the orders are judged by the
 * schema in order of first appearance. Rows of one order need not be contiguous, but they
 * must agree on the order's fields.
 */
export class OrdersCsvReader {
  private readonly list: ProblemList;
  private readonly table: CsvTableStream;
  private readonly groups = new Map<string, OrderGroup>();

  constructor(private readonly file: string) {
    this.list = new ProblemList(file);
    this.table = new CsvTableStream({ schema: ORDERS_SCHEMA, required: REQUIRED, optional: OPTIONAL }, this.list, (row) => this.row(row));
  }

  feed(chunk: string): void {
    this.table.feed(chunk);
  }

  end(): Parsed<ParsedOrders> {
    const { list, file } = this;
    const orders: Order[] = [];
    const rowLines: number[][] = [];
    const rejected: OrderReferences[] = [];
    const rejectedLines: number[][] = [];
    const readable = this.table.end();
    const value = (): ParsedOrders => ({
      orders,
      locator: linesLocator(file, rowLines),
      rejected,
      rejectedLocator: linesLocator(file, rejectedLines),
    });
    if (!readable) return { value: value(), problems: sortByLine(list.all()) };
    for (const [id, group] of this.groups) {
      // Dropped as it is judged: the built orders take the rows' place in memory.
      this.groups.delete(id);
      const candidate = buildOrder(group);
      const result = Order.safeParse(candidate);
      const lines = group.rows.map((r) => r.line);
      if (result.success) {
        orders.push(result.data);
        rowLines.push(lines);
      } else {
        addZodIssues(list, result.error.issues, csvPlace(group));
        rejected.push(orderReferences(candidate));
        rejectedLines.push(lines);
      }
    }
    for (const p of checkOrdersAlone(orders, linesLocator(file, rowLines))) list.push(p);
    return { value: value(), problems: sortByLine(list.all()) };
  }

  private row(row: CsvRow): void {
    const { list } = this;
    const id = row.cell('order_id');
    if (id === '') {
      list.add(lineWhere(row.line), 'order_id', 'an order id', 'an empty cell');
      return;
    }
    const group = this.groups.get(id);
    if (group === undefined) {
      const first: Record<string, string> = {};
      for (const column of ORDER_LEVEL_COLUMNS) first[column] = row.cell(column);
      this.groups.set(id, { id, first, rows: [lineOf(row, list)] });
      return;
    }
    let agrees = true;
    for (const field of ORDER_LEVEL) {
      const column = ORDER_COLUMNS[field];
      const a = group.first[column] ?? '';
      const b = row.cell(column);
      const same = a === b || (field === 'allowedSources' && splitSources(a).join(';') === splitSources(b).join(';'));
      if (!same) {
        list.add(lineWhere(row.line), column, `${describeCell(a)} as on line ${group.rows[0]?.line ?? '?'} (same order_id "${id}")`, describeCell(b));
        agrees = false;
      }
    }
    if (agrees) group.rows.push(lineOf(row, list));
  }
}

export function readOrdersCsv(text: string, file: string): Parsed<ParsedOrders> {
  const reader = new OrdersCsvReader(file);
  reader.feed(text);
  return reader.end();
}

/** What an order that failed its schema still says about the network: its well-formed references. */
export function orderReferences(value: unknown): OrderReferences {
  const candidate = asRecord(value);
  const id = (value: unknown): string | undefined => (Id.safeParse(value).success ? (value as string) : undefined);
  const refs: { destination?: string; serviceLevel?: string; allowedSources?: string[]; lines: { sku?: string }[] } = { lines: [] };
  const destination = id(candidate['destination']);
  if (destination !== undefined) refs.destination = destination;
  const serviceLevel = id(candidate['serviceLevel']);
  if (serviceLevel !== undefined) refs.serviceLevel = serviceLevel;
  const sources = candidate['allowedSources'];
  if (Array.isArray(sources)) refs.allowedSources = sources.filter((s): s is string => id(s) !== undefined);
  const lines = candidate['lines'];
  if (Array.isArray(lines)) {
    for (const line of lines) {
      const sku = typeof line === 'object' && line !== null ? id((line as Record<string, unknown>)['sku']) : undefined;
      refs.lines.push(sku === undefined ? {} : { sku });
    }
  }
  return refs;
}

/** One row's line-level cells as the line object the schema judges; cells that fail to convert are reported and left out. */
function lineOf(row: CsvRow, list: ProblemList): GroupRow {
  const line: Record<string, unknown> = {};
  const cells: Record<string, string> = {};
  for (const column of LINE_LEVEL_COLUMNS) {
    const text = row.cell(column);
    if (text !== '') cells[column] = text;
  }
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
  return { line: row.line, fields: line, cells };
}

/** Builds the order object the schema judges from the group's first-row cells and its lines. */
function buildOrder(group: OrderGroup): Record<string, unknown> {
  const order: Record<string, unknown> = { id: group.id };
  const text = (column: string): string | undefined => {
    const value = group.first[column] ?? '';
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
  const sources = splitSources(group.first['allowed_sources'] ?? '');
  if (sources.length > 0) order['allowedSources'] = sources;
  order['lines'] = group.rows.map((row) => row.fields);
  return order;
}

/** Places a schema issue of one order on the CSV line and column it came from. */
function csvPlace(group: OrderGroup): (path: readonly PropertyKey[]) => IssuePlace {
  const firstLine = group.rows[0]?.line ?? 0;
  const orderCell = (column: string): string => group.first[column] ?? '';
  return (path) => {
    const [head, a, b, c] = path;
    if (head === 'lines' && typeof a === 'number') {
      const row = group.rows[a] ?? group.rows[0];
      const where = lineWhere(row?.line ?? firstLine);
      if (b === 'dimensionsCm' && typeof c !== 'number') {
        return {
          where,
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
      return { where, field: column, found: describeCell(row?.cells[column] ?? '') };
    }
    if (head === 'lines') {
      return { where: lineWhere(firstLine), field: 'order_id', found: `${group.rows.length} lines for order "${group.id}"` };
    }
    if (head === 'allowedSources') {
      const sources = splitSources(orderCell('allowed_sources'));
      return {
        where: lineWhere(firstLine),
        field: 'allowed_sources',
        found: typeof a === 'number' ? describeValue(sources[a]) : describeCell(orderCell('allowed_sources')),
      };
    }
    if (head === 'serviceLevel') {
      return {
        where: lineWhere(firstLine),
        field: 'service_level',
        found: describeCell(orderCell('service_level')),
        expected: 'service_level or deliver_by',
      };
    }
    const column = typeof head === 'string' && head in ORDER_COLUMNS ? ORDER_COLUMNS[head as keyof typeof ORDER_COLUMNS] : String(head ?? '(order)');
    return { where: lineWhere(firstLine), field: column, found: describeCell(orderCell(column)) };
  };
}

export function readOrdersJson(text: string, file: string): Parsed<ParsedOrders> {
  const list = new ProblemList(file);
  const nothing = (): ParsedOrders => ({ orders: [], locator: jsonOrdersLocator(file), rejected: [], rejectedLocator: jsonOrdersLocator(file) });
  const root = readJsonDocument(text, ORDERS_SCHEMA, list);
  if (root === undefined) return { value: nothing(), problems: list.all() };
  const place = jsonPlace(root);
  for (const key of Object.keys(root)) {
    if (key !== 'schema' && key !== 'orders') list.add(key, key, 'only "schema" and "orders" at the top level', `an unknown field "${key}"`);
  }
  const items = root['orders'];
  if (!Array.isArray(items)) {
    list.add('orders', 'orders', 'an array of orders', describeValue(items));
    return { value: nothing(), problems: list.all() };
  }
  const parsed = parseEach(items, Order, 'orders', list, place);
  const rejected = parsed.rejectedIndexes.map((i) => orderReferences(items[i]));
  const rejectedLocator = jsonOrdersLocator(file, (i) => parsed.rejectedIndexes[i] ?? i);
  for (const p of checkOrdersAlone(parsed.values, jsonOrdersLocator(file, (i) => parsed.indexInFile[i] ?? i))) list.push(p);
  return {
    value: { orders: parsed.values, locator: jsonOrdersLocator(file, (i) => parsed.indexInFile[i] ?? i), rejected, rejectedLocator },
    problems: list.all(),
  };
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
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
