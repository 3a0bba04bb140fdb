// Stock records from text: CSV (`node,sku,qty`) or JSON (`{ schema, stock: [...] }`). Pure.
import { type StockLocator, checkStockAlone, jsonStockLocator } from '../domain/check-batch.js';
import { STOCK_SCHEMA, StockRecord } from '../domain/orders.js';
import { lineWhere, numberCell, readCsvTable, sortByLine } from './csv-table.js';
import { looksLikeJson, readJsonDocument } from './json-text.js';
import { type Parsed, ProblemList, addZodIssues, describeValue, jsonPlace, orThrow, parseEach } from './problems.js';

export interface ParsedStock {
  stock: StockRecord[];
  locator: StockLocator;
}

export const STOCK_CSV_COLUMNS = ['node', 'sku', 'qty'] as const;

export function readStockCsv(text: string, file: string): Parsed<ParsedStock> {
  const list = new ProblemList(file);
  const stock: StockRecord[] = [];
  const lines: number[] = [];
  const locator: StockLocator = { file, record: (i, field) => ({ where: lineWhere(lines[i] ?? 0), field }) };
  const rows = readCsvTable(text, { schema: STOCK_SCHEMA, required: STOCK_CSV_COLUMNS, optional: [] }, list);
  if (rows === undefined) return { value: { stock, locator }, problems: sortByLine(list.all()) };
  for (const row of rows) {
    const candidate: Record<string, unknown> = {};
    if (row.cell('node') !== '') candidate['node'] = row.cell('node');
    if (row.cell('sku') !== '') candidate['sku'] = row.cell('sku');
    const qty = numberCell(row, 'qty', list);
    if (qty !== undefined) candidate['qty'] = qty;
    const result = StockRecord.safeParse(candidate);
    if (result.success) {
      stock.push(result.data);
      lines.push(row.line);
    } else {
      addZodIssues(list, result.error.issues, (path) => {
        const column = String(path[0] ?? '(row)');
        const cell = row.cell(column);
        return { where: lineWhere(row.line), field: column, found: cell === '' ? 'an empty cell' : describeValue(cell) };
      });
    }
  }
  for (const p of checkStockAlone(stock, locator)) list.push(p);
  return { value: { stock, locator }, problems: sortByLine(list.all()) };
}

export function readStockJson(text: string, file: string): Parsed<ParsedStock> {
  const list = new ProblemList(file);
  const stock: StockRecord[] = [];
  const indexInFile: number[] = [];
  const locator = jsonStockLocator(file, (i) => indexInFile[i] ?? i);
  const root = readJsonDocument(text, STOCK_SCHEMA, list);
  if (root === undefined) return { value: { stock, locator }, problems: list.all() };
  for (const key of Object.keys(root)) {
    if (key !== 'schema' && key !== 'stock') list.add(key, key, 'only "schema" and "stock" at the top level', `an unknown field "${key}"`);
  }
  const items = root['stock'];
  if (!Array.isArray(items)) {
    list.add('stock', 'stock', 'an array of stock records', describeValue(items));
    return { value: { stock, locator }, problems: list.all() };
  }
  const place = jsonPlace(root);
  const parsed = parseEach(items, StockRecord, 'stock', list, place);
  stock.push(...parsed.values);
  indexInFile.push(...parsed.indexInFile);
  for (const p of checkStockAlone(stock, locator)) list.push(p);
  return { value: { stock, locator }, problems: list.all() };
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
