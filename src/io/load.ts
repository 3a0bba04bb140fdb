// Loading inputs from files (the I/O edge): stream the text (CSV a megabyte at a time) into the
// pure readers, run the cross-file checks, and throw one InputError carrying every problem of
// every file.
import { isAscii } from 'node:buffer';
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { extname } from 'node:path';
import { checkOrdersAgainst, checkStockAgainst } from '../domain/check-batch.js';
import type { InputProblem } from '../domain/errors.js';
import type { Network } from '../domain/network.js';
import type { Order, StockRecord } from '../domain/orders.js';
import { recordChecked } from './checked-inputs.js';
import { readNetworkText } from './network.js';
import type { OrdersLocator } from '../domain/check-batch.js';
import { looksLikeJson } from './json-text.js';
import { OrdersCsvReader, type ParsedOrders, readOrdersJson } from './orders.js';
import { type Parsed, capPerFile, orThrow, sortProblems, throwIfErrors } from './problems.js';
import { type ParsedStock, StockCsvReader, readStockJson } from './stock.js';

/** The file's text, or the problem of reading it (missing, a directory, unreadable). */
export function readInputFile(path: string): { text: string } | { problem: InputProblem } {
  try {
    return { text: readFileSync(path, 'utf8') };
  } catch (error) {
    return { problem: readProblem(path, error) };
  }
}

function readProblem(path: string, error: unknown): InputProblem {
  const code = (error as NodeJS.ErrnoException).code;
  const found =
    code === 'ENOENT' ? 'no such file'
    : code === 'EISDIR' ? 'a directory'
    : code === 'EACCES' || code === 'EPERM' ? 'a file this user may not read'
    : `an unreadable file (${code ?? (error instanceof Error ? error.message : String(error))})`;
  return { file: path, where: '(file)', field: '(file)', expected: 'a readable file', found, severity: 'error' };
}

function readWith<T>(path: string, empty: T, reader: (text: string, file: string) => Parsed<T>): Parsed<T> {
  const read = readInputFile(path);
  if ('problem' in read) return { value: empty, problems: [read.problem] };
  return reader(read.text, path);
}

/** A reader that takes a file's text in chunks. */
interface ChunkReader<T> {
  feed(chunk: string): void;
  end(): Parsed<T>;
}

/** Bytes read at a time: large enough that a read costs little, small enough to hold many. */
const CHUNK_BYTES = 1 << 20;

/**
 * Streams a file through a chunk reader, a megabyte at a time, decoded as UTF-8 (invalid bytes
 * read as U+FFFD, as readFileSync does): the file's text is never whole in memory. `sniff`
 * chooses the reader from the first chunk (CSV or JSON when the extension says neither); a
 * JSON document is read whole, as JSON.parse needs it.
 */
function streamWith<T>(path: string, empty: T, choose: (firstChunk: string) => ChunkReader<T> | 'whole', whole: (text: string, file: string) => Parsed<T>): Parsed<T> {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    return { value: empty, problems: [readProblem(path, error)] };
  }
  try {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    const decoder = new TextDecoder('utf-8');
    // Whether the decoder may hold the first bytes of a character split across two chunks.
    let decoderHolds = false;
    let reader: ChunkReader<T> | undefined;
    let wholeText: string[] | undefined;
    for (;;) {
      const n = readSync(fd, buffer, 0, CHUNK_BYTES, null);
      const bytes = buffer.subarray(0, n);
      // An all-ASCII chunk (nearly every chunk of a real file) is its own text: read as Latin-1 it
      // is the same characters, in a one-byte string, where the decoder makes a two-byte one —
      // twice the memory for every cell an order keeps, and slower to split.
      const ascii = n > 0 && !decoderHolds && isAscii(bytes);
      const chunk = ascii ? buffer.toString('latin1', 0, n) : decoder.decode(bytes, { stream: n > 0 });
      if (!ascii) decoderHolds = n > 0 && endsInsideCharacter(bytes);
      if (reader === undefined && wholeText === undefined && (chunk !== '' || n === 0)) {
        const chosen = choose(chunk);
        if (chosen === 'whole') wholeText = [];
        else reader = chosen;
      }
      if (wholeText !== undefined) wholeText.push(chunk);
      else reader?.feed(chunk);
      if (n === 0) break;
    }
    if (wholeText !== undefined) return whole(wholeText.join(''), path);
    if (reader === undefined) throw new Error('internal: a file read without choosing its reader');
    return reader.end();
  } catch (error) {
    return { value: empty, problems: [readProblem(path, error)] };
  } finally {
    closeSync(fd);
  }
}

