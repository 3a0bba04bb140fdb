// Orders from text: the CSV export format (one row per order line, order fields repeated on
// each line), read whole or as a stream of chunks, and the JSON form. Pure: text and a file
// label in, orders and located problems out. Only orders that pass their schema are returned;
// the problems say what is wrong with the others, and their well-formed references (destination,
// service level, sources, SKUs) are returned too, so that checks against the network report
// every problem of an order, not only its schema's.
import { type OrderReferences, type OrdersLocator, checkOrdersAlone, jsonOrdersLocator } from '../domain/check-batch.js';
import { ORDERS_SCHEMA, Order, OrderLine, acceptsAsIs } from '../domain/orders.js';
import { Id } from '../domain/primitives.js';
import { CsvRow, CsvTableStream, lineWhere, sortByLine, moneyCell, numberCell } from './csv-table.js';
import { Interner } from './interner.js';
import { looksLikeJson, readJsonDocument } from './json-text.js';
import { type IssuePlace, type Parsed, ProblemList, addZodIssues, describeValue, jsonPlace, orThrow, parseEach, valueAt } from './problems.js';

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

function splitSources(text: string, names?: Interner): string[] {
  const sources = text.split(';').map((s) => s.trim()).filter((s) => s !== '');
  return names === undefined ? sources : sources.map((s) => names.get(s));
}

/** The rows of the order being read: the rows seen since its id first appeared, in a run. */
interface OrderGroup {
  id: string;
  rows: CsvRow[];
}

const ORDER_LEVEL_COLUMNS = ORDER_LEVEL.map((f) => ORDER_COLUMNS[f]);

/**
 * The lines of an order's rows: the first line when they follow one another (most files: one
 * number instead of an array per order, a million orders' worth of memory), else every line.
 */
type RowLines = number | number[];

function rowLinesOf(lines: readonly number[]): RowLines {
  const first = lines[0] ?? 0;
  return lines.every((line, j) => line === first + j) ? first : [...lines];
}

function lineAt(rows: RowLines | undefined, j: number): number {
  if (rows === undefined) return 0;
  return typeof rows === 'number' ? rows + j : (rows[j] ?? rows[0] ?? 0);
}

/** The lines with one more row at `line`, and how many rows they now hold. */
function withLine(rows: RowLines, count: number, line: number): RowLines {
  if (typeof rows === 'number') {
    if (line === rows + count) return rows;
    return [...Array.from({ length: count }, (_, j) => rows + j), line];
  }
  rows.push(line);
  return rows;
}

/** Where the rows of each order are in the file, by the order's index in a list of orders. */
function linesLocator(file: string, rowLines: readonly RowLines[]): OrdersLocator {
  return {
    file,
    order: (i, field) => ({ where: lineWhere(lineAt(rowLines[i], 0)), field: ORDER_COLUMNS[field] }),
    line: (i, j, field) => ({ where: lineWhere(lineAt(rowLines[i], j)), field: LINE_COLUMNS[field] }),
  };
}

/**
 * The orders CSV read as a stream: feed chunks of the file's text, then end(). Rows of one order
 * usually come together: the order is judged by its schema as soon as a row of another order
 * arrives, and its rows are dropped, so memory holds the orders and not the rows. Rows of one
 * order need not be contiguous, but they must agree on the order's fields: a row of an order
 * already judged is checked against it, and the order judged again, with its new lines, at the end.
 */
export class OrdersCsvReader {
  private readonly list: ProblemList;
  private readonly table: CsvTableStream;
  private current: OrderGroup | undefined;
  /** Judged orders by id: index into `orders` (>= 0) or -(index into `rejected`) - 1. */
  private readonly judged = new Map<string, number>();
  /** Valid orders; an entry becomes undefined when a later row makes its order invalid. */
  private readonly orders: (Order | undefined)[] = [];
  private readonly rowLines: RowLines[] = [];
  private readonly rejected: (OrderReferences & { lines: { sku?: string; taxCategory?: string }[] })[] = [];
  private readonly rejectedLines: RowLines[] = [];
  /** Order-level cells of each rejected order's first row, for rows of it that come later. */
  private readonly rejectedFirst: Record<string, string>[] = [];
  /** Rows of valid orders that came after the order was judged, by order index. */
  private readonly lateRows = new Map<number, CsvRow[]>();
  /** The ids of the network (zones, levels, sources, SKUs, tax categories) the orders repeat. */
  private readonly names = new Interner();

