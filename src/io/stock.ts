// Stock records from text: CSV (`node,sku,qty`, whole or as a stream of chunks) or JSON
// (`{ schema, stock: [...] }`). Pure.
import { type StockLocator, checkStockAlone, jsonStockLocator } from '../domain/check-batch.js';
import { STOCK_SCHEMA, StockRecord } from '../domain/orders.js';
import { type CsvRow, CsvTableStream, lineWhere, numberCell, sortByLine } from './csv-table.js';
import { looksLikeJson, readJsonDocument } from './json-text.js';
import { type Parsed, ProblemList, addZodIssues, describeValue, jsonPlace, orThrow, parseEach } from './problems.js';

export interface ParsedStock {
  stock: StockRecord[];
  locator: StockLocator;
}

export const STOCK_CSV_COLUMNS = ['node', 'sku', 'qty'] as const;

/** The stock CSV read as a stream: feed chunks of the file's text, then end(). Each row is judged as it arrives. */
export class StockCsvReader {
  private readonly list: ProblemList;
  private readonly table: CsvTableStream;
  private readonly stock: StockRecord[] = [];
  private readonly lines: number[] = [];

  constructor(private readonly file: string) {
    this.list = new ProblemList(file);
    this.table = new CsvTableStream({ schema: STOCK_SCHEMA, required: STOCK_CSV_COLUMNS, optional: [] }, this.list, (row) => this.row(row));
  }

  feed(chunk: string): void {
    this.table.feed(chunk);
  }

  end(): Parsed<ParsedStock> {
    const { list, stock, lines, file } = this;
    const locator: StockLocator = { file, record: (i, field) => ({ where: lineWhere(lines[i] ?? 0), field }) };
    if (!this.table.end()) return { value: { stock: [], locator }, problems: sortByLine(list.all()) };
    for (const p of checkStockAlone(stock, locator)) list.push(p);
    return { value: { stock, locator }, problems: sortByLine(list.all()) };
  }

  private row(row: CsvRow): void {
    const { list } = this;
    const candidate: Record<string, unknown> = {};
    if (row.cell('node') !== '') candidate['node'] = row.cell('node');
    if (row.cell('sku') !== '') candidate['sku'] = row.cell('sku');
    const qty = numberCell(row, 'qty', list);
    if (qty !== undefined) candidate['qty'] = qty;
    const result = StockRecord.safeParse(candidate);
    if (result.success) {
      this.stock.push(result.data);
      this.lines.push(row.line);
    } else {
      addZodIssues(list, result.error.issues, (path) => {
        const column = String(path[0] ?? '(row)');
        const cell = row.cell(column);
        return { where: lineWhere(row.line), field: column, found: cell === '' ? 'an empty cell' : describeValue(cell) };
      });
    }
  }
}

export function readStockCsv(text: string, file: string): Parsed<ParsedStock> {
  const reader = new StockCsvReader(file);
  reader.feed(text);
  return reader.end();
}

export function readStockJson(text: string, file: string): Parsed<ParsedStock> {
  const list = new ProblemList(file);
  const nothing = (): ParsedStock => ({ stock: [], locator: jsonStockLocator(file) });
  const root = readJsonDocument(text, STOCK_SCHEMA, list);
  if (root === undefined) return { value: nothing(), problems: list.all() };
  for (const key of Object.keys(root)) {
    if (key !== 'schema' && key !== 'stock') list.add(key, key, 'only "schema" and "stock" at the top level', `an unknown field "${key}"`);
  }
  const items = root['stock'];
  if (!Array.isArray(items)) {
    list.add('stock', 'stock', 'an array of stock records', describeValue(items));
    return { value: nothing(), problems: list.all() };
  }
  const place = jsonPlace(root);
  const parsed = parseEach(items, StockRecord, 'stock', list, place);
  const parsedLocator = jsonStockLocator(file, (i) => parsed.indexInFile[i] ?? i);
  for (const p of checkStockAlone(parsed.values, parsedLocator)) list.push(p);
  return { value: { stock: parsed.values, locator: parsedLocator }, problems: list.all() };
}

export function readStockText(text: string, file: string): Parsed<ParsedStock> {
  return looksLikeJson(text) ? readStockJson(text, file) : readStockCsv(text, file);
}

export function parseStockCsv(text: string, file: string): ParsedStock {
  return orThrow(readStockCsv(text, file));
}
export function parseStockJson(text: string, file: string): ParsedStock {
  return orThrow(readStockJson(text, file));
}
export function parseStockText(text: string, file: string): ParsedStock {
  return orThrow(readStockText(text, file));
}
