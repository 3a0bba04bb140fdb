// Reading one of our CSV inputs as a table: the `#xbroute.<kind>/v1` schema line, a header
// naming known columns, rows of the header's width, and cell converters (decimal numbers,
// money in major units -> integer minor units) that report located problems.
import type { InputProblem } from '../domain/errors.js';
import { readCsv } from './csv.js';
import { MORE_PROBLEMS_FIELD, type ProblemList, describeValue } from './problems.js';

/** One data row: its line in the file and its cells by column name. */
export class CsvRow {
  constructor(
    readonly line: number,
    private readonly cells: readonly string[],
    private readonly position: ReadonlyMap<string, number>,
  ) {}

  /** Cell text by column name, trimmed; a column the header lacks reads as an empty string. */
  cell(column: string): string {
    const i = this.position.get(column);
    return i === undefined ? '' : (this.cells[i] ?? '').trim();
  }
}

export interface CsvTableSpec {
  /** e.g. "xbroute.orders/v1" */
  schema: string;
  required: readonly string[];
  optional: readonly string[];
}

export function lineWhere(line: number): string {
  return `line ${line}`;
}

/** Problems in file order: by line (stable, so one row's problems keep their order); file-wide ones first, the cap's summary last. */
export function sortByLine(problems: readonly InputProblem[]): InputProblem[] {
  const lineOf = (p: InputProblem): number => {
    if (p.field === MORE_PROBLEMS_FIELD) return Number.MAX_SAFE_INTEGER;
    const m = /^line (\d+)$/.exec(p.where);
    return m === null ? 0 : Number(m[1]);
  };
  return problems
    .map((p, i) => ({ p, i, line: lineOf(p) }))
    .sort((a, b) => a.line - b.line || a.i - b.i)
    .map((x) => x.p);
}

/**
 * Reads the schema line, the header and the rows, reporting every problem into `list`.
 * Returns undefined when the table cannot be read at all (no or wrong schema line, bad header).
 */
export function readCsvTable(text: string, spec: CsvTableSpec, list: ProblemList): CsvRow[] | undefined {
  if (text.replace(/^\uFEFF/, '').trim() === '') {
    list.add(lineWhere(1), 'schema line', `"#${spec.schema}" then a header row`, 'an empty file');
    return undefined;
  }
  const doc = readCsv(text);
  if (doc.schemaLine === undefined) {
    const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
    list.add(lineWhere(1), 'schema line', `"#${spec.schema}" as the first line`, describeValue(firstLine));
    return undefined;
  }
  // Spreadsheets pad every line to the table's width: "#xbroute.orders/v1,,,," is the same line.
  const schemaLine = doc.schemaLine.replace(/,+$/, '');
  if (schemaLine !== spec.schema) {
    const [kind] = spec.schema.split('/');
    const sameKind = schemaLine.startsWith(`${kind ?? ''}/`);
    list.add(
      lineWhere(1),
      'schema line',
      sameKind ? `"#${spec.schema}" (the only version this xbroute reads)` : `"#${spec.schema}"`,
      `"#${schemaLine}"${sameKind ? ' (unsupported version)' : ''}`,
    );
    return undefined;
  }
  for (const p of doc.problems) list.add(lineWhere(p.line), '(CSV syntax)', 'valid CSV (RFC 4180)', p.message);

  const [header, ...records] = doc.records;
  if (header === undefined) {
    list.add(lineWhere(2), 'header', `a header row: ${[...spec.required, ...spec.optional].join(',')}`, 'nothing');
    return undefined;
  }
  const known = new Set([...spec.required, ...spec.optional]);
  const columns = header.cells.map((c) => c.trim());
  const position = new Map<string, number>();
  let headerOk = true;
  columns.forEach((name, i) => {
    if (!known.has(name)) {
      list.add(lineWhere(header.line), name === '' ? `(column ${i + 1})` : name, `one of the columns ${[...known].join(', ')}`, `an unknown column ${describeValue(name)}`);
      headerOk = false;
    } else if (position.has(name)) {
      list.add(lineWhere(header.line), name, 'each column once', `"${name}" twice`);
      headerOk = false;
    } else position.set(name, i);
  });
  for (const name of spec.required) {
    if (!position.has(name)) {
      list.add(lineWhere(header.line), name, `a column named "${name}"`, 'no such column in the header');
      headerOk = false;
    }
  }
  if (!headerOk) return undefined;

  const rows: CsvRow[] = [];
  for (const record of records) {
    if (record.cells.length !== columns.length) {
      list.add(lineWhere(record.line), '(row)', `${columns.length} columns, as in the header`, `${record.cells.length} column${record.cells.length === 1 ? '' : 's'}`);
      continue;
    }
    rows.push(new CsvRow(record.line, record.cells, position));
  }
  return rows;
}

/** A finite decimal number ("12", "0.5", "1e3"); not "", "NaN", "Infinity", "0x10", "1,5". */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Converts a cell to a number, or reports why not and returns undefined.
 * An empty cell is undefined without a problem: whether it may be empty is the schema's call.
 */
export function numberCell(row: CsvRow, column: string, list: ProblemList): number | undefined {
  const text = row.cell(column);
  if (text === '') return undefined;
  if (!DECIMAL.test(text)) {
    list.add(lineWhere(row.line), column, 'a decimal number such as 12.5', describeValue(text));
    return undefined;
  }
  const value = Number(text);
  if (!Number.isFinite(value)) {
    list.add(lineWhere(row.line), column, 'a finite number', describeValue(text));
    return undefined;
  }
  return value;
}

/** Major units with at most two decimals ("129.90") -> integer minor units (12990), exactly. */
const MONEY = /^(\d+)(?:\.(\d{1,2}))?$/;

/** Parses the decimal string itself, so "0.29" is 29 and never 28.999999999999996. */
export function moneyCell(row: CsvRow, column: string, list: ProblemList): number | undefined {
  const text = row.cell(column);
  if (text === '') return undefined;
  const m = MONEY.exec(text);
  if (m === null) {
    const tooPrecise = /^\d+\.\d{3,}$/.test(text);
    list.add(
      lineWhere(row.line),
      column,
      tooPrecise ? 'an amount with at most 2 decimals, such as 129.90' : 'a non-negative amount such as 129.90',
      describeValue(text),
    );
    return undefined;
  }
  const whole = m[1] ?? '0';
  const cents = (m[2] ?? '').padEnd(2, '0');
  // Beyond 15 digits the sum is inexact, but such a value is far over the schema's limit anyway.
  return Number(whole) * 100 + Number(cents);
}