  constructor(private readonly file: string) {
    this.list = new ProblemList(file);
    this.table = new CsvTableStream({ schema: ORDERS_SCHEMA, required: REQUIRED, optional: OPTIONAL }, this.list, (row) => this.row(row));
  }

  feed(chunk: string): void {
    this.table.feed(chunk);
  }

  end(): Parsed<ParsedOrders> {
    const { list, file } = this;
    const readable = this.table.end();
    if (!readable) {
      return { value: { orders: [], locator: linesLocator(file, []), rejected: [], rejectedLocator: linesLocator(file, []) }, problems: sortByLine(list.all()) };
    }
    if (this.current !== undefined) this.judge(this.current);
    this.current = undefined;
    for (const [index, rows] of this.lateRows) this.judgeAgain(index, rows);
    // Drop the orders a late row made invalid (rare): indexes shift only then.
    const orders: Order[] = [];
    const rowLines: RowLines[] = [];
    this.orders.forEach((order, i) => {
      if (order === undefined) return;
      orders.push(order);
      rowLines.push(this.rowLines[i] ?? 0);
    });
    const locator = linesLocator(file, rowLines);
    for (const p of checkOrdersAlone(orders, locator)) list.push(p);
    return {
      value: { orders, locator, rejected: this.rejected, rejectedLocator: linesLocator(file, this.rejectedLines) },
      problems: sortByLine(list.all()),
    };
  }

  private row(row: CsvRow): void {
    const { list } = this;
    const id = row.cell('order_id');
    if (id === '') {
      list.add(lineWhere(row.line), 'order_id', 'an order id', 'an empty cell');
      return;
    }
    const current = this.current;
    if (current !== undefined && current.id === id) {
      const first = current.rows[0];
      if (first === undefined || this.agrees(row, id, (c) => first.cell(c), first.line)) current.rows.push(row);
      return;
    }
    const judged = this.judged.get(id);
    if (judged !== undefined) {
      this.lateRow(row, id, judged);
      return;
    }
    if (current !== undefined) this.judge(current);
    this.current = { id, rows: [row] };
  }

  /** Whether a row agrees with its order's first row on the order's fields; reports each that does not. */
  private agrees(row: CsvRow, id: string, firstCell: (column: string) => string, firstLine: number): boolean {
    let agrees = true;
    for (const field of ORDER_LEVEL) {
      const column = ORDER_COLUMNS[field];
      const a = firstCell(column);
      const b = row.cell(column);
      const same = a === b || (field === 'allowedSources' && splitSources(a).join(';') === splitSources(b).join(';'));
      if (!same) {
        this.list.add(lineWhere(row.line), column, `${describeCell(a)} as on line ${firstLine} (same order_id "${id}")`, describeCell(b));
        agrees = false;
      }
    }
    return agrees;
  }

  private judge(group: OrderGroup): void {
    const candidate = buildOrder(group.id, group.rows, this.list, this.names);
    const lines = rowLinesOf(group.rows.map((r) => r.line));
    if (acceptsAsIs(Order, candidate)) {
      this.judged.set(group.id, this.orders.length);
      this.orders.push(candidate);
      this.rowLines.push(lines);
      return;
    }
    // Rejected: the regular parse says why.
    const result = Order.safeParse(candidate);
    if (result.success) throw new Error('internal: the order schema accepted what it had rejected');
    addZodIssues(this.list, result.error.issues, csvPlace(group.id, group.rows));
    this.judged.set(group.id, -this.rejected.length - 1);
    this.rejected.push(orderReferences(candidate));
    this.rejectedLines.push(lines);
    const first: Record<string, string> = {};
    for (const column of ORDER_LEVEL_COLUMNS) first[column] = group.rows[0]?.cell(column) ?? '';
    this.rejectedFirst.push(first);
  }