/**
 * Whether UTF-8 bytes end inside a multi-byte character: a lead byte among the last three whose
 * character needs more bytes than follow it (the decoder then holds them for the next chunk).
 */
export function endsInsideCharacter(bytes: Uint8Array): boolean {
  for (let back = 1; back <= Math.min(3, bytes.length); back += 1) {
    const b = bytes[bytes.length - back] ?? 0;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return length > back;
  }
  return false;
}

function extensionOf(path: string): 'csv' | 'json' | 'other' {
  const ext = extname(path).toLowerCase();
  return ext === '.csv' ? 'csv' : ext === '.json' ? 'json' : 'other';
}

export function readNetworkFile(path: string): Parsed<Network | undefined> {
  return readWith(path, undefined, readNetworkText);
}

export function readOrdersFile(path: string): Parsed<ParsedOrders> {
  const nowhere: OrdersLocator = { file: path, order: (_i, field) => ({ where: '(file)', field }), line: (_i, _j, field) => ({ where: '(file)', field }) };
  const empty: ParsedOrders = { orders: [], locator: nowhere, rejected: [], rejectedLocator: nowhere };
  const ext = extensionOf(path);
  return streamWith(
    path,
    empty,
    (first) => (ext === 'json' || (ext === 'other' && looksLikeJson(first)) ? 'whole' : new OrdersCsvReader(path)),
    readOrdersJson,
  );
}

export function readStockFile(path: string): Parsed<ParsedStock> {
  const empty: ParsedStock = { stock: [], locator: { file: path, record: (_i, field) => ({ where: '(file)', field }) } };
  const ext = extensionOf(path);
  return streamWith(
    path,
    empty,
    (first) => (ext === 'json' || (ext === 'other' && looksLikeJson(first)) ? 'whole' : new StockCsvReader(path)),
    readStockJson,
  );
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

/** Frozen by `loadInputs` (see checked-inputs.ts): checked once, they cannot change unchecked. */
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
  const problems: InputProblem[] = [];
  for (const list of [net.problems, orders?.problems ?? [], stock?.problems ?? []]) for (const p of list) problems.push(p);
  const network = net.value;
  if (network !== undefined) {
    // Checked against what parsed; a stock file that failed entirely must not make every SKU "unknown".
    const stockOk = stock !== undefined && !stock.problems.some((p) => p.severity === 'error');
    if (orders !== undefined) {
      const { value } = orders;
      for (const p of checkOrdersAgainst(network, value.orders, value.locator, stockOk ? stock.value.stock : undefined)) problems.push(p);
      // Orders that failed their schema: their other problems too (an unknown destination, …).
      for (const p of checkOrdersAgainst(network, value.rejected, value.rejectedLocator)) problems.push(p);
    }
    if (stock !== undefined) for (const p of checkStockAgainst(network, stock.value.stock, stock.value.locator)) problems.push(p);
  }
  // The checks against the network add to each file's capped list: cap the whole again.
  const sorted = sortProblems(capPerFile(problems));
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
  const { inputs } = report;
  if (inputs === undefined) throw new Error('internal: inputs without errors but no value');
  // Checked against this network and stock: the planner need not check them again (frozen).
  if (inputs.orders !== undefined) recordChecked(inputs.orders, inputs.network, inputs.stock);
  return inputs;
}
