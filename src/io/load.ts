// Loading inputs from files (the I/O edge): read the text, hand it to the pure readers, run
// the cross-file checks, and throw one InputError carrying every problem of every file.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { checkOrdersAgainst, checkStockAgainst } from '../domain/check-batch.js';
import type { InputProblem } from '../domain/errors.js';
import type { Network } from '../domain/network.js';
import type { Order, StockRecord } from '../domain/orders.js';
import { readNetworkText } from './network.js';
import { type ParsedOrders, readOrdersCsv, readOrdersJson, readOrdersText } from './orders.js';
import { type Parsed, orThrow, sortProblems, throwIfErrors } from './problems.js';
import { type ParsedStock, readStockCsv, readStockJson, readStockText } from './stock.js';

/** The file's text, or the problem of reading it (missing, a directory, unreadable). */
export function readInputFile(path: string): { text: string } | { problem: InputProblem } {
  try {
    return { text: readFileSync(path, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const found =
      code === 'ENOENT' ? 'no such file'
      : code === 'EISDIR' ? 'a directory'
      : code === 'EACCES' || code === 'EPERM' ? 'a file this user may not read'
      : `an unreadable file (${code ?? (error instanceof Error ? error.message : String(error))})`;
    return { problem: { file: path, where: '(file)', field: '(file)', expected: 'a readable file', found, severity: 'error' } };
  }
}

function readWith<T>(path: string, empty: T, reader: (text: string, file: string) => Parsed<T>): Parsed<T> {
  const read = readInputFile(path);
  if ('problem' in read) return { value: empty, problems: [read.problem] };
  return reader(read.text, path);
}

/** CSV or JSON by extension, by content when the extension says neither. */
function byExtension<T>(path: string, csv: (t: string, f: string) => Parsed<T>, json: (t: string, f: string) => Parsed<T>, sniff: (t: string, f: string) => Parsed<T>) {
  const ext = extname(path).toLowerCase();
  return ext === '.csv' ? csv : ext === '.json' ? json : sniff;
}

export function readNetworkFile(path: string): Parsed<Network | undefined> {
  return readWith(path, undefined, readNetworkText);
}

export function readOrdersFile(path: string): Parsed<ParsedOrders> {
  const empty: ParsedOrders = { orders: [], locator: { file: path, order: (_i, field) => ({ where: '(file)', field }), line: (_i, _j, field) => ({ where: '(file)', field }) } };
  return readWith(path, empty, byExtension(path, readOrdersCsv, readOrdersJson, readOrdersText));
}

export function readStockFile(path: string): Parsed<ParsedStock> {
  const empty: ParsedStock = { stock: [], locator: { file: path, record: (_i, field) => ({ where: '(file)', field }) } };
  return readWith(path, empty, byExtension(path, readStockCsv, readStockJson, readStockText));
}

/** The network of a file, checked; throws InputError on any error (warnings do not throw). */
export function loadNetwork(path: string): Network {
  const network = orThrow(readNetworkFile(path));
  if (network === undefined) throw new Error('internal: network without errors but no value');
  return network;
}

/** The orders of a CSV or JSON file, checked on their own (not against a network). */
export function loadOrders(path: string): Order[] {
  return orThrow(readOrdersFile(path)).orders;
}

/** The stock records of a CSV or JSON file, checked on their own (not against a network). */
export function loadStock(path: string): StockRecord[] {
  return orThrow(readStockFile(path)).stock;
}

export interface InputPaths {
  network: string;
  orders?: string | undefined;
  stock?: string | undefined;
}

export interface LoadedInputs {
  network: Network;
  /** Undefined when no orders file was given. */
  orders: Order[] | undefined;
  stock: StockRecord[] | undefined;
  warnings: InputProblem[];
}

export interface InputReport {
  /** The inputs, when there is no error. */
  inputs: LoadedInputs | undefined;
  errors: InputProblem[];
  warnings: InputProblem[];
}

/**
 * Reads and checks every given file, then orders and stock against the network (and orders'
 * SKUs against the stock). All problems of all files are collected before anything is decided.
 */
export function inspectInputs(paths: InputPaths): InputReport {
  const net = readNetworkFile(paths.network);
  const orders = paths.orders === undefined ? undefined : readOrdersFile(paths.orders);
  const stock = paths.stock === undefined ? undefined : readStockFile(paths.stock);
  const problems: InputProblem[] = [...net.problems, ...(orders?.problems ?? []), ...(stock?.problems ?? [])];
  const network = net.value;
  if (network !== undefined) {
    // Checked against what parsed; a stock file that failed entirely must not make every SKU "unknown".
    const stockOk = stock !== undefined && !stock.problems.some((p) => p.severity === 'error');
    if (orders !== undefined) {
      problems.push(...checkOrdersAgainst(network, orders.value.orders, orders.value.locator, stockOk ? stock.value.stock : undefined));
    }
    if (stock !== undefined) problems.push(...checkStockAgainst(network, stock.value.stock, stock.value.locator));
  }
  const sorted = sortProblems(problems);
  const errors = sorted.filter((p) => p.severity === 'error');
  const warnings = sorted.filter((p) => p.severity === 'warning');
  const inputs =
    errors.length === 0 && network !== undefined
      ? { network, orders: orders?.value.orders, stock: stock?.value.stock, warnings }
      : undefined;
  return { inputs, errors, warnings };
}

/** The checked inputs, or an InputError carrying every problem of every file. */
export function loadInputs(paths: InputPaths): LoadedInputs {
  const report = inspectInputs(paths);
  throwIfErrors([...report.errors, ...report.warnings]);
  if (report.inputs === undefined) throw new Error('internal: inputs without errors but no value');
  return report.inputs;
}