  /** A row of an order judged already (its rows were not contiguous). */
  private lateRow(row: CsvRow, id: string, judged: number): void {
    if (judged >= 0) {
      const order = this.orders[judged];
      const lines = this.rowLines[judged];
      if (order === undefined || lines === undefined) return;
      if (!this.agrees(row, id, (c) => orderCell(order, c), lineAt(lines, 0))) return;
      this.rowLines[judged] = withLine(lines, order.lines.length + (this.lateRows.get(judged)?.length ?? 0), row.line);
      const late = this.lateRows.get(judged);
      if (late === undefined) this.lateRows.set(judged, [row]);
      else late.push(row);
      return;
    }
    const index = -judged - 1;
    const first = this.rejectedFirst[index];
    const lines = this.rejectedLines[index];
    const refs = this.rejected[index];
    if (first === undefined || lines === undefined || refs === undefined) return;
    if (!this.agrees(row, id, (c) => first[c] ?? '', lineAt(lines, 0))) return;
    this.rejectedLines[index] = withLine(lines, refs.lines.length, row.line);
    const fields = lineOf(row, this.list, this.names);
    // Judged with its own row: the order is invalid anyway, this line's problems still count.
    const result = OrderLine.safeParse(fields);
    if (!result.success) addZodIssues(this.list, result.error.issues, (path) => csvPlace(id, [row])(['lines', 0, ...path]));
    refs.lines.push(orderReferences({ lines: [fields] }).lines[0] ?? {});
  }

  /** A valid order with late rows, judged again with all its lines. */
  private judgeAgain(index: number, late: readonly CsvRow[]): void {
    const order = this.orders[index];
    const lines = this.rowLines[index];
    if (order === undefined || lines === undefined) return;
    const earlier = order.lines.length;
    const candidate = { ...order, lines: [...order.lines, ...late.map((row) => lineOf(row, this.list, this.names))] };
    const result = Order.safeParse(candidate);
    if (result.success) {
      this.orders[index] = result.data;
      return;
    }
    const place = csvPlace(order.id, late);
    addZodIssues(this.list, result.error.issues, (path) => {
      const [head, a, ...rest] = path;
      if (head === 'lines' && typeof a === 'number') return place(a >= earlier ? ['lines', a - earlier, ...rest] : ['lines']);
      return { where: lineWhere(lineAt(lines, 0)), field: String(head ?? '(order)'), found: describeValue(valueAt(candidate, path)) };
    });
    this.orders[index] = undefined;
    this.rejected.push(orderReferences(candidate));
    this.rejectedLines.push(lines);
  }
}

/** The text of an order-level column as the order's first row had it (the schema keeps it as is). */
function orderCell(order: Order, column: string): string {
  switch (column) {
    case 'created_at':
      return order.createdAt;
    case 'destination':
      return order.destination;
    case 'service_level':
      return order.serviceLevel ?? '';
    case 'deliver_by':
      return order.deliverBy ?? '';
    case 'allowed_sources':
      return (order.allowedSources ?? []).join(';');
    default:
      return '';
  }
}

export function readOrdersCsv(text: string, file: string): Parsed<ParsedOrders> {
  const reader = new OrdersCsvReader(file);
  reader.feed(text);
  return reader.end();
}

/** What an order that failed its schema still says about the network: its well-formed references. */
export function orderReferences(value: unknown): OrderReferences & { lines: { sku?: string; taxCategory?: string }[] } {
  const candidate = asRecord(value);
  const id = (value: unknown): string | undefined => (Id.safeParse(value).success ? (value as string) : undefined);
  const refs: { destination?: string; serviceLevel?: string; allowedSources?: string[]; lines: { sku?: string; taxCategory?: string }[] } = { lines: [] };
  const destination = id(candidate['destination']);
  if (destination !== undefined) refs.destination = destination;
  const serviceLevel = id(candidate['serviceLevel']);
  if (serviceLevel !== undefined) refs.serviceLevel = serviceLevel;
  const sources = candidate['allowedSources'];
  if (Array.isArray(sources)) refs.allowedSources = sources.filter((s): s is string => id(s) !== undefined);
  const lines = candidate['lines'];
  if (Array.isArray(lines)) {
    for (const line of lines) {
      const fields = typeof line === 'object' && line !== null ? (line as Record<string, unknown>) : {};
      const sku = id(fields['sku']);
      const category = id(fields['taxCategory']);
      refs.lines.push({ ...(sku === undefined ? {} : { sku }), ...(category === undefined ? {} : { taxCategory: category }) });
    }
  }
  return refs;
}

/** One row's line-level cells as the line object the schema judges; cells that fail to convert are reported and left out. */
function lineOf(row: CsvRow, list: ProblemList, names: Interner): Record<string, unknown> {
  // Cells converted in column order (their problems are listed so), the line's keys set in the
  // schema's order (what the schema would return: see acceptsAsIs).
  const sku = row.cell('sku');
  const qty = numberCell(row, 'qty', list);
  const weight = numberCell(row, 'unit_weight_kg', list);
  const value = moneyCell(row, 'unit_value', list);
  const volume = numberCell(row, 'unit_volume_m3', list);
  const category = row.cell('tax_category');
  const lengthCm = numberCell(row, 'length_cm', list);
  const widthCm = numberCell(row, 'width_cm', list);
  const heightCm = numberCell(row, 'height_cm', list);
  const dimensions = lengthCm !== undefined && widthCm !== undefined && heightCm !== undefined;

  const line: Record<string, unknown> = {};
  if (sku !== '') line['sku'] = names.get(sku);
  if (qty !== undefined) line['qty'] = qty;
  if (weight !== undefined) line['unitWeightKg'] = weight;
  if (dimensions) line['dimensionsCm'] = [lengthCm, widthCm, heightCm];
  if (volume !== undefined) line['unitVolumeM3'] = volume;
  if (value !== undefined) line['unitValueMinor'] = value;
  if (category !== '') line['taxCategory'] = names.get(category);
  if (!dimensions && (row.cell('length_cm') !== '' || row.cell('width_cm') !== '' || row.cell('height_cm') !== '')) {
    DIM_COLUMNS.forEach((c) => {
      if (row.cell(c) === '') {
        list.add(lineWhere(row.line), c, 'a number (give all of length_cm, width_cm, height_cm, or none)', 'an empty cell');
      }
    });
    // The dimensions were given, if badly: "needs dimensions or volume" would only repeat that.
    list.suppress(lineWhere(row.line), 'unit_volume_m3');
  }
  return line;
}

/** Builds the order object the schema judges from its rows: order fields from the first, one line per row. */
function buildOrder(id: string, rows: readonly CsvRow[], list: ProblemList, names: Interner): Record<string, unknown> {
  const first = rows[0];
  const order: Record<string, unknown> = { id };
  const text = (column: string): string | undefined => {
    const value = first?.cell(column) ?? '';
    return value === '' ? undefined : value;
  };
  const createdAt = text('created_at');
  if (createdAt !== undefined) order['createdAt'] = createdAt;
  const destination = text('destination');
  if (destination !== undefined) order['destination'] = names.get(destination);
  const serviceLevel = text('service_level');
  if (serviceLevel !== undefined) order['serviceLevel'] = names.get(serviceLevel);
  const deliverBy = text('deliver_by');
  if (deliverBy !== undefined) order['deliverBy'] = deliverBy;
  const sources = splitSources(first?.cell('allowed_sources') ?? '', names);
  if (sources.length > 0) order['allowedSources'] = sources;
  order['lines'] = rows.map((row) => lineOf(row, list, names));
  return order;
}

/** Places a schema issue of one order on the CSV line and column it came from (`rows`: its rows, line by line). */
function csvPlace(id: string, rows: readonly CsvRow[]): (path: readonly PropertyKey[]) => IssuePlace {
  const first = rows[0];
  const firstWhere = lineWhere(first?.line ?? 0);
  const orderCellText = (column: string): string => first?.cell(column) ?? '';
  return (path) => {
    const [head, a, b, c] = path;
    if (head === 'lines' && typeof a === 'number') {
      const row = rows[a] ?? first;
      const where = lineWhere(row?.line ?? 0);
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
      return { where, field: column, found: describeCell(row?.cell(column) ?? '') };
    }
    if (head === 'lines') {
      return { where: firstWhere, field: 'order_id', found: `${rows.length} lines for order "${id}"` };
    }
    if (head === 'allowedSources') {
      const sources = splitSources(orderCellText('allowed_sources'));
      return {
        where: firstWhere,
        field: 'allowed_sources',
        found: typeof a === 'number' ? describeValue(sources[a]) : describeCell(orderCellText('allowed_sources')),
      };
    }
    if (head === 'serviceLevel') {
      return {
        where: firstWhere,
        field: 'service_level',
        found: describeCell(orderCellText('service_level')),
        expected: 'service_level or deliver_by',
      };
    }
    const column = typeof head === 'string' && head in ORDER_COLUMNS ? ORDER_COLUMNS[head as keyof typeof ORDER_COLUMNS] : String(head ?? '(order)');
    return { where: firstWhere, field: column, found: describeCell(orderCellText(column)) };
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
